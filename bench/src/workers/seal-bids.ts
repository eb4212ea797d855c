import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { describeFile } from '@zhengcai/seal';
import { sealBidFile, type FileDescription } from '../harness/bid-client';
import { fileChunks } from '../harness/files';
import { isSealJobs, type SealResult } from '../harness/preseal';

/**
 * Child process of harness/preseal.ts: seals the bids it is sent, each to its own ciphertext file, and reports each
 * envelope. Runs beside a sibling so pre-sealing uses both cores; exits when the parent goes away.
 */
const descriptions = new Map<string, FileDescription>();

process.on('disconnect', () => process.exit(0));
process.on('message', (message: unknown) => {
  if (!isSealJobs(message)) return;
  void (async () => {
    try {
      for (const job of message.jobs) {
        const key = `${job.start.suite}:${job.plaintextPath}`;
        let described = descriptions.get(key);
        if (!described) {
          described = await describeFile(job.start.suite, fileChunks(job.plaintextPath));
          descriptions.set(key, described);
        }
        const sealing = await sealBidFile(
          job.start,
          job.keys,
          { path: job.plaintextPath, name: '投标文件.bin', described },
          job.priceFen,
        );
        await pipeline(Readable.from(sealing.ciphertext), createWriteStream(job.ciphertextPath));
        const result: SealResult = { index: job.index, length: sealing.length, envelope: await sealing.envelope() };
        process.send?.(result);
      }
    } catch (error) {
      process.send?.({ index: -1, error: error instanceof Error ? error.message : String(error) });
    }
  })();
});
