import { beforeAll, describe, expect, it } from 'vitest';
import { fromBase64Url, toBase64Url, toHex } from './bytes';
import { isSealError } from './errors';
import {
  changeKeyFilePassword,
  createKeyFile,
  generateUserKeys,
  KEY_FILE_ITERATIONS,
  openKeyFile,
  serializeKeyFile,
  type KeyFile,
  type UserKeys,
} from './key-file';
import { canonicalBytes } from './ledger-hash';
import { getSuite, SUITES, type Suite } from './suite';

const PASSWORD = '正确的马电池订书钉 correct horse';
const subject = { userId: 'u-7', login: 'zhangsan', organisationId: '91350100M000100Y43' };

async function errorCode(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'no error';
  } catch (error) {
    return isSealError(error) ? error.code : String(error);
  }
}

/** A copy of the file with some fields changed and the checksum recomputed (a deliberate, not accidental, edit). */
async function forge(file: KeyFile, changes: Partial<KeyFile>): Promise<KeyFile> {
  const { checksum: _old, ...rest } = { ...file, ...changes };
  const checksum = toHex(await getSuite(file.suite).hash(canonicalBytes(rest)));
  return { ...rest, checksum };
}

describe.each(SUITES)('key file (%s)', (suite: Suite) => {
  let keys: UserKeys;
  let file: KeyFile;

  beforeAll(async () => {
    keys = await generateUserKeys(suite);
    file = await createKeyFile(keys, PASSWORD, { subject, createdAt: new Date('2025-03-01T08:00:00Z') });
  });

  it('has the documented shape and no private key in the clear', () => {
    expect(file).toMatchObject({
      format: 'zhengcai-keyfile',
      version: 1,
      suite,
      publicKeys: { signing: keys.signing.publicKey, encryption: keys.encryption.publicKey },
      subject,
      kdf: { name: 'PBKDF2-SHA256', iterations: KEY_FILE_ITERATIONS },
      cipher: suite === 'gm' ? 'SM4-GCM' : 'AES-256-GCM',
      createdAt: '2025-03-01T08:00:00.000Z',
    });
    expect(fromBase64Url(file.salt)).toHaveLength(16);
    expect(fromBase64Url(file.iv)).toHaveLength(12);
    const text = serializeKeyFile(file);
    expect(text).not.toContain(keys.signing.privateKey);
    expect(text).not.toContain(keys.encryption.privateKey);
  });

  it('opens with the password (object or JSON text, NFC or NFD input) and returns the same keys', async () => {
    const opened = await openKeyFile(serializeKeyFile(file), PASSWORD);
    expect(opened.keys).toEqual(keys);
    expect(opened.subject).toEqual(subject);
    expect((await openKeyFile(file, PASSWORD.normalize('NFD'))).keys).toEqual(keys);
  });

  it('a wrong password gives WRONG_KEY_FILE_PASSWORD, never keys', async () => {
    expect(await errorCode(openKeyFile(file, `${PASSWORD}!`))).toBe('WRONG_KEY_FILE_PASSWORD');
    expect(await errorCode(openKeyFile(file, ''))).toBe('WRONG_KEY_FILE_PASSWORD');
  });

  it('accidental damage gives KEY_FILE_CORRUPT before any password is tried', async () => {
    const ciphertext = fromBase64Url(file.ciphertext);
    ciphertext[3] = (ciphertext[3] ?? 0) ^ 1;
    expect(await errorCode(openKeyFile({ ...file, ciphertext: toBase64Url(ciphertext) }, PASSWORD))).toBe(
      'KEY_FILE_CORRUPT',
    );
    expect(await errorCode(openKeyFile({ ...file, createdAt: '2025-03-02T08:00:00.000Z' }, PASSWORD))).toBe(
      'KEY_FILE_CORRUPT',
    );
    expect(await errorCode(openKeyFile(serializeKeyFile(file).slice(0, 200), PASSWORD))).toBe('KEY_FILE_CORRUPT');
    expect(await errorCode(openKeyFile({ ...file, version: 2 }, PASSWORD))).toBe('KEY_FILE_CORRUPT');
    expect(await errorCode(openKeyFile(null, PASSWORD))).toBe('KEY_FILE_CORRUPT');
  });

  it('deliberate edits with a recomputed checksum give KEY_FILE_CORRUPT (authenticated header and keys)', async () => {
    const ciphertext = fromBase64Url(file.ciphertext);
    ciphertext[ciphertext.length - 1] = (ciphertext[ciphertext.length - 1] ?? 0) ^ 1;
    expect(await errorCode(openKeyFile(await forge(file, { ciphertext: toBase64Url(ciphertext) }), PASSWORD))).toBe(
      'KEY_FILE_CORRUPT',
    );
    const stranger = await generateUserKeys(suite);
    const swapped = await forge(file, {
      publicKeys: { ...file.publicKeys, encryption: stranger.encryption.publicKey },
    });
    expect(await errorCode(openKeyFile(swapped, PASSWORD))).toBe('KEY_FILE_CORRUPT');
    const renamed = await forge(file, { subject: { ...subject, userId: 'u-8' } });
    expect(await errorCode(openKeyFile(renamed, PASSWORD))).toBe('KEY_FILE_CORRUPT');
    const weakened = await forge(file, { kdf: { name: 'PBKDF2-SHA256', iterations: 1000 } });
    expect(await errorCode(openKeyFile(weakened, PASSWORD))).toBe('KEY_FILE_CORRUPT');
  });

  it('changes the password: new salt and IV, old password refused', async () => {
    const changed = await changeKeyFilePassword(file, PASSWORD, 'another long password');
    expect(changed.salt).not.toBe(file.salt);
    expect((await openKeyFile(changed, 'another long password')).keys).toEqual(keys);
    expect(await errorCode(openKeyFile(changed, PASSWORD))).toBe('WRONG_KEY_FILE_PASSWORD');
    expect(changed.createdAt).toBe(file.createdAt);
  });

  it('refuses short passwords, weak iteration counts and mismatched key pairs', async () => {
    expect(await errorCode(createKeyFile(keys, 'short', { subject }))).toBe('INVALID_ARGUMENT');
    expect(await errorCode(createKeyFile(keys, PASSWORD, { subject }, { iterations: 100_000 }))).toBe(
      'INVALID_ARGUMENT',
    );
    const mixed = { ...keys, signing: { ...keys.signing, publicKey: keys.encryption.publicKey } };
    expect(await errorCode(createKeyFile(mixed, PASSWORD, { subject }))).toBe('INVALID_KEY');
    expect(await errorCode(createKeyFile(keys, PASSWORD, { subject: { ...subject, organisationId: null } }))).toBe(
      'no error',
    );
  });
});
