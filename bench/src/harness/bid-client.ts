import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { toChineseCapital } from '@zhengcai/domain';
import {
  DEFAULT_CHUNK_SIZE,
  STREAM_HEADER_LENGTH,
  bidPackageLength,
  bidPackageManifest,
  describeFile,
  generateUserKeys,
  sealBidStream,
  signChallenge,
  writeBidPackage,
  type LoginChallenge,
  type PriceSheet,
  type SealedBidEnvelope,
  type Suite,
  type UserKeys,
} from '@zhengcai/seal';
import { fileChunks } from './files';
import { tusUpload } from './tus-client';

/**
 * The platform's API as a supplier's browser uses it, over HTTP (fetch): log in, enrol a certificate, obtain the
 * documents, start a sealed-bid submission, seal, upload with tus, complete, check the receipt. Every refusal throws
 * with the server's answer, so a benchmark that measures a failure fails instead.
 */
export interface Session {
  base: string;
  cookie: string;
  csrfToken: string;
}

export interface Bidder {
  login: string;
  session: Session;
  keys: UserKeys;
}

/** POST /api/bids/submissions answer (apps/server/src/modules/bids/schemas.ts startView), the fields used here. */
export interface StartedSubmission {
  submissionId: string;
  suite: Suite;
  context: { projectId: string; lotId: string; bidderId: string; nonce: string };
  encryptionPublicKey: string;
  uploadEndpoint: string;
}

export interface SignedReceipt {
  receipt: { submissionId: string; ciphertext: { hash: string; length: number } };
  signature: unknown;
}

/** One API call as the browser makes it (cookie, CSRF header); any other status than `expect` throws. */
export async function call<T>(
  base: string,
  method: 'GET' | 'POST' | 'PUT',
  path: string,
  opts: { session?: Session; body?: unknown; expect?: number } = {},
): Promise<T> {
  const headers: Record<string, string> = {};
  if (opts.session) headers.cookie = opts.session.cookie;
  if (opts.session && method !== 'GET') headers['x-csrf-token'] = opts.session.csrfToken;
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(base + path, {
    method,
    headers,
    ...(opts.body !== undefined ? { body: JSON.stringify(opts.body) } : {}),
  });
  const text = await response.text();
  if (response.status !== (opts.expect ?? 200))
    throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
  return (text ? JSON.parse(text) : null) as T;
}

export async function logIn(base: string, login: string, password: string): Promise<Session> {
  const response = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login, password }),
  });
  if (response.status !== 200) throw new Error(`login ${login} answered ${response.status}: ${await response.text()}`);
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(';', 1)[0] ?? '')
    .find((c) => c.startsWith('zc_session='));
  const { csrfToken } = (await response.json()) as { csrfToken?: string };
  if (!cookie || !csrfToken) throw new Error(`login ${login}: no session cookie or CSRF token`);
  return { base, cookie, csrfToken };
}

/** Centre staff approve every pending supplier registration (注册审核), as under /workspace. */
export async function approvePendingSuppliers(centre: Session): Promise<number> {
  // The list pages at 200; approving empties it, so read the first page again until nothing is pending.
  let approved = 0;
  for (;;) {
    const { items } = await call<{ items: { id: string }[] }>(
      centre.base,
      'GET',
      '/api/organisations?status=pending&kind=supplier&limit=200',
      { session: centre },
    );
    if (items.length === 0) return approved;
    for (const org of items) {
      await call(centre.base, 'POST', `/api/organisations/${org.id}/approve`, { session: centre, body: {} });
    }
    approved += items.length;
  }
}

/** What the browser does at 申请证书: new keys (seal), the enrolment challenge signed, the public keys certified. */
export async function enrol(session: Session): Promise<UserKeys> {
  const started = await call<{ challengeId: string; challenge: LoginChallenge; suite: Suite }>(
    session.base,
    'POST',
    '/api/certificates/enrolment-challenge',
    { session },
  );
  const keys = await generateUserKeys(started.suite);
  await call(session.base, 'POST', '/api/certificates', {
    session,
    expect: 201,
    body: {
      challengeId: started.challengeId,
      signingPublicKey: keys.signing.publicKey,
      encryptionPublicKey: keys.encryption.publicKey,
      signature: await signChallenge(started.suite, keys.signing.privateKey, started.challenge),
    },
  });
  return keys;
}

/**
 * An approved supplier ready to bid on the project: logged in, certificate bundle enrolled, documents obtained (C8).
 */
export async function readyBidder(base: string, login: string, password: string, projectId: string): Promise<Bidder> {
  const session = await logIn(base, login, password);
  const keys = await enrol(session);
  await call(base, 'POST', `/api/tenders/${projectId}/obtain`, { session });
  return { login, session, keys };
}

export function startSubmission(bidder: Bidder, projectId: string, lotId: string): Promise<StartedSubmission> {
  return call<StartedSubmission>(bidder.session.base, 'POST', '/api/bids/submissions', {
    session: bidder.session,
    expect: 201,
    body: { projectId, lotId },
  });
}

export function priceSheet(lotId: string, priceFen: number): PriceSheet {
  return {
    lotId,
    priceFen,
    priceInWords: toChineseCapital(priceFen),
    deliveryPeriod: '合同签订后30日历天',
    fields: {},
  };
}

const AEAD_TAG_LENGTH = 16; // SM4-GCM and AES-256-GCM alike (packages/seal/src/aead.ts)

/** Length of the sealed stream for a plaintext of `plaintextLength` bytes (format in packages/seal/src/stream.ts). */
function sealedLength(plaintextLength: number, chunkSize = DEFAULT_CHUNK_SIZE): number {
  const chunks = Math.max(1, Math.ceil(plaintextLength / chunkSize));
  return STREAM_HEADER_LENGTH + plaintextLength + chunks * AEAD_TAG_LENGTH;
}

/** A file's size and ZC-SEGHASH-1 digest (seal's describeFile), the first pass over it. */
export type FileDescription = Awaited<ReturnType<typeof describeFile>>;

export interface SealingBid {
  /** The ciphertext, produced while it is read (constant memory). */
  ciphertext: AsyncIterable<Uint8Array>;
  /** Known in advance (tus needs Upload-Length at creation). */
  length: number;
  /** After `ciphertext` was read to its end: the envelope signed with the bidder's key. */
  envelope(): Promise<SealedBidEnvelope>;
}

/**
 * The browser's sealing (submit-sealed-bid.ts): a bid package of the price sheet and one file — the file hashed
 * first (describeFile), then packaged (writeBidPackage re-checks its digest) and sealed with sealBidStream for the
 * bidder's own encryption key, in 1 MiB STREAM chunks. The file is read from disk in pieces, twice (once if its
 * description is given: pre-sealing many bids of one file).
 */
export async function sealBidFile(
  start: StartedSubmission,
  keys: UserKeys,
  file: { path: string; name: string; described?: FileDescription },
  priceFen: number,
): Promise<SealingBid> {
  const sheet = priceSheet(start.context.lotId, priceFen);
  const description = file.described ?? (await describeFile(start.suite, fileChunks(file.path)));
  const described = [{ name: file.name, ...description, open: () => fileChunks(file.path) }];
  const sealer = await sealBidStream({
    suite: start.suite,
    bidderPublicKey: start.encryptionPublicKey,
    signingKey: keys.signing.privateKey,
    context: start.context,
    plaintext: writeBidPackage(start.suite, sheet, described),
  });
  return {
    ciphertext: sealer.ciphertext,
    length: sealedLength(bidPackageLength(bidPackageManifest(start.suite, sheet, described))),
    envelope: () => sealer.envelope(),
  };
}

/** tus upload of a submission's ciphertext: from a file (fs.ReadStream, read by ranges) or a stream being sealed. */
export function uploadCiphertext(
  bidder: Bidder,
  start: StartedSubmission,
  source: { path: string } | { stream: AsyncIterable<Uint8Array> },
  length: number,
  patchMs?: number[],
): Promise<void> {
  return tusUpload({
    endpoint: new URL(start.uploadEndpoint, bidder.session.base).toString(),
    source: 'path' in source ? createReadStream(source.path) : Readable.from(source.stream, { objectMode: false }),
    size: length,
    metadata: { submissionId: start.submissionId },
    headers: { cookie: bidder.session.cookie, 'x-csrf-token': bidder.session.csrfToken },
    ...(patchMs ? { patchMs } : {}),
  });
}

export function completeSubmission(
  bidder: Bidder,
  start: StartedSubmission,
  envelope: SealedBidEnvelope,
): Promise<SignedReceipt> {
  return call<SignedReceipt>(bidder.session.base, 'POST', `/api/bids/submissions/${start.submissionId}/complete`, {
    session: bidder.session,
    body: envelope,
  });
}

/**
 * The receipt checked as anyone can (POST /api/bids/receipts/verify, public): the platform's signature is valid, it
 * matches the stored bid, and that bid is `submitted`; and its ciphertext hash and length are the envelope's.
 */
export async function assertReceipt(base: string, receipt: SignedReceipt, envelope: SealedBidEnvelope): Promise<void> {
  const verdict = await call<{ signatureValid: boolean; matchesStoredBid: boolean; state: string | null }>(
    base,
    'POST',
    '/api/bids/receipts/verify',
    { body: receipt },
  );
  const { hash, length } = receipt.receipt.ciphertext;
  if (
    !verdict.signatureValid ||
    !verdict.matchesStoredBid ||
    verdict.state !== 'submitted' ||
    hash !== envelope.ciphertextHash ||
    length !== envelope.statement.ciphertextLength
  ) {
    throw new Error(`receipt ${receipt.receipt.submissionId} does not check: ${JSON.stringify(verdict)}`);
  }
}
