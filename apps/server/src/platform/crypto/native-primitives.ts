import type { NativePrimitives, Suite } from '@zhengcai/seal';
import { nativeHash } from './native-hash';
import { importNativeSm4GcmKey } from './native-sm4-gcm';

/**
 * The server's primitives for the opening's decryption: node:crypto's hash for both suites, and native SM4-GCM for
 * gm (intl's AES-256-GCM is already WebCrypto, i.e. OpenSSL, in seal).
 */
export function nativePrimitives(suite: Suite): NativePrimitives {
  return suite === 'gm'
    ? { hash: nativeHash(suite), importAeadKey: importNativeSm4GcmKey }
    : { hash: nativeHash(suite) };
}
