import { describe, expect, it } from 'vitest';
import { ByteSink } from './pack.js';
import { Snapshot } from '../snapshot.js';
import type { RValue } from '../../keyspace/value.js';

describe('ByteSink recycling', () => {
  it('reuses a big buffer given back instead of allocating another', () => {
    const sink = new ByteSink(128 * 1024);
    sink.raw(Buffer.alloc(100_000, 1));
    const first = sink.take();
    expect(first.length).toBe(100_000);
    sink.recycle(first);
    sink.raw(Buffer.alloc(90_000, 2));
    const second = sink.take();
    expect(second.buffer).not.toBe(first.buffer);
    // Handing the second chunk out, the sink took the recycled buffer up: the third is written into it.
    sink.raw(Buffer.alloc(80_000, 3));
    const third = sink.take();
    expect(third.buffer).toBe(first.buffer);
    expect(third.equals(Buffer.alloc(80_000, 3))).toBe(true);
    expect(second.equals(Buffer.alloc(90_000, 2))).toBe(true);
  });

  it('ignores small buffers, views into other memory and more than a few spares', () => {
    const sink = new ByteSink(1024);
    sink.recycle(Buffer.alloc(100)); // too small to be worth keeping
    const pooled = Buffer.from('x'.repeat(100)); // a slice of Node's shared pool: byteOffset may be > 0
    sink.recycle(pooled);
    sink.raw(Buffer.alloc(70_000, 5));
    const out = sink.take();
    expect(out.buffer.byteLength).toBeGreaterThanOrEqual(70_000);
    expect(out.equals(Buffer.alloc(70_000, 5))).toBe(true);
  });

  it('a snapshot whose chunks are recycled once written produces the same bytes as one that allocates', () => {
    const dict = new Map<string, RValue>();
    const expires = new Map<string, number>();
    for (let i = 0; i < 40_000; i++) dict.set(`key:${String(i).padStart(8, '0')}`, `value-${i % 977}-${'v'.repeat(i % 40)}`);
    for (let i = 0; i < 40_000; i += 7) expires.set(`key:${String(i).padStart(8, '0')}`, 4_000_000_000_000 + i);
    const write = (recycle: boolean): Buffer => {
      const snap = new Snapshot([{ id: 0, dict, expires }], { version: 10 }, [['redis-ver', '7.2.4']], []);
      const file: Buffer[] = [];
      while (!snap.done) {
        const b = snap.step(0.01);
        if (b.length === 0) continue;
        file.push(Buffer.from(b)); // what the file holds
        if (recycle) snap.recycle(b);
      }
      return Buffer.concat(file);
    };
    const plain = write(false);
    const recycled = write(true);
    expect(plain.length).toBeGreaterThan(1 << 20);
    expect(recycled.equals(plain)).toBe(true);
  });
});
