import { randomFillSync } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { deferCleanup } from './cleanup';

export const MiB = 1024 * 1024;

/** A fresh directory under the system temp dir, removed at the end of the run (also on Ctrl-C and the watchdog). */
export async function scratchDir(prefix: string): Promise<{ path: string; remove(): Promise<void> }> {
  const path = await mkdtemp(join(tmpdir(), prefix));
  const remove = deferCleanup(() => rm(path, { recursive: true, force: true }));
  return { path, remove };
}

/** Writes `bytes` random (incompressible) bytes to `path`, 4 MiB at a time: never the whole file in memory. */
export async function writeRandomFile(path: string, bytes: number): Promise<void> {
  async function* pieces(): AsyncGenerator<Buffer> {
    for (let left = bytes; left > 0; left -= 4 * MiB) yield randomFillSync(Buffer.alloc(Math.min(left, 4 * MiB)));
  }
  await pipeline(Readable.from(pieces()), createWriteStream(path));
}

/** Reads a file in pieces (for the seal functions, which take async iterables of bytes). */
export async function* fileChunks(path: string): AsyncGenerator<Uint8Array> {
  for await (const piece of createReadStream(path, { highWaterMark: MiB })) yield piece as Buffer;
}

/** The reference copy: fs.createReadStream → fs.createWriteStream (64 KiB pieces, Node's default), no fsync. */
export async function streamedCopy(from: string, to: string): Promise<void> {
  await pipeline(createReadStream(from), createWriteStream(to));
}

/** Runs `fn` with a scratch directory holding `file`, `bytes` random bytes; removes the directory afterwards. */
export async function withRandomFile<T>(
  prefix: string,
  bytes: number,
  fn: (dir: string, file: string) => Promise<T>,
): Promise<T> {
  const scratch = await scratchDir(prefix);
  try {
    const file = join(scratch.path, 'bid.bin');
    await writeRandomFile(file, bytes);
    return await fn(scratch.path, file);
  } finally {
    await scratch.remove();
  }
}
