import { describe, expect, it } from 'vitest';
import type { BidContext } from './envelope';
import { isSealError } from './errors';
import {
  checkEscrowShare,
  escrowContentKey,
  keyEscrowHash,
  openEscrowShare,
  recoverContentKey,
  type KeyEscrow,
} from './key-escrow';
import { getSuite, type KeyPair, type Suite } from './suite';

const CONTEXT: BidContext = { projectId: 'p-1', lotId: 'l-1', bidderId: 'o-1', nonce: 'n-1' };
const HOLDERS = ['centre', 'supervisor', 'agency'] as const;

async function rejects(promise: Promise<unknown>, code: string): Promise<void> {
  const error: unknown = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(isSealError(error), String(error)).toBe(true);
  expect(isSealError(error) && error.code).toBe(code);
}

describe.each<Suite>(['gm', 'intl'])('k-of-n escrow of a content key (%s)', (suite) => {
  const crypto = getSuite(suite);

  async function setUp(threshold = 2) {
    const keys = new Map<string, KeyPair>();
    for (const id of HOLDERS) keys.set(id, await crypto.generateEncryptionKeyPair());
    const contentKey = crypto.generateContentKey();
    const escrow = await escrowContentKey({
      suite,
      contentKey,
      threshold,
      context: CONTEXT,
      holders: HOLDERS.map((holderId) => ({ holderId, publicKey: keys.get(holderId)?.publicKey ?? '' })),
    });
    const open = (holderId: string, as = holderId, context = CONTEXT, e: KeyEscrow = escrow) =>
      openEscrowShare({ escrow: e, holderId, privateKey: keys.get(as)?.privateKey ?? '', context });
    return { contentKey, escrow, open };
  }

  it('any k of the n holders recover the key; k − 1 cannot', async () => {
    const { contentKey, escrow, open } = await setUp(2);
    expect(escrow.shares.map((s) => s.holderId)).toEqual([...HOLDERS]);
    const [centre, supervisor, agency] = await Promise.all(HOLDERS.map((h) => open(h)));
    if (!centre || !supervisor || !agency) throw new Error('shares');
    expect(await recoverContentKey(escrow, [centre, supervisor])).toEqual(contentKey);
    expect(await recoverContentKey(escrow, [agency, centre])).toEqual(contentKey);
    expect(await recoverContentKey(escrow, [centre, supervisor, agency])).toEqual(contentKey);
    // One holder alone, or the same share twice, is not enough.
    await rejects(recoverContentKey(escrow, [centre]), 'KEY_RECOVERY_FAILED');
    await rejects(recoverContentKey(escrow, [centre, centre]), 'KEY_RECOVERY_FAILED');
  });

  it('the server checks one released share on its own: this bid, this holder, unaltered', async () => {
    const { escrow, open } = await setUp(2);
    const centre = await open('centre');
    const supervisor = await open('supervisor');
    const check = (holderId: string, share: Uint8Array, context = CONTEXT) =>
      checkEscrowShare({ escrow, holderId, context, share });
    expect(await check('centre', centre)).toBe(true);
    expect(await check('supervisor', supervisor)).toBe(true);
    expect(await check('supervisor', centre)).toBe(false);
    expect(await check('centre', centre, { ...CONTEXT, nonce: 'n-2' })).toBe(false);
    expect(await check('nobody', centre)).toBe(false);
    const altered = centre.slice();
    altered[0] = (altered[0] ?? 0) ^ 1;
    expect(await check('centre', altered)).toBe(false);
  });

  it('with k = 3, two holders get nothing, and a wrong share never gives a key', async () => {
    const { contentKey, escrow, open } = await setUp(3);
    const [centre, supervisor, agency] = await Promise.all(HOLDERS.map((h) => open(h)));
    if (!centre || !supervisor || !agency) throw new Error('shares');
    await rejects(recoverContentKey(escrow, [centre, supervisor]), 'KEY_RECOVERY_FAILED');
    const forged = agency.slice();
    forged[0] = (forged[0] ?? 0) ^ 1;
    await rejects(recoverContentKey(escrow, [centre, supervisor, forged]), 'KEY_RECOVERY_FAILED');
    expect(await recoverContentKey(escrow, [supervisor, agency, centre])).toEqual(contentKey);
  });

  it("a holder cannot open another holder's share, nor a share for another bid", async () => {
    const { escrow, open } = await setUp(2);
    await rejects(open('centre', 'supervisor'), 'KEY_UNWRAP_FAILED');
    await rejects(open('centre', 'centre', { ...CONTEXT, nonce: 'n-2' }), 'DECRYPTION_FAILED');
    // A share moved to another holder's slot does not open for them.
    const [first, second] = escrow.shares;
    if (!first || !second) throw new Error('shares');
    const moved: KeyEscrow = { ...escrow, shares: [{ ...first, holderId: second.holderId }] };
    await rejects(open(second.holderId, 'centre', CONTEXT, moved), 'DECRYPTION_FAILED');
  });

  it('refuses bad parameters and binds everything into its hash', async () => {
    const { escrow } = await setUp(2);
    const pk = (await crypto.generateEncryptionKeyPair()).publicKey;
    const base = { suite, contentKey: crypto.generateContentKey(), context: CONTEXT };
    const a = { holderId: 'a', publicKey: pk };
    const two = [a, { holderId: 'b', publicKey: pk }];
    await rejects(escrowContentKey({ ...base, holders: two, threshold: 3 }), 'INVALID_ARGUMENT');
    await rejects(escrowContentKey({ ...base, holders: two, threshold: 1 }), 'INVALID_ARGUMENT');
    await rejects(escrowContentKey({ ...base, holders: [a, { ...a }], threshold: 2 }), 'INVALID_ARGUMENT');
    await rejects(
      escrowContentKey({ ...base, holders: [a, { holderId: 'c', publicKey: '04ab' }], threshold: 2 }),
      'INVALID_KEY',
    );
    const hash = await keyEscrowHash(escrow);
    expect(await keyEscrowHash({ ...escrow, threshold: 3 })).not.toBe(hash);
    expect(await keyEscrowHash({ ...escrow, shares: escrow.shares.slice(1) })).not.toBe(hash);
    expect(await keyEscrowHash(structuredClone(escrow))).toBe(hash);
  });
});
