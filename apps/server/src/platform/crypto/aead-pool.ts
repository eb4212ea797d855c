import { availableParallelism } from 'node:os';
import { SealError, type AeadKey, type NativePrimitives, type Suite } from '@zhengcai/seal';
import pLimit, { type LimitFunction } from 'p-limit';
import { Piscina } from 'piscina';
import type { AeadTask, AeadTaskResult } from './aead-worker';
import { nativeHash } from './native-hash';

/**
 * The server's cryptographic primitives for bulk work (the opening decrypts every bid of a lot at once, ADR 0016):
 * node:crypto's hashes, and SM4-GCM chunks run on a pool of worker threads so that all cores decrypt while the event
 * loop keeps serving the hall. AES-256-GCM (intl) is WebCrypto, which already runs on libuv's thread pool.
 * Threads start on demand and stop after 30 s idle; `close()` ends them with the server.
 */
export class ServerCrypto {
  private pool: Piscina | null = null;
  private readonly threadCount: number;
  private readonly slots: LimitFunction;

  /** `threads` 0 = one per available core. */
  constructor(threads: number) {
    this.threadCount = threads > 0 ? threads : availableParallelism();
    // Four streams per thread keep every thread busy (each stream also waits on the disk and the database); more
    // would only hold more chunks in memory — 300 bids at once peaked at 2.4 GiB without this bound.
    this.slots = pLimit(this.threadCount * 4);
  }

  /**
   * Runs a bulk job (one bid's decryption) when a slot is free: the opening's 300 key releases queue here instead of
   * all streaming at once. Time-sensitive checks must be judged before (the key's arrival), not inside.
   */
  withSlot<T>(job: () => Promise<T>): Promise<T> {
    return this.slots(job);
  }

  private run(task: AeadTask): Promise<AeadTaskResult> {
    this.pool ??= new Piscina({
      filename: new URL('./aead-worker-entry.mjs', import.meta.url).href,
      minThreads: 0,
      maxThreads: this.threadCount,
      idleTimeout: 30_000,
    });
    return this.pool.run(task) as Promise<AeadTaskResult>;
  }

  private async pooledSm4GcmKey(key: Uint8Array): Promise<AeadKey> {
    if (key.length !== 16) throw new SealError('INVALID_KEY', 'SM4 key must be 16 bytes');
    const ownKey = Uint8Array.from(key);
    const call = async (op: AeadTask['op'], nonce: Uint8Array, data: Uint8Array, aad: Uint8Array) => {
      if (nonce.length !== 12) throw new SealError('INVALID_ARGUMENT', 'nonce must be 12 bytes');
      const result = await this.run({ op, key: ownKey, nonce, data, aad });
      if (!result.ok)
        throw new SealError(result.code === 'DECRYPTION_FAILED' ? 'DECRYPTION_FAILED' : 'INVALID_ARGUMENT');
      return result.bytes;
    };
    return {
      seal: (nonce, plaintext, aad) => call('seal', nonce, plaintext, aad),
      open: (nonce, sealed, aad) => call('open', nonce, sealed, aad),
    };
  }

  /** What seal's stream and bid-package readers are given on this server (the same bytes as seal's own). */
  primitives(suite: Suite): NativePrimitives {
    if (suite !== 'gm') return { hash: nativeHash(suite) };
    return { hash: nativeHash(suite), importAeadKey: (key) => this.pooledSm4GcmKey(key) };
  }

  async close(): Promise<void> {
    const pool = this.pool;
    this.pool = null;
    await pool?.destroy();
  }
}
