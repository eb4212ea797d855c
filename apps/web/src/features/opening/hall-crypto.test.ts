import {
  SUITES,
  canonicalBytes,
  fromHex,
  generateUserKeys,
  getSuite,
  isSealError,
  openBid,
  randomNonce,
  sealBid,
  type Suite,
  type UserKeys,
} from '@zhengcai/seal';
import { beforeAll, describe, expect, it } from 'vitest';
import { signRecordHash, signStatement, unwrapForRelease } from './hall-crypto';

describe.each(SUITES)('the hall’s cryptography on the device (%s)', (suite: Suite) => {
  let bidder: UserKeys;
  let other: UserKeys;
  beforeAll(async () => {
    bidder = await generateUserKeys(suite);
    other = await generateUserKeys(suite);
  });

  it('signs the sign-in statement’s canonical bytes with the signing key', async () => {
    const statement = { type: 'zhengcai-opening-sign-in', lotId: 'L1', userId: 'u1', organisationId: 'o1' };
    const signature = await signStatement(bidder, statement);
    const verify = (key: string, bytes: Uint8Array, sig: string) => getSuite(suite).verify(key, bytes, sig);
    expect(await verify(bidder.signing.publicKey, canonicalBytes(statement), signature)).toBe(true);
    // Key order does not matter (RFC 8785), a changed field does.
    const reordered = { organisationId: 'o1', userId: 'u1', lotId: 'L1', type: 'zhengcai-opening-sign-in' };
    expect(await verify(bidder.signing.publicKey, canonicalBytes(reordered), signature)).toBe(true);
    expect(await verify(bidder.signing.publicKey, canonicalBytes({ ...statement, lotId: 'L2' }), signature)).toBe(
      false,
    );
  });

  it('signs the record hash’s bytes', async () => {
    const hash = 'ab'.repeat(32);
    const signature = await signRecordHash(bidder, hash);
    expect(await getSuite(suite).verify(bidder.signing.publicKey, fromHex(hash), signature)).toBe(true);
  });

  it('unwraps the content key that opens the bid, and refuses another bidder’s key', async () => {
    const plaintext = new TextEncoder().encode('报价 1,234,500.00');
    const context = { projectId: 'P', lotId: 'L1', bidderId: 'org', nonce: randomNonce() };
    const bid = await sealBid({
      suite,
      plaintext,
      context,
      bidderPublicKey: bidder.encryption.publicKey,
      signingKey: bidder.signing.privateKey,
    });
    const contentKey = await unwrapForRelease(bid, bidder);
    expect(contentKey).toMatch(/^[0-9a-f]+$/);
    const opened = await openBid({
      envelope: bid,
      contentKey: fromHex(contentKey),
      signerPublicKey: bidder.signing.publicKey,
    });
    expect(new TextDecoder().decode(opened)).toBe('报价 1,234,500.00');
    const refused = await unwrapForRelease(bid, other).then(
      () => null,
      (error: unknown) => error,
    );
    expect(isSealError(refused)).toBe(true);
  });
});
