import { createHash } from 'node:crypto';
import type { HashFunction, Suite } from '@zhengcai/seal';

const NODE_NAMES: Record<Suite, string> = { gm: 'sm3', intl: 'sha256' };

/** The suite's hash (SM3 or SHA-256) from node:crypto (OpenSSL): the same bytes as seal's, computed natively. */
export function nativeHash(suite: Suite): HashFunction {
  const name = NODE_NAMES[suite];
  return (bytes) => createHash(name).update(bytes).digest();
}
