import {
  OVERSIGHT_ROLES,
  ROLE_ORGANISATION_KIND,
  buildUscc,
  evaluationReportStatement,
  type OrganisationKind,
  type Role,
} from '@zhengcai/domain';
import { canonicalBytes, getSuite } from '@zhengcai/seal';
import { eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import {
  apiTokens,
  bidConsortiumMembers,
  bidSubmissions,
  documentObtainings,
  evaluations,
  expertConflicts,
  expertProfiles,
  ledgerHead,
  lots,
  openingRecordingChunks,
  openingRecordings,
  organisations,
  projects,
  supplierQualifications,
  transactionCertificates,
  users,
} from '../../src/db/schema';
import { issueTestCertificates, publishedProject } from './bids';
import { publishedProject as publishedTender } from './published-project';
import { projectFixture } from './project-fixture';
import { multipartFile, pdfBytes } from './multipart';
import { projectBody } from './project-body';
import { barOn, clarificationFileFor, notificationFor, questionOn, supplierToBar, tenderFor } from './documents-matrix';
import { API_TOKEN_PREFIX, randomSecret, secretHash } from '../../src/platform/auth/secrets';
import { certificateLoginBody, enrolmentBodyFor, insertBundle } from './certificates';
import { awardFixture } from './award-matrix';
import { drawFixture } from './expert-draw-matrix';
import { evaluationFor, queryFor } from './evaluation-results-matrix';
import { evaluationFor as reviewEvaluationFor, fullSheet } from './evaluation-review-matrix';
import { hallFor } from './opening-matrix';
import { issuedCertificate } from './transaction-certificate';
import { TEST_PASSWORD, logIn, makeUser, type TestApp } from './test-app';

/**
 * The authorisation matrix: every route × every kind of caller, with the status a well-formed request gets. Run by
 * authz-matrix-session.test.ts (browser sessions, and the table's completeness), authz-matrix-token.test.ts (API
 * tokens) and authz-csrf.test.ts (unsafe routes without the CSRF token), through authz-run.ts.
 *
 * - A route registered without rows here (or a row for a route that no longer exists) fails the "route table"
 *   tests, so a new endpoint cannot ship without deciding who may call it.
 * - Each case makes a new caller (a fresh user and session or API token) and new resources, so cases never share
 *   state; a refused call (status >= 400) must change nothing in the database (see db-snapshot.ts).
 * - Rows on a resource say whose resource it is: someone else's that the caller may not see (404), or the caller's
 *   own, which it sees but may not act on (403).
 */

export const CALLERS = [
  'anonymous',
  'purchaser',
  'agency',
  'centre',
  'supplier',
  'expert',
  'supervisor',
  'finance',
  'admin',
] as const;
export type Caller = (typeof CALLERS)[number];
/** Expected statuses in CALLERS order: anonymous, purchaser, agency, centre, supplier, expert, supervisor, finance, admin. */
type Expected = readonly [number, number, number, number, number, number, number, number, number];

/** The caller of one case (null: anonymous). */
export interface Me {
  role: Role;
  userId: string;
  login: string;
  organisationId: string | null;
}

export interface Request {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  payload?: Record<string, unknown> | Buffer;
  /** Extra headers (a multipart upload's content type). */
  headers?: Record<string, string>;
  /** Extra checks on a successful answer (what the caller may see in it). */
  check?: (res: LightMyRequestResponse) => void;
}

export interface Row {
  /** Method and URL pattern exactly as registered. */
  route: string;
  /** Which resource the request is about, from the caller's point of view. */
  resource: string;
  expect: Expected;
  build: (t: TestApp, me: Me | null) => Promise<Request>;
  /** Error codes of refused calls, where they are not the usual ones for the status (see DEFAULT_CODES). */
  codes?: Partial<Record<number, string>>;
  /** Server-Sent Events: the response never ends; only the status and headers are checked, then it is closed. */
  stream?: true;
}

export const DEFAULT_CODES: Record<number, string> = {
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'INVALID_STATE',
};

// ---------------------------------------------------------------------------------------------------------------
// Resources. Every call makes new ones; identifiers are unique within the test process.

let sequence = 0;
const unique = () => `${process.pid.toString(36)}x${(sequence++).toString(36)}`;
/** A valid credit code in a division (110000, Beijing) that support/test-app.ts never uses, so codes never collide. */
const freshUscc = () => buildUscc('91', '110000', String(sequence++).padStart(8, '0'));

/** An organisation of a kind, with a credit code from freshUscc. */
async function newOrganisation(
  t: TestApp,
  kind: OrganisationKind,
  status: 'pending' | 'active' = 'active',
): Promise<string> {
  const now = t.clock.now();
  const [org] = await t.services.db
    .insert(organisations)
    .values({ kind, name: `测试机构${unique()}`, uscc: freshUscc(), status, createdAt: now, updatedAt: now })
    .returning({ id: organisations.id });
  if (!org) throw new Error('no organisation');
  return org.id;
}

/** A user of the role in a new organisation of the matching kind (experts: none), or in the given one. */
export async function newUser(
  t: TestApp,
  role: Role,
  opts: { organisationId?: string; status?: 'pending' | 'active' } = {},
) {
  const kind = ROLE_ORGANISATION_KIND[role];
  const organisationId = opts.organisationId ?? (kind === null ? undefined : await newOrganisation(t, kind));
  return makeUser(t, role, {
    ...(organisationId ? { organisationId } : {}),
    ...(opts.status ? { status: opts.status } : {}),
  });
}

const get = (url: string, check?: Request['check']): Request => ({ method: 'GET', url, ...(check ? { check } : {}) });
const post = (url: string, payload?: Record<string, unknown>): Request => ({
  method: 'POST',
  url,
  ...(payload ? { payload } : {}),
});
const put = (url: string, payload: Record<string, unknown>): Request => ({ method: 'PUT', url, payload });
const evaluationUrl = (lotId: string, path = '') => `/api/lots/${lotId}/evaluation${path}`;

/**
 * A hall bid whose stored envelope escrows its key among two holders: the caller (when `holder` is 'me' and there
 * is a caller) and someone else. The escrow is syntactically right but no real share opens: enough for access.
 */
async function escrowedHallBid(t: TestApp, me: Me | null, holder: 'me' | 'other') {
  const h = await hallFor(t, me, { state: 'decrypting' });
  const [row] = await t.services.db.select().from(bidSubmissions).where(eq(bidSubmissions.id, h.submissionId));
  if (!row?.envelope) throw new Error('no envelope');
  const share = (holderId: string) => ({
    holderId,
    publicKey: `04${'11'.repeat(64)}`,
    wrappedKey: 'ab'.repeat(120),
    sealedShare: 'cd'.repeat(45),
    shareCheck: '00'.repeat(32),
  });
  const mine = holder === 'me' && me ? me.userId : (await newUser(t, 'centre')).id;
  const keyEscrow = {
    scheme: 'ZC-ESCROW-1-SHAMIR-GF256',
    suite: 'gm',
    threshold: 2,
    keyCommitment: '00'.repeat(32),
    shares: [share(mine), share((await newUser(t, 'supervisor')).id)],
  };
  await t.services.db
    .update(bidSubmissions)
    .set({ envelope: { ...row.envelope, keyEscrow } })
    .where(eq(bidSubmissions.id, h.submissionId));
  return h;
}

/** A supplier that signed up and waits for review: the organisation and its first user are pending. */
async function pendingRegistration(t: TestApp): Promise<string> {
  const organisationId = await newOrganisation(t, 'supplier', 'pending');
  await newUser(t, 'supplier', { organisationId, status: 'pending' });
  return organisationId;
}

/** Someone else's active organisation. */
async function otherOrganisation(t: TestApp): Promise<string> {
  return newOrganisation(t, 'supplier');
}

/**
 * The caller's own organisation, set back to pending: an active user in a pending organisation is what an
 * administrator makes by adding an account to a registration not yet reviewed (POST /api/admin/users does not look
 * at the organisation's status). Experts belong to no organisation, so they get someone else's.
 */
async function ownPendingOrganisation(t: TestApp, me: Me | null): Promise<string> {
  if (!me?.organisationId) return pendingRegistration(t);
  await t.services.db.update(organisations).set({ status: 'pending' }).where(eq(organisations.id, me.organisationId));
  return me.organisationId;
}

const expertProfileBody = {
  title: '高级工程师',
  employerName: '六盘水师范学院',
  region: '六盘水市',
  specialties: ['A0201', 'C16'],
};

/** The caller's expert profile (other roles: an expert's, which they may not reach anyway). */
async function ownExpertProfile(t: TestApp, me: Me | null): Promise<void> {
  const userId = me?.role === 'expert' ? me.userId : (await newUser(t, 'expert')).id;
  await t.services.db.insert(expertProfiles).values({ userId, ...expertProfileBody, updatedAt: t.clock.now() });
}

/** A conflict declared by the caller (when an expert) or by another expert. */
async function expertConflict(t: TestApp, me: Me | null, whose: 'own' | 'other'): Promise<string> {
  const userId = whose === 'own' && me?.role === 'expert' ? me.userId : (await newUser(t, 'expert')).id;
  const [row] = await t.services.db
    .insert(expertConflicts)
    .values({
      expertUserId: userId,
      organisationName: '六盘水市教育局',
      reason: '近三年曾在该单位任职',
      declaredAt: t.clock.now(),
    })
    .returning({ id: expertConflicts.id });
  if (!row) throw new Error('no conflict');
  return row.id;
}

export async function issueToken(
  t: TestApp,
  userId: string,
  opts: { revoked?: boolean } = {},
): Promise<{ id: string; token: string }> {
  const token = randomSecret(API_TOKEN_PREFIX);
  const now = t.clock.now();
  const [row] = await t.services.db
    .insert(apiTokens)
    .values({
      userId,
      name: `令牌 ${unique()}`,
      tokenHash: secretHash(token),
      createdAt: now,
      revokedAt: opts.revoked ? now : null,
    })
    .returning({ id: apiTokens.id });
  if (!row) throw new Error('no token');
  return { id: row.id, token };
}

async function ownToken(t: TestApp, me: Me | null, opts: { revoked?: boolean } = {}): Promise<string> {
  return (await issueToken(t, me?.userId ?? (await newUser(t, 'supplier')).id, opts)).id;
}

async function lockedUser(t: TestApp): Promise<string> {
  const user = await newUser(t, 'supplier');
  const until = new Date(t.clock.now().getTime() + 15 * 60_000);
  await t.services.db.update(users).set({ lockedUntil: until }).where(eq(users.id, user.id));
  return user.id;
}

const signUpBody = () => {
  const login = `signup-${unique()}`;
  return {
    organisation: { name: `贵州${login}科技有限公司`, uscc: freshUscc() },
    profile: { industry: 'other', employees: 50 },
    declaration: { declaredScale: 'small', confirmed: true },
    user: {
      login,
      displayName: '注册测试',
      password: 'abc1234567',
      email: `${login}@example.cn`,
      phone: '13800000000',
    },
  };
};

// Supplier files (profile, SME declaration, qualifications).

const supplierProfileBody = {
  profile: { industry: 'software-it-services', employees: 50, revenueFen: 600 * 1_000_000 },
  declaration: { declaredScale: 'small', confirmed: true },
};

/** The caller's own organisation when it is a supplier, else a new supplier's (the caller's is not a supplier). */
async function supplierOrganisation(t: TestApp, me: Me | null, whose: 'own' | 'other'): Promise<string> {
  if (whose === 'own' && me?.role === 'supplier' && me.organisationId) return me.organisationId;
  return otherOrganisation(t);
}

/** A qualification of a supplier's (with a stored scan), not withdrawn. */
async function qualificationOf(t: TestApp, organisationId: string): Promise<string> {
  const [user] = await t.services.db.select({ id: users.id }).from(users).limit(1);
  const file = await t.services.blobs.put(Buffer.from('%PDF-1.4 matrix test scan'));
  const [row] = await t.services.db
    .insert(supplierQualifications)
    .values({
      organisationId,
      kind: 'iso9001',
      title: '质量管理体系认证证书',
      number: `Q${unique()}`,
      issuer: '中国质量认证中心',
      validFrom: '2025-01-01',
      validUntil: '2028-01-01',
      fileHash: file.hash,
      fileName: 'iso9001.pdf',
      fileType: 'application/pdf',
      fileSize: file.size,
      addedAt: t.clock.now(),
      addedBy: user?.id ?? '',
    })
    .returning({ id: supplierQualifications.id });
  if (!row) throw new Error('no qualification');
  return row.id;
}

/** A multipart upload of a qualification: fields first, then the scan. */
function qualificationUpload(): Request {
  const boundary = `----zc${unique()}`;
  const field = (name: string, value: string) =>
    `--${boundary}\r\ncontent-disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
  const body = Buffer.concat([
    Buffer.from(
      field('kind', 'iso9001') +
        field('title', '质量管理体系认证证书') +
        field('number', `Q${unique()}`) +
        field('issuer', '中国质量认证中心') +
        field('validUntil', '2028-01-01') +
        `--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="scan.pdf"\r\ncontent-type: application/pdf\r\n\r\n`,
    ),
    Buffer.from('%PDF-1.4 a scanned certificate'),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return {
    method: 'POST',
    url: '/api/suppliers/me/qualifications',
    payload: body,
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

/** A bid submission of another supplier (or the caller's own, when a supplier and `own`), with a receipt. */
async function bidSubmission(t: TestApp, me: Me | null, whose: 'own' | 'other'): Promise<string> {
  const { project, lot } = await publishedProject(t);
  const owner =
    whose === 'own' && me?.role === 'supplier'
      ? { id: me.userId, organisationId: me.organisationId }
      : await newUser(t, 'supplier');
  return insertSubmission(t, { projectId: project.id, lotId: lot.id }, owner, {
    state: 'uploading',
    expiresAt: new Date(t.clock.now().getTime() + 3_600_000),
  });
}

/** A bid_submissions row of `owner` on the lot, as the bids module would have written it. */
async function insertSubmission(
  t: TestApp,
  where: { projectId: string; lotId: string },
  owner: { id: string; organisationId: string | null },
  values: Pick<typeof bidSubmissions.$inferInsert, 'state' | 'expiresAt' | 'envelope'>,
): Promise<string> {
  const [row] = await t.services.db
    .insert(bidSubmissions)
    .values({
      ...where,
      organisationId: owner.organisationId ?? '',
      userId: owner.id,
      nonce: `nonce-${unique()}`,
      suite: 'gm',
      createdAt: t.clock.now(),
      ...values,
    })
    .returning({ id: bidSubmissions.id });
  if (!row) throw new Error('no submission');
  return row.id;
}

/**
 * A consortium bid waiting for its members: the caller's organisation is a member (`mine`) or not a party at all.
 * The statement is well-formed but nobody's real signature is needed: the rows say who may see and act.
 */
async function consortiumRequest(t: TestApp, me: Me | null, whose: 'mine' | 'other'): Promise<string> {
  const { project, lot } = await publishedProject(t, { consortiumAllowed: true });
  const lead = await newUser(t, 'supplier');
  const member =
    whose === 'mine' && me?.role === 'supplier' && me.organisationId
      ? { organisationId: me.organisationId }
      : await newUser(t, 'supplier');
  const id = await insertSubmission(t, { projectId: project.id, lotId: lot.id }, lead, {
    state: 'awaiting_members',
    expiresAt: project.bidDeadline ?? t.clock.now(),
    envelope: { ...wellFormedEnvelope, suite: 'gm', statement: wellFormedEnvelope.statement },
  });
  await t.services.db.insert(bidConsortiumMembers).values(
    [lead.organisationId ?? '', member.organisationId ?? ''].map((organisationId, position) => ({
      submissionId: id,
      organisationId,
      position,
      role: position === 0 ? ('lead' as const) : ('member' as const),
      shareBasisPoints: 5000,
      uscc: `USCC${position}`,
      name: `成员${position}`,
    })),
  );
  return id;
}

/** A published project to bid on; a supplier caller also gets usable certificates. */
async function biddableLot(t: TestApp, me: Me | null): Promise<{ projectId: string; lotId: string }> {
  const { project, lot } = await publishedProject(t);
  if (me?.role === 'supplier') {
    await issueTestCertificates(t, { userId: me.userId, organisationId: me.organisationId });
    await t.services.db.insert(documentObtainings).values({
      projectId: project.id,
      organisationId: me.organisationId ?? '',
      obtainedByUserId: me.userId,
      obtainedAt: t.clock.now(),
    });
  }
  return { projectId: project.id, lotId: lot.id };
}

const wellFormedEnvelope = {
  suite: 'gm',
  statement: {
    type: 'zhengcai-sealed-bid',
    version: 1,
    suite: 'gm',
    projectId: 'p',
    lotId: 'l',
    bidderId: 'b',
    nonce: 'n',
    ciphertextHashAlgorithm: 'ZC-SEGHASH-1-SM3',
    ciphertextHash: '0'.repeat(64),
    ciphertextLength: 100,
    wrappedKeyHash: '0'.repeat(64),
  },
  signature: '0'.repeat(128),
  contentKeyWrapped: '00',
  ciphertextHash: '0'.repeat(64),
};

const forgedReceipt = {
  receipt: {
    type: 'zhengcai-bid-receipt',
    version: 1,
    submissionId: '00000000-0000-4000-8000-000000000000',
    project: { id: 'p', code: 'ZC', title: '项目' },
    lot: { id: 'l', number: 1, title: '包' },
    bidder: { organisationId: 'o', name: '某公司', userId: 'u' },
    ciphertext: { hashAlgorithm: 'ZC-SEGHASH-1-SM3', hash: '0'.repeat(64), length: 1, blobSha256: '0'.repeat(64) },
    replacesSubmissionId: null,
    serverTime: '2026-01-01T00:00:00.000Z',
    eventSeq: 1,
    ledgerChainHash: '0'.repeat(64),
  },
  signature: { suite: 'gm', signature: '00', certificateFingerprint: '00', certificatePem: '' },
};

const tusHeaders = (submissionId: string): Record<string, string> => ({
  'tus-resumable': '1.0.0',
  'upload-length': '100',
  'upload-metadata': `submissionId ${Buffer.from(submissionId).toString('base64')}`,
});

/**
 * A lot of a published project whose opening the caller hosts when it can (an agency user: its agency's project; a
 * purchaser: its own project without an agency); for other callers, someone else's.
 */
async function hostedLot(t: TestApp, me: Me | null): Promise<{ projectId: string; lotId: string }> {
  const org = me?.organisationId ?? undefined;
  const { project } = await publishedTender(
    t,
    me?.role === 'agency' && org
      ? { agencyOrganisationId: org }
      : me?.role === 'purchaser' && org
        ? { purchaserOrganisationId: org, agencyOrganisationId: null }
        : {},
  );
  const [lot] = await t.services.db.select().from(lots).where(eq(lots.projectId, project.id));
  if (!lot) throw new Error('no lot');
  return { projectId: project.id, lotId: lot.id };
}

/** The bytes of the one chunk every test recording holds. */
const RECORDED = Buffer.from('\x1aE\xdf\xa3 a recorded chunk');

/** A recording with one chunk: the caller's own when it hosts the lot ('own'), else another host's. */
async function recordingOf(t: TestApp, me: Me | null, whose: 'own' | 'other'): Promise<string> {
  const own = whose === 'own' && me !== null && (me.role === 'agency' || me.role === 'purchaser');
  const { projectId, lotId } = await hostedLot(t, own ? me : null);
  const [project] = await t.services.db
    .select({ agency: projects.agencyOrganisationId, purchaser: projects.purchaserOrganisationId })
    .from(projects)
    .where(eq(projects.id, projectId));
  const hostOrg = project?.agency ?? project?.purchaser ?? '';
  const host = own && me ? me : await newUser(t, project?.agency ? 'agency' : 'purchaser', { organisationId: hostOrg });
  const hostId = 'userId' in host ? host.userId : host.id;
  const blob = await t.services.blobs.put(RECORDED);
  const now = t.clock.now();
  const [rec] = await t.services.db
    .insert(openingRecordings)
    .values({
      projectId,
      lotId,
      startedByUserId: hostId,
      organisationId: hostOrg,
      mimeType: 'video/webm',
      state: 'recording',
      chunkCount: 1,
      totalBytes: RECORDED.length,
      startedAt: now,
    })
    .returning({ id: openingRecordings.id });
  if (!rec) throw new Error('no recording');
  await t.services.db
    .insert(openingRecordingChunks)
    .values({ recordingId: rec.id, seq: 0, sha256: blob.hash, size: blob.size, eventSeq: 1, receivedAt: now });
  return rec.id;
}

const chunkUpload = (id: string, seq: number): Request => ({
  method: 'PUT',
  url: `/api/recordings/${id}/chunks/${seq}`,
  payload: Buffer.from('the next chunk'),
  headers: { 'content-type': 'application/octet-stream' },
});

/**
 * A transaction certificate (ADR 0020) for the read-only rows, issued once per app: verifying, downloading and
 * checking a copy change nothing, and each issue renders a PDF (hundreds would cost the matrix a minute).
 */
const sharedCertificates = new WeakMap<TestApp, Promise<{ number: string; pdf: Buffer }>>();
function sharedCertificate(t: TestApp): Promise<{ number: string; pdf: Buffer }> {
  let found = sharedCertificates.get(t);
  if (!found) {
    found = issuedCertificate(t).then(async ({ row }) => {
      const stream = await t.services.blobs.get(row.pdfSha256);
      if (!stream) throw new Error('no certificate PDF');
      const parts: Buffer[] = [];
      for await (const part of stream) parts.push(part as Buffer);
      return { number: row.number, pdf: Buffer.concat(parts) };
    });
    sharedCertificates.set(t, found);
  }
  return found;
}

/** A new certificate for the rows that revoke one; `revoked` revokes it first. */
async function newCertificate(t: TestApp, opts: { revoked?: boolean } = {}): Promise<string> {
  const { row } = await issuedCertificate(t);
  if (opts.revoked) {
    await t.services.db
      .update(transactionCertificates)
      .set({ revokedAt: t.clock.now(), revocationReason: '测试撤销' })
      .where(eq(transactionCertificates.id, row.id));
  }
  return row.number;
}

const isOversight = (me: Me | null) => me !== null && OVERSIGHT_ROLES.includes(me.role);

// ---------------------------------------------------------------------------------------------------------------
// The matrix.

export const MATRIX: readonly Row[] = [
  // expect: [anonymous, purchaser, agency, centre, supplier, expert, supervisor, finance, admin]
  {
    route: 'GET /api/health',
    resource: '-',
    expect: [200, 200, 200, 200, 200, 200, 200, 200, 200],
    build: async () => get('/api/health'),
  },
  {
    route: 'GET /metrics',
    resource: '-',
    expect: [200, 200, 200, 200, 200, 200, 200, 200, 200],
    build: async () => get('/metrics'),
  },
  {
    route: 'GET /api/portal/stats',
    resource: '-',
    expect: [200, 200, 200, 200, 200, 200, 200, 200, 200],
    build: async () => get('/api/portal/stats'),
  },
  {
    route: 'GET /api/ledger/head',
    resource: '-',
    expect: [200, 200, 200, 200, 200, 200, 200, 200, 200],
    build: async () => get('/api/ledger/head'),
  },
  {
    route: 'GET /api/events',
    resource: "an event about someone else's organisation",
    expect: [200, 200, 200, 200, 200, 200, 200, 200, 200],
    build: async (t, me) => {
      // Another user's login is an event for their organisation: only it and oversight may see it.
      await logIn(t.app, (await newUser(t, 'purchaser')).login);
      const [head] = await t.services.db.select().from(ledgerHead).where(eq(ledgerHead.id, 1));
      const seq = head?.size ?? 0;
      return get(`/api/events?after=${seq - 1}&limit=1`, (res) => {
        const seen = res.json<{ items: { seq: number }[] }>().items.map((i) => i.seq);
        expect(seen).toEqual(isOversight(me) ? [seq] : []);
      });
    },
  },
  {
    route: 'GET /api/live',
    resource: 'the live stream',
    expect: [200, 200, 200, 200, 200, 200, 200, 200, 200],
    stream: true,
    build: async () => get('/api/live'),
  },
  {
    route: 'GET /api/ledger/verify',
    resource: 'the whole ledger',
    expect: [401, 403, 403, 200, 403, 403, 200, 403, 200],
    build: async () => get('/api/ledger/verify'),
  },
  // Log-in: a wrong password is a refused call that DOES change the database (failed_logins, a ledger event), by
  // design, so it is not part of the matrix; bad-input.test.ts covers it with the lock-out. Here every caller uses
  // the right password, and the refused variant (a registration still pending) must change nothing.
  {
    route: 'POST /api/auth/login',
    resource: 'own account, correct password (anonymous: a fresh account)',
    expect: [200, 200, 200, 200, 200, 200, 200, 200, 200],
    build: async (t, me) =>
      post('/api/auth/login', { login: me?.login ?? (await newUser(t, 'supplier')).login, password: TEST_PASSWORD }),
  },
  {
    route: 'POST /api/auth/login',
    resource: 'an account whose registration is still pending, correct password',
    expect: [403, 403, 403, 403, 403, 403, 403, 403, 403],
    codes: { 403: 'ACCOUNT_PENDING' },
    build: async (t) => {
      const pending = await newUser(t, 'supplier', { organisationId: await pendingRegistration(t), status: 'pending' });
      return post('/api/auth/login', { login: pending.login, password: TEST_PASSWORD });
    },
  },
  {
    route: 'POST /api/auth/logout',
    resource: 'own session',
    expect: [401, 204, 204, 204, 204, 204, 204, 204, 204],
    build: async () => post('/api/auth/logout'),
  },
  {
    route: 'GET /api/me',
    resource: 'own account',
    expect: [401, 200, 200, 200, 200, 200, 200, 200, 200],
    build: async (_t, me) =>
      get('/api/me', (res) => expect(res.json<{ user: { id: string } }>().user.id).toBe(me?.userId)),
  },
  {
    route: 'POST /api/auth/password',
    resource: 'own password',
    expect: [401, 204, 204, 204, 204, 204, 204, 204, 204],
    build: async () => post('/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'New-passw0rd-2026' }),
  },
  {
    route: 'POST /api/registrations/suppliers',
    resource: 'a new supplier',
    expect: [201, 201, 201, 201, 201, 201, 201, 201, 201],
    build: async () => post('/api/registrations/suppliers', signUpBody()),
  },
  {
    route: 'GET /api/organisations',
    resource: 'the list (narrowed to their own outside oversight)',
    expect: [401, 200, 200, 200, 200, 200, 200, 200, 200],
    build: async (t, me) => {
      const other = await otherOrganisation(t);
      return get('/api/organisations?limit=200', (res) => {
        const ids = res.json<{ items: { id: string }[] }>().items.map((i) => i.id);
        if (isOversight(me)) expect(ids).toContain(other);
        else expect(ids).toEqual(me?.organisationId ? [me.organisationId] : []);
      });
    },
  },
  {
    route: 'GET /api/organisations/:id',
    resource: "someone else's",
    expect: [401, 404, 404, 200, 404, 404, 200, 404, 200],
    build: async (t) => get(`/api/organisations/${await otherOrganisation(t)}`),
  },
  {
    route: 'GET /api/organisations/:id',
    resource: "own (experts have none: someone else's)",
    expect: [401, 200, 200, 200, 200, 404, 200, 200, 200],
    build: async (t, me) => get(`/api/organisations/${me?.organisationId ?? (await otherOrganisation(t))}`),
  },
  {
    route: 'POST /api/organisations/:id/approve',
    resource: "someone else's pending registration",
    expect: [401, 404, 404, 200, 404, 404, 403, 404, 200],
    build: async (t) => post(`/api/organisations/${await pendingRegistration(t)}/approve`),
  },
  {
    route: 'POST /api/organisations/:id/approve',
    resource: "own organisation while pending (experts: someone else's)",
    expect: [401, 403, 403, 200, 403, 404, 403, 403, 200],
    build: async (t, me) => post(`/api/organisations/${await ownPendingOrganisation(t, me)}/approve`),
  },
  {
    // May you do it (403) comes before the state (409): a supervisor sees every organisation but reviews none.
    route: 'POST /api/organisations/:id/approve',
    resource: "someone else's, already active",
    expect: [401, 404, 404, 409, 404, 404, 403, 404, 409],
    build: async (t) => post(`/api/organisations/${await otherOrganisation(t)}/approve`),
  },
  {
    route: 'POST /api/organisations/:id/reject',
    resource: "someone else's pending registration",
    expect: [401, 404, 404, 200, 404, 404, 403, 404, 200],
    build: async (t) =>
      post(`/api/organisations/${await pendingRegistration(t)}/reject`, { reason: '营业执照扫描件不清晰' }),
  },
  {
    route: 'POST /api/organisations/:id/reject',
    resource: "own organisation while pending (experts: someone else's)",
    expect: [401, 403, 403, 200, 403, 404, 403, 403, 200],
    build: async (t, me) =>
      post(`/api/organisations/${await ownPendingOrganisation(t, me)}/reject`, { reason: '营业执照扫描件不清晰' }),
  },
  {
    route: 'POST /api/organisations/:id/reject',
    resource: "someone else's, already active",
    expect: [401, 404, 404, 409, 404, 404, 403, 404, 409],
    build: async (t) =>
      post(`/api/organisations/${await otherOrganisation(t)}/reject`, { reason: '营业执照扫描件不清晰' }),
  },
  {
    route: 'GET /api/admin/users',
    resource: 'all accounts',
    expect: [401, 403, 403, 403, 403, 403, 403, 403, 200],
    build: async () => get('/api/admin/users'),
  },
  {
    route: 'POST /api/admin/organisations',
    resource: 'a new organisation',
    expect: [401, 403, 403, 403, 403, 403, 403, 403, 201],
    build: async () =>
      post('/api/admin/organisations', { kind: 'purchaser', name: `六盘水市采购单位${unique()}`, uscc: freshUscc() }),
  },
  {
    route: 'POST /api/admin/users',
    resource: 'a new account in an existing organisation',
    expect: [401, 403, 403, 403, 403, 403, 403, 403, 201],
    build: async (t) =>
      post('/api/admin/users', {
        organisationId: await newOrganisation(t, 'purchaser'),
        role: 'purchaser',
        login: `new-${unique()}`,
        displayName: '新账户',
        password: 'abc1234567',
      }),
  },
  {
    route: 'POST /api/admin/users/:id/unlock',
    resource: "someone else's locked account",
    expect: [401, 403, 403, 403, 403, 403, 403, 403, 204],
    build: async (t) => post(`/api/admin/users/${await lockedUser(t)}/unlock`),
  },
  {
    route: 'POST /api/admin/users/:id/unlock',
    resource: "someone else's account that is not locked",
    expect: [401, 403, 403, 403, 403, 403, 403, 403, 409],
    build: async (t) => post(`/api/admin/users/${(await newUser(t, 'supplier')).id}/unlock`),
  },
  {
    route: 'GET /api/tokens',
    resource: 'own tokens only',
    expect: [401, 200, 200, 200, 200, 200, 200, 200, 200],
    build: async (t) => {
      const others = await ownToken(t, null);
      return get('/api/tokens', (res) =>
        expect(res.json<{ items: { id: string }[] }>().items.map((i) => i.id)).not.toContain(others),
      );
    },
  },
  {
    route: 'POST /api/tokens',
    resource: 'a new token',
    expect: [401, 201, 201, 201, 201, 201, 201, 201, 201],
    build: async () => post('/api/tokens', { name: '财务系统对接' }),
  },
  {
    route: 'DELETE /api/tokens/:id',
    resource: "own token (anonymous: someone's)",
    expect: [401, 204, 204, 204, 204, 204, 204, 204, 204],
    build: async (t, me) => ({ method: 'DELETE', url: `/api/tokens/${await ownToken(t, me)}` }),
  },
  {
    route: 'DELETE /api/tokens/:id',
    resource: "someone else's token",
    expect: [401, 404, 404, 404, 404, 404, 404, 404, 404],
    build: async (t) => ({ method: 'DELETE', url: `/api/tokens/${await ownToken(t, null)}` }),
  },
  {
    route: 'DELETE /api/tokens/:id',
    resource: 'own token, already revoked',
    expect: [401, 409, 409, 409, 409, 409, 409, 409, 409],
    build: async (t, me) => ({ method: 'DELETE', url: `/api/tokens/${await ownToken(t, me, { revoked: true })}` }),
  },
  {
    route: 'GET /api/experts/me/profile',
    resource: 'own profile',
    expect: [401, 403, 403, 403, 403, 200, 403, 403, 403],
    build: async (t, me) => {
      await ownExpertProfile(t, me);
      return get('/api/experts/me/profile');
    },
  },
  {
    route: 'PUT /api/experts/me/profile',
    resource: 'own profile',
    expect: [401, 403, 403, 403, 403, 200, 403, 403, 403],
    build: async () => ({ method: 'PUT', url: '/api/experts/me/profile', payload: expertProfileBody }),
  },
  {
    route: 'GET /api/experts/me/conflicts',
    resource: 'own conflicts',
    expect: [401, 403, 403, 403, 403, 200, 403, 403, 403],
    build: async (t, me) => {
      const own = await expertConflict(t, me, 'own');
      const other = await expertConflict(t, me, 'other');
      return get('/api/experts/me/conflicts', (res) => {
        const ids = res.json<{ items: { id: string }[] }>().items.map((i) => i.id);
        expect(ids).toEqual([own]);
        expect(ids).not.toContain(other);
      });
    },
  },
  {
    route: 'POST /api/experts/me/conflicts',
    resource: 'own conflicts',
    expect: [401, 403, 403, 403, 403, 201, 403, 403, 403],
    build: async () =>
      post('/api/experts/me/conflicts', { organisationName: '贵州凉都信息技术有限公司', reason: '配偶在该公司任职' }),
  },
  {
    route: 'DELETE /api/experts/me/conflicts/:id',
    resource: "own conflict (others: an expert's)",
    expect: [401, 403, 403, 403, 403, 204, 403, 403, 403],
    build: async (t, me) => ({
      method: 'DELETE',
      url: `/api/experts/me/conflicts/${await expertConflict(t, me, 'own')}`,
    }),
  },
  {
    route: 'DELETE /api/experts/me/conflicts/:id',
    resource: "another expert's conflict",
    expect: [401, 403, 403, 403, 403, 404, 403, 403, 403],
    build: async (t, me) => ({
      method: 'DELETE',
      url: `/api/experts/me/conflicts/${await expertConflict(t, me, 'other')}`,
    }),
  },
  {
    route: 'GET /api/experts',
    resource: 'the expert pool (identities are confidential)',
    expect: [401, 403, 403, 200, 403, 403, 200, 403, 200],
    build: async (t) => {
      await ownExpertProfile(t, null);
      return get('/api/experts');
    },
  },
  // Certificates (C2). Every role may hold certificates; oversight lists them; centre staff and admins revoke any.
  {
    route: 'POST /api/certificates/enrolment-challenge',
    resource: 'own enrolment',
    expect: [401, 200, 200, 200, 200, 200, 200, 200, 200],
    build: async () => post('/api/certificates/enrolment-challenge'),
  },
  {
    route: 'POST /api/certificates/enrolment-challenge',
    resource: 'own organisation not active (experts have none: they may)',
    expect: [401, 403, 403, 403, 403, 200, 403, 403, 403],
    codes: { 403: 'ORGANISATION_NOT_ACTIVE' },
    build: async (t, me) => {
      if (me?.organisationId) await ownPendingOrganisation(t, me);
      return post('/api/certificates/enrolment-challenge');
    },
  },
  {
    route: 'POST /api/certificates',
    resource: 'own new keys, challenge signed with the new signing key',
    expect: [401, 201, 201, 201, 201, 201, 201, 201, 201],
    build: async (t, me) =>
      post('/api/certificates', await enrolmentBodyFor(t, me?.userId ?? (await newUser(t, 'supplier')).id)),
  },
  {
    route: 'GET /api/certificates/mine',
    resource: 'own certificates only',
    expect: [401, 200, 200, 200, 200, 200, 200, 200, 200],
    build: async (t, me) => {
      const other = await newUser(t, 'supplier');
      const theirs = await insertBundle(t, other);
      const own = me ? await insertBundle(t, { ...me, id: me.userId, displayName: me.login }) : null;
      return get('/api/certificates/mine', (res) => {
        const ids = res.json<{ items: { bundleId: string }[] }>().items.map((i) => i.bundleId);
        expect(ids).toEqual(own ? [own.bundleId] : []);
        expect(ids).not.toContain(theirs.bundleId);
      });
    },
  },
  {
    route: 'GET /api/certificates',
    resource: 'every certificate issued',
    expect: [401, 403, 403, 200, 403, 403, 200, 403, 200],
    build: async (t) => {
      const theirs = await insertBundle(t, await newUser(t, 'supplier'));
      return get('/api/certificates', (res) =>
        expect(res.json<{ items: { bundleId: string }[] }>().items.map((i) => i.bundleId)).toContain(theirs.bundleId),
      );
    },
  },
  {
    route: 'GET /api/certificates/:id/pem',
    resource: "own certificate (anonymous: someone's)",
    expect: [401, 200, 200, 200, 200, 200, 200, 200, 200],
    build: async (t, me) => {
      const holder = me ? { ...me, id: me.userId, displayName: me.login } : await newUser(t, 'supplier');
      return get(`/api/certificates/${(await insertBundle(t, holder)).signing.id}/pem`);
    },
  },
  {
    route: 'GET /api/certificates/:id/pem',
    resource: "someone else's certificate",
    expect: [401, 404, 404, 200, 404, 404, 200, 404, 200],
    build: async (t) =>
      get(`/api/certificates/${(await insertBundle(t, await newUser(t, 'supplier'))).signing.id}/pem`),
  },
  {
    route: 'POST /api/certificates/bundles/:bundleId/revoke',
    resource: "own bundle, key lost (anonymous: someone's)",
    expect: [401, 200, 200, 200, 200, 200, 200, 200, 200],
    build: async (t, me) => {
      const holder = me ? { ...me, id: me.userId, displayName: me.login } : await newUser(t, 'supplier');
      return post(`/api/certificates/bundles/${(await insertBundle(t, holder)).bundleId}/revoke`, {
        reason: 'key_lost',
      });
    },
  },
  {
    route: 'POST /api/certificates/bundles/:bundleId/revoke',
    resource: "someone else's bundle",
    expect: [401, 404, 404, 200, 404, 404, 403, 404, 200],
    build: async (t) => {
      const bundle = await insertBundle(t, await newUser(t, 'supplier'));
      return post(`/api/certificates/bundles/${bundle.bundleId}/revoke`, { reason: 'key_compromise' });
    },
  },
  {
    route: 'POST /api/certificates/bundles/:bundleId/revoke',
    resource: 'own bundle, already revoked',
    expect: [401, 409, 409, 409, 409, 409, 409, 409, 409],
    build: async (t, me) => {
      const holder = me ? { ...me, id: me.userId, displayName: me.login } : await newUser(t, 'supplier');
      const bundle = await insertBundle(t, holder, { revoked: true });
      return post(`/api/certificates/bundles/${bundle.bundleId}/revoke`, { reason: 'key_lost' });
    },
  },
  {
    route: 'GET /api/certificates/ca',
    resource: 'the platform CA certificate (public)',
    expect: [200, 200, 200, 200, 200, 200, 200, 200, 200],
    build: async () => get('/api/certificates/ca'),
  },
  {
    route: 'GET /api/certificates/status',
    resource: "someone's certificate (status is public)",
    expect: [200, 200, 200, 200, 200, 200, 200, 200, 200],
    build: async (t) => {
      const bundle = await insertBundle(t, await newUser(t, 'supplier'));
      return get(`/api/certificates/status?serial=${bundle.signing.serial}`, (res) =>
        expect(res.json<{ status: string }>().status).toBe('valid'),
      );
    },
  },
  {
    route: 'GET /api/certificates/revocations',
    resource: 'the revocation list (public)',
    expect: [200, 200, 200, 200, 200, 200, 200, 200, 200],
    build: async (t) => {
      const bundle = await insertBundle(t, await newUser(t, 'supplier'), { revoked: true });
      return get('/api/certificates/revocations', (res) =>
        expect(res.json<{ entries: { serial: string }[] }>().entries.map((e) => e.serial)).toContain(
          bundle.signing.serial,
        ),
      );
    },
  },
  {
    route: 'POST /api/auth/certificate/challenge',
    resource: 'a login challenge (public)',
    expect: [200, 200, 200, 200, 200, 200, 200, 200, 200],
    build: async () => post('/api/auth/certificate/challenge'),
  },
  {
    route: 'POST /api/auth/certificate/login',
    resource: 'own certificate, signed challenge (anonymous: a fresh account)',
    expect: [200, 200, 200, 200, 200, 200, 200, 200, 200],
    build: async (t, me) => {
      const holder = me ? { ...me, id: me.userId, displayName: me.login } : await newUser(t, 'supplier');
      const bundle = await insertBundle(t, holder);
      return post(
        '/api/auth/certificate/login',
        await certificateLoginBody(t.app, bundle.keys, { serial: bundle.signing.serial }),
      );
    },
  },
  {
    route: 'POST /api/auth/certificate/login',
    resource: 'a revoked certificate, correctly signed',
    expect: [401, 401, 401, 401, 401, 401, 401, 401, 401],
    codes: { 401: 'CERTIFICATE_REVOKED' },
    build: async (t) => {
      const bundle = await insertBundle(t, await newUser(t, 'supplier'), { revoked: true });
      return post(
        '/api/auth/certificate/login',
        await certificateLoginBody(t.app, bundle.keys, { serial: bundle.signing.serial }),
      );
    },
  },
  // Documents and questions (C8). "own" = the caller's: its project (purchaser, agency) or, for a supplier, a
  // project whose documents it obtained; "other" relates the caller to nothing.
  {
    route: 'GET /api/tenders',
    resource: 'projects whose documents my organisation obtained',
    expect: [401, 403, 403, 403, 200, 403, 403, 403, 403],
    build: async (t, me) => {
      const own = await tenderFor(t, me, 'own');
      const other = await tenderFor(t, me, 'other');
      return get('/api/tenders', (res) => {
        const ids = res.json<{ items: { id: string }[] }>().items.map((i) => i.id);
        expect(ids).toContain(own.project.id);
        expect(ids).not.toContain(other.project.id);
      });
    },
  },
  {
    route: 'GET /api/tenders/:id',
    resource: 'a published project',
    expect: [401, 403, 403, 403, 200, 403, 403, 403, 403],
    build: async (t, me) => get(`/api/tenders/${(await tenderFor(t, me, 'other')).project.id}`),
  },
  {
    route: 'GET /api/tenders/:id',
    resource: 'a draft project',
    expect: [401, 403, 403, 403, 404, 403, 403, 403, 403],
    build: async (t, me) => get(`/api/tenders/${(await tenderFor(t, me, 'other', { draft: true })).project.id}`),
  },
  {
    route: 'POST /api/tenders/:id/obtain',
    resource: 'a published project, documents available',
    expect: [401, 403, 403, 403, 200, 403, 403, 403, 403],
    build: async (t, me) => post(`/api/tenders/${(await tenderFor(t, me, 'other')).project.id}/obtain`),
  },
  {
    route: 'POST /api/tenders/:id/obtain',
    resource: 'a published project, documents no longer available',
    expect: [401, 403, 403, 403, 409, 403, 403, 403, 403],
    codes: { 409: 'DOCUMENTS_OUTSIDE_WINDOW' },
    build: async (t, me) =>
      post(`/api/tenders/${(await tenderFor(t, me, 'other', { window: 'closed' })).project.id}/obtain`),
  },
  {
    route: 'GET /api/tenders/:id/documents/:documentId',
    resource: 'a document my organisation obtained',
    expect: [401, 403, 403, 403, 200, 403, 403, 403, 403],
    build: async (t, me) => {
      const p = await tenderFor(t, me, 'own');
      return get(`/api/tenders/${p.project.id}/documents/${p.document.id}`, (res) =>
        expect(res.rawPayload.equals(Buffer.from(p.content))).toBe(true),
      );
    },
  },
  {
    route: 'GET /api/tenders/:id/documents/:documentId',
    resource: 'a document not obtained',
    expect: [401, 403, 403, 403, 404, 403, 403, 403, 403],
    build: async (t, me) => {
      const p = await tenderFor(t, me, 'other');
      return get(`/api/tenders/${p.project.id}/documents/${p.document.id}`);
    },
  },
  {
    route: 'POST /api/tenders/:id/questions',
    resource: 'a project whose documents my organisation obtained',
    expect: [401, 403, 403, 403, 201, 403, 403, 403, 403],
    build: async (t, me) =>
      post(`/api/tenders/${(await tenderFor(t, me, 'own')).project.id}/questions`, { text: '是否接受进口产品？' }),
  },
  {
    route: 'POST /api/tenders/:id/questions',
    resource: 'a project whose documents my organisation did not obtain',
    expect: [401, 403, 403, 403, 404, 403, 403, 403, 403],
    build: async (t, me) =>
      post(`/api/tenders/${(await tenderFor(t, me, 'other')).project.id}/questions`, { text: '是否接受进口产品？' }),
  },
  {
    route: 'GET /api/clarifications/:id/file',
    resource: 'an attachment of my project (suppliers: obtained)',
    expect: [401, 200, 200, 200, 200, 404, 200, 404, 200],
    build: async (t, me) => get(`/api/clarifications/${await clarificationFileFor(t, me, 'own')}/file`),
  },
  {
    route: 'GET /api/clarifications/:id/file',
    resource: "an attachment of someone else's project",
    expect: [401, 404, 404, 200, 404, 404, 200, 404, 200],
    build: async (t, me) => get(`/api/clarifications/${await clarificationFileFor(t, me, 'other')}/file`),
  },
  {
    route: 'GET /api/projects/:id/questions',
    resource: 'my project (who asked is shown)',
    expect: [401, 200, 200, 200, 403, 403, 200, 403, 200],
    build: async (t, me) => {
      const p = await tenderFor(t, me, 'own');
      await questionOn(t, p.project.id);
      return get(`/api/projects/${p.project.id}/questions`, (res) =>
        expect(res.json<{ questions: unknown[] }>().questions).toHaveLength(1),
      );
    },
  },
  {
    route: 'GET /api/projects/:id/questions',
    resource: "someone else's project",
    expect: [401, 404, 404, 200, 403, 403, 200, 403, 200],
    build: async (t, me) => get(`/api/projects/${(await tenderFor(t, me, 'other')).project.id}/questions`),
  },
  {
    route: 'GET /api/projects/:id/obtainings',
    resource: 'my project',
    expect: [401, 200, 200, 200, 403, 403, 200, 403, 200],
    build: async (t, me) => get(`/api/projects/${(await tenderFor(t, me, 'own')).project.id}/obtainings`),
  },
  {
    route: 'GET /api/projects/:id/obtainings',
    resource: "someone else's project",
    expect: [401, 404, 404, 200, 403, 403, 200, 403, 200],
    build: async (t, me) => get(`/api/projects/${(await tenderFor(t, me, 'other')).project.id}/obtainings`),
  },
  {
    route: 'POST /api/projects/:id/clarifications',
    resource: 'my project',
    expect: [401, 201, 201, 403, 403, 403, 403, 403, 403],
    build: async (t, me) =>
      post(`/api/projects/${(await tenderFor(t, me, 'own')).project.id}/clarifications`, {
        text: '澄清：交货期为合同签订后30日。',
        affectsPreparation: true,
      }),
  },
  {
    route: 'POST /api/projects/:id/clarifications',
    resource: "someone else's project",
    expect: [401, 404, 404, 403, 403, 403, 403, 403, 403],
    build: async (t, me) =>
      post(`/api/projects/${(await tenderFor(t, me, 'other')).project.id}/clarifications`, {
        text: '澄清：交货期为合同签订后30日。',
        affectsPreparation: true,
      }),
  },
  {
    route: 'GET /api/barred',
    resource: 'the barred list (published decisions)',
    expect: [200, 200, 200, 200, 200, 200, 200, 200, 200],
    build: async (t) => {
      const id = await barOn(t);
      return get('/api/barred', (res) =>
        expect(res.json<{ items: { id: string }[] }>().items.map((i) => i.id)).toContain(id),
      );
    },
  },
  {
    route: 'POST /api/barred',
    resource: 'a new decision',
    expect: [401, 403, 403, 403, 403, 403, 201, 403, 403],
    build: async (t) =>
      post('/api/barred', {
        organisationId: await supplierToBar(t),
        reason: '串通投标',
        decisionReference: `六财采处〔2026〕${unique()}号`,
        from: t.clock.now().toISOString(),
      }),
  },
  {
    route: 'POST /api/barred/:id/lift',
    resource: 'a bar in force',
    expect: [401, 403, 403, 403, 403, 403, 200, 403, 403],
    build: async (t) => post(`/api/barred/${await barOn(t)}/lift`, { reason: '复议撤销' }),
  },
  {
    route: 'POST /api/barred/:id/lift',
    resource: 'a bar already lifted',
    expect: [401, 403, 403, 403, 403, 403, 409, 403, 403],
    build: async (t) => post(`/api/barred/${await barOn(t, { lifted: true })}/lift`, { reason: '复议撤销' }),
  },
  {
    route: 'GET /api/notifications',
    resource: 'my notifications only',
    expect: [401, 200, 200, 200, 200, 200, 200, 200, 200],
    build: async (t, me) => {
      const own = me ? await notificationFor(t, me, 'own') : null;
      const other = await notificationFor(t, me, 'other');
      return get('/api/notifications', (res) => {
        const ids = res.json<{ items: { id: string }[] }>().items.map((i) => i.id);
        expect(ids).toEqual([own]);
        expect(ids).not.toContain(other);
      });
    },
  },
  {
    route: 'POST /api/notifications/:id/read',
    resource: 'my notification',
    expect: [401, 200, 200, 200, 200, 200, 200, 200, 200],
    build: async (t, me) => post(`/api/notifications/${await notificationFor(t, me, 'own')}/read`),
  },
  {
    route: 'POST /api/notifications/:id/read',
    resource: "someone else's notification",
    expect: [401, 404, 404, 404, 404, 404, 404, 404, 404],
    build: async (t, me) => post(`/api/notifications/${await notificationFor(t, me, 'other')}/read`),
  },

  // Projects (C5–C7): the purchaser's and agency's users work on their own; oversight reads every project.
  {
    route: 'GET /api/projects',
    resource: "own organisation's projects (oversight: all)",
    expect: [401, 200, 200, 200, 403, 403, 200, 403, 200],
    build: async (t, me) => {
      const others = (await projectFixture(t, null, { whose: 'other' })).projectId;
      return get('/api/projects', (res) => {
        const ids = res.json<{ items: { id: string }[] }>().items.map((i) => i.id);
        if (isOversight(me)) expect(ids).toContain(others);
        else expect(ids).not.toContain(others);
      });
    },
  },
  {
    route: 'GET /api/projects/parties',
    resource: 'active purchasers and agencies',
    expect: [401, 200, 200, 403, 403, 403, 403, 403, 403],
    build: async () => get('/api/projects/parties'),
  },
  {
    route: 'POST /api/projects',
    resource: 'a new draft (an agency names the purchaser)',
    expect: [401, 201, 201, 403, 403, 403, 403, 403, 403],
    build: async (t, me) =>
      post(
        '/api/projects',
        projectBody(me?.role === 'agency' ? { purchaserOrganisationId: await newOrganisation(t, 'purchaser') } : {}),
      ),
  },
  {
    route: 'GET /api/projects/:id',
    resource: "own draft (others: someone else's)",
    expect: [401, 200, 200, 200, 403, 403, 200, 403, 200],
    build: async (t, me) => get(`/api/projects/${(await projectFixture(t, me, { whose: 'own' })).projectId}`),
  },
  {
    route: 'GET /api/projects/:id',
    resource: "someone else's draft",
    expect: [401, 404, 404, 200, 403, 403, 200, 403, 200],
    build: async (t, me) => get(`/api/projects/${(await projectFixture(t, me, { whose: 'other' })).projectId}`),
  },
  {
    route: 'PUT /api/projects/:id',
    resource: 'own draft',
    expect: [401, 200, 200, 403, 403, 403, 403, 403, 403],
    build: async (t, me) => ({
      method: 'PUT',
      url: `/api/projects/${(await projectFixture(t, me, { whose: 'own' })).projectId}`,
      payload: projectBody(),
    }),
  },
  {
    route: 'PUT /api/projects/:id',
    resource: "someone else's draft",
    expect: [401, 404, 404, 403, 403, 403, 403, 403, 403],
    build: async (t, me) => ({
      method: 'PUT',
      url: `/api/projects/${(await projectFixture(t, me, { whose: 'other' })).projectId}`,
      payload: projectBody(),
    }),
  },
  {
    route: 'PUT /api/projects/:id',
    resource: 'own published project',
    expect: [401, 409, 409, 403, 403, 403, 403, 403, 403],
    build: async (t, me) => ({
      method: 'PUT',
      url: `/api/projects/${(await projectFixture(t, me, { whose: 'own', status: 'published' })).projectId}`,
      payload: projectBody(),
    }),
  },
  {
    route: 'DELETE /api/projects/:id',
    resource: 'own draft',
    expect: [401, 204, 204, 403, 403, 403, 403, 403, 403],
    build: async (t, me) => ({
      method: 'DELETE',
      url: `/api/projects/${(await projectFixture(t, me, { whose: 'own' })).projectId}`,
    }),
  },
  {
    route: 'DELETE /api/projects/:id',
    resource: "someone else's draft",
    expect: [401, 404, 404, 403, 403, 403, 403, 403, 403],
    build: async (t, me) => ({
      method: 'DELETE',
      url: `/api/projects/${(await projectFixture(t, me, { whose: 'other' })).projectId}`,
    }),
  },
  {
    route: 'DELETE /api/projects/:id',
    resource: 'own published project',
    expect: [401, 409, 409, 403, 403, 403, 403, 403, 403],
    build: async (t, me) => ({
      method: 'DELETE',
      url: `/api/projects/${(await projectFixture(t, me, { whose: 'own', status: 'published' })).projectId}`,
    }),
  },
  {
    route: 'POST /api/projects/:id/publish',
    resource: 'own draft, publishable',
    expect: [401, 200, 200, 403, 403, 403, 403, 403, 403],
    build: async (t, me) => post(`/api/projects/${(await projectFixture(t, me, { whose: 'own' })).projectId}/publish`),
  },
  {
    route: 'POST /api/projects/:id/publish',
    resource: 'own draft with a bid deadline too early',
    expect: [401, 409, 409, 403, 403, 403, 403, 403, 403],
    codes: { 409: 'PUBLICATION_BLOCKED' },
    build: async (t, me) =>
      post(`/api/projects/${(await projectFixture(t, me, { whose: 'own', illegal: true })).projectId}/publish`),
  },
  {
    route: 'POST /api/projects/:id/publish',
    resource: "someone else's draft",
    expect: [401, 404, 404, 403, 403, 403, 403, 403, 403],
    build: async (t, me) =>
      post(`/api/projects/${(await projectFixture(t, me, { whose: 'other' })).projectId}/publish`),
  },
  {
    route: 'POST /api/projects/:id/publish',
    resource: 'own published project',
    expect: [401, 409, 409, 403, 403, 403, 403, 403, 403],
    build: async (t, me) =>
      post(`/api/projects/${(await projectFixture(t, me, { whose: 'own', status: 'published' })).projectId}/publish`),
  },
  {
    route: 'GET /api/projects/:id/key-holder-candidates',
    resource: 'own draft',
    expect: [401, 200, 200, 403, 403, 403, 403, 403, 403],
    build: async (t, me) =>
      get(`/api/projects/${(await projectFixture(t, me, { whose: 'own' })).projectId}/key-holder-candidates`),
  },
  {
    route: 'GET /api/projects/:id/key-holder-candidates',
    resource: "someone else's draft",
    expect: [401, 404, 404, 403, 403, 403, 403, 403, 403],
    build: async (t, me) =>
      get(`/api/projects/${(await projectFixture(t, me, { whose: 'other' })).projectId}/key-holder-candidates`),
  },
  {
    route: 'GET /api/projects/:id/key-holder-candidates',
    resource: 'own published project',
    expect: [401, 409, 409, 403, 403, 403, 403, 403, 403],
    build: async (t, me) =>
      get(
        `/api/projects/${(await projectFixture(t, me, { whose: 'own', status: 'published' })).projectId}/key-holder-candidates`,
      ),
  },
  {
    route: 'PUT /api/projects/:id/key-escrow',
    resource: 'own draft',
    expect: [401, 200, 200, 403, 403, 403, 403, 403, 403],
    build: async (t, me) => ({
      method: 'PUT',
      url: `/api/projects/${(await projectFixture(t, me, { whose: 'own' })).projectId}/key-escrow`,
      payload: { threshold: null, holders: [] },
    }),
  },
  {
    route: 'PUT /api/projects/:id/key-escrow',
    resource: "someone else's draft",
    expect: [401, 404, 404, 403, 403, 403, 403, 403, 403],
    build: async (t, me) => ({
      method: 'PUT',
      url: `/api/projects/${(await projectFixture(t, me, { whose: 'other' })).projectId}/key-escrow`,
      payload: { threshold: null, holders: [] },
    }),
  },
  {
    route: 'PUT /api/projects/:id/key-escrow',
    resource: 'own published project',
    expect: [401, 409, 409, 403, 403, 403, 403, 403, 403],
    build: async (t, me) => ({
      method: 'PUT',
      url: `/api/projects/${(await projectFixture(t, me, { whose: 'own', status: 'published' })).projectId}/key-escrow`,
      payload: { threshold: null, holders: [] },
    }),
  },
  {
    route: 'POST /api/projects/:id/documents',
    resource: 'own draft',
    expect: [401, 201, 201, 403, 403, 403, 403, 403, 403],
    build: async (t, me) => ({
      method: 'POST',
      url: `/api/projects/${(await projectFixture(t, me, { whose: 'own' })).projectId}/documents`,
      ...multipartFile(`补充文件${unique()}.pdf`, pdfBytes()),
    }),
  },
  {
    route: 'POST /api/projects/:id/documents',
    resource: "someone else's draft",
    expect: [401, 404, 404, 403, 403, 403, 403, 403, 403],
    build: async (t, me) => ({
      method: 'POST',
      url: `/api/projects/${(await projectFixture(t, me, { whose: 'other' })).projectId}/documents`,
      ...multipartFile(`补充文件${unique()}.pdf`, pdfBytes()),
    }),
  },
  {
    route: 'POST /api/projects/:id/documents',
    resource: 'own published project',
    expect: [401, 409, 409, 403, 403, 403, 403, 403, 403],
    build: async (t, me) => ({
      method: 'POST',
      url: `/api/projects/${(await projectFixture(t, me, { whose: 'own', status: 'published' })).projectId}/documents`,
      ...multipartFile(`补充文件${unique()}.pdf`, pdfBytes()),
    }),
  },
  {
    route: 'DELETE /api/projects/:id/documents/:documentId',
    resource: "own draft's document",
    expect: [401, 204, 204, 403, 403, 403, 403, 403, 403],
    build: async (t, me) => {
      const { projectId, documentId } = await projectFixture(t, me, { whose: 'own' });
      return { method: 'DELETE', url: `/api/projects/${projectId}/documents/${documentId}` };
    },
  },
  {
    route: 'DELETE /api/projects/:id/documents/:documentId',
    resource: "someone else's draft's document",
    expect: [401, 404, 404, 403, 403, 403, 403, 403, 403],
    build: async (t, me) => {
      const { projectId, documentId } = await projectFixture(t, me, { whose: 'other' });
      return { method: 'DELETE', url: `/api/projects/${projectId}/documents/${documentId}` };
    },
  },
  {
    route: 'DELETE /api/projects/:id/documents/:documentId',
    resource: "own published project's document",
    expect: [401, 409, 409, 403, 403, 403, 403, 403, 403],
    build: async (t, me) => {
      const { projectId, documentId } = await projectFixture(t, me, { whose: 'own', status: 'published' });
      return { method: 'DELETE', url: `/api/projects/${projectId}/documents/${documentId}` };
    },
  },
  // The public portal's notices: everyone reads published notices; drafts never appear.
  {
    route: 'GET /api/notices',
    resource: 'published notices',
    expect: [200, 200, 200, 200, 200, 200, 200, 200, 200],
    build: async (t) => {
      const draft = await projectFixture(t, null, { whose: 'other' });
      return get('/api/notices?limit=100', (res) => {
        const ids = res.json<{ items: { project: { id: string } }[] }>().items.map((i) => i.project.id);
        expect(ids).not.toContain(draft.projectId);
      });
    },
  },
  {
    route: 'GET /api/notices/:id',
    resource: 'a published notice',
    expect: [200, 200, 200, 200, 200, 200, 200, 200, 200],
    build: async (t) =>
      get(`/api/notices/${(await projectFixture(t, null, { whose: 'other', status: 'published' })).noticeId}`),
  },
  {
    route: 'GET /api/suppliers/:organisationId',
    resource: "own supplier file (others: a supplier's they do not belong to)",
    expect: [401, 404, 404, 200, 200, 404, 200, 404, 200],
    build: async (t, me) => get(`/api/suppliers/${await supplierOrganisation(t, me, 'own')}`),
  },
  {
    route: 'GET /api/suppliers/:organisationId',
    resource: "another supplier's file",
    expect: [401, 404, 404, 200, 404, 404, 200, 404, 200],
    build: async (t, me) => get(`/api/suppliers/${await supplierOrganisation(t, me, 'other')}`),
  },
  {
    route: 'PUT /api/suppliers/me/profile',
    resource: 'own profile',
    expect: [401, 403, 403, 403, 200, 403, 403, 403, 403],
    build: async () => ({ method: 'PUT', url: '/api/suppliers/me/profile', payload: supplierProfileBody }),
  },
  {
    route: 'POST /api/suppliers/me/qualifications',
    resource: 'own qualifications',
    expect: [401, 403, 403, 403, 201, 403, 403, 403, 403],
    build: async () => qualificationUpload(),
  },
  {
    route: 'DELETE /api/suppliers/:organisationId/qualifications/:id',
    resource: "own qualification (others: a supplier's)",
    expect: [401, 403, 403, 403, 200, 403, 403, 403, 403],
    build: async (t, me) => {
      const org = await supplierOrganisation(t, me, 'own');
      return { method: 'DELETE', url: `/api/suppliers/${org}/qualifications/${await qualificationOf(t, org)}` };
    },
  },
  {
    route: 'DELETE /api/suppliers/:organisationId/qualifications/:id',
    resource: "another supplier's qualification",
    expect: [401, 403, 403, 403, 404, 403, 403, 403, 403],
    build: async (t, me) => {
      const org = await supplierOrganisation(t, me, 'other');
      return { method: 'DELETE', url: `/api/suppliers/${org}/qualifications/${await qualificationOf(t, org)}` };
    },
  },
  {
    route: 'GET /api/suppliers/:organisationId/qualifications/:id/file',
    resource: "own qualification's scan (others: a supplier's they do not belong to)",
    expect: [401, 404, 404, 200, 200, 404, 200, 404, 200],
    build: async (t, me) => {
      const org = await supplierOrganisation(t, me, 'own');
      return get(`/api/suppliers/${org}/qualifications/${await qualificationOf(t, org)}/file`, (res) =>
        expect(res.body).toContain('%PDF'),
      );
    },
  },
  {
    route: 'GET /api/suppliers/:organisationId/qualifications/:id/file',
    resource: "another supplier's qualification scan",
    expect: [401, 404, 404, 200, 404, 404, 200, 404, 200],
    build: async (t, me) => {
      const org = await supplierOrganisation(t, me, 'other');
      return get(`/api/suppliers/${org}/qualifications/${await qualificationOf(t, org)}/file`);
    },
  },
  // Sealed bids (C9): suppliers only; another supplier's submission or upload is "not found".
  {
    route: 'GET /api/bids/projects/:id',
    resource: 'a published project',
    expect: [401, 403, 403, 403, 200, 403, 403, 403, 403],
    build: async (t) => get(`/api/bids/projects/${(await publishedProject(t)).project.id}`),
  },
  {
    route: 'GET /api/bids/submissions',
    resource: 'my submissions',
    expect: [401, 403, 403, 403, 200, 403, 403, 403, 403],
    build: async () => get('/api/bids/submissions'),
  },
  {
    route: 'POST /api/bids/submissions',
    resource: 'a lot of a published project (suppliers hold certificates)',
    expect: [401, 403, 403, 403, 201, 403, 403, 403, 403],
    build: async (t, me) => post('/api/bids/submissions', await biddableLot(t, me)),
  },
  {
    route: 'GET /api/bids/submissions/:id',
    resource: "someone else's submission",
    expect: [401, 403, 403, 403, 404, 403, 403, 403, 403],
    build: async (t, me) => get(`/api/bids/submissions/${await bidSubmission(t, me, 'other')}`),
  },
  {
    route: 'GET /api/bids/submissions/:id',
    resource: 'my own submission',
    expect: [401, 403, 403, 403, 200, 403, 403, 403, 403],
    build: async (t, me) => get(`/api/bids/submissions/${await bidSubmission(t, me, 'own')}`),
  },
  {
    route: 'POST /api/bids/submissions/:id/complete',
    resource: "someone else's submission",
    expect: [401, 403, 403, 403, 404, 403, 403, 403, 403],
    build: async (t, me) =>
      post(`/api/bids/submissions/${await bidSubmission(t, me, 'other')}/complete`, wellFormedEnvelope),
  },
  {
    route: 'POST /api/bids/submissions/:id/withdraw',
    resource: "someone else's submission",
    expect: [401, 403, 403, 403, 404, 403, 403, 403, 403],
    build: async (t, me) => post(`/api/bids/submissions/${await bidSubmission(t, me, 'other')}/withdraw`),
  },
  {
    route: 'GET /api/bids/submissions/:id/receipt.json',
    resource: "someone else's submission",
    expect: [401, 403, 403, 403, 404, 403, 403, 403, 403],
    build: async (t, me) => get(`/api/bids/submissions/${await bidSubmission(t, me, 'other')}/receipt.json`),
  },
  {
    route: 'GET /api/bids/submissions/:id/receipt.pdf',
    resource: "someone else's submission",
    expect: [401, 403, 403, 403, 404, 403, 403, 403, 403],
    build: async (t, me) => get(`/api/bids/submissions/${await bidSubmission(t, me, 'other')}/receipt.pdf`),
  },
  {
    route: 'POST /api/bids/receipts/verify',
    resource: 'a forged receipt',
    expect: [200, 200, 200, 200, 200, 200, 200, 200, 200],
    build: async () => ({
      ...post('/api/bids/receipts/verify', forgedReceipt),
      check: (res) => expect(res.json()).toMatchObject({ signatureValid: false, matchesStoredBid: false }),
    }),
  },
  // Consortium requests (ADR 0014): only the parties see one; anyone else gets 404 and changes nothing.
  {
    route: 'GET /api/bids/consortium-requests',
    resource: 'consortium bids naming my organisation',
    expect: [401, 403, 403, 403, 200, 403, 403, 403, 403],
    build: async () => get('/api/bids/consortium-requests'),
  },
  {
    route: 'GET /api/bids/consortium-requests/:id',
    resource: 'a consortium bid my organisation is not part of',
    expect: [401, 403, 403, 403, 404, 403, 403, 403, 403],
    build: async (t, me) => get(`/api/bids/consortium-requests/${await consortiumRequest(t, me, 'other')}`),
  },
  {
    route: 'GET /api/bids/consortium-requests/:id',
    resource: 'a consortium bid naming my organisation',
    expect: [401, 403, 403, 403, 200, 403, 403, 403, 403],
    build: async (t, me) => get(`/api/bids/consortium-requests/${await consortiumRequest(t, me, 'mine')}`),
  },
  {
    route: 'POST /api/bids/consortium-requests/:id/sign',
    resource: 'a consortium bid my organisation is not part of',
    expect: [401, 403, 403, 403, 404, 403, 403, 403, 403],
    build: async (t, me) =>
      post(`/api/bids/consortium-requests/${await consortiumRequest(t, me, 'other')}/sign`, {
        signature: 'ab'.repeat(64),
      }),
  },
  {
    route: 'POST /api/bids/consortium-requests/:id/decline',
    resource: 'a consortium bid my organisation is not part of',
    expect: [401, 403, 403, 403, 404, 403, 403, 403, 403],
    build: async (t, me) =>
      post(`/api/bids/consortium-requests/${await consortiumRequest(t, me, 'other')}/decline`, { reason: '' }),
  },
  {
    route: 'POST /api/uploads',
    resource: "an upload for someone else's submission",
    expect: [401, 403, 403, 403, 404, 403, 403, 403, 403],
    build: async (t, me) => ({
      method: 'POST',
      url: '/api/uploads',
      headers: tusHeaders(await bidSubmission(t, me, 'other')),
    }),
  },
  {
    route: 'PATCH /api/uploads/:id',
    resource: "someone else's upload",
    expect: [401, 403, 403, 403, 404, 403, 403, 403, 403],
    build: async (t, me) => ({
      method: 'PATCH',
      url: `/api/uploads/${await bidSubmission(t, me, 'other')}`,
      headers: { 'tus-resumable': '1.0.0', 'upload-offset': '0', 'content-type': 'application/offset+octet-stream' },
    }),
  },
  {
    route: 'DELETE /api/uploads/:id',
    resource: "someone else's upload",
    expect: [401, 403, 403, 403, 404, 403, 403, 403, 403],
    build: async (t, me) => ({
      method: 'DELETE',
      url: `/api/uploads/${await bidSubmission(t, me, 'other')}`,
      headers: { 'tus-resumable': '1.0.0' },
    }),
  },
  // The opening hall (ADR 0016): public to read; acting needs a place in the hall (host, bidder, supervisor), else
  // 403 HALL_ROLE_REQUIRED; a supervisor without a usable certificate fails its signature check (422).
  {
    route: 'GET /api/openings/:lotId',
    resource: 'an open hall',
    expect: [200, 200, 200, 200, 200, 200, 200, 200, 200],
    build: async (t, me) => get(`/api/openings/${(await hallFor(t, me)).lotId}`),
  },
  {
    route: 'GET /api/openings/:lotId/sign-in-statement',
    resource: 'an open hall',
    expect: [401, 200, 200, 200, 200, 200, 200, 200, 200],
    build: async (t, me) => get(`/api/openings/${(await hallFor(t, me)).lotId}/sign-in-statement`),
  },
  {
    route: 'POST /api/openings/:lotId/sign-in',
    resource: 'an open hall where I have no bid',
    expect: [401, 403, 403, 422, 403, 403, 422, 403, 403],
    codes: { 403: 'HALL_ROLE_REQUIRED', 422: 'HALL_SIGNATURE_INVALID' },
    build: async (t, me) =>
      post(`/api/openings/${(await hallFor(t, me)).lotId}/sign-in`, { signature: 'ab'.repeat(64) }),
  },
  {
    route: 'POST /api/openings/:lotId/start',
    resource: 'an open hall another organisation hosts',
    expect: [401, 403, 403, 403, 403, 403, 403, 403, 403],
    codes: { 403: 'HALL_ROLE_REQUIRED' },
    build: async (t, me) => post(`/api/openings/${(await hallFor(t, me)).lotId}/start`),
  },
  {
    route: 'POST /api/openings/:lotId/start',
    resource: 'an open hall my organisation hosts',
    expect: [401, 204, 204, 403, 403, 403, 403, 403, 403],
    codes: { 403: 'HALL_ROLE_REQUIRED' },
    build: async (t, me) => post(`/api/openings/${(await hallFor(t, me, { host: true })).lotId}/start`),
  },
  {
    route: 'GET /api/openings/:lotId/bids/:submissionId/envelope',
    resource: "another supplier's bid in the hall",
    expect: [401, 403, 403, 403, 403, 403, 403, 403, 403],
    codes: { 403: 'HALL_ROLE_REQUIRED' },
    build: async (t, me) => {
      const h = await hallFor(t, me);
      return get(`/api/openings/${h.lotId}/bids/${h.submissionId}/envelope`);
    },
  },
  {
    route: 'GET /api/openings/:lotId/bids/:submissionId/envelope',
    resource: "my organisation's bid in the hall",
    expect: [401, 403, 403, 403, 200, 403, 403, 403, 403],
    codes: { 403: 'HALL_ROLE_REQUIRED' },
    build: async (t, me) => {
      const h = await hallFor(t, me, { bid: 'mine' });
      return get(`/api/openings/${h.lotId}/bids/${h.submissionId}/envelope`);
    },
  },
  {
    route: 'POST /api/openings/:lotId/bids/:submissionId/key',
    resource: "another supplier's bid, decryption running",
    expect: [401, 403, 403, 403, 403, 403, 403, 403, 403],
    codes: { 403: 'HALL_ROLE_REQUIRED' },
    build: async (t, me) => {
      const h = await hallFor(t, me, { state: 'decrypting' });
      return post(`/api/openings/${h.lotId}/bids/${h.submissionId}/key`, { contentKey: 'ab'.repeat(16) });
    },
  },
  {
    route: 'GET /api/openings/:lotId/bids/:submissionId/recovery-share',
    resource: 'a bid whose key escrow names the caller',
    expect: [401, 200, 200, 200, 200, 200, 200, 200, 200],
    build: async (t, me) => {
      const h = await escrowedHallBid(t, me, 'me');
      return get(`/api/openings/${h.lotId}/bids/${h.submissionId}/recovery-share`);
    },
  },
  {
    route: 'GET /api/openings/:lotId/bids/:submissionId/recovery-share',
    resource: 'a bid whose key escrow names others',
    expect: [401, 404, 404, 404, 404, 404, 404, 404, 404],
    build: async (t, me) => {
      const h = await escrowedHallBid(t, me, 'other');
      return get(`/api/openings/${h.lotId}/bids/${h.submissionId}/recovery-share`);
    },
  },
  {
    route: 'POST /api/openings/:lotId/bids/:submissionId/recovery-shares',
    resource: 'a bid whose key escrow names the caller, decrypting, a share that is not theirs',
    expect: [401, 422, 422, 422, 422, 422, 422, 422, 422],
    codes: { 422: 'RECOVERY_SHARE_REFUSED' },
    build: async (t, me) => {
      const h = await escrowedHallBid(t, me, 'me');
      return post(`/api/openings/${h.lotId}/bids/${h.submissionId}/recovery-shares`, {
        share: 'ab'.repeat(17),
        reason: '测试理由',
      });
    },
  },
  {
    route: 'POST /api/openings/:lotId/bids/:submissionId/recovery-shares',
    resource: 'a bid whose key escrow names others, decrypting',
    expect: [401, 404, 404, 404, 404, 404, 404, 404, 404],
    build: async (t, me) => {
      const h = await escrowedHallBid(t, me, 'other');
      return post(`/api/openings/${h.lotId}/bids/${h.submissionId}/recovery-shares`, {
        share: 'ab'.repeat(17),
        reason: '测试理由',
      });
    },
  },
  {
    route: 'POST /api/openings/:lotId/close',
    resource: 'a decrypting hall another organisation hosts',
    expect: [401, 403, 403, 403, 403, 403, 403, 403, 403],
    codes: { 403: 'HALL_ROLE_REQUIRED' },
    build: async (t, me) => post(`/api/openings/${(await hallFor(t, me, { state: 'decrypting' })).lotId}/close`),
  },
  {
    route: 'POST /api/openings/:lotId/bids/:submissionId/confirm',
    resource: "another supplier's bid at the read-out",
    expect: [401, 403, 403, 403, 403, 403, 403, 403, 403],
    codes: { 403: 'HALL_ROLE_REQUIRED' },
    build: async (t, me) => {
      const h = await hallFor(t, me, { state: 'read_out' });
      return post(`/api/openings/${h.lotId}/bids/${h.submissionId}/confirm`, { decision: 'confirm' });
    },
  },
  {
    route: 'POST /api/openings/:lotId/bids/:submissionId/answer',
    resource: 'a bid at the read-out of a hall another organisation hosts',
    expect: [401, 403, 403, 403, 403, 403, 403, 403, 403],
    codes: { 403: 'HALL_ROLE_REQUIRED' },
    build: async (t, me) => {
      const h = await hallFor(t, me, { state: 'read_out' });
      return post(`/api/openings/${h.lotId}/bids/${h.submissionId}/answer`, { text: '以开标一览表为准' });
    },
  },
  {
    route: 'GET /api/openings/:lotId/record',
    resource: 'a hall at the read-out',
    expect: [200, 200, 200, 200, 200, 200, 200, 200, 200],
    build: async (t, me) => get(`/api/openings/${(await hallFor(t, me, { state: 'read_out' })).lotId}/record`),
  },
  {
    route: 'POST /api/openings/:lotId/record/sign',
    resource: 'a hall at the read-out another organisation hosts',
    expect: [401, 403, 403, 409, 403, 403, 409, 403, 403],
    codes: { 403: 'HALL_ROLE_REQUIRED', 409: 'HALL_STATE' },
    build: async (t, me) =>
      post(`/api/openings/${(await hallFor(t, me, { state: 'read_out' })).lotId}/record/sign`, {
        signature: 'ab'.repeat(64),
      }),
  },
  {
    route: 'GET /api/openings/:lotId/record.pdf',
    resource: 'a hall whose record is not published yet',
    expect: [404, 404, 404, 404, 404, 404, 404, 404, 404],
    build: async (t, me) => get(`/api/openings/${(await hallFor(t, me, { state: 'read_out' })).lotId}/record.pdf`),
  },
  // Recordings of the opening (issue 4 point 8): the host records; only oversight plays back, others get 404.
  {
    route: 'POST /api/recordings',
    resource: 'a lot whose opening I host (others: any lot)',
    expect: [401, 201, 201, 403, 403, 403, 403, 403, 403],
    build: async (t, me) =>
      post('/api/recordings', { lotId: (await hostedLot(t, me)).lotId, mimeType: 'video/webm;codecs=vp8,opus' }),
  },
  {
    route: 'PUT /api/recordings/:id/chunks/:seq',
    resource: 'my own recording (the next chunk)',
    expect: [401, 200, 200, 403, 403, 403, 403, 403, 403],
    build: async (t, me) => chunkUpload(await recordingOf(t, me, 'own'), 1),
  },
  {
    route: 'PUT /api/recordings/:id/chunks/:seq',
    resource: "another host's recording",
    expect: [401, 404, 404, 403, 403, 403, 403, 403, 403],
    build: async (t, me) => chunkUpload(await recordingOf(t, me, 'other'), 1),
  },
  {
    route: 'POST /api/recordings/:id/stop',
    resource: "another host's recording",
    expect: [401, 404, 404, 403, 403, 403, 403, 403, 403],
    build: async (t, me) => post(`/api/recordings/${await recordingOf(t, me, 'other')}/stop`),
  },
  {
    route: 'POST /api/recordings/:id/stop',
    resource: 'my own recording',
    expect: [401, 200, 200, 403, 403, 403, 403, 403, 403],
    build: async (t, me) => post(`/api/recordings/${await recordingOf(t, me, 'own')}/stop`),
  },
  {
    route: 'GET /api/recordings',
    resource: "a lot's recordings",
    expect: [401, 404, 404, 200, 404, 404, 200, 404, 200],
    build: async (t, me) => {
      const id = await recordingOf(t, me, 'other');
      const [rec] = await t.services.db.select().from(openingRecordings).where(eq(openingRecordings.id, id));
      return get(`/api/recordings?lotId=${rec?.lotId ?? ''}`, (res) =>
        expect(res.json<{ items: { id: string }[] }>().items.map((r) => r.id)).toEqual([id]),
      );
    },
  },
  {
    route: 'GET /api/recordings/:id',
    resource: "a host's recording (the host too: playback is for oversight)",
    expect: [401, 404, 404, 200, 404, 404, 200, 404, 200],
    build: async (t, me) => get(`/api/recordings/${await recordingOf(t, me, 'own')}`),
  },
  {
    route: 'GET /api/recordings/:id/media',
    resource: "a host's recording (the host too: playback is for oversight)",
    expect: [401, 404, 404, 200, 404, 404, 200, 404, 200],
    build: async (t, me) =>
      get(`/api/recordings/${await recordingOf(t, me, 'own')}/media`, (res) =>
        expect(res.rawPayload.equals(RECORDED)).toBe(true),
      ),
  },
  // Transaction certificates (ADR 0020): verification is public and needs no account; revocation is the centre's.
  {
    route: 'GET /api/verify/certificates/:number',
    resource: 'an issued certificate',
    expect: [200, 200, 200, 200, 200, 200, 200, 200, 200],
    build: async (t) =>
      get(`/api/verify/certificates/${(await sharedCertificate(t)).number}`, (res) =>
        expect(res.json()).toMatchObject({ status: 'valid', signature: { valid: true } }),
      ),
  },
  {
    route: 'GET /api/verify/certificates/:number',
    resource: 'a number never issued',
    expect: [404, 404, 404, 404, 404, 404, 404, 404, 404],
    codes: { 404: 'TRANSACTION_CERTIFICATE_NOT_FOUND' },
    build: async () => get('/api/verify/certificates/JYZM-2026-999999'),
  },
  {
    route: 'GET /api/verify/certificates/:number/pdf',
    resource: 'an issued certificate',
    expect: [200, 200, 200, 200, 200, 200, 200, 200, 200],
    build: async (t) => {
      const { number, pdf } = await sharedCertificate(t);
      return get(`/api/verify/certificates/${number}/pdf`, (res) => expect(res.rawPayload.equals(pdf)).toBe(true));
    },
  },
  {
    route: 'POST /api/verify/certificates/:number/check',
    resource: 'the original PDF of an issued certificate',
    expect: [200, 200, 200, 200, 200, 200, 200, 200, 200],
    build: async (t) => {
      const { number, pdf } = await sharedCertificate(t);
      return {
        method: 'POST',
        url: `/api/verify/certificates/${number}/check`,
        payload: pdf,
        headers: { 'content-type': 'application/pdf' },
        check: (res) => expect(res.json()).toMatchObject({ genuine: true, unchanged: true }),
      };
    },
  },
  {
    route: 'GET /api/transaction-certificates',
    resource: 'the certificates issued',
    expect: [401, 403, 403, 200, 403, 403, 200, 403, 200],
    build: async (t) => {
      const { number } = await sharedCertificate(t);
      return get('/api/transaction-certificates', (res) =>
        expect(res.json<{ items: { number: string }[] }>().items.map((i) => i.number)).toContain(number),
      );
    },
  },
  // The expert draw (C11, ADR 0019): the host requests and runs it and sees seats without names; oversight (the
  // supervisor and the centre, not the administrator) sees names and verifies; a drawn expert answers their own seat.
  {
    route: 'GET /api/expert-draws/lots/:lotId',
    resource: 'a drawn lot I host (a supplier: I bid on it; an expert: I was drawn)',
    expect: [401, 200, 200, 200, 404, 404, 200, 404, 404],
    build: async (t, me) => {
      const d = await drawFixture(t, me, { host: true, stage: 'drawn', meInPool: true });
      return get(`/api/expert-draws/lots/${d.lotId}`, (res) => {
        const body = res.json<{ viewAs: string; seats: { expert: unknown }[] }>();
        expect(body.seats.length).toBeGreaterThanOrEqual(5);
        // Names for oversight only; the host sees seats and statuses.
        for (const seat of body.seats) expect(seat.expert === null).toBe(body.viewAs === 'host');
      });
    },
  },
  {
    route: 'POST /api/expert-draws',
    resource: 'a published lot I host (others: someone else’s)',
    expect: [401, 201, 201, 403, 403, 403, 403, 403, 403],
    build: async (t, me) => {
      const d = await drawFixture(t, me, { host: true, stage: 'pool' });
      return post('/api/expert-draws', { lotId: d.lotId, includeRegions: [d.region], recentDrawDays: 0 });
    },
  },
  {
    route: 'POST /api/expert-draws',
    resource: "a lot of someone else's draft",
    expect: [401, 404, 404, 403, 403, 403, 403, 403, 403],
    build: async (t, me) => {
      const { projectId } = await projectFixture(t, me, { whose: 'other' });
      const [lot] = await t.services.db.select().from(lots).where(eq(lots.projectId, projectId));
      return post('/api/expert-draws', { lotId: lot?.id ?? '' });
    },
  },
  {
    route: 'POST /api/expert-draws/:id/draw',
    resource: 'a committed draw of a lot I host',
    expect: [401, 200, 200, 403, 403, 403, 403, 403, 403],
    build: async (t, me) =>
      post(`/api/expert-draws/${(await drawFixture(t, me, { host: true, stage: 'requested' })).drawId}/draw`),
  },
  {
    route: 'POST /api/expert-draws/:id/draw',
    resource: 'a committed draw someone else hosts',
    expect: [401, 404, 404, 403, 403, 403, 403, 403, 403],
    build: async (t, me) =>
      post(`/api/expert-draws/${(await drawFixture(t, me, { host: false, stage: 'requested' })).drawId}/draw`),
  },
  {
    route: 'POST /api/expert-draws/:id/supplementary',
    resource: 'a draw I host with an empty seat and no reserve left',
    expect: [401, 201, 201, 403, 403, 403, 403, 403, 403],
    build: async (t, me) => {
      const d = await drawFixture(t, me, { host: true, stage: 'vacant' });
      return post(`/api/expert-draws/${d.drawId}/supplementary`, { reserves: 1 });
    },
  },
  {
    route: 'POST /api/expert-draws/:id/supplementary',
    resource: 'a draw someone else hosts, with an empty seat',
    expect: [401, 404, 404, 403, 403, 403, 403, 403, 403],
    build: async (t, me) => {
      const d = await drawFixture(t, me, { host: false, stage: 'vacant' });
      return post(`/api/expert-draws/${d.drawId}/supplementary`, { reserves: 1 });
    },
  },
  {
    route: 'GET /api/expert-draws',
    resource: 'every draw (one drawn now)',
    expect: [401, 403, 403, 200, 403, 403, 200, 403, 403],
    build: async (t, me) => {
      const d = await drawFixture(t, me, { host: false, stage: 'drawn' });
      return get('/api/expert-draws', (res) =>
        expect(res.json<{ items: { id: string }[] }>().items.map((i) => i.id)).toContain(d.drawId),
      );
    },
  },
  {
    route: 'POST /api/transaction-certificates/:number/revoke',
    resource: 'an issued certificate',
    expect: [401, 403, 403, 200, 403, 403, 403, 403, 403],
    build: async (t) =>
      post(`/api/transaction-certificates/${await newCertificate(t)}/revoke`, { reason: '投诉处理决定撤销中标结果' }),
  },
  {
    route: 'POST /api/transaction-certificates/:number/revoke',
    resource: 'a certificate already revoked',
    expect: [401, 403, 403, 409, 403, 403, 403, 403, 403],
    codes: { 409: 'TRANSACTION_CERTIFICATE_REVOKED' },
    build: async (t) =>
      post(`/api/transaction-certificates/${await newCertificate(t, { revoked: true })}/revoke`, {
        reason: '投诉处理决定撤销中标结果',
      }),
  },
  {
    route: 'GET /api/expert-draws/:id/verification',
    resource: 'a drawn draw (I host it, when I can host)',
    expect: [401, 403, 403, 200, 403, 403, 200, 403, 403],
    build: async (t, me) => {
      const d = await drawFixture(t, me, { host: true, stage: 'drawn' });
      return get(`/api/expert-draws/${d.drawId}/verification`, (res) => {
        const body = res.json<{ seed: string | null; verification: { ok: boolean } | null }>();
        expect(body.seed).toMatch(/^[0-9a-f]{64}$/);
        expect(body.verification?.ok).toBe(true);
      });
    },
  },
  {
    route: 'GET /api/expert-invitations',
    resource: 'my invitations (an expert drawn as a member)',
    expect: [401, 403, 403, 403, 403, 200, 403, 403, 403],
    build: async (t, me) => {
      const d = await drawFixture(t, me, { host: false, stage: 'drawn', meInPool: true, reserves: 0 });
      return get('/api/expert-invitations', (res) =>
        expect(res.json<{ items: { id: string }[] }>().items.map((i) => i.id)).toEqual([d.mySeatId]),
      );
    },
  },
  {
    route: 'POST /api/expert-invitations/:id/confirm',
    resource: 'my invitation (an expert drawn as a member)',
    expect: [401, 403, 403, 403, 403, 200, 403, 403, 403],
    build: async (t, me) => {
      const d = await drawFixture(t, me, { host: false, stage: 'drawn', meInPool: true, reserves: 0 });
      return post(`/api/expert-invitations/${d.mySeatId ?? d.otherSeatId}/confirm`);
    },
  },
  {
    route: 'POST /api/expert-invitations/:id/confirm',
    resource: "another expert's invitation",
    expect: [401, 403, 403, 403, 403, 404, 403, 403, 403],
    build: async (t, me) =>
      post(
        `/api/expert-invitations/${(await drawFixture(t, me, { host: false, stage: 'drawn' })).otherSeatId}/confirm`,
      ),
  },
  {
    route: 'POST /api/expert-invitations/:id/decline',
    resource: 'my invitation (an expert drawn as a member)',
    expect: [401, 403, 403, 403, 403, 200, 403, 403, 403],
    build: async (t, me) => {
      const d = await drawFixture(t, me, { host: false, stage: 'drawn', meInPool: true, reserves: 0 });
      return post(`/api/expert-invitations/${d.mySeatId ?? d.otherSeatId}/decline`, { reason: '当日另有评审任务' });
    },
  },
  {
    route: 'POST /api/expert-invitations/:id/decline',
    resource: "another expert's invitation",
    expect: [401, 403, 403, 403, 403, 404, 403, 403, 403],
    build: async (t, me) =>
      post(
        `/api/expert-invitations/${(await drawFixture(t, me, { host: false, stage: 'drawn' })).otherSeatId}/decline`,
        {
          reason: '当日另有评审任务',
        },
      ),
  },
  // The award and challenges (C13, C14, ADR 0021): the purchaser confirms, the host publishes, the supervisor extends,
  // the purchaser or supervisor suspends while a challenge is pending; bidders challenge and read their letters.
  {
    route: 'GET /api/lots/:lotId/award',
    resource: 'a reported lot I am purchaser/host of (a supplier: I bid on it, before publication)',
    expect: [401, 200, 200, 200, 404, 404, 200, 404, 404],
    build: async (t, me) => {
      const f = await awardFixture(t, me, 'reported');
      return get(`/api/lots/${f.lotId}/award`, (res) => expect(res.json<{ state: string }>().state).toBe('reported'));
    },
  },
  {
    route: 'POST /api/lots/:lotId/award/confirm',
    resource: 'a reported lot whose purchaser I am',
    expect: [401, 200, 403, 403, 403, 403, 403, 403, 403],
    build: async (t, me) => post(`/api/lots/${(await awardFixture(t, me, 'reported')).lotId}/award/confirm`, {}),
  },
  {
    route: 'POST /api/lots/:lotId/award/confirm',
    resource: "someone else's reported lot",
    expect: [401, 404, 403, 403, 403, 403, 403, 403, 403],
    build: async (t) => post(`/api/lots/${(await awardFixture(t, null, 'reported')).lotId}/award/confirm`, {}),
  },
  {
    route: 'POST /api/lots/:lotId/award/extend',
    resource: 'a reported lot (a supervisor oversees every lot)',
    expect: [401, 403, 403, 403, 403, 403, 200, 403, 403],
    build: async (t, me) =>
      post(`/api/lots/${(await awardFixture(t, me, 'reported')).lotId}/award/extend`, {
        workingDays: 2,
        reason: '采购人负责人出差，经批准延期',
      }),
  },
  {
    route: 'POST /api/lots/:lotId/award/publish',
    resource: 'a confirmed lot I host',
    expect: [401, 200, 200, 403, 403, 403, 403, 403, 403],
    build: async (t, me) => post(`/api/lots/${(await awardFixture(t, me, 'confirmed')).lotId}/award/publish`),
  },
  {
    route: 'POST /api/lots/:lotId/award/publish',
    resource: 'a confirmed lot someone else hosts',
    expect: [401, 404, 404, 403, 403, 403, 403, 403, 403],
    build: async (t) => post(`/api/lots/${(await awardFixture(t, null, 'confirmed')).lotId}/award/publish`),
  },
  {
    route: 'POST /api/lots/:lotId/award/suspend',
    resource: 'a published lot with a pending challenge, whose purchaser I am',
    expect: [401, 200, 403, 403, 403, 403, 200, 403, 403],
    build: async (t, me) =>
      post(`/api/lots/${(await awardFixture(t, me, 'challenged')).lotId}/award/suspend`, {
        reason: '质疑处理期间暂停',
      }),
  },
  {
    route: 'POST /api/lots/:lotId/award/resume',
    resource: 'a suspended award, whose purchaser I am',
    expect: [401, 200, 403, 403, 403, 403, 200, 403, 403],
    build: async (t, me) =>
      post(`/api/lots/${(await awardFixture(t, me, 'suspended')).lotId}/award/resume`, { reason: '质疑已答复' }),
  },
  {
    route: 'GET /api/award-letters',
    resource: 'my organisation’s letters (a supplier: I bid on a published lot)',
    expect: [401, 403, 403, 403, 200, 403, 403, 403, 403],
    build: async (t, me) => {
      await awardFixture(t, me, 'published');
      return get('/api/award-letters', (res) =>
        expect(res.json<{ items: { kind: string }[] }>().items.map((i) => i.kind)).toEqual(['result']),
      );
    },
  },
  {
    route: 'GET /api/lots/:lotId/challenges',
    resource: 'a challenged lot I am purchaser/host of (a supplier: I bid on it, the challenge is another’s)',
    expect: [401, 200, 200, 200, 200, 404, 200, 404, 404],
    build: async (t, me) => {
      const f = await awardFixture(t, me, 'challenged');
      return get(`/api/lots/${f.lotId}/challenges`, (res) =>
        expect(res.json<{ items: unknown[] }>().items).toHaveLength(me?.role === 'supplier' ? 0 : 1),
      );
    },
  },
  {
    route: 'POST /api/lots/:lotId/challenges',
    resource: 'a published lot I bid on',
    expect: [401, 403, 403, 403, 201, 403, 403, 403, 403],
    build: async (t, me) =>
      post(`/api/lots/${(await awardFixture(t, me, 'published')).lotId}/challenges`, {
        grounds: '中标供应商的业绩证明材料与实际不符，请核实。',
      }),
  },
  {
    route: 'POST /api/challenges/:id/answer',
    resource: 'another bidder’s challenge of a lot I host (a supplier: I bid on the lot too)',
    expect: [401, 200, 200, 403, 404, 404, 403, 404, 404],
    codes: { 403: 'AWARD_ROLE_REQUIRED' },
    build: async (t, me) =>
      post(`/api/challenges/${(await awardFixture(t, me, 'challenged')).challengeId ?? ''}/answer`, {
        answer: '经核实，中标供应商的业绩证明材料真实有效，质疑不成立。',
      }),
  },
  // The evaluation's result, questions to bidders, report and signatures (C12, ADR 0021): the committee (its leader
  // acts), oversight reads, the bidder answers its own questions; anyone else is told "not found".
  {
    route: 'GET /api/lots/:lotId/evaluation/results',
    resource: 'an evaluation being scored (an expert: I lead its committee)',
    expect: [401, 404, 404, 200, 404, 200, 200, 404, 404],
    build: async (t, me) =>
      get(`/api/lots/${(await evaluationFor(t, me, { stage: 'scoring', meLeads: true })).lotId}/evaluation/results`),
  },
  {
    route: 'POST /api/lots/:lotId/evaluation/compute',
    resource: 'an evaluation with every score in (an expert: I lead its committee)',
    expect: [401, 404, 404, 403, 404, 200, 403, 404, 404],
    codes: { 403: 'EVALUATION_ROLE_REQUIRED' },
    build: async (t, me) =>
      post(`/api/lots/${(await evaluationFor(t, me, { stage: 'scoring', meLeads: true })).lotId}/evaluation/compute`),
  },
  {
    route: 'POST /api/lots/:lotId/evaluation/queries',
    resource: 'a computed evaluation with an abnormally low bid (an expert: I lead its committee)',
    expect: [401, 404, 404, 403, 404, 201, 403, 404, 404],
    codes: { 403: 'EVALUATION_ROLE_REQUIRED' },
    build: async (t, me) => {
      const f = await evaluationFor(t, me, { stage: 'computed', meLeads: true });
      return post(`/api/lots/${f.lotId}/evaluation/queries`, {
        kind: 'abnormal_price',
        submissionId: f.bidders[0]?.submissionId,
        question: '请书面说明报价的合理性',
      });
    },
  },
  {
    route: 'POST /api/lots/:lotId/evaluation/queries/:queryId/decision',
    resource: 'an explanation awaiting the committee (an expert: I lead it)',
    expect: [401, 404, 404, 403, 404, 204, 403, 404, 404],
    codes: { 403: 'EVALUATION_ROLE_REQUIRED' },
    build: async (t, me) => {
      const f = await evaluationFor(t, me, { stage: 'computed', meLeads: true });
      const queryId = await queryFor(t, f, 'answered-explanation');
      return post(`/api/lots/${f.lotId}/evaluation/queries/${queryId}/decision`, {
        decision: 'accepted',
        reason: '说明合理，接受',
      });
    },
  },
  {
    route: 'POST /api/lots/:lotId/evaluation/report/fix',
    resource: 'a computed evaluation (an expert: I lead its committee)',
    expect: [401, 404, 404, 403, 404, 200, 403, 404, 404],
    codes: { 403: 'EVALUATION_ROLE_REQUIRED' },
    build: async (t, me) =>
      post(
        `/api/lots/${(await evaluationFor(t, me, { stage: 'computed', meLeads: true })).lotId}/evaluation/report/fix`,
      ),
  },
  {
    route: 'GET /api/lots/:lotId/evaluation/report',
    resource: 'a report being signed (an expert: I sit on its committee)',
    expect: [401, 404, 404, 200, 404, 200, 200, 404, 404],
    build: async (t, me) =>
      get(`/api/lots/${(await evaluationFor(t, me, { stage: 'signing', meLeads: true })).lotId}/evaluation/report`),
  },
  {
    route: 'GET /api/lots/:lotId/evaluation/report.pdf',
    resource: 'a report being signed (an expert: I sit on its committee)',
    expect: [401, 404, 404, 200, 404, 200, 200, 404, 404],
    build: async (t, me) =>
      get(`/api/lots/${(await evaluationFor(t, me, { stage: 'signing', meLeads: true })).lotId}/evaluation/report.pdf`),
  },
  {
    route: 'POST /api/lots/:lotId/evaluation/report/sign',
    resource: 'a report being signed (an expert: I sit on its committee, with a certificate)',
    expect: [401, 404, 404, 403, 404, 200, 403, 404, 404],
    codes: { 403: 'EVALUATION_ROLE_REQUIRED' },
    build: async (t, me) => {
      const f = await evaluationFor(t, me, { stage: 'signing', meLeads: true });
      let signature = 'ab'.repeat(64);
      if (me?.role === 'expert') {
        const { keys } = await issueTestCertificates(t, { userId: me.userId, organisationId: null });
        const [row] = await t.services.db.select().from(evaluations).where(eq(evaluations.lotId, f.lotId));
        const statement = evaluationReportStatement(f.lotId, row?.reportHash ?? '', null);
        signature = await getSuite(keys.suite).sign(keys.signing.privateKey, canonicalBytes(statement));
      }
      return post(`/api/lots/${f.lotId}/evaluation/report/sign`, { signature });
    },
  },
  {
    route: 'GET /api/evaluation-queries/mine',
    resource: 'my organisation’s evaluation questions',
    expect: [401, 403, 403, 403, 200, 403, 403, 403, 403],
    build: async () => get('/api/evaluation-queries/mine'),
  },
  {
    route: 'POST /api/evaluation-queries/:queryId/answer',
    resource: 'a correction put to my organisation',
    expect: [401, 403, 403, 403, 204, 403, 403, 403, 403],
    build: async (t, me) => {
      const f = await evaluationFor(t, me, { stage: 'computed' });
      const queryId = await queryFor(t, f, 'open-correction', me?.role === 'supplier' ? me.organisationId : null);
      return post(`/api/evaluation-queries/${queryId}/answer`, { action: 'confirm' });
    },
  },
  {
    route: 'POST /api/evaluation-queries/:queryId/answer',
    resource: 'a correction put to another organisation',
    expect: [401, 403, 403, 403, 404, 403, 403, 403, 403],
    build: async (t, me) => {
      const f = await evaluationFor(t, me, { stage: 'computed' });
      const queryId = await queryFor(t, f, 'open-correction');
      return post(`/api/evaluation-queries/${queryId}/answer`, { action: 'confirm' });
    },
  },
  // The evaluation's reviews (C12, ADR 0021): the host starts it and reviews qualifications; the committee (the
  // lot's confirmed seats) reviews compliance, elects its leader and scores; oversight sees all, acts on nothing.
  // Anyone else — bidders, a purchaser that entrusted an agency, experts of other lots — is told "not found".
  {
    route: 'GET /api/lots/:lotId/evaluation',
    resource: 'a lot being scored that I host (a supplier: I bid on it; an expert: I sit on it)',
    expect: [401, 200, 200, 200, 404, 200, 200, 404, 404],
    build: async (t, me) => {
      const f = await reviewEvaluationFor(t, me, { host: true, member: true, bidder: true, stage: 'scored' });
      return get(evaluationUrl(f.lotId), (res) => {
        const body = res.json<{ viewAs: string; scores: { expertUserId: string }[]; members: { name: unknown }[] }>();
        // The host sees no score and no name; a member their own scores only; oversight everything.
        if (body.viewAs === 'host')
          expect([body.scores, body.members.every((m) => m.name === null)]).toEqual([[], true]);
        if (body.viewAs === 'member')
          expect(new Set(body.scores.map((s) => s.expertUserId))).toEqual(new Set([me?.userId]));
        if (body.viewAs === 'oversight') expect(body.scores).toHaveLength(8);
      });
    },
  },
  {
    route: 'GET /api/lots/:lotId/evaluation',
    resource: "someone else's lot being evaluated",
    expect: [401, 404, 404, 200, 404, 404, 200, 404, 404],
    build: async (t, me) => get(evaluationUrl((await reviewEvaluationFor(t, me, { stage: 'qualification' })).lotId)),
  },
  {
    route: 'GET /api/lots/:lotId/evaluation/bids/:submissionId/files/:index',
    resource:
      "a file of an opened bid on a lot being evaluated that I host (a supplier: it is my bid's; an expert: I sit on it)",
    expect: [401, 200, 200, 200, 404, 200, 200, 404, 404],
    build: async (t, me) => {
      const f = await reviewEvaluationFor(t, me, { host: true, member: true, bidder: true, stage: 'qualification' });
      return get(evaluationUrl(f.lotId, `/bids/${f.bidders[0]?.submissionId}/files/0`));
    },
  },
  {
    route: 'GET /api/lots/:lotId/evaluation/bids/:submissionId/files/:index',
    resource: "a file of an opened bid on someone else's lot being evaluated",
    expect: [401, 404, 404, 200, 404, 404, 200, 404, 404],
    build: async (t, me) => {
      const f = await reviewEvaluationFor(t, me, { stage: 'qualification' });
      return get(evaluationUrl(f.lotId, `/bids/${f.bidders[0]?.submissionId}/files/0`));
    },
  },
  {
    route: 'POST /api/lots/:lotId/evaluation/start',
    resource: 'a lot I host, opening published and committee complete',
    expect: [401, 201, 201, 403, 403, 403, 403, 403, 403],
    build: async (t, me) =>
      post(evaluationUrl((await reviewEvaluationFor(t, me, { host: true, stage: 'ready' })).lotId, '/start')),
  },
  {
    route: 'POST /api/lots/:lotId/evaluation/start',
    resource: 'a lot someone else hosts (a supplier: I bid on it; an expert: I sit on it)',
    expect: [401, 404, 404, 403, 403, 403, 403, 403, 403],
    build: async (t, me) =>
      post(
        evaluationUrl(
          (await reviewEvaluationFor(t, me, { member: true, bidder: true, stage: 'ready' })).lotId,
          '/start',
        ),
      ),
  },
  {
    route: 'PUT /api/lots/:lotId/evaluation/qualifications/:submissionId',
    resource: 'a bid of a lot I host, at the qualification review',
    expect: [401, 200, 200, 403, 403, 403, 403, 403, 403],
    build: async (t, me) => {
      const f = await reviewEvaluationFor(t, me, { host: true, stage: 'qualification' });
      return put(evaluationUrl(f.lotId, `/qualifications/${f.bidders[0]?.submissionId}`), { passed: true });
    },
  },
  {
    route: 'POST /api/lots/:lotId/evaluation/qualification/finish',
    resource: 'a lot I host, every bid reviewed',
    expect: [401, 200, 200, 403, 403, 403, 403, 403, 403],
    build: async (t, me) =>
      post(
        evaluationUrl(
          (await reviewEvaluationFor(t, me, { host: true, stage: 'qualified' })).lotId,
          '/qualification/finish',
        ),
      ),
  },
  {
    route: 'PUT /api/lots/:lotId/evaluation/compliance/:submissionId',
    resource: 'a qualified bid of a lot I sit on, at the compliance review (I host it, when I can)',
    expect: [401, 403, 403, 403, 403, 200, 403, 403, 403],
    build: async (t, me) => {
      const f = await reviewEvaluationFor(t, me, { host: true, member: true, stage: 'compliance' });
      return put(evaluationUrl(f.lotId, `/compliance/${f.bidders[0]?.submissionId}`), { passed: true });
    },
  },
  {
    route: 'POST /api/lots/:lotId/evaluation/compliance/submit',
    resource: 'my compliance review of every qualified bid',
    expect: [401, 403, 403, 403, 403, 200, 403, 403, 403],
    build: async (t, me) =>
      post(
        evaluationUrl(
          (await reviewEvaluationFor(t, me, { member: true, stage: 'complied' })).lotId,
          '/compliance/submit',
        ),
      ),
  },
  {
    route: 'PUT /api/lots/:lotId/evaluation/leader-vote',
    resource: 'a lot I sit on (a vote for another member)',
    expect: [401, 403, 403, 403, 403, 200, 403, 403, 403],
    build: async (t, me) => {
      const f = await reviewEvaluationFor(t, me, { member: true, stage: 'compliance' });
      return put(evaluationUrl(f.lotId, '/leader-vote'), { candidateUserId: f.experts[1] });
    },
  },
  {
    route: 'PUT /api/lots/:lotId/evaluation/scores',
    resource: 'a lot I sit on, being scored',
    expect: [401, 403, 403, 403, 403, 200, 403, 403, 403],
    build: async (t, me) => {
      const f = await reviewEvaluationFor(t, me, { member: true, stage: 'scoring' });
      return put(evaluationUrl(f.lotId, '/scores'), { scores: fullSheet(f) });
    },
  },
  {
    route: 'PUT /api/lots/:lotId/evaluation/scores',
    resource: 'a lot I was not drawn for, being scored',
    expect: [401, 403, 403, 403, 403, 404, 403, 403, 403],
    build: async (t, me) => {
      const f = await reviewEvaluationFor(t, me, { stage: 'scoring' });
      return put(evaluationUrl(f.lotId, '/scores'), { scores: fullSheet(f) });
    },
  },
  {
    route: 'POST /api/lots/:lotId/evaluation/scoring/submit',
    resource: 'my full score sheet, the leader elected',
    expect: [401, 403, 403, 403, 403, 200, 403, 403, 403],
    build: async (t, me) =>
      post(
        evaluationUrl((await reviewEvaluationFor(t, me, { member: true, stage: 'scored' })).lotId, '/scoring/submit'),
      ),
  },
  {
    route: 'POST /api/lots/:lotId/evaluation/scoring/reopen',
    resource: "another member's submitted scores, I am the leader",
    expect: [401, 403, 403, 403, 403, 200, 403, 403, 403],
    build: async (t, me) => {
      const f = await reviewEvaluationFor(t, me, { member: true, stage: 'submitted', leader: 'first' });
      return post(evaluationUrl(f.lotId, '/scoring/reopen'), {
        expertUserId: f.experts[1],
        reason: '技术分明显偏离，经评标委员会认定重新评分',
      });
    },
  },
  {
    route: 'GET /api/evaluations/mine',
    resource: 'my evaluations (an expert sitting on a lot being evaluated)',
    expect: [401, 403, 403, 403, 403, 200, 403, 403, 403],
    build: async (t, me) => {
      const f = await reviewEvaluationFor(t, me, { member: true, stage: 'qualification' });
      return get('/api/evaluations/mine', (res) =>
        expect(res.json<{ items: { lotId: string; state: string }[] }>().items).toEqual([
          expect.objectContaining({ lotId: f.lotId, state: 'qualification' }),
        ]),
      );
    },
  },
];
