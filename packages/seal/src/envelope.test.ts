import { beforeAll, describe, expect, it } from 'vitest';
import { concatBytes, randomBytes, randomNonce, toHex } from './bytes';
import { isSealError } from './errors';
import {
  bidAssociatedData,
  openBid,
  openBidStream,
  sealBid,
  sealBidStream,
  unwrapContentKey,
  verifySealedBid,
  type BidContext,
  type KeyEscrowParams,
  type SealedBid,
} from './envelope';
import { fileHash } from './file-hash';
import { generateUserKeys, type UserKeys } from './key-file';
import { keyEscrowHash, openEscrowShare, recoverContentKey, type KeyEscrow } from './key-escrow';
import { encryptBytes } from './stream';
import { SUITES, getSuite, type KeyPair, type Suite } from './suite';

async function errorReason(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'no error';
  } catch (error) {
    return isSealError(error) ? error.message : String(error);
  }
}

describe.each(SUITES)('sealed-bid envelope (%s)', (suite: Suite) => {
  const context: BidContext = { projectId: 'P-2025-001', lotId: 'L1', bidderId: 'org-42', nonce: randomNonce() };
  const priceSheet = new TextEncoder().encode(
    JSON.stringify({ total: '1234500.00', words: '壹佰贰拾叁万肆仟伍佰元整' }),
  );
  let bidder: UserKeys;
  let bid: SealedBid;

  const seal = async (): Promise<SealedBid> =>
    sealBid({
      suite,
      plaintext: priceSheet,
      bidderPublicKey: bidder.encryption.publicKey,
      signingKey: bidder.signing.privateKey,
      context,
    });

  beforeAll(async () => {
    bidder = await generateUserKeys(suite);
    bid = await seal();
  });

  it('seals, verifies without keys, unwraps in the browser and opens on the server', async () => {
    expect(bid.statement).toMatchObject({ type: 'zhengcai-sealed-bid', version: 1, suite, ...context });
    expect(bid.ciphertextHash).toBe(await fileHash(suite, bid.ciphertext));
    expect(bid.statement.ciphertextLength).toBe(bid.ciphertext.length);
    const verified = await verifySealedBid({
      envelope: bid,
      signerPublicKey: bidder.signing.publicKey,
      expectedContext: context,
      ciphertext: bid.ciphertext,
    });
    expect(verified).toEqual({ valid: true });
    const contentKey = await unwrapContentKey(bid, bidder.encryption.privateKey);
    const plaintext = await openBid({
      envelope: bid,
      contentKey,
      signerPublicKey: bidder.signing.publicKey,
      expectedContext: context,
    });
    expect(new TextDecoder().decode(plaintext)).toBe(new TextDecoder().decode(priceSheet));
  });

  it('never contains the plaintext or the content key in the clear', async () => {
    const contentKey = await unwrapContentKey(bid, bidder.encryption.privateKey);
    const stored = new TextEncoder().encode(JSON.stringify({ ...bid, ciphertext: toHex(bid.ciphertext) }));
    expect(new TextDecoder().decode(stored)).not.toContain('1234500');
    expect(new TextDecoder().decode(stored)).not.toContain(toHex(contentKey));
  });

  it('the signature binds every statement field and the signer', async () => {
    const other = await generateUserKeys(suite);
    const check = (envelope: SealedBid, signer = bidder.signing.publicKey): Promise<unknown> =>
      verifySealedBid({ envelope, signerPublicKey: signer, ciphertext: envelope.ciphertext });
    expect(await check(bid, other.signing.publicKey)).toEqual({ valid: false, reason: 'BAD_SIGNATURE' });
    expect(await check(bid, bidder.encryption.publicKey)).toEqual({ valid: false, reason: 'BAD_SIGNATURE' });
    for (const field of ['projectId', 'lotId', 'bidderId', 'nonce'] as const) {
      const altered = { ...bid, statement: { ...bid.statement, [field]: `${bid.statement[field]}x` } };
      expect(await check(altered)).toEqual({ valid: false, reason: 'BAD_SIGNATURE' });
    }
    const extended = { ...bid, statement: { ...bid.statement, price: 1 } };
    expect(await check(extended)).toEqual({ valid: false, reason: 'MALFORMED_STATEMENT' });
    const wrongContext = await verifySealedBid({
      envelope: bid,
      signerPublicKey: bidder.signing.publicKey,
      expectedContext: { ...context, lotId: 'L2' },
    });
    expect(wrongContext).toEqual({ valid: false, reason: 'CONTEXT_MISMATCH' });
  });

  it('detects a changed ciphertext, a swapped wrapped key and a swapped suite', async () => {
    const altered = bid.ciphertext.slice();
    altered[40] = (altered[40] ?? 0) ^ 1;
    expect(
      await verifySealedBid({ envelope: bid, signerPublicKey: bidder.signing.publicKey, ciphertext: altered }),
    ).toEqual({ valid: false, reason: 'CIPHERTEXT_HASH_MISMATCH' });
    expect(
      await verifySealedBid({
        envelope: bid,
        signerPublicKey: bidder.signing.publicKey,
        ciphertext: { hash: bid.ciphertextHash, length: 1 },
      }),
    ).toEqual({ valid: false, reason: 'CIPHERTEXT_HASH_MISMATCH' });
    const second = await seal();
    const swapped = { ...bid, contentKeyWrapped: second.contentKeyWrapped };
    expect(await verifySealedBid({ envelope: swapped, signerPublicKey: bidder.signing.publicKey })).toEqual({
      valid: false,
      reason: 'WRAPPED_KEY_MISMATCH',
    });
    expect(await errorReason(unwrapContentKey(swapped, bidder.encryption.privateKey))).toMatch(/WRAPPED_KEY_MISMATCH/);
    const otherSuite: Suite = suite === 'gm' ? 'intl' : 'gm';
    expect(
      await verifySealedBid({ envelope: { ...bid, suite: otherSuite }, signerPublicKey: bidder.signing.publicKey }),
    ).toEqual({ valid: false, reason: 'SUITE_MISMATCH' });
  });

  it('openBid refuses a wrong content key, a tampered ciphertext and an unsigned change', async () => {
    const contentKey = await unwrapContentKey(bid, bidder.encryption.privateKey);
    const second = await seal();
    const secondKey = await unwrapContentKey(second, bidder.encryption.privateKey);
    expect(
      await errorReason(openBid({ envelope: bid, contentKey: secondKey, signerPublicKey: bidder.signing.publicKey })),
    ).toMatch(/DECRYPTION_FAILED/);
    const altered = bid.ciphertext.slice();
    altered[altered.length - 1] = (altered[altered.length - 1] ?? 0) ^ 1;
    expect(
      await errorReason(
        openBid({ envelope: { ...bid, ciphertext: altered }, contentKey, signerPublicKey: bidder.signing.publicKey }),
      ),
    ).toMatch(/CIPHERTEXT_HASH_MISMATCH/);
    expect(
      await errorReason(
        openBid({
          envelope: bid,
          contentKey,
          signerPublicKey: bidder.signing.publicKey,
          expectedContext: { ...context, bidderId: 'org-43' },
        }),
      ),
    ).toMatch(/CONTEXT_MISMATCH/);
  });

  it('only the bidder can unwrap: another user’s key fails', async () => {
    const other = await generateUserKeys(suite);
    expect(await errorReason(unwrapContentKey(bid, other.encryption.privateKey))).toMatch(/KEY_UNWRAP_FAILED/);
    expect(await errorReason(unwrapContentKey(bid, bidder.signing.privateKey))).toMatch(/KEY_UNWRAP_FAILED/);
  });

  it('seals and opens a multi-chunk file as a stream, with the same envelope checks', async () => {
    const file = randomBytes(3 * 4096 + 99);
    const sealer = await sealBidStream({
      suite,
      plaintext: [file.subarray(0, 5000), file.subarray(5000)],
      bidderPublicKey: bidder.encryption.publicKey,
      signingKey: bidder.signing.privateKey,
      context,
      chunkSize: 4096,
    });
    const uploaded: Uint8Array[] = [];
    for await (const piece of sealer.ciphertext) uploaded.push(piece);
    const envelope = await sealer.envelope();
    const ciphertext = concatBytes(...uploaded);
    expect(await verifySealedBid({ envelope, signerPublicKey: bidder.signing.publicKey, ciphertext })).toEqual({
      valid: true,
    });
    const contentKey = await unwrapContentKey(envelope, bidder.encryption.privateKey);
    const out: Uint8Array[] = [];
    for await (const piece of await openBidStream({
      envelope,
      ciphertext: uploaded,
      contentKey,
      signerPublicKey: bidder.signing.publicKey,
    }))
      out.push(piece);
    expect(toHex(concatBytes(...out))).toBe(toHex(file));
    // A different ciphertext under the same content key and context decrypts, but fails the signed hash at the end.
    const substitute = await encryptBytes(
      { suite, contentKey, associatedData: bidAssociatedData(context), chunkSize: 4096 },
      randomBytes(10),
    );
    const reading = async (): Promise<void> => {
      for await (const piece of await openBidStream({
        envelope,
        ciphertext: [substitute.ciphertext],
        contentKey,
        signerPublicKey: bidder.signing.publicKey,
      })) {
        expect(piece.length).toBe(10);
      }
    };
    expect(await errorReason(reading())).toMatch(/SEALED_BID_INVALID: CIPHERTEXT_HASH_MISMATCH/);
  });

  it('refuses unusable inputs before encrypting anything', async () => {
    const base = {
      suite,
      plaintext: priceSheet,
      bidderPublicKey: bidder.encryption.publicKey,
      signingKey: bidder.signing.privateKey,
      context,
    };
    expect(await errorReason(sealBid({ ...base, context: { ...context, lotId: '' } }))).toMatch(/INVALID_ARGUMENT/);
    expect(await errorReason(sealBid({ ...base, signingKey: 'ab' }))).toMatch(/INVALID_KEY/);
    expect(await errorReason(sealBid({ ...base, bidderPublicKey: `04${'00'.repeat(64)}` }))).toMatch(/INVALID_KEY/);
  });
});

describe.each(SUITES)('sealed bid with escrowed content key (%s)', (suite: Suite) => {
  const context: BidContext = { projectId: 'P-2025-002', lotId: 'L1', bidderId: 'org-7', nonce: randomNonce() };
  const plaintext = new TextEncoder().encode('{"total":"100.00"}');
  const crypto = getSuite(suite);
  let bidder: UserKeys;
  let holderKeys: KeyPair[];
  let escrow: KeyEscrowParams;
  let bid: SealedBid;

  beforeAll(async () => {
    bidder = await generateUserKeys(suite);
    holderKeys = [
      await crypto.generateEncryptionKeyPair(),
      await crypto.generateEncryptionKeyPair(),
      await crypto.generateEncryptionKeyPair(),
    ];
    escrow = {
      threshold: 2,
      holders: holderKeys.map((k, i) => ({ holderId: `holder-${i}`, publicKey: k.publicKey })),
    };
    bid = await sealBid({
      suite,
      plaintext,
      bidderPublicKey: bidder.encryption.publicKey,
      signingKey: bidder.signing.privateKey,
      context,
      escrow,
    });
  });

  const verify = (envelope: SealedBid, expectedKeyEscrow?: KeyEscrowParams | null) =>
    verifySealedBid({
      envelope,
      signerPublicKey: bidder.signing.publicKey,
      expectedContext: context,
      ciphertext: envelope.ciphertext,
      ...(expectedKeyEscrow !== undefined ? { expectedKeyEscrow } : {}),
    });

  it('binds the escrow in the signed statement; k holders recover the key that opens the bid', async () => {
    expect(bid.keyEscrow).toBeDefined();
    const keyEscrow = bid.keyEscrow as KeyEscrow;
    expect(bid.statement.keyEscrowHash).toBe(await keyEscrowHash(keyEscrow));
    expect(Object.keys(bid.statement)).toHaveLength(12);
    expect(await verify(bid)).toEqual({ valid: true });
    expect(await verify(bid, escrow)).toEqual({ valid: true });
    const shares = await Promise.all(
      [0, 2].map((i) =>
        openEscrowShare({
          escrow: keyEscrow,
          holderId: `holder-${i}`,
          privateKey: holderKeys[i]?.privateKey ?? '',
          context,
        }),
      ),
    );
    const contentKey = await recoverContentKey(keyEscrow, shares);
    expect(
      await openBid({ envelope: bid, contentKey, signerPublicKey: bidder.signing.publicKey, expectedContext: context }),
    ).toEqual(plaintext);
    expect(await unwrapContentKey(bid, bidder.encryption.privateKey)).toEqual(contentKey);
  });

  it('the stream sealer escrows too', async () => {
    const sealer = await sealBidStream({
      suite,
      plaintext: [plaintext],
      bidderPublicKey: bidder.encryption.publicKey,
      signingKey: bidder.signing.privateKey,
      context,
      escrow,
    });
    const pieces: Uint8Array[] = [];
    for await (const piece of sealer.ciphertext) pieces.push(piece);
    const envelope = await sealer.envelope();
    expect(envelope.keyEscrow?.threshold).toBe(2);
    expect(await verify({ ...envelope, ciphertext: concatBytes(...pieces) }, escrow)).toEqual({ valid: true });
  });

  it('refuses a tampered, removed, added or unexpected escrow', async () => {
    const keyEscrow = bid.keyEscrow as KeyEscrow;
    const [first, ...rest] = keyEscrow.shares;
    if (!first) throw new Error('no share');
    const swapped = { ...first, sealedShare: `${first.sealedShare.slice(0, -2)}00` };
    const cases: SealedBid[] = [
      { ...bid, keyEscrow: { ...keyEscrow, threshold: 3 } },
      { ...bid, keyEscrow: { ...keyEscrow, shares: [swapped, ...rest] } },
      { ...bid, keyEscrow: { ...keyEscrow, shares: rest } },
      { ...bid, keyEscrow: { ...keyEscrow, keyCommitment: '00'.repeat(32) } },
    ];
    for (const tampered of cases) {
      expect(await verify(tampered)).toEqual({ valid: false, reason: 'KEY_ESCROW_MISMATCH' });
    }
    const { keyEscrow: _dropped, ...withoutEscrow } = bid;
    expect(await verify(withoutEscrow)).toEqual({ valid: false, reason: 'KEY_ESCROW_MISMATCH' });
    // The project asks for no escrow, or for other holders or another k: refused even though the hash binds.
    expect(await verify(bid, null)).toEqual({ valid: false, reason: 'KEY_ESCROW_MISMATCH' });
    expect(await verify(bid, { ...escrow, threshold: 3 })).toEqual({ valid: false, reason: 'KEY_ESCROW_MISMATCH' });
    expect(await verify(bid, { ...escrow, holders: [...escrow.holders].reverse() })).toEqual({
      valid: false,
      reason: 'KEY_ESCROW_MISMATCH',
    });
    // Removing the hash from the statement breaks the signature (or the escrow is then unbound).
    const { keyEscrowHash: _hash, ...unbound } = bid.statement;
    expect((await verify({ ...bid, statement: unbound })).valid).toBe(false);
  });

  it('a bid without escrow keeps today’s statement and refuses an escrow added later or one the project requires', async () => {
    const plain = await sealBid({
      suite,
      plaintext,
      bidderPublicKey: bidder.encryption.publicKey,
      signingKey: bidder.signing.privateKey,
      context,
      escrow: null,
    });
    expect(Object.keys(plain.statement)).toHaveLength(11);
    expect('keyEscrow' in plain).toBe(false);
    expect(await verify(plain, null)).toEqual({ valid: true });
    expect(await verify(plain, escrow)).toEqual({ valid: false, reason: 'KEY_ESCROW_MISMATCH' });
    expect(await verify({ ...plain, keyEscrow: bid.keyEscrow })).toEqual({
      valid: false,
      reason: 'KEY_ESCROW_MISMATCH',
    });
  });

  it('refuses bad escrow parameters before encrypting anything', async () => {
    const base = {
      suite,
      plaintext,
      bidderPublicKey: bidder.encryption.publicKey,
      signingKey: bidder.signing.privateKey,
      context,
    };
    expect(await errorReason(sealBid({ ...base, escrow: { ...escrow, threshold: 4 } }))).toMatch(/INVALID_ARGUMENT/);
    expect(
      await errorReason(
        sealBid({ ...base, escrow: { threshold: 2, holders: [escrow.holders[0], escrow.holders[0]] as never } }),
      ),
    ).toMatch(/INVALID_ARGUMENT/);
  });
});
