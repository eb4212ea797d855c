import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { SealedBidEnvelope, UserKeys } from '@zhengcai/seal';
import type { StartedSubmission } from './bid-client';
import { deferCleanup } from './cleanup';

export interface SealJob {
  index: number;
  start: StartedSubmission;
  keys: UserKeys;
  plaintextPath: string;
  ciphertextPath: string;
  priceFen: number;
}

export type SealResult = { index: number; length: number; envelope: SealedBidEnvelope } | { index: -1; error: string };

export function isSealJobs(value: unknown): value is { jobs: SealJob[] } {
  return typeof value === 'object' && value !== null && 'jobs' in value && Array.isArray(value.jobs);
}

function isSealResult(value: unknown): value is SealResult {
  return typeof value === 'object' && value !== null && 'index' in value && typeof value.index === 'number';
}

const tsxLoader = import.meta.resolve('tsx');

/**
 * Seals every job's bid to its ciphertext file before a timed run, in `width` child processes (workers/seal-bids.ts)
 * so both cores work: the benchmark then measures the server, not the load generator's SM4. Returns each job's
 * ciphertext length and signed envelope, in job order.
 */
export async function presealBids(
  jobs: SealJob[],
  width: number,
): Promise<{ length: number; envelope: SealedBidEnvelope }[]> {
  const script = fileURLToPath(new URL('../workers/seal-bids.ts', import.meta.url));
  const results = new Array<{ length: number; envelope: SealedBidEnvelope }>(jobs.length);
  const shares = Array.from({ length: Math.min(width, jobs.length) }, (_, w) => jobs.filter((_, i) => i % width === w));
  await Promise.all(
    shares.map(async (share) => {
      const child = fork(script, [], {
        execArgv: ['--import', tsxLoader],
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      });
      const kill = deferCleanup(async () => {
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      });
      try {
        await new Promise<void>((resolve, reject) => {
          let left = share.length;
          child.on('message', (message: unknown) => {
            if (!isSealResult(message)) return;
            if ('error' in message) return reject(new Error(`sealing failed: ${message.error}`));
            results[message.index] = { length: message.length, envelope: message.envelope };
            if (--left === 0) resolve();
          });
          child.once('exit', (code) => reject(new Error(`sealing child exited (code ${code ?? 'none'})`)));
          child.send({ jobs: share });
        });
      } finally {
        if (child.connected) child.disconnect();
        await kill();
      }
    }),
  );
  return results;
}
