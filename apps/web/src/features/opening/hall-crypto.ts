import {
  canonicalBytes,
  fromHex,
  getSuite,
  toHex,
  unwrapContentKey,
  type SealedBidEnvelope,
  type UserKeys,
} from '@zhengcai/seal';

/**
 * The hall's cryptography on the user's device. The private keys come from the user's key file or the browser's
 * key store (certificates/key-store.ts) and are used here only; what leaves the device is a signature or the
 * bid's content key (never a private key).
 */

/** 签到: the signature over the canonical sign-in statement the server issued (RFC 8785 bytes, like a bid's). */
export function signStatement(keys: UserKeys, statement: unknown): Promise<string> {
  return getSuite(keys.suite).sign(keys.signing.privateKey, canonicalBytes(statement));
}

/** The signature over the opening record: the record hash's bytes, signed like the bid statement. */
export function signRecordHash(keys: UserKeys, recordHashHex: string): Promise<string> {
  return getSuite(keys.suite).sign(keys.signing.privateKey, fromHex(recordHashHex));
}

/**
 * Unwraps the bid's content key with the bidder's encryption key (the envelope's wrapped key is checked against the
 * signed statement first). Throws SealError when this key is not the one the bid was sealed for.
 */
export async function unwrapForRelease(envelope: SealedBidEnvelope, keys: UserKeys): Promise<string> {
  const key = await unwrapContentKey(envelope, keys.encryption.privateKey);
  try {
    return toHex(key);
  } finally {
    key.fill(0);
  }
}
