import { isSealError } from '@zhengcai/seal';
import { importNativeSm4GcmKey } from './native-sm4-gcm';

/** One AEAD operation on one chunk, run on a worker thread (aead-pool.ts). */
export interface AeadTask {
  op: 'seal' | 'open';
  key: Uint8Array;
  nonce: Uint8Array;
  data: Uint8Array;
  aad: Uint8Array;
}

/** Errors cross the thread as data: a SealError's code would not survive structured cloning. */
export type AeadTaskResult = { ok: true; bytes: Uint8Array } | { ok: false; code: 'DECRYPTION_FAILED' | 'INVALID' };

export default async function runAeadTask(task: AeadTask): Promise<AeadTaskResult> {
  try {
    const key = await importNativeSm4GcmKey(task.key);
    const bytes =
      task.op === 'seal'
        ? await key.seal(task.nonce, task.data, task.aad)
        : await key.open(task.nonce, task.data, task.aad);
    return { ok: true, bytes };
  } catch (error) {
    return { ok: false, code: isSealError(error, 'DECRYPTION_FAILED') ? 'DECRYPTION_FAILED' : 'INVALID' };
  }
}
