import { NONCE_LENGTH } from './aead';
import {
  bufferSource,
  concatBytes,
  constantTimeEqual,
  fromBase64Url,
  fromUtf8,
  isHex,
  randomBytes,
  toBase64Url,
  toHex,
  utf8,
} from './bytes';
import { SealError } from './errors';
import {
  ENCRYPTION_KEY_INFO,
  KEY_FILE_FORMAT,
  KEY_FILE_ITERATIONS,
  KEY_FILE_KDF,
  MAX_ITERATIONS,
  MIN_PASSWORD_LENGTH,
  PASSWORD_CHECK_INFO,
  SALT_LENGTH,
  CHECK_LENGTH,
  isSubject,
  parseKeyFile,
  type KeyFile,
  type KeyFileSubject,
  type OpenedKeyFile,
  type UserKeys,
} from './key-file-format';
import { canonicalBytes } from './ledger-hash';
import { DEFAULT_SUITE, getSuite, type KeyPair, type Suite } from './suite';

export {
  KEY_FILE_FORMAT,
  KEY_FILE_ITERATIONS,
  KEY_FILE_KDF,
  type KeyFile,
  type KeyFileSubject,
  type OpenedKeyFile,
  type UserKeys,
} from './key-file-format';

/**
 * The password-protected key file (PRODUCT.md C2: it stands in for the USB CA key; the private keys never reach
 * the server). JSON, version 1:
 *
 *   master        = PBKDF2-HMAC-SHA-256(UTF-8(NFC(password)), salt, iterations, 32)   RFC 8018 §5.2, SP 800-132
 *   key           = HKDF-SHA-256(master, salt = ∅, "zhengcai/keyfile/v1 encryption key", 16 | 32)  RFC 5869
 *   passwordCheck = HKDF-SHA-256(master, salt = ∅, "zhengcai/keyfile/v1 password check", 16)
 *   ciphertext    = AEAD_suite(key, iv, canonical JSON of the private keys, AAD = canonical JSON of the header)
 *   checksum      = H_suite(canonical JSON of every other field)
 *
 * KDF choice: PBKDF2-HMAC-SHA-256 with 600,000 iterations (the OWASP Password Storage Cheat Sheet figure for
 * PBKDF2-SHA256). It is native in WebCrypto in every browser and in Node (≈0.1 s here), needs no extra library and
 * has constant memory, which matters on phones (C26). scrypt (via @noble/hashes) is memory-hard and therefore
 * stronger against GPU guessing, but at the recommended N = 2^17, r = 8 it is pure JavaScript needing 128 MiB —
 * a real risk of the tab being killed on low-end phones. The file names its KDF and parameters, so a version 2 can
 * move to scrypt or Argon2id. There is no PBKDF2-HMAC-SM3 in WebCrypto, so the 国密 file too derives its SM4 key
 * through SHA-256; the keys it protects and their use remain SM2/SM4.
 *
 * Errors: the checksum detects accidental damage (KEY_FILE_CORRUPT) before any password is tried; a wrong password
 * fails the password check (WRONG_KEY_FILE_PASSWORD) — it is derived independently of the encryption key, so it
 * tells "wrong password" apart from "altered file" without weakening anything (an attacker computes the same
 * PBKDF2 either way); a file altered after the check passes fails the AEAD or the public-key match
 * (KEY_FILE_CORRUPT). Garbage keys are never returned.
 */

/** Generates a user's two key pairs (signing, encryption) on their own device. */
export async function generateUserKeys(suiteName: Suite = DEFAULT_SUITE): Promise<UserKeys> {
  const suite = getSuite(suiteName);
  return {
    suite: suiteName,
    signing: await suite.generateSigningKeyPair(),
    encryption: await suite.generateEncryptionKeyPair(),
  };
}

async function deriveKeys(
  password: string,
  salt: Uint8Array,
  iterations: number,
  keyLength: number,
): Promise<{ key: Uint8Array; check: Uint8Array }> {
  const subtle = globalThis.crypto.subtle;
  const passwordKey = await subtle.importKey('raw', bufferSource(utf8(password.normalize('NFC'))), 'PBKDF2', false, [
    'deriveBits',
  ]);
  const master = await subtle.deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt: bufferSource(salt), iterations },
    passwordKey,
    256,
  );
  const hkdfKey = await subtle.importKey('raw', master, 'HKDF', false, ['deriveBits']);
  const expand = async (info: string, length: number): Promise<Uint8Array> =>
    new Uint8Array(
      await subtle.deriveBits(
        { name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(0), info: bufferSource(utf8(info)) },
        hkdfKey,
        length * 8,
      ),
    );
  return { key: await expand(ENCRYPTION_KEY_INFO, keyLength), check: await expand(PASSWORD_CHECK_INFO, CHECK_LENGTH) };
}

type Header = Omit<KeyFile, 'iv' | 'ciphertext' | 'checksum'>;

function headerOf(file: KeyFile): Header {
  const { format, version, suite, publicKeys, subject, kdf, salt, passwordCheck, cipher, createdAt } = file;
  return { format, version, suite, publicKeys, subject, kdf, salt, passwordCheck, cipher, createdAt };
}

async function checksumOf(file: Omit<KeyFile, 'checksum'>): Promise<string> {
  const { format, version, suite, publicKeys, subject, kdf, salt, passwordCheck, cipher, iv, ciphertext, createdAt } =
    file;
  const fields = {
    format,
    version,
    suite,
    publicKeys,
    subject,
    kdf,
    salt,
    passwordCheck,
    cipher,
    iv,
    ciphertext,
    createdAt,
  };
  return toHex(await getSuite(suite).hash(canonicalBytes(fields)));
}

function assertKeyPair(suiteName: Suite, pair: KeyPair): void {
  if (getSuite(suiteName).publicKeyOf(pair.privateKey) !== pair.publicKey) {
    throw new SealError('INVALID_KEY', 'public key does not belong to the private key');
  }
}

export async function createKeyFile(
  keys: UserKeys,
  password: string,
  meta: { subject: KeyFileSubject; createdAt?: Date },
  options: { iterations?: number } = {},
): Promise<KeyFile> {
  const iterations = options.iterations ?? KEY_FILE_ITERATIONS;
  if (!Number.isInteger(iterations) || iterations < KEY_FILE_ITERATIONS || iterations > MAX_ITERATIONS) {
    throw new SealError('INVALID_ARGUMENT', `iterations must be from ${KEY_FILE_ITERATIONS} to ${MAX_ITERATIONS}`);
  }
  if ([...password.normalize('NFC')].length < MIN_PASSWORD_LENGTH) {
    throw new SealError('INVALID_ARGUMENT', `the password must have at least ${MIN_PASSWORD_LENGTH} characters`);
  }
  if (!isSubject(meta.subject))
    throw new SealError('INVALID_ARGUMENT', 'subject needs userId, login and organisationId');
  const suite = getSuite(keys.suite);
  assertKeyPair(keys.suite, keys.signing);
  assertKeyPair(keys.suite, keys.encryption);

  const salt = randomBytes(SALT_LENGTH);
  const { key, check } = await deriveKeys(password, salt, iterations, suite.contentKeyLength);
  const header: Header = {
    format: KEY_FILE_FORMAT,
    version: 1,
    suite: keys.suite,
    publicKeys: { signing: keys.signing.publicKey, encryption: keys.encryption.publicKey },
    subject: { userId: meta.subject.userId, login: meta.subject.login, organisationId: meta.subject.organisationId },
    kdf: { name: KEY_FILE_KDF, iterations },
    salt: toBase64Url(salt),
    passwordCheck: toBase64Url(check),
    cipher: suite.cipherName,
    createdAt: (meta.createdAt ?? new Date()).toISOString(),
  };
  const secret = canonicalBytes({ signing: keys.signing.privateKey, encryption: keys.encryption.privateKey });
  const sealed = await suite.encrypt(key, secret, canonicalBytes(header));
  secret.fill(0);
  key.fill(0);
  const body = {
    ...header,
    iv: toBase64Url(sealed.subarray(0, NONCE_LENGTH)),
    ciphertext: toBase64Url(sealed.subarray(NONCE_LENGTH)),
  };
  return { ...body, checksum: await checksumOf(body) };
}

export function serializeKeyFile(file: KeyFile): string {
  return `${JSON.stringify(file, null, 2)}\n`;
}

function parseSecret(bytes: Uint8Array): { signing: string; encryption: string } {
  try {
    const value: unknown = JSON.parse(fromUtf8(bytes));
    const s = value as Record<string, unknown>;
    if (isHex(s.signing, 32) && isHex(s.encryption, 32)) return { signing: s.signing, encryption: s.encryption };
  } catch {
    // fall through
  }
  throw new SealError('KEY_FILE_CORRUPT', 'the decrypted keys are malformed');
}

/** Opens a key file (object or JSON text). Throws SealError WRONG_KEY_FILE_PASSWORD or KEY_FILE_CORRUPT. */
export async function openKeyFile(input: unknown, password: string): Promise<OpenedKeyFile> {
  const file = parseKeyFile(input);
  if ((await checksumOf(file)) !== file.checksum) throw new SealError('KEY_FILE_CORRUPT', 'checksum mismatch');
  const suite = getSuite(file.suite);
  const { key, check } = await deriveKeys(
    password,
    fromBase64Url(file.salt),
    file.kdf.iterations,
    suite.contentKeyLength,
  );
  if (!constantTimeEqual(check, fromBase64Url(file.passwordCheck))) throw new SealError('WRONG_KEY_FILE_PASSWORD');

  let secret: Uint8Array;
  try {
    secret = await suite.decrypt(
      key,
      concatBytes(fromBase64Url(file.iv), fromBase64Url(file.ciphertext)),
      canonicalBytes(headerOf(file)),
    );
  } catch {
    throw new SealError('KEY_FILE_CORRUPT', 'the encrypted keys do not authenticate');
  } finally {
    key.fill(0);
  }
  const privateKeys = parseSecret(secret);
  secret.fill(0);
  const keys: UserKeys = {
    suite: file.suite,
    signing: { publicKey: file.publicKeys.signing, privateKey: privateKeys.signing },
    encryption: { publicKey: file.publicKeys.encryption, privateKey: privateKeys.encryption },
  };
  try {
    assertKeyPair(file.suite, keys.signing);
    assertKeyPair(file.suite, keys.encryption);
  } catch {
    throw new SealError('KEY_FILE_CORRUPT', 'the private keys do not match the public keys');
  }
  return { keys, subject: file.subject, createdAt: file.createdAt };
}

/** Re-encrypts the same keys under a new password (new salt, new IV), keeping subject and creation time. */
export async function changeKeyFilePassword(
  input: unknown,
  oldPassword: string,
  newPassword: string,
): Promise<KeyFile> {
  const opened = await openKeyFile(input, oldPassword);
  return createKeyFile(opened.keys, newPassword, { subject: opened.subject, createdAt: new Date(opened.createdAt) });
}
