import { isSealError, openKeyFile, serializeKeyFile, type KeyFile, type OpenedKeyFile } from '@zhengcai/seal';
import { createStore, del, get, set, values, type UseStore } from 'idb-keyval';

/**
 * "Open my key" — the one way features reach the user's private keys in the browser (C2).
 *
 * The private keys exist only inside the user's password-protected key file (packages/seal key-file.ts). That file
 * is either downloaded by the user or also kept in this browser's IndexedDB (database `zhengcai`, store `key-files`);
 * what is kept is the ENCRYPTED file exactly as downloaded, never a plain key. Opening it needs the password
 * (PBKDF2, 600,000 iterations: about a second — show progress).
 *
 * Use (bids, signatures, login):
 *
 *   import { keyStore, KeyStoreError } from '../certificates/key-store';
 *
 *   const stored = await keyStore.list();                      // keys kept here, for a picker (no secrets)
 *   const opened = await keyStore.open({ storedId: stored[0].id }, password);
 *   //          or keyStore.open({ file: uploadedFile }, password)      — a File, a Blob or the JSON text
 *   opened.keys.signing.privateKey / opened.keys.encryption.privateKey / opened.keys.suite / opened.subject
 *
 * `open` throws KeyStoreError with `code`: WRONG_PASSWORD (show "密钥文件密码错误"), NOT_A_KEY_FILE (the upload is not
 * a Zhengcai key file or is damaged), NOT_FOUND (the stored key was removed). Use `keyStoreErrorText(error, lang)`
 * for the message. Keep the OpenedKeyFile only as long as the operation needs it; never send or store it.
 */
export interface StoredKey {
  /** The signing public key: one entry per key set. */
  id: string;
  login: string;
  userId: string;
  suite: KeyFile['suite'];
  /** When the key file was made. */
  createdAt: string;
  /** When it was kept in this browser. */
  savedAt: string;
}

interface Entry extends StoredKey {
  file: KeyFile;
}

export type KeyStoreErrorCode = 'WRONG_PASSWORD' | 'NOT_A_KEY_FILE' | 'NOT_FOUND' | 'NO_BROWSER_STORAGE';

export class KeyStoreError extends Error {
  constructor(readonly code: KeyStoreErrorCode) {
    super(code);
    this.name = 'KeyStoreError';
  }
}

const MESSAGES: Record<KeyStoreErrorCode, { zh: string; en: string }> = {
  WRONG_PASSWORD: { zh: '密钥文件密码错误', en: 'Wrong key-file password' },
  NOT_A_KEY_FILE: {
    zh: '这不是政采平台的密钥文件，或文件已损坏',
    en: 'This is not a Zhengcai key file, or the file is damaged',
  },
  NOT_FOUND: { zh: '此浏览器中已没有该密钥', en: 'That key is no longer kept in this browser' },
  NO_BROWSER_STORAGE: {
    zh: '此浏览器不允许保存密钥（可能处于隐私模式），请使用下载的密钥文件',
    en: 'This browser cannot keep keys (private mode?); use the downloaded key file',
  },
};

/** The message for a key-store error (or any error thrown while opening a key) in the reader's language. */
export function keyStoreErrorText(error: unknown, lang: 'zh' | 'en'): string {
  if (error instanceof KeyStoreError) return MESSAGES[error.code][lang];
  return lang === 'zh' ? '无法打开密钥' : 'The key could not be opened';
}

/** Where entries live: IndexedDB in the browser; tests give an in-memory map with the same four operations. */
export interface KeyStorage {
  get(id: string): Promise<unknown>;
  set(id: string, value: unknown): Promise<void>;
  delete(id: string): Promise<void>;
  values(): Promise<unknown[]>;
}

export function indexedDbStorage(): KeyStorage {
  let store: UseStore | null = null;
  const storeOf = (): UseStore => {
    if (typeof indexedDB === 'undefined') throw new KeyStoreError('NO_BROWSER_STORAGE');
    store ??= createStore('zhengcai', 'key-files');
    return store;
  };
  return {
    get: (id) => get(id, storeOf()),
    set: (id, value) => set(id, value, storeOf()),
    delete: (id) => del(id, storeOf()),
    values: () => values(storeOf()),
  };
}

function isEntry(value: unknown): value is Entry {
  if (typeof value !== 'object' || value === null) return false;
  const e = value as Record<string, unknown>;
  return typeof e.id === 'string' && typeof e.login === 'string' && typeof e.file === 'object' && e.file !== null;
}

const summary = ({ id, login, userId, suite, createdAt, savedAt }: Entry): StoredKey => ({
  id,
  login,
  userId,
  suite,
  createdAt,
  savedAt,
});

async function textOf(file: Blob | string): Promise<string> {
  return typeof file === 'string' ? file : file.text();
}

export function createKeyStore(storage: KeyStorage) {
  return {
    /** Keys kept in this browser, newest first (no secrets: login, suite and dates). */
    async list(): Promise<StoredKey[]> {
      try {
        const all = (await storage.values()).filter(isEntry).map(summary);
        return all.sort((a, b) => b.savedAt.localeCompare(a.savedAt));
      } catch {
        return [];
      }
    },

    /** Keeps an (encrypted) key file in this browser. Replaces an entry for the same key set. */
    async keep(file: KeyFile, now = new Date()): Promise<StoredKey> {
      const entry: Entry = {
        id: file.publicKeys.signing,
        login: file.subject.login,
        userId: file.subject.userId,
        suite: file.suite,
        createdAt: file.createdAt,
        savedAt: now.toISOString(),
        file,
      };
      await storage.set(entry.id, entry);
      return summary(entry);
    },

    async forget(id: string): Promise<void> {
      await storage.delete(id);
    },

    /** The encrypted key file of a stored key (to download it again). */
    async file(id: string): Promise<KeyFile> {
      const entry = await storage.get(id);
      if (!isEntry(entry)) throw new KeyStoreError('NOT_FOUND');
      return entry.file;
    },

    /** Opens a stored key or an uploaded key file with its password. See the comment at the top of this file. */
    async open(source: { storedId: string } | { file: Blob | string }, password: string): Promise<OpenedKeyFile> {
      let input: unknown;
      if ('storedId' in source) {
        input = await this.file(source.storedId);
      } else {
        try {
          input = JSON.parse(await textOf(source.file));
        } catch {
          throw new KeyStoreError('NOT_A_KEY_FILE');
        }
      }
      try {
        return await openKeyFile(input, password);
      } catch (error) {
        if (isSealError(error, 'WRONG_KEY_FILE_PASSWORD')) throw new KeyStoreError('WRONG_PASSWORD');
        if (isSealError(error)) throw new KeyStoreError('NOT_A_KEY_FILE');
        throw error;
      }
    },
  };
}

export type KeyStore = ReturnType<typeof createKeyStore>;

/** The browser's key store (IndexedDB). */
export const keyStore: KeyStore = createKeyStore(indexedDbStorage());

/** The download name of a key file: `<login>-zhengcai.key.json`. */
export function keyFileName(login: string): string {
  return `${login.replace(/[^A-Za-z0-9._@-]/g, '_')}-zhengcai.key.json`;
}

/** Offers a file to the user as a download (a key file, a certificate PEM). */
export function offerDownload(name: string, text: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Offers the key file for download under its usual name. */
export function downloadKeyFile(file: KeyFile): void {
  offerDownload(keyFileName(file.subject.login), serializeKeyFile(file));
}
