import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { text } from 'node:stream/consumers';
import { describe, expect, it } from 'vitest';
import { LocalBlobStore } from './local-blob-store';

describe('LocalBlobStore', () => {
  const root = () => mkdtempSync(join(tmpdir(), 'zc-blobs-'));

  it('names content by its SHA-256 and keeps one copy of equal content', async () => {
    const store = new LocalBlobStore(root());
    const bytes = new TextEncoder().encode('采购文件 v1');
    const a = await store.put(bytes);
    expect(a.hash).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(a.size).toBe(bytes.length);
    const b = await store.put(bytes);
    expect(b).toEqual(a);
    const stream = await store.get(a.hash);
    expect(stream && (await text(stream))).toBe('采购文件 v1');
    expect(await store.stat(a.hash)).toEqual(a);
  });

  it('streams large content in chunks', async () => {
    const store = new LocalBlobStore(root());
    async function* chunks() {
      for (let i = 0; i < 64; i++) yield new Uint8Array(64 * 1024).fill(i);
    }
    const info = await store.put(chunks());
    expect(info.size).toBe(64 * 64 * 1024);
  });

  it('an interrupted upload leaves no blob and no temporary file', async () => {
    const dir = root();
    const store = new LocalBlobStore(dir);
    async function* broken() {
      yield new Uint8Array(1024);
      throw new Error('connection reset');
    }
    await expect(store.put(broken())).rejects.toThrow('connection reset');
    expect(readdirSync(join(dir, 'tmp'))).toEqual([]);
    expect(readdirSync(dir)).toEqual(['tmp']);
  });

  it('answers null for unknown or malformed names', async () => {
    const store = new LocalBlobStore(root());
    expect(await store.get('0'.repeat(64))).toBeNull();
    expect(await store.stat('../../etc/passwd')).toBeNull();
    expect(await store.has('ABC')).toBe(false);
  });
});
