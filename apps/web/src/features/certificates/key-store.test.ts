import { createKeyFile, generateUserKeys, serializeKeyFile, type KeyFile } from '@zhengcai/seal';
import { beforeAll, describe, expect, it } from 'vitest';
import { KeyStoreError, createKeyStore, keyFileName, type KeyStorage } from './key-store';

/** The four storage operations over a Map (IndexedDB itself is exercised by the end-to-end test in Chromium). */
function memoryStorage(): KeyStorage & { raw: Map<string, unknown> } {
  const raw = new Map<string, unknown>();
  return {
    raw,
    get: async (id) => raw.get(id),
    set: async (id, value) => void raw.set(id, structuredClone(value)),
    delete: async (id) => void raw.delete(id),
    values: async () => [...raw.values()],
  };
}

const PASSWORD = 'correct horse 8';

describe('the key store ("open my key")', () => {
  let file: KeyFile;
  let signingPrivateKey: string;
  beforeAll(async () => {
    const keys = await generateUserKeys('gm');
    signingPrivateKey = keys.signing.privateKey;
    file = await createKeyFile(keys, PASSWORD, {
      subject: { userId: 'u-1', login: 'supplier1', organisationId: 'o-1' },
    });
  });

  it('keeps only the encrypted key file and opens it with the password', async () => {
    const storage = memoryStorage();
    const store = createKeyStore(storage);
    const kept = await store.keep(file, new Date('2026-11-29T00:00:00Z'));
    expect(kept).toMatchObject({ login: 'supplier1', userId: 'u-1', suite: 'gm', id: file.publicKeys.signing });
    expect(await store.list()).toEqual([kept]);
    // What is stored contains no plain private key.
    expect(JSON.stringify([...storage.raw.values()])).not.toContain(signingPrivateKey);
    const opened = await store.open({ storedId: kept.id }, PASSWORD);
    expect(opened.keys.signing.privateKey).toBe(signingPrivateKey);
    await store.forget(kept.id);
    expect(await store.list()).toEqual([]);
    await expect(store.open({ storedId: kept.id }, PASSWORD)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('opens an uploaded file; a wrong password and a file that is not a key file have their own errors', async () => {
    const store = createKeyStore(memoryStorage());
    const upload = new Blob([serializeKeyFile(file)], { type: 'application/json' });
    expect((await store.open({ file: upload }, PASSWORD)).subject.login).toBe('supplier1');
    const wrong = await store.open({ file: upload }, 'not the password').catch((e: unknown) => e);
    expect(wrong).toBeInstanceOf(KeyStoreError);
    expect((wrong as KeyStoreError).code).toBe('WRONG_PASSWORD');
    await expect(store.open({ file: 'hello' }, PASSWORD)).rejects.toMatchObject({ code: 'NOT_A_KEY_FILE' });
    const first = file.ciphertext.startsWith('A') ? 'B' : 'A';
    const damaged = serializeKeyFile({ ...file, ciphertext: `${first}${file.ciphertext.slice(1)}` });
    await expect(store.open({ file: damaged }, PASSWORD)).rejects.toMatchObject({ code: 'NOT_A_KEY_FILE' });
  });

  it('names the download after the login', () => {
    expect(keyFileName('supplier1')).toBe('supplier1-zhengcai.key.json');
    expect(keyFileName('a/b')).toBe('a_b-zhengcai.key.json');
  });
});
