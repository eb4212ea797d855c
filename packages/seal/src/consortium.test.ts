import { beforeAll, describe, expect, it } from 'vitest';
import { randomNonce } from './bytes';
import { coSignSealedBid, verifyConsortiumSignature } from './consortium';
import { sealBid, verifySealedBid, type ConsortiumComposition, type SealedBid } from './envelope';
import { generateUserKeys, type UserKeys } from './key-file';
import { SUITES, type Suite } from './suite';

describe.each(SUITES)('consortium co-signatures (%s)', (suite: Suite) => {
  const consortium: ConsortiumComposition = {
    members: [
      { organisationId: 'org-lead', uscc: '91520201MA000001XX', role: 'lead', shareBasisPoints: 6000 },
      { organisationId: 'org-b', uscc: '91520201MA000002XX', role: 'member', shareBasisPoints: 4000 },
    ],
  };
  const context = { projectId: 'P1', lotId: 'L1', bidderId: 'org-lead', nonce: randomNonce() };
  let lead: UserKeys;
  let member: UserKeys;
  let stranger: UserKeys;
  let bid: SealedBid;

  beforeAll(async () => {
    lead = await generateUserKeys(suite);
    member = await generateUserKeys(suite);
    stranger = await generateUserKeys(suite);
    bid = await sealBid({
      suite,
      plaintext: new TextEncoder().encode('价格表'),
      bidderPublicKey: lead.encryption.publicKey,
      signingKey: lead.signing.privateKey,
      context,
      consortium,
    });
  });

  it('binds the composition into the lead statement and checks it against what the server issued', async () => {
    expect(bid.statement.consortium).toEqual(consortium);
    const ok = await verifySealedBid({
      envelope: bid,
      signerPublicKey: lead.signing.publicKey,
      expectedContext: context,
      expectedConsortium: consortium,
    });
    expect(ok).toEqual({ valid: true });
    const otherShares: ConsortiumComposition = {
      members: consortium.members.map((m) => ({ ...m, shareBasisPoints: m.role === 'lead' ? 5000 : 5000 })),
    };
    for (const expected of [otherShares, null]) {
      expect(
        await verifySealedBid({ envelope: bid, signerPublicKey: lead.signing.publicKey, expectedConsortium: expected }),
      ).toEqual({ valid: false, reason: 'CONSORTIUM_MISMATCH' });
    }
  });

  it("verifies a member's co-signature over the same statement bytes, and nothing else", async () => {
    const signature = await coSignSealedBid({
      statement: bid.statement,
      memberOrganisationId: 'org-b',
      signingKey: member.signing.privateKey,
    });
    const base = { statement: bid.statement, memberOrganisationId: 'org-b', signature };
    expect(await verifyConsortiumSignature({ ...base, signerPublicKey: member.signing.publicKey })).toEqual({
      valid: true,
    });
    // Signed by the wrong key.
    expect(await verifyConsortiumSignature({ ...base, signerPublicKey: stranger.signing.publicKey })).toEqual({
      valid: false,
      reason: 'BAD_SIGNATURE',
    });
    // A tampered signature, a non-hex one.
    const flipped = (signature[0] === '0' ? '1' : '0') + signature.slice(1);
    for (const bad of [flipped, 'zz', '']) {
      expect(
        await verifyConsortiumSignature({ ...base, signature: bad, signerPublicKey: member.signing.publicKey }),
      ).toMatchObject({ valid: false });
    }
    // The statement changed after signing (a share moved).
    const changed = structuredClone(bid.statement);
    const first = changed.consortium?.members[0];
    if (first) first.shareBasisPoints = 5900;
    expect(
      await verifyConsortiumSignature({ ...base, statement: changed, signerPublicKey: member.signing.publicKey }),
    ).toEqual({ valid: false, reason: 'BAD_SIGNATURE' });
    // An organisation the statement does not name.
    expect(
      await verifyConsortiumSignature({
        ...base,
        memberOrganisationId: 'org-x',
        signerPublicKey: member.signing.publicKey,
      }),
    ).toEqual({ valid: false, reason: 'NOT_A_MEMBER' });
  });

  it('refuses to co-sign a statement without a consortium or not naming the member', async () => {
    const solo = await sealBid({
      suite,
      plaintext: new Uint8Array([1]),
      bidderPublicKey: lead.encryption.publicKey,
      signingKey: lead.signing.privateKey,
      context,
    });
    await expect(
      coSignSealedBid({
        statement: solo.statement,
        memberOrganisationId: 'org-b',
        signingKey: member.signing.privateKey,
      }),
    ).rejects.toThrow(/consortium/);
    await expect(
      coSignSealedBid({
        statement: bid.statement,
        memberOrganisationId: 'org-x',
        signingKey: member.signing.privateKey,
      }),
    ).rejects.toThrow(/member/);
    await expect(
      coSignSealedBid({
        statement: { type: 'login' },
        memberOrganisationId: 'org-b',
        signingKey: member.signing.privateKey,
      }),
    ).rejects.toThrow();
    expect(
      await verifyConsortiumSignature({
        statement: solo.statement,
        memberOrganisationId: 'org-b',
        signature: solo.signature,
        signerPublicKey: lead.signing.publicKey,
      }),
    ).toEqual({ valid: false, reason: 'MALFORMED_STATEMENT' });
  });
});
