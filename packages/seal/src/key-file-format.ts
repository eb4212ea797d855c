import { NONCE_LENGTH } from './aead';
import { fromBase64Url, isHex } from './bytes';
import { SealError } from './errors';
import { getSuite, isSuite, type KeyPair, type Suite } from './suite';

/** The key file's JSON format, version 1, and its strict structural validation (key-file.ts has the crypto). */
export const KEY_FILE_FORMAT = 'zhengcai-keyfile';
export const KEY_FILE_KDF = 'PBKDF2-SHA256';
export const KEY_FILE_ITERATIONS = 600_000;
export const MAX_ITERATIONS = 10_000_000;
export const MIN_PASSWORD_LENGTH = 8;
export const SALT_LENGTH = 16;
export const CHECK_LENGTH = 16;
export const ENCRYPTION_KEY_INFO = 'zhengcai/keyfile/v1 encryption key';
export const PASSWORD_CHECK_INFO = 'zhengcai/keyfile/v1 password check';

/** A user's two key pairs (suite.ts explains why two). */
export interface UserKeys {
  suite: Suite;
  signing: KeyPair;
  encryption: KeyPair;
}

export interface KeyFileSubject {
  userId: string;
  login: string;
  /** Null for experts, who belong to no organisation. */
  organisationId: string | null;
}

export interface KeyFile {
  format: typeof KEY_FILE_FORMAT;
  version: 1;
  suite: Suite;
  publicKeys: { signing: string; encryption: string };
  subject: KeyFileSubject;
  kdf: { name: typeof KEY_FILE_KDF; iterations: number };
  /** base64url, 16 bytes. */
  salt: string;
  /** base64url, 16 bytes. */
  passwordCheck: string;
  cipher: 'SM4-GCM' | 'AES-256-GCM';
  /** base64url, 12 bytes. */
  iv: string;
  /** base64url. */
  ciphertext: string;
  /** ISO 8601. */
  createdAt: string;
  /** Hex digest (SM3 / SHA-256) of the canonical JSON of every other field. */
  checksum: string;
}

export interface OpenedKeyFile {
  keys: UserKeys;
  subject: KeyFileSubject;
  createdAt: string;
}

export function isSubject(value: unknown): value is KeyFileSubject {
  if (typeof value !== 'object' || value === null) return false;
  const s = value as Record<string, unknown>;
  return (
    Object.keys(s).length === 3 &&
    typeof s.userId === 'string' &&
    s.userId.length > 0 &&
    typeof s.login === 'string' &&
    s.login.length > 0 &&
    (s.organisationId === null || (typeof s.organisationId === 'string' && s.organisationId.length > 0))
  );
}

function b64Length(value: unknown, length?: number): boolean {
  if (typeof value !== 'string') return false;
  try {
    const bytes = fromBase64Url(value);
    return length === undefined ? bytes.length > 0 : bytes.length === length;
  } catch {
    return false;
  }
}

function publicKeyOk(suite: Suite, key: unknown): boolean {
  if (typeof key !== 'string') return false;
  try {
    getSuite(suite).assertPublicKey(key);
    return true;
  } catch {
    return false;
  }
}

/** Structural validation: anything that does not match version 1 exactly is corrupt. */
export function parseKeyFile(input: unknown): KeyFile {
  let value = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input);
    } catch {
      throw new SealError('KEY_FILE_CORRUPT', 'not JSON');
    }
  }
  if (typeof value !== 'object' || value === null) throw new SealError('KEY_FILE_CORRUPT', 'not an object');
  const f = value as Record<string, unknown>;
  const suite = f.suite;
  const publicKeys = f.publicKeys as Record<string, unknown> | null | undefined;
  const kdf = f.kdf as Record<string, unknown> | null | undefined;
  const ok =
    Object.keys(f).length === 13 &&
    f.format === KEY_FILE_FORMAT &&
    f.version === 1 &&
    isSuite(suite) &&
    typeof publicKeys === 'object' &&
    publicKeys !== null &&
    Object.keys(publicKeys).length === 2 &&
    publicKeyOk(suite, publicKeys.signing) &&
    publicKeyOk(suite, publicKeys.encryption) &&
    isSubject(f.subject) &&
    typeof kdf === 'object' &&
    kdf !== null &&
    Object.keys(kdf).length === 2 &&
    kdf.name === KEY_FILE_KDF &&
    typeof kdf.iterations === 'number' &&
    Number.isInteger(kdf.iterations) &&
    kdf.iterations >= KEY_FILE_ITERATIONS &&
    kdf.iterations <= MAX_ITERATIONS &&
    b64Length(f.salt, SALT_LENGTH) &&
    b64Length(f.passwordCheck, CHECK_LENGTH) &&
    f.cipher === getSuite(suite).cipherName &&
    b64Length(f.iv, NONCE_LENGTH) &&
    b64Length(f.ciphertext) &&
    typeof f.createdAt === 'string' &&
    !Number.isNaN(Date.parse(f.createdAt)) &&
    isHex(f.checksum, 32);
  if (!ok) throw new SealError('KEY_FILE_CORRUPT', 'not a version 1 Zhengcai key file');
  return value as KeyFile;
}
