import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { isBlobHash, type BlobInfo, type BlobStore } from './blob-store';

/**
 * Blobs in a local directory: `<root>/ab/cd/<hash>`. Content is streamed to `<root>/tmp/<uuid>` while hashed, then
 * renamed into place (rename is atomic on one file system), so a crash mid-write never leaves a partial blob under
 * a valid name. Several instances may share the directory (e.g. over NFS): the same hash always has the same bytes.
 */
export class LocalBlobStore implements BlobStore {
  constructor(private readonly root: string) {}

  private pathOf(hash: string): string {
    return join(this.root, hash.slice(0, 2), hash.slice(2, 4), hash);
  }

  async put(content: Uint8Array | AsyncIterable<Uint8Array>): Promise<BlobInfo> {
    const tmpDir = join(this.root, 'tmp');
    await mkdir(tmpDir, { recursive: true });
    const tmp = join(tmpDir, randomUUID());
    const digest = createHash('sha256');
    let size = 0;
    const source = content instanceof Uint8Array ? [content] : content;
    async function* tap() {
      for await (const chunk of source) {
        digest.update(chunk);
        size += chunk.length;
        yield chunk;
      }
    }
    try {
      await pipeline(tap, createWriteStream(tmp, { flags: 'wx' }));
      const hash = digest.digest('hex');
      const target = this.pathOf(hash);
      await mkdir(join(target, '..'), { recursive: true });
      await rename(tmp, target);
      return { hash, size };
    } catch (error) {
      await rm(tmp, { force: true });
      throw error;
    }
  }

  async get(hash: string): Promise<Readable | null> {
    if (!(await this.has(hash))) return null;
    return createReadStream(this.pathOf(hash));
  }

  async stat(hash: string): Promise<BlobInfo | null> {
    if (!isBlobHash(hash)) return null;
    try {
      const s = await stat(this.pathOf(hash));
      return { hash, size: s.size };
    } catch {
      return null;
    }
  }

  async has(hash: string): Promise<boolean> {
    return (await this.stat(hash)) !== null;
  }
}
