import { describe, expect, it } from 'vitest';
import {
  bidPackageLength,
  bidPackageManifest,
  describeFile,
  parseBidPackage,
  readBidPackage,
  writeBidPackage,
  type BidPackageFile,
  type PriceSheet,
} from './bid-package';
import { concatBytes, utf8 } from './bytes';
import { generateUserKeys } from './key-file';
import { openBid, sealBidStream } from './envelope';
import { isSealError } from './errors';
import type { Suite } from './suite';

const sheet: PriceSheet = {
  lotId: 'lot-1',
  priceFen: 123456789,
  priceInWords: '壹佰贰拾叁万肆仟伍佰陆拾柒元捌角玖分',
  deliveryPeriod: '30日历天',
  fields: { warranty: '3年' },
};

function pattern(size: number, seed: number): Uint8Array {
  const out = new Uint8Array(size);
  for (let i = 0; i < size; i++) out[i] = (i * 31 + seed) & 0xff;
  return out;
}

function pieces(bytes: Uint8Array, size: number): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (let i = 0; i < bytes.length; i += size) out.push(bytes.subarray(i, i + size));
  return out;
}

async function fileOf(suite: Suite, name: string, bytes: Uint8Array): Promise<BidPackageFile> {
  return { name, ...(await describeFile(suite, [bytes])), open: () => pieces(bytes, 65_537) };
}

async function collect(stream: AsyncIterable<Uint8Array>): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  for await (const p of stream) parts.push(p);
  return concatBytes(...parts);
}

describe.each(['gm', 'intl'] as const)('bid package (%s)', (suite) => {
  it('round-trips the price sheet and files, whatever the piece sizes', async () => {
    const a = pattern(300_017, 1);
    const b = utf8('技术响应表');
    const empty = new Uint8Array(0);
    const files = [
      await fileOf(suite, '技术方案.pdf', a),
      await fileOf(suite, 'empty.txt', empty),
      await fileOf(suite, 'b.txt', b),
    ];
    const bytes = await collect(writeBidPackage(suite, sheet, files));
    expect(bytes.length).toBe(bidPackageLength(bidPackageManifest(suite, sheet, files)));
    const parsed = await parseBidPackage(suite, bytes);
    expect(parsed.manifest.priceSheet).toEqual(sheet);
    expect(parsed.manifest.files.map((f) => f.name)).toEqual(['技术方案.pdf', 'empty.txt', 'b.txt']);
    expect(parsed.files).toEqual([a, empty, b]);
    // Read again in odd-sized pieces (a 1-byte piece crosses every boundary).
    const parts = [];
    for await (const part of readBidPackage(suite, [
      ...pieces(bytes.subarray(0, 100), 1),
      ...pieces(bytes.subarray(100), 4099),
    ])) {
      if (part.kind !== 'data') parts.push(part.kind);
    }
    expect(parts).toEqual(['manifest', 'end-of-file', 'end-of-file', 'end-of-file']);
  });

  it('a package with no files holds only the price sheet', async () => {
    const bytes = await collect(writeBidPackage(suite, sheet, []));
    const parsed = await parseBidPackage(suite, bytes);
    expect(parsed.manifest.priceSheet.priceFen).toBe(123456789);
    expect(parsed.files).toEqual([]);
  });

  it('refuses a file that changed after it was described', async () => {
    const file = await fileOf(suite, 'a.bin', pattern(5000, 2));
    const changed = { ...file, open: () => [pattern(5000, 3)] };
    await expect(collect(writeBidPackage(suite, sheet, [changed]))).rejects.toSatisfy((e) =>
      isSealError(e, 'INVALID_ARGUMENT'),
    );
  });

  it('refuses bad names, duplicate names and malformed price sheets', () => {
    const entry = { name: 'a', size: 1, digest: '0'.repeat(64) };
    expect(() => bidPackageManifest(suite, sheet, [entry, entry])).toThrow(/duplicate/);
    expect(() => bidPackageManifest(suite, sheet, [{ ...entry, name: '../x' }])).toThrow(/file names/);
    expect(() => bidPackageManifest(suite, { ...sheet, priceFen: 1.5 }, [])).toThrow(/price sheet/);
  });

  it('detects truncation, trailing bytes, altered file bytes and a foreign suite', async () => {
    const files = [await fileOf(suite, 'a.bin', pattern(70_000, 4))];
    const bytes = await collect(writeBidPackage(suite, sheet, files));
    const malformed = (e: unknown) => isSealError(e, 'CIPHERTEXT_MALFORMED');
    await expect(parseBidPackage(suite, bytes.subarray(0, bytes.length - 1))).rejects.toSatisfy(malformed);
    await expect(parseBidPackage(suite, concatBytes(bytes, new Uint8Array([0])))).rejects.toSatisfy(malformed);
    const altered = bytes.slice();
    altered[altered.length - 10] = (altered[altered.length - 10] ?? 0) ^ 1;
    await expect(parseBidPackage(suite, altered)).rejects.toSatisfy(malformed);
    await expect(parseBidPackage(suite === 'gm' ? 'intl' : 'gm', bytes)).rejects.toSatisfy(malformed);
    await expect(parseBidPackage(suite, bytes.subarray(0, 5))).rejects.toSatisfy(malformed);
  });

  it('is sealed as one stream and opened back at the opening', async () => {
    const keys = await generateUserKeys(suite);
    const files = [await fileOf(suite, 'a.bin', pattern(200_000, 5))];
    const context = { projectId: 'p', lotId: 'lot-1', bidderId: 'org', nonce: 'n-1' };
    const sealer = await sealBidStream({
      suite,
      bidderPublicKey: keys.encryption.publicKey,
      signingKey: keys.signing.privateKey,
      context,
      plaintext: writeBidPackage(suite, sheet, files),
      chunkSize: 4096,
    });
    const ciphertext = await collect(sealer.ciphertext);
    const envelope = await sealer.envelope();
    const { unwrapContentKey } = await import('./envelope');
    const contentKey = await unwrapContentKey(envelope, keys.encryption.privateKey);
    const plaintext = await openBid({
      envelope: { ...envelope, ciphertext },
      contentKey,
      signerPublicKey: keys.signing.publicKey,
      expectedContext: context,
    });
    const parsed = await parseBidPackage(suite, plaintext);
    expect(parsed.manifest.priceSheet).toEqual(sheet);
    expect(parsed.files[0]).toEqual(pattern(200_000, 5));
  });
});
