import { describe, expect, it } from 'vitest';
import { concatBytes, randomBytes, toHex, utf8 } from './bytes';
import { isSealError } from './errors';
import { fileHash } from './file-hash';
import { decryptBytes, decryptStream, encryptBytes, encryptStream, STREAM_HEADER_LENGTH } from './stream';
import { getSuite, SUITES } from './suite';

const CHUNK = 4096;
const TAG = 16;

function split(bytes: Uint8Array, sizes: number[]): Uint8Array[] {
  const out: Uint8Array[] = [];
  let offset = 0;
  for (let i = 0; offset < bytes.length; i++) {
    const size = sizes[i % sizes.length] ?? 1;
    out.push(bytes.subarray(offset, offset + size));
    offset += size;
  }
  return out;
}

async function* slowly(pieces: Uint8Array[]): AsyncGenerator<Uint8Array> {
  for (const piece of pieces) {
    await Promise.resolve();
    yield piece;
  }
}

async function errorCode(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'no error';
  } catch (error) {
    return isSealError(error) ? error.code : String(error);
  }
}

describe.each(SUITES)('STREAM chunked encryption (%s)', (suite) => {
  const contentKey = getSuite(suite).generateContentKey();
  const associatedData = utf8('{"lotId":"L1"}');
  const options = { suite, contentKey, associatedData };
  const sealed = (plaintext: Uint8Array): Promise<Uint8Array> =>
    encryptBytes({ ...options, chunkSize: CHUNK }, plaintext).then((r) => r.ciphertext);
  const open = async (ciphertext: Uint8Array): Promise<Uint8Array> =>
    (await decryptBytes(options, ciphertext)).plaintext;
  /** Byte range of sealed chunk i inside the ciphertext. */
  const chunkAt = (i: number): [number, number] => [
    STREAM_HEADER_LENGTH + i * (CHUNK + TAG),
    STREAM_HEADER_LENGTH + (i + 1) * (CHUNK + TAG),
  ];

  it.each([0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 3 * CHUNK, 3 * CHUNK + 17])('round-trips %i bytes', async (length) => {
    const plaintext = randomBytes(length);
    const { ciphertext, summary } = await encryptBytes({ ...options, chunkSize: CHUNK }, plaintext);
    const chunks = Math.max(1, Math.ceil(length / CHUNK));
    expect(ciphertext.length).toBe(STREAM_HEADER_LENGTH + length + chunks * TAG);
    expect(summary).toEqual({
      ciphertextHash: await fileHash(suite, ciphertext),
      ciphertextLength: ciphertext.length,
      plaintextLength: length,
      chunkCount: chunks,
    });
    const opened = await decryptBytes(options, ciphertext);
    expect(toHex(opened.plaintext)).toBe(toHex(plaintext));
    expect(opened.summary).toEqual(summary);
  });

  it('works over async iterables split at arbitrary places on both sides', async () => {
    const plaintext = randomBytes(5 * CHUNK + 100);
    const encrypted = encryptStream({ ...options, chunkSize: CHUNK }, slowly(split(plaintext, [1, 4095, 7000, 3])));
    const pieces: Uint8Array[] = [];
    for await (const piece of encrypted) pieces.push(piece);
    const ciphertext = concatBytes(...pieces);
    expect(encrypted.summary().ciphertextHash).toBe(await fileHash(suite, ciphertext));
    const decrypted = decryptStream(options, slowly(split(ciphertext, [5, 30, 9000, 1])));
    const out: Uint8Array[] = [];
    for await (const piece of decrypted) out.push(piece);
    expect(toHex(concatBytes(...out))).toBe(toHex(plaintext));
    expect(() => decrypted[Symbol.asyncIterator]()).toThrow(/only once/);
  });

  it('detects a flipped bit in the header and in every chunk', async () => {
    const ciphertext = await sealed(randomBytes(3 * CHUNK + 10));
    const end = (i: number): number => Math.min(chunkAt(i)[1], ciphertext.length);
    const positions = [
      0,
      5,
      6,
      10,
      30,
      ...[0, 1, 2, 3].flatMap((i) => [chunkAt(i)[0], chunkAt(i)[0] + 7, end(i) - 17, end(i) - 1]),
    ];
    expect(Math.max(...positions)).toBe(ciphertext.length - 1);
    for (const position of positions) {
      const altered = ciphertext.slice();
      altered[position] = (altered[position] ?? 0) ^ 0x04;
      expect(await errorCode(open(altered)), `bit flip at ${position}`).toMatch(
        /DECRYPTION_FAILED|CIPHERTEXT_MALFORMED|SUITE_MISMATCH/,
      );
    }
  });

  it('detects truncation at a chunk boundary, inside a chunk, and inside the header', async () => {
    const ciphertext = await sealed(randomBytes(3 * CHUNK + 10));
    expect(await errorCode(open(ciphertext.subarray(0, chunkAt(2)[1])))).toBe('CIPHERTEXT_TRUNCATED');
    expect(await errorCode(open(ciphertext.subarray(0, chunkAt(0)[1])))).toBe('CIPHERTEXT_TRUNCATED');
    expect(await errorCode(open(ciphertext.subarray(0, chunkAt(1)[0] + 500)))).toBe('DECRYPTION_FAILED');
    expect(await errorCode(open(ciphertext.subarray(0, ciphertext.length - 1)))).toBe('DECRYPTION_FAILED');
    expect(await errorCode(open(ciphertext.subarray(0, STREAM_HEADER_LENGTH)))).toBe('CIPHERTEXT_TRUNCATED');
    expect(await errorCode(open(ciphertext.subarray(0, 20)))).toBe('CIPHERTEXT_TRUNCATED');
    expect(await errorCode(open(new Uint8Array(0)))).toBe('CIPHERTEXT_TRUNCATED');
  });

  it('detects reordered, dropped, duplicated and appended chunks', async () => {
    const ciphertext = await sealed(randomBytes(3 * CHUNK + 10));
    const header = ciphertext.subarray(0, STREAM_HEADER_LENGTH);
    const c = [0, 1, 2, 3].map((i) => ciphertext.subarray(...chunkAt(i)));
    const [c0, c1, c2, c3] = c as [Uint8Array, Uint8Array, Uint8Array, Uint8Array];
    expect(await errorCode(open(concatBytes(header, c1, c0, c2, c3)))).toBe('DECRYPTION_FAILED');
    expect(await errorCode(open(concatBytes(header, c0, c2, c3)))).toBe('DECRYPTION_FAILED');
    expect(await errorCode(open(concatBytes(header, c0, c0, c1, c2, c3)))).toBe('DECRYPTION_FAILED');
    expect(await errorCode(open(concatBytes(ciphertext, new Uint8Array(1))))).toBe('DECRYPTION_FAILED');
    expect(await errorCode(open(concatBytes(ciphertext, c3)))).toBe('DECRYPTION_FAILED');
  });

  it('binds the content key, the associated data and the suite', async () => {
    const ciphertext = await sealed(randomBytes(100));
    const wrongKey = { ...options, contentKey: getSuite(suite).generateContentKey() };
    expect(await errorCode(decryptBytes(wrongKey, ciphertext))).toBe('DECRYPTION_FAILED');
    expect(await errorCode(decryptBytes({ ...options, associatedData: utf8('{"lotId":"L2"}') }, ciphertext))).toBe(
      'DECRYPTION_FAILED',
    );
    const other = suite === 'gm' ? 'intl' : 'gm';
    const otherKey = getSuite(other).generateContentKey();
    expect(await errorCode(decryptBytes({ suite: other, contentKey: otherKey }, ciphertext))).toBe('SUITE_MISMATCH');
    const badMagic = ciphertext.slice();
    badMagic[0] = 0;
    expect(await errorCode(open(badMagic))).toBe('CIPHERTEXT_MALFORMED');
  });

  it('uses a fresh stream key and nonce prefix per file', async () => {
    const plaintext = randomBytes(64);
    const a = await sealed(plaintext);
    const b = await sealed(plaintext);
    expect(toHex(a.subarray(8, 31))).not.toBe(toHex(b.subarray(8, 31)));
    expect(toHex(a.subarray(31))).not.toBe(toHex(b.subarray(31)));
  });

  it('refuses bad parameters up front', () => {
    expect(() => encryptStream({ ...options, chunkSize: 1000 }, [])).toThrow(/INVALID_ARGUMENT/);
    expect(() => encryptStream({ ...options, contentKey: randomBytes(24) }, [])).toThrow(/INVALID_KEY/);
    expect(() => encryptStream(options, []).summary()).toThrow(/not been read/);
  });
});
