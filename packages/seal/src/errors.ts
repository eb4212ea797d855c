/**
 * The one error type of the seal package. Codes are stable: the server maps them to its AppError codes and the
 * browser to messages in the user's language. Messages never contain key material or plaintext.
 */
export const SEAL_ERROR_CODES = [
  /** The key file's password check failed: the password is wrong (or the salt was altered). */
  'WRONG_KEY_FILE_PASSWORD',
  /** The key file is not a well-formed Zhengcai key file, or its contents fail their integrity checks. */
  'KEY_FILE_CORRUPT',
  /** A key string is not in the documented format for its suite, or is not a valid curve point / scalar. */
  'INVALID_KEY',
  /** An argument is out of range or malformed (sizes, nonces, origins, serial numbers…). */
  'INVALID_ARGUMENT',
  /** An authenticated decryption failed: wrong key, or the ciphertext, nonce or associated data were altered. */
  'DECRYPTION_FAILED',
  /** The wrapped content key could not be unwrapped with this private key. */
  'KEY_UNWRAP_FAILED',
  /** A chunked ciphertext ended early (a chunk or the final chunk is missing). */
  'CIPHERTEXT_TRUNCATED',
  /** A chunked ciphertext has a bad header (magic, version, suite or chunk size). */
  'CIPHERTEXT_MALFORMED',
  /** Objects from two different suites were combined. */
  'SUITE_MISMATCH',
  /** A sealed bid failed verification (signature, hash, wrapped key or context); `reason` says which. */
  'SEALED_BID_INVALID',
  /** A certificate could not be parsed or uses an algorithm outside the two suites. */
  'CERTIFICATE_MALFORMED',
  /** Escrowed key shares did not give the committed content key (too few, wrong or altered shares). */
  'KEY_RECOVERY_FAILED',
] as const;

export type SealErrorCode = (typeof SEAL_ERROR_CODES)[number];

export class SealError extends Error {
  readonly code: SealErrorCode;

  constructor(code: SealErrorCode, detail?: string) {
    super(detail ? `${code}: ${detail}` : code);
    this.name = 'SealError';
    this.code = code;
  }
}

export function isSealError(error: unknown, code?: SealErrorCode): error is SealError {
  return error instanceof SealError && (code === undefined || error.code === code);
}
