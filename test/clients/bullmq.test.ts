// Acceptance: BullMQ (Lua-heavy: cmsgpack, cjson, dozens of scripts; streams for its events) runs the
// same job mix against cinnabar and against redis-server and finishes with the same counts: 10,000 jobs,
// three workers, retries with backoff, delayed jobs, prioritised jobs, jobs that fail for good, and a
// rate limiter whose bound is checked from the completion times.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Queue, QueueEvents, Worker, type Job } from 'bullmq';
import { startCinnabar, startRedis, type RunningServer } from '../helpers/servers.js';

const JOBS = 10_000;
const LIMIT = { max: 4000, duration: 1000 };

let cin: RunningServer;
let ref: RunningServer;
beforeAll(async () => {
  [cin, ref] = await Promise.all([startCinnabar(), startRedis()]);
});
afterAll(async () => {
  await Promise.all([cin?.stop(), ref?.stop()]);
});

interface Outcome {
  completed: number;
  failed: number;
  counts: Record<string, number>;
  resultSum: number;
  attempts: number;
  priorityOrderOk: boolean;
  maxPerWindow: number;
  delayedRespected: boolean;
  events: { completed: number; failed: number };
}

async function runMix(port: number): Promise<Outcome> {
  const connection = { host: '127.0.0.1', port, maxRetriesPerRequest: null };
  const name = 'accept';
  const queue = new Queue(name, { connection });
  await queue.obliterate({ force: true });
  const events = new QueueEvents(name, { connection });
  await events.waitUntilReady();
  const seen = { completed: 0, failed: 0 };
  events.on('completed', () => seen.completed++);
  events.on('failed', () => seen.failed++);

  let completed = 0;
  let failed = 0;
  let resultSum = 0;
  let attempts = 0;
  const finishTimes: number[] = [];
  let delayedRespected = true;
  const processor = async (job: Job) => {
    const i = job.data.i as number;
    attempts++;
    if (job.opts.delay && Date.now() - job.timestamp < job.opts.delay - 5) delayedRespected = false;
    if (i % 97 === 0) throw new Error(`job ${i} always fails`);
    if (i % 10 === 0 && job.attemptsMade === 0) throw new Error(`job ${i} fails once`);
    return i * 2;
  };
  const workers = [0, 1, 2].map(
    () => new Worker(name, processor, { connection, concurrency: 20, limiter: LIMIT, autorun: false }),
  );
  for (const w of workers) {
    w.on('completed', (_job, result: number) => {
      completed++;
      resultSum += result;
      finishTimes.push(Date.now());
    });
    w.on('failed', (job) => {
      if (job && job.attemptsMade >= (job.opts.attempts ?? 1)) failed++;
    });
  }

  // The producer: plain, delayed and prioritised jobs, each allowed three attempts with a short backoff.
  for (let start = 0; start < JOBS; start += 500) {
    const batch = [];
    for (let i = start; i < Math.min(JOBS, start + 500); i++) {
      const opts: Record<string, unknown> = { attempts: 3, backoff: { type: 'fixed', delay: 20 }, removeOnComplete: false };
      if (i % 11 === 0) opts.delay = 50 + (i % 5) * 20;
      else if (i % 7 === 0) opts.priority = 1 + (i % 4);
      batch.push({ name: 'job', data: { i }, opts });
    }
    await queue.addBulk(batch);
  }
  // Priority: before any worker runs, the prioritised jobs come out first, lowest number first.
  const prioritized = await queue.getPrioritized(0, 5);
  const priorityOrderOk = prioritized.length > 0 && prioritized.every((j, k) => k === 0 || (j.opts.priority ?? 0) >= (prioritized[k - 1].opts.priority ?? 0));

  const began = Date.now();
  for (const w of workers) void w.run();
  const expectedFailed = Math.ceil(JOBS / 97);
  const deadline = Date.now() + 150_000;
  while (completed + failed < JOBS && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  const elapsed = Date.now() - began;
  await new Promise((r) => setTimeout(r, 300));
  const counts = await queue.getJobCounts('completed', 'failed', 'delayed', 'waiting', 'active', 'prioritized');
  await Promise.all(workers.map((w) => w.close()));
  await events.close();
  await queue.close();

  finishTimes.sort((a, b) => a - b);
  let maxPerWindow = 0;
  for (let lo = 0, hi = 0; hi < finishTimes.length; hi++) {
    while (finishTimes[hi] - finishTimes[lo] >= LIMIT.duration) lo++;
    maxPerWindow = Math.max(maxPerWindow, hi - lo + 1);
  }
  expect(failed).toBe(expectedFailed);
  console.log(`BullMQ on port ${port}: ${JOBS} jobs processed in ${elapsed} ms`);
  return { completed, failed, counts, resultSum, attempts, priorityOrderOk, maxPerWindow, delayedRespected, events: seen };
}

describe('BullMQ acceptance', () => {
  it('10,000 jobs with retries, delays, priorities and a rate limiter end the same on both servers', async () => {
    const ours = await runMix(cin.port);
    const theirs = await runMix(ref.port);
    const expected = { completed: JOBS - Math.ceil(JOBS / 97), failed: Math.ceil(JOBS / 97) };
    for (const o of [ours, theirs]) {
      expect(o.completed).toBe(expected.completed);
      expect(o.failed).toBe(expected.failed);
      expect(o.counts).toEqual({ completed: expected.completed, failed: expected.failed, delayed: 0, waiting: 0, active: 0, prioritized: 0 });
      expect(o.priorityOrderOk).toBe(true);
      expect(o.delayedRespected).toBe(true);
      // The limiter: completions within any one-second window stay near the bound (a window can straddle
      // two limiter periods, hence the factor of two).
      expect(o.maxPerWindow).toBeLessThanOrEqual(LIMIT.max * 2);
    }
    expect(ours.resultSum).toBe(theirs.resultSum);
    expect(ours.attempts).toBe(theirs.attempts);
    expect(ours.events.completed).toBe(theirs.events.completed);
    expect(ours.events.failed).toBe(theirs.events.failed);
  }, 400_000);
});
