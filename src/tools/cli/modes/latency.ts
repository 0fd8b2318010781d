// --latency, --latency-history and --latency-dist: PING round trips every 10 ms. On a terminal the
// running min/max/avg is redrawn in place; otherwise (or with --raw/--csv) one line is printed after
// the -i interval. --latency-dist draws a colour spectrum per interval.
// Counterpart: latencyMode, latencyDistMode and showLatencyDist* in Redis's redis-cli.c.
import type { Session } from '../session.js';
import { sleep } from './scan.js';
import { cFixed } from './printf.js';

const SAMPLE_RATE_MS = 10;
const HISTORY_DEFAULT_MS = 15000;
const DIST_DEFAULT_MS = 1000;

const nowMs = () => Math.floor(Number(process.hrtime.bigint() / 1000n) / 1000);
const nowUs = () => Number(process.hrtime.bigint() / 1000n);

function latencyLine(session: Session, min: number, max: number, avg: number, count: number): string {
  const mode = session.fmt.mode;
  if (mode === 'standard') return `min: ${min}, max: ${max}, avg: ${cFixed(avg, 2)} (${count} samples)`;
  if (mode === 'csv') return `${min},${max},${cFixed(avg, 2)},${count}\n`;
  return `${min} ${max} ${cFixed(avg, 2)} ${count}\n`;
}

export async function latencyMode(session: Session, history: boolean): Promise<number> {
  const intervalMs = session.opts.interval * 1000;
  const historyInterval = intervalMs ? Math.floor(intervalMs) : HISTORY_DEFAULT_MS;
  const reportAfter = intervalMs ? Math.floor(intervalMs) : 1000;
  let min = 0;
  let max = 0;
  let tot = 0;
  let count = 0;
  let historyStart = nowMs();
  for (;;) {
    const start = nowMs();
    if (!(await session.reconnectingCall(['PING']))) return 1;
    const latency = nowMs() - start;
    count++;
    let avg: number;
    if (count === 1) {
      min = max = tot = latency;
      avg = latency;
    } else {
      if (latency < min) min = latency;
      if (latency > max) max = latency;
      tot += latency;
      avg = tot / count;
    }
    if (session.fmt.mode === 'standard') {
      session.out('\x1b[0G\x1b[2K' + latencyLine(session, min, max, avg, count));
    } else if (history) {
      session.out(latencyLine(session, min, max, avg, count));
    } else if (nowMs() - historyStart > reportAfter) {
      session.out(latencyLine(session, min, max, avg, count));
      return 0;
    }
    if (history && nowMs() - historyStart > historyInterval) {
      session.out(` -- ${cFixed((nowMs() - historyStart) / 1000, 2)} seconds range\n`);
      historyStart = nowMs();
      min = max = tot = count = 0;
    }
    if (session.stopped) return 0;
    await sleep(SAMPLE_RATE_MS);
  }
}

const PALETTE_COLOR = [0, 233, 234, 235, 237, 239, 241, 243, 245, 247, 144, 143, 142, 184, 226, 214, 208, 202, 196];
const PALETTE_MONO = [0, 233, 234, 235, 237, 239, 241, 243, 245, 247, 249, 251, 253];

/** Bucket upper bounds in microseconds (0: everything slower) and the character each is drawn with. */
const BUCKETS: Array<[number, string]> = [
  [10, '.'], [125, '-'], [250, '*'], [500, '#'],
  [1000, '1'], [2000, '2'], [3000, '3'], [4000, '4'], [5000, '5'], [6000, '6'], [7000, '7'], [8000, '8'], [9000, '9'],
  [10000, 'A'], [20000, 'B'], [30000, 'C'], [40000, 'D'], [50000, 'E'],
  [100000, 'F'], [200000, 'G'], [300000, 'H'], [400000, 'I'], [500000, 'J'],
  [1000000, 'K'], [2000000, 'L'], [4000000, 'M'], [8000000, 'N'], [16000000, 'O'], [30000000, 'P'], [60000000, 'Q'],
  [0, '?'],
];

function legend(palette: number[]): string {
  let out = '---------------------------------------------\n';
  out += '. - * #          .01 .125 .25 .5 milliseconds\n';
  out += '1,2,3,...,9      from 1 to 9     milliseconds\n';
  out += 'A,B,C,D,E        10,20,30,40,50  milliseconds\n';
  out += 'F,G,H,I,J        .1,.2,.3,.4,.5       seconds\n';
  out += 'K,L,M,N,O,P,Q,?  1,2,4,8,16,30,60,>60 seconds\n';
  out += 'From 0 to 100%: ';
  for (const c of palette) out += `\x1b[48;5;${c}m `;
  out += '\x1b[0m\n';
  return out + '---------------------------------------------\n';
}

export async function latencyDistMode(session: Session): Promise<number> {
  const palette = session.opts.mono ? PALETTE_MONO : PALETTE_COLOR;
  const intervalMs = session.opts.interval ? Math.floor(session.opts.interval * 1000) : DIST_DEFAULT_MS;
  const counts = new Array<number>(BUCKETS.length).fill(0);
  let count = 0;
  let outputs = 0;
  let historyStart = nowUs();
  for (;;) {
    const start = nowUs();
    if (!(await session.reconnectingCall(['PING']))) return 1;
    const latency = nowUs() - start;
    count++;
    let j = 0;
    while (BUCKETS[j]![0] !== 0 && latency > BUCKETS[j]![0]) j++;
    counts[j]!++;
    if (count && (nowUs() - historyStart) / 1000 > intervalMs) {
      let out = outputs++ % 20 === 0 ? legend(palette) : '';
      out += '\x1b[38;5;0m';
      for (let b = 0; b < BUCKETS.length; b++) {
        const idx = Math.ceil((counts[b]! / count) * (palette.length - 1));
        out += `\x1b[48;5;${palette[idx]}m${BUCKETS[b]![1]}`;
        counts[b] = 0;
      }
      session.out(out + '\x1b[0m\n');
      historyStart = nowUs();
      count = 0;
    }
    if (session.stopped) return 0;
    await sleep(SAMPLE_RATE_MS);
  }
}

/** A little busy work whose duration should be constant; any variation is the system's. */
function computeSomethingFast(): number {
  const s = new Uint8Array(256);
  for (let i = 0; i < 256; i++) s[i] = i;
  let i = 0;
  let j = 0;
  let out = 0;
  for (let n = 0; n < 300; n++) {
    i = (i + 1) & 255;
    j = (j + s[i]!) & 255;
    const t = s[i]!;
    s[i] = s[j]!;
    s[j] = t;
    out ^= s[(s[i]! + s[j]!) & 255]!;
  }
  return out;
}

/** --intrinsic-latency: runs without a server, so it measures this machine (and this runtime) only. */
export async function intrinsicLatencyMode(session: Session): Promise<number> {
  const runTime = session.opts.intrinsicSeconds * 1_000_000;
  const testEnd = nowUs() + runTime;
  let maxLatency = 0;
  let runs = 0;
  let sink = 0;
  let lastYield = nowUs();
  for (;;) {
    // Let Ctrl-C and output through now and then, outside the measured stretch.
    if (lastYield + 50_000 < nowUs()) {
      await new Promise((r) => setImmediate(r));
      lastYield = nowUs();
    }
    const start = nowUs();
    sink ^= computeSomethingFast();
    const end = nowUs();
    const latency = end - start;
    runs++;
    if (latency <= 0) continue;
    if (latency > maxLatency) {
      maxLatency = latency;
      session.out(`Max latency so far: ${maxLatency} microseconds.\n`);
    }
    const avgUs = runTime / runs;
    if (end > testEnd || session.stopped) {
      session.out(
        `\n${runs} total runs (avg latency: ${cFixed(avgUs, 4)} microseconds / ${cFixed(avgUs * 1e3, 2)} nanoseconds per run).\n`,
      );
      session.out(`Worst run took ${cFixed(maxLatency / avgUs, 0)}x longer than the average latency.\n`);
      return sink < 0 ? 1 : 0;
    }
  }
}
