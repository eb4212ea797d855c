import { combine, split } from 'shamir-secret-sharing';
import { concatBytes, constantTimeEqual, fromHex, isHex, toHex, utf8 } from './bytes';
import type { BidContext } from './envelope';
import { SealError } from './errors';
import { canonicalBytes } from './ledger-hash';
import { getSuite, type Suite } from './suite';

/**
 * Emergency recovery of a sealed bid's content key (PRODUCT.md §3.2, B1): k-of-n Shamir secret sharing over GF(256)
 * (`shamir-secret-sharing`, independently audited) among key holders the project named before publication (e.g. the
 * centre, the supervisor, the agency). Without k holders acting together nothing can be opened.
 *
 *   shares_1..n   = Shamir.split(contentKey, n, k)                      (each share = key length + 1 bytes)
 *   for holder i:   kek_i = fresh content key of the suite
 *                   wrappedKey_i  = suite.wrapKey(holder_i encryption public key, kek_i)
 *                   sealedShare_i = suite.encrypt(kek_i, share_i, aad_i)
 *                   aad_i = RFC 8785 {type: "zhengcai-key-escrow-share", projectId, lotId, bidderId, nonce, holderId}
 *   keyCommitment = H("ZC-KEY-COMMIT-1" ‖ 0x00 ‖ contentKey)
 *
 * The associated data binds each share to its bid and its holder, so a share cannot be moved to another bid or
 * released by another holder. The commitment lets the server check a recombined key before it touches the ciphertext
 * (Shamir recombination of too few or wrong shares silently yields a different value); it reveals nothing usable
 * about a random 128/256-bit key. The escrow's hash (`keyEscrowHash`) is what a signed statement binds.
 */
export const KEY_ESCROW_SCHEME = 'ZC-ESCROW-1-SHAMIR-GF256';
const SHARE_TYPE = 'zhengcai-key-escrow-share';
const COMMIT_PREFIX = concatBytes(utf8('ZC-KEY-COMMIT-1'), new Uint8Array([0]));
const SHARE_CHECK_PREFIX = concatBytes(utf8('ZC-ESCROW-SHARE-1'), new Uint8Array([0]));

export interface EscrowHolder {
  /** A stable id of the holder (e.g. the user id of the centre's key holder). */
  holderId: string;
  /** The holder's encryption public key (from their usable encryption certificate). */
  publicKey: string;
}

export interface EscrowShare {
  holderId: string;
  /** The holder's encryption public key the share was wrapped for (so the server can check the keys it issued). */
  publicKey: string;
  /** A fresh key-encryption key wrapped for the holder (suite.wrapKey), hex. */
  wrappedKey: string;
  /** The holder's Shamir share sealed under that key (nonce ‖ ciphertext ‖ tag), hex. */
  sealedShare: string;
  /**
   * H("ZC-ESCROW-SHARE-1" ‖ 0x00 ‖ aad ‖ share), hex: lets the server check a released share on its own (this bid,
   * this holder) before k are in, so a wrong share is refused at once instead of spoiling the recombination.
   */
  shareCheck: string;
}

export interface KeyEscrow {
  scheme: typeof KEY_ESCROW_SCHEME;
  suite: Suite;
  /** k: how many holders must act together. */
  threshold: number;
  /** H("ZC-KEY-COMMIT-1" ‖ 0x00 ‖ contentKey), hex. */
  keyCommitment: string;
  shares: EscrowShare[];
}

function shareAad(context: BidContext, holderId: string): Uint8Array {
  const { projectId, lotId, bidderId, nonce } = context;
  return canonicalBytes({ type: SHARE_TYPE, projectId, lotId, bidderId, nonce, holderId });
}

async function shareCheck(suite: Suite, context: BidContext, holderId: string, share: Uint8Array): Promise<string> {
  return toHex(await getSuite(suite).hash(concatBytes(SHARE_CHECK_PREFIX, shareAad(context, holderId), share)));
}

async function commitment(suite: Suite, contentKey: Uint8Array): Promise<string> {
  return toHex(await getSuite(suite).hash(concatBytes(COMMIT_PREFIX, contentKey)));
}

/** In the bidder's browser, at sealing: splits the content key among the holders, k of whom can recover it. */
export async function escrowContentKey(params: {
  suite: Suite;
  contentKey: Uint8Array;
  holders: EscrowHolder[];
  threshold: number;
  context: BidContext;
}): Promise<KeyEscrow> {
  const { suite, contentKey, holders, threshold, context } = params;
  const crypto = getSuite(suite);
  if (contentKey.length !== crypto.contentKeyLength) throw new SealError('INVALID_KEY', 'content key length');
  const ids = new Set(holders.map((h) => h.holderId));
  if (ids.size !== holders.length || holders.some((h) => h.holderId.length === 0)) {
    throw new SealError('INVALID_ARGUMENT', 'key holders must have distinct, non-empty ids');
  }
  if (!Number.isInteger(threshold) || threshold < 2 || threshold > holders.length || holders.length > 255) {
    throw new SealError('INVALID_ARGUMENT', 'threshold must be an integer with 2 <= k <= n <= 255');
  }
  for (const h of holders) crypto.assertPublicKey(h.publicKey);
  const parts = await split(contentKey, holders.length, threshold);
  const shares: EscrowShare[] = [];
  for (const [i, holder] of holders.entries()) {
    const part = parts[i];
    if (!part) throw new Error('split returned too few shares');
    const kek = crypto.generateContentKey();
    shares.push({
      holderId: holder.holderId,
      publicKey: holder.publicKey,
      wrappedKey: await crypto.wrapKey(holder.publicKey, kek),
      sealedShare: toHex(await crypto.encrypt(kek, part, shareAad(context, holder.holderId))),
      shareCheck: await shareCheck(suite, context, holder.holderId, part),
    });
  }
  return { scheme: KEY_ESCROW_SCHEME, suite, threshold, keyCommitment: await commitment(suite, contentKey), shares };
}

/** The hash a signed statement binds: H(RFC 8785 of the escrow), hex. */
export async function keyEscrowHash(escrow: KeyEscrow): Promise<string> {
  return toHex(await getSuite(escrow.suite).hash(canonicalBytes(escrow)));
}

/**
 * In a key holder's browser, in the hall: opens the holder's own share with the private key from their key file.
 * Throws SealError KEY_UNWRAP_FAILED (not this holder's key) or DECRYPTION_FAILED (share altered, or for another bid).
 */
export async function openEscrowShare(params: {
  escrow: KeyEscrow;
  holderId: string;
  privateKey: string;
  context: BidContext;
}): Promise<Uint8Array> {
  const share = params.escrow.shares.find((s) => s.holderId === params.holderId);
  if (!share || !isHex(share.sealedShare)) throw new SealError('INVALID_ARGUMENT', 'no share for this key holder');
  const crypto = getSuite(params.escrow.suite);
  const kek = await crypto.unwrapKey(params.privateKey, share.wrappedKey);
  return crypto.decrypt(kek, fromHex(share.sealedShare), shareAad(params.context, params.holderId));
}

/**
 * On the server, when a holder releases its opened share: is it this holder's share of this bid (shareCheck)?
 * A share of another bid, of another holder, or altered answers false.
 */
export async function checkEscrowShare(params: {
  escrow: KeyEscrow;
  holderId: string;
  context: BidContext;
  share: Uint8Array;
}): Promise<boolean> {
  const entry = params.escrow.shares.find((s) => s.holderId === params.holderId);
  if (!entry || !isHex(entry.shareCheck)) return false;
  const actual = await shareCheck(params.escrow.suite, params.context, params.holderId, params.share);
  return constantTimeEqual(fromHex(actual), fromHex(entry.shareCheck));
}

/**
 * On the server, once holders released their opened shares: recombines the content key and checks it against the
 * escrow's commitment. Fewer than k distinct shares, or a wrong share, never yields a key: SealError
 * KEY_RECOVERY_FAILED.
 */
export async function recoverContentKey(escrow: KeyEscrow, released: Uint8Array[]): Promise<Uint8Array> {
  const keyLength = getSuite(escrow.suite).contentKeyLength;
  const distinct = new Map<number, Uint8Array>();
  for (const share of released) {
    if (share.length !== keyLength + 1) throw new SealError('KEY_RECOVERY_FAILED', 'a share has the wrong length');
    distinct.set(share[keyLength] ?? 0, share);
  }
  if (distinct.size < escrow.threshold) {
    throw new SealError('KEY_RECOVERY_FAILED', `${distinct.size} of the ${escrow.threshold} shares needed`);
  }
  const key = await combine([...distinct.values()]);
  const expected = fromHex(escrow.keyCommitment);
  if (!constantTimeEqual(fromHex(await commitment(escrow.suite, key)), expected)) {
    throw new SealError('KEY_RECOVERY_FAILED', 'the shares do not recombine to the committed key');
  }
  return key;
}
