import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BackgroundFile } from './background-file.js';

function tempPath(): { dir: string; path: string } {
  const dir = mkdtempSync(join(tmpdir(), 'bgfile-'));
  return { dir, path: join(dir, 'out.bin') };
}

describe('BackgroundFile', () => {
  it('writes appended chunks in order and reports completion after fsync', async () => {
    const { dir, path } = tempPath();
    try {
      const f = new BackgroundFile(openSync(path, 'w'));
      const chunks: Buffer[] = [];
      for (let i = 0; i < 50; i++) chunks.push(Buffer.alloc(1000 + i * 37, i));
      for (const c of chunks) f.append(c);
      expect(f.backlog).toBeGreaterThan(0);
      const err = await new Promise<Error | null>((r) => f.sync(r));
      expect(err).toBeNull();
      expect(f.backlog).toBe(0);
      expect(readFileSync(path).equals(Buffer.concat(chunks))).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('hands each chunk to onWritten once it is in the file, in order', async () => {
    const { dir, path } = tempPath();
    try {
      const f = new BackgroundFile(openSync(path, 'w'));
      const seen: Buffer[] = [];
      const sizes: number[] = [];
      f.onWritten = (b) => {
        seen.push(b);
        // Everything up to and including this chunk is already in the file.
        sizes.push(readFileSync(path).length);
      };
      const chunks = [Buffer.alloc(70_000, 1), Buffer.alloc(10, 2), Buffer.alloc(300_000, 3)];
      for (const c of chunks) f.append(c);
      expect(await new Promise<Error | null>((r) => f.sync(r))).toBeNull();
      expect(seen).toEqual(chunks);
      expect(seen[0]).toBe(chunks[0]);
      expect(sizes).toEqual([70_000, 70_010, 370_010]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reports a write error through sync and drops what was queued', async () => {
    const { dir, path } = tempPath();
    try {
      writeFileSync(path, '');
      const f = new BackgroundFile(openSync(path, 'r')); // read-only descriptor: every write fails
      f.append(Buffer.alloc(10, 1));
      f.append(Buffer.alloc(10, 2));
      const err = await new Promise<Error | null>((r) => f.sync(r));
      expect(err).not.toBeNull();
      expect(f.error).toBe(err);
      expect(f.backlog).toBe(0);
      f.append(Buffer.alloc(10, 3)); // ignored after an error
      expect(f.backlog).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('discard unlinks at once and closes the descriptor only after the write in flight', async () => {
    const { dir, path } = tempPath();
    try {
      const fd = openSync(path, 'w');
      const f = new BackgroundFile(fd);
      f.append(Buffer.alloc(1 << 20, 7));
      f.append(Buffer.alloc(1 << 20, 8));
      f.discard(path);
      expect(existsSync(path)).toBe(false);
      await new Promise<void>((r) => f.whenIdle(r));
      // Closed now: a second close fails.
      const { closeSync } = await import('node:fs');
      expect(() => closeSync(fd)).toThrow();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('whenIdle calls back at once when nothing is being written', () => {
    const f = new BackgroundFile(-1);
    let called = false;
    f.whenIdle(() => (called = true));
    expect(called).toBe(true);
  });
});
