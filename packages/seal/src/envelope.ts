import { fromHex, isHex, toHex } from './bytes';
import { SealError } from './errors';
import { FILE_HASH_ALGORITHMS, fileHash } from './file-hash';
import { canonicalBytes } from './ledger-hash';
import {
  decryptStream,
  encryptBytes,
  encryptStream,
  decryptBytes,
  type CipherStream,
  type StreamSummary,
} from './stream';
import { getSuite, isSuite, type Suite } from './suite';
import type { NativePrimitives } from './native-primitives';
import { escrowContentKey, KEY_ESCROW_SCHEME, keyEscrowHash, type EscrowHolder, type KeyEscrow } from './key-escrow';

/**
 * The sealed-bid envelope (PRODUCT.md C9, §3.2). On the bidder's device:
 *   1. a fresh content key encrypts the bid with the STREAM construction (stream.ts), the canonical bid context
 *      as associated data;
 *   2. the content key is wrapped for the bidder's OWN encryption public key (SM2 encryption / ECIES), so only the
 *      bidder can release it at the opening — the platform stores ciphertext, hashes and signatures only;
 *   3. the bidder signs a statement (RFC 8785 canonical JSON) binding the context, the ciphertext hash and length,
 *      and the hash of the wrapped key.
 * The server verifies the statement without any key (`verifySealedBid`); at the opening the bidder unwraps the
 * content key in the browser (`unwrapContentKey`) and releases it, and the server decrypts (`openBid`), checking
 * hash and signature again (§3.2 "Integrity at opening").
 */

export interface BidContext {
  projectId: string;
  lotId: string;
  bidderId: string;
  /** A per-submission nonce (e.g. issued by the server for this upload), so two submissions never share a statement. */
  nonce: string;
}

export const SEALED_BID_STATEMENT_TYPE = 'zhengcai-sealed-bid';

/** One party of a consortium bid as every party signs it (联合体成员: organisation, credit code, role, share). */
export interface ConsortiumMemberStatement {
  organisationId: string;
  uscc: string;
  role: 'lead' | 'member';
  /** Work share in basis points (1/100 %); the members' shares sum to 10000. */
  shareBasisPoints: number;
}

/**
 * The composition of a consortium bid, bound into the statement: every member co-signs the same statement bytes
 * (consortium.ts), so nobody can change who is in the consortium, who leads or the shares without breaking a signature.
 */
export interface ConsortiumComposition {
  members: ConsortiumMemberStatement[];
}

/** What the bidder signs. `type` separates it from every other statement the same key signs (challenges…). */
export interface SealedBidStatement extends BidContext {
  type: typeof SEALED_BID_STATEMENT_TYPE;
  version: 1;
  suite: Suite;
  /** 'ZC-SEGHASH-1-SM3' or 'ZC-SEGHASH-1-SHA256' (file-hash.ts). */
  ciphertextHashAlgorithm: string;
  ciphertextHash: string;
  ciphertextLength: number;
  /** H(wrapped key bytes), plain SM3 / SHA-256, hex. */
  wrappedKeyHash: string;
  /** Present only on a consortium bid (联合体投标): bidderId is then the lead member's organisation. */
  consortium?: ConsortiumComposition;
  /** Present only when the project escrows content keys (ADR 0015): H(RFC 8785 of the envelope's keyEscrow), hex. */
  keyEscrowHash?: string;
}

export interface SealedBidEnvelope {
  suite: Suite;
  statement: SealedBidStatement;
  /** The bidder's signature over canonicalBytes(statement), hex r ‖ s. */
  signature: string;
  contentKeyWrapped: string;
  ciphertextHash: string;
  /** The content key split k-of-n among the project's key holders (ADR 0015); bound by statement.keyEscrowHash. */
  keyEscrow?: KeyEscrow;
}

/** What the server issued for emergency recovery: k and the holders (ids and encryption public keys), in order. */
export interface KeyEscrowParams {
  threshold: number;
  holders: EscrowHolder[];
}

export interface SealedBid extends SealedBidEnvelope {
  ciphertext: Uint8Array;
}

export interface SealBidParams {
  suite: Suite;
  /** The bidder's ENCRYPTION public key (from their encryption certificate). */
  bidderPublicKey: string;
  /** The bidder's SIGNING private key. */
  signingKey: string;
  context: BidContext;
  /** A consortium bid: the composition the server issued at start, signed with the rest of the statement. */
  consortium?: ConsortiumComposition | null;
  /** The project escrows content keys (ADR 0015): the holders and k the server issued at start. */
  escrow?: KeyEscrowParams | null;
  chunkSize?: number;
}

function assertContext(context: BidContext): void {
  for (const field of ['projectId', 'lotId', 'bidderId', 'nonce'] as const) {
    const value: unknown = context[field];
    if (typeof value !== 'string' || value.length === 0 || value.length > 200) {
      throw new SealError('INVALID_ARGUMENT', `context.${field} must be a non-empty string`);
    }
  }
}

/** The associated data of every chunk: the canonical JSON of exactly the four context fields. */
export function bidAssociatedData(context: BidContext): Uint8Array {
  const { projectId, lotId, bidderId, nonce } = context;
  return canonicalBytes({ projectId, lotId, bidderId, nonce });
}

async function wrappedKeyHash(suite: Suite, wrapped: string): Promise<string> {
  return toHex(await getSuite(suite).hash(fromHex(wrapped)));
}

interface Prepared {
  contentKey: Uint8Array;
  wrapped: string;
  keyEscrow: KeyEscrow | null;
}

async function prepare(params: SealBidParams): Promise<Prepared> {
  assertContext(params.context);
  const suite = getSuite(params.suite);
  suite.publicKeyOf(params.signingKey); // fail before encrypting anything if the signing key is unusable
  const contentKey = suite.generateContentKey();
  const wrapped = await suite.wrapKey(params.bidderPublicKey, contentKey);
  const keyEscrow = params.escrow
    ? await escrowContentKey({
        suite: params.suite,
        contentKey,
        holders: params.escrow.holders,
        threshold: params.escrow.threshold,
        context: params.context,
      })
    : null;
  return { contentKey, wrapped, keyEscrow };
}

async function finish(params: SealBidParams, prepared: Prepared, summary: StreamSummary): Promise<SealedBidEnvelope> {
  const { wrapped, keyEscrow } = prepared;
  const { projectId, lotId, bidderId, nonce } = params.context;
  const statement: SealedBidStatement = {
    type: SEALED_BID_STATEMENT_TYPE,
    version: 1,
    suite: params.suite,
    projectId,
    lotId,
    bidderId,
    nonce,
    ciphertextHashAlgorithm: FILE_HASH_ALGORITHMS[params.suite],
    ciphertextHash: summary.ciphertextHash,
    ciphertextLength: summary.ciphertextLength,
    wrappedKeyHash: await wrappedKeyHash(params.suite, wrapped),
    ...(params.consortium ? { consortium: params.consortium } : {}),
    ...(keyEscrow ? { keyEscrowHash: await keyEscrowHash(keyEscrow) } : {}),
  };
  const signature = await getSuite(params.suite).sign(params.signingKey, canonicalBytes(statement));
  return {
    suite: params.suite,
    statement,
    signature,
    contentKeyWrapped: wrapped,
    ciphertextHash: summary.ciphertextHash,
    ...(keyEscrow ? { keyEscrow } : {}),
  };
}

/** Seals a bid held in memory (a price sheet, a small file). */
export async function sealBid(params: SealBidParams & { plaintext: Uint8Array }): Promise<SealedBid> {
  const prepared = await prepare(params);
  const { ciphertext, summary } = await encryptBytes(
    {
      suite: params.suite,
      contentKey: prepared.contentKey,
      associatedData: bidAssociatedData(params.context),
      chunkSize: params.chunkSize,
    },
    params.plaintext,
  );
  prepared.contentKey.fill(0);
  return { ...(await finish(params, prepared, summary)), ciphertext };
}

export interface BidSealer {
  /** The ciphertext to upload, piece by piece (read once). */
  ciphertext: AsyncIterable<Uint8Array>;
  /** After `ciphertext` has been read to its end: the signed envelope. */
  envelope(): Promise<SealedBidEnvelope>;
}

/** Seals a large bid file as a stream (constant memory in the browser); sign after the upload has been produced. */
export async function sealBidStream(
  params: SealBidParams & { plaintext: AsyncIterable<Uint8Array> | Iterable<Uint8Array> },
): Promise<BidSealer> {
  const prepared = await prepare(params);
  const stream: CipherStream = encryptStream(
    {
      suite: params.suite,
      contentKey: prepared.contentKey,
      associatedData: bidAssociatedData(params.context),
      chunkSize: params.chunkSize,
    },
    params.plaintext,
  );
  return {
    ciphertext: stream,
    envelope: () => finish(params, prepared, stream.summary()),
  };
}

export type SealedBidProblem =
  | 'MALFORMED_STATEMENT'
  | 'SUITE_MISMATCH'
  | 'CONTEXT_MISMATCH'
  | 'CONSORTIUM_MISMATCH'
  | 'WRAPPED_KEY_MISMATCH'
  | 'KEY_ESCROW_MISMATCH'
  | 'CIPHERTEXT_HASH_MISMATCH'
  | 'BAD_SIGNATURE';

export type SealedBidVerification = { valid: true } | { valid: false; reason: SealedBidProblem };

export interface VerifySealedBidParams {
  envelope: SealedBidEnvelope;
  /** The bidder's SIGNING public key, from a certificate the server has verified and checked against revocation. */
  signerPublicKey: string;
  /** The context the server expects (the project, lot and bidder of this upload, the nonce it issued). */
  expectedContext?: BidContext;
  /** The uploaded ciphertext, or its ZC-SEGHASH-1 digest computed while receiving it (createFileHasher). */
  ciphertext?: Uint8Array | { hash: string; length: number };
  /**
   * The consortium composition the server issued (null: a bid by one organisation, the statement must have none).
   * Undefined: not checked.
   */
  expectedConsortium?: ConsortiumComposition | null;
  /**
   * The key escrow the server issued (null: none, the statement must bind none). Undefined: not checked against an
   * issue, but an escrow the statement binds must still hash to its keyEscrowHash.
   */
  expectedKeyEscrow?: KeyEscrowParams | null;
}

function consortiumIsWellFormed(value: unknown): value is ConsortiumComposition {
  if (typeof value !== 'object' || value === null || Object.keys(value).length !== 1) return false;
  const members = (value as { members?: unknown }).members;
  return (
    Array.isArray(members) &&
    members.length >= 2 &&
    members.every((m: unknown) => {
      if (typeof m !== 'object' || m === null || Object.keys(m).length !== 4) return false;
      const r = m as Record<string, unknown>;
      return (
        typeof r.organisationId === 'string' &&
        typeof r.uscc === 'string' &&
        (r.role === 'lead' || r.role === 'member') &&
        typeof r.shareBasisPoints === 'number' &&
        Number.isSafeInteger(r.shareBasisPoints)
      );
    })
  );
}

/** Whether two compositions are the same, member for member in the same order. */
function sameConsortium(a: ConsortiumComposition | undefined, b: ConsortiumComposition | null): boolean {
  if (!a || !b) return !a && !b;
  return toHex(canonicalBytes(a)) === toHex(canonicalBytes(b));
}

export function statementIsWellFormed(statement: unknown, suite: Suite): statement is SealedBidStatement {
  if (typeof statement !== 'object' || statement === null) return false;
  const s = statement as Record<string, unknown>;
  const strings = ['projectId', 'lotId', 'bidderId', 'nonce'].every((k) => typeof s[k] === 'string');
  return (
    strings &&
    s.type === SEALED_BID_STATEMENT_TYPE &&
    s.version === 1 &&
    s.suite === suite &&
    s.ciphertextHashAlgorithm === FILE_HASH_ALGORITHMS[suite] &&
    isHex(s.ciphertextHash, 32) &&
    isHex(s.wrappedKeyHash, 32) &&
    typeof s.ciphertextLength === 'number' &&
    Number.isSafeInteger(s.ciphertextLength) &&
    (s.consortium === undefined || consortiumIsWellFormed(s.consortium)) &&
    (s.keyEscrowHash === undefined || isHex(s.keyEscrowHash, 32)) &&
    Object.keys(s).length === 11 + (s.consortium === undefined ? 0 : 1) + (s.keyEscrowHash === undefined ? 0 : 1)
  );
}

function keyEscrowIsWellFormed(value: unknown, suite: Suite): value is KeyEscrow {
  if (typeof value !== 'object' || value === null || Object.keys(value).length !== 5) return false;
  const e = value as Record<string, unknown>;
  return (
    e.scheme === KEY_ESCROW_SCHEME &&
    e.suite === suite &&
    typeof e.threshold === 'number' &&
    Number.isSafeInteger(e.threshold) &&
    isHex(e.keyCommitment, 32) &&
    Array.isArray(e.shares) &&
    e.threshold >= 2 &&
    e.threshold <= e.shares.length &&
    e.shares.every((share: unknown) => {
      if (typeof share !== 'object' || share === null || Object.keys(share).length !== 5) return false;
      const r = share as Record<string, unknown>;
      return (
        typeof r.holderId === 'string' &&
        typeof r.publicKey === 'string' &&
        isHex(r.wrappedKey) &&
        isHex(r.sealedShare) &&
        isHex(r.shareCheck, 32)
      );
    })
  );
}

/** The escrow the statement binds is present, well formed, hashes to keyEscrowHash and matches what was issued. */
async function keyEscrowMatches(
  envelope: SealedBidEnvelope,
  expected: KeyEscrowParams | null | undefined,
): Promise<boolean> {
  const bound = envelope.statement.keyEscrowHash;
  const escrow: unknown = envelope.keyEscrow;
  if (bound === undefined) return escrow === undefined && !expected;
  if (expected === null || !keyEscrowIsWellFormed(escrow, envelope.suite)) return false;
  if ((await keyEscrowHash(escrow)) !== bound) return false;
  if (!expected) return true;
  return (
    escrow.threshold === expected.threshold &&
    escrow.shares.length === expected.holders.length &&
    escrow.shares.every(
      (share, i) =>
        share.holderId === expected.holders[i]?.holderId && share.publicKey === expected.holders[i]?.publicKey,
    )
  );
}

/** The server's check of a submitted envelope: no key needed, nothing decrypted. */
export async function verifySealedBid(params: VerifySealedBidParams): Promise<SealedBidVerification> {
  const { envelope } = params;
  if (!isSuite(envelope.suite)) return { valid: false, reason: 'MALFORMED_STATEMENT' };
  const { statement } = envelope;
  const statedSuite: unknown = (statement as { suite?: unknown } | null)?.suite;
  if (isSuite(statedSuite) && statedSuite !== envelope.suite) return { valid: false, reason: 'SUITE_MISMATCH' };
  if (!statementIsWellFormed(statement, envelope.suite)) return { valid: false, reason: 'MALFORMED_STATEMENT' };
  if (statement.ciphertextHash !== envelope.ciphertextHash) return { valid: false, reason: 'CIPHERTEXT_HASH_MISMATCH' };
  const expected = params.expectedContext;
  if (expected && (['projectId', 'lotId', 'bidderId', 'nonce'] as const).some((k) => expected[k] !== statement[k])) {
    return { valid: false, reason: 'CONTEXT_MISMATCH' };
  }
  if (params.expectedConsortium !== undefined && !sameConsortium(statement.consortium, params.expectedConsortium)) {
    return { valid: false, reason: 'CONSORTIUM_MISMATCH' };
  }
  if (
    !isHex(envelope.contentKeyWrapped) ||
    (await wrappedKeyHash(envelope.suite, envelope.contentKeyWrapped)) !== statement.wrappedKeyHash
  ) {
    return { valid: false, reason: 'WRAPPED_KEY_MISMATCH' };
  }
  if (!(await keyEscrowMatches(envelope, params.expectedKeyEscrow)))
    return { valid: false, reason: 'KEY_ESCROW_MISMATCH' };
  if (params.ciphertext) {
    const actual =
      params.ciphertext instanceof Uint8Array
        ? { hash: await fileHash(envelope.suite, params.ciphertext), length: params.ciphertext.length }
        : params.ciphertext;
    if (actual.hash !== statement.ciphertextHash || actual.length !== statement.ciphertextLength) {
      return { valid: false, reason: 'CIPHERTEXT_HASH_MISMATCH' };
    }
  }
  const signed = await getSuite(envelope.suite).verify(
    params.signerPublicKey,
    canonicalBytes(statement),
    envelope.signature,
  );
  return signed ? { valid: true } : { valid: false, reason: 'BAD_SIGNATURE' };
}

/** In the browser, at the opening: the bidder recovers the content key with the encryption key from their key file. */
export async function unwrapContentKey(envelope: SealedBidEnvelope, privateKey: string): Promise<Uint8Array> {
  if (
    !isHex(envelope.contentKeyWrapped) ||
    (await wrappedKeyHash(envelope.suite, envelope.contentKeyWrapped)) !== envelope.statement.wrappedKeyHash
  ) {
    throw new SealError('SEALED_BID_INVALID', 'WRAPPED_KEY_MISMATCH');
  }
  return getSuite(envelope.suite).unwrapKey(privateKey, envelope.contentKeyWrapped);
}

async function assertVerified(params: VerifySealedBidParams): Promise<void> {
  const result = await verifySealedBid(params);
  if (!result.valid) throw new SealError('SEALED_BID_INVALID', result.reason);
}

/**
 * On the server, after the bidder released the content key: verify signature, context and hash, then decrypt.
 * Throws SealError SEALED_BID_INVALID (with the reason) or DECRYPTION_FAILED (a wrong content key).
 */
export async function openBid(params: {
  envelope: SealedBid;
  contentKey: Uint8Array;
  signerPublicKey: string;
  expectedContext?: BidContext;
}): Promise<Uint8Array> {
  const { envelope } = params;
  await assertVerified({ ...params, ciphertext: envelope.ciphertext });
  const { plaintext } = await decryptBytes(
    { suite: envelope.suite, contentKey: params.contentKey, associatedData: bidAssociatedData(envelope.statement) },
    envelope.ciphertext,
  );
  return plaintext;
}

/**
 * `openBid` for a large file read as a stream. The statement is verified first; the ciphertext hash is compared at
 * the end, so the plaintext pieces are provisional until the iteration ends without an error.
 */
export async function openBidStream(params: {
  envelope: SealedBidEnvelope;
  ciphertext: AsyncIterable<Uint8Array> | Iterable<Uint8Array>;
  contentKey: Uint8Array;
  signerPublicKey: string;
  expectedContext?: BidContext;
  /** Native primitives for the decryption and the ciphertext hash (the server's); the suite's own by default. */
  native?: NativePrimitives;
}): Promise<AsyncIterable<Uint8Array>> {
  const { envelope } = params;
  await assertVerified({ envelope, signerPublicKey: params.signerPublicKey, expectedContext: params.expectedContext });
  const stream = decryptStream(
    {
      suite: envelope.suite,
      contentKey: params.contentKey,
      associatedData: bidAssociatedData(envelope.statement),
      native: params.native,
    },
    params.ciphertext,
  );
  async function* checked(): AsyncGenerator<Uint8Array> {
    yield* stream;
    const { ciphertextHash, ciphertextLength } = stream.summary();
    if (
      ciphertextHash !== envelope.statement.ciphertextHash ||
      ciphertextLength !== envelope.statement.ciphertextLength
    ) {
      throw new SealError('SEALED_BID_INVALID', 'CIPHERTEXT_HASH_MISMATCH');
    }
  }
  return checked();
}
