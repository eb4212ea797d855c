import { createReadStream } from 'node:fs';
import type http from 'node:http';
import { join } from 'node:path';
import type stream from 'node:stream';
import { FileStore } from '@tus/file-store';
import { createFileHasher, type FileHasher, type Suite } from '@zhengcai/seal';
import { nativeHash } from '../crypto/native-hash';

interface HashState {
  hasher: FileHasher;
  offset: number;
  result: { hash: string; length: number } | null;
}

/**
 * A tus FileStore that hashes what it receives (ZC-SEGHASH-1, file-hash.ts) as the upload grows, so the digest of a
 * finished upload is ready without reading the file again, and no upload is ever held in memory. After each PATCH
 * the newly written range is read back from the staging file (from the page cache) into the upload's hasher: what is
 * hashed is exactly what is on disk, also after a PATCH cut off half-way (the next one continues from the file's
 * size). After a restart the hasher state is gone and the digest is computed from the file once.
 */
export class HashingFileStore extends FileStore {
  private readonly states = new Map<string, HashState>();

  constructor(
    directory: string,
    private readonly suite: Suite,
  ) {
    super({ directory });
  }

  pathOf(id: string): string {
    return join(this.directory, id);
  }

  override async write(readable: http.IncomingMessage | stream.Readable, id: string, offset: number): Promise<number> {
    const end = await super.write(readable, id, offset);
    await this.hashUpTo(id, end);
    return end;
  }

  private async hashUpTo(id: string, end: number): Promise<HashState> {
    let state = this.states.get(id);
    if (!state || state.result || state.offset > end) {
      state = { hasher: createFileHasher(this.suite, nativeHash(this.suite)), offset: 0, result: null };
      this.states.set(id, state);
    }
    if (end > state.offset) {
      for await (const piece of createReadStream(this.pathOf(id), { start: state.offset, end: end - 1 })) {
        await state.hasher.update(piece as Buffer);
      }
      state.offset = end;
    }
    return state;
  }

  /** The digest of a finished upload (null while bytes are missing). */
  async digest(id: string): Promise<{ hash: string; length: number } | null> {
    const upload = await this.getUpload(id);
    if (upload.size === undefined || upload.offset !== upload.size) return null;
    const cached = this.states.get(id);
    if (cached?.result && cached.result.length === upload.size) return cached.result;
    const state = await this.hashUpTo(id, upload.size);
    state.result = await state.hasher.digest();
    return state.result;
  }

  override async remove(id: string): Promise<void> {
    this.states.delete(id);
    await super.remove(id);
  }
}
