import { randomUUID } from 'node:crypto';
import {
  describeFile,
  generateUserKeys,
  issueCertificate,
  randomSerial,
  sealBidStream,
  writeBidPackage,
  type ConsortiumComposition,
  type PriceSheet,
  type SealedBidEnvelope,
  type UserKeys,
} from '@zhengcai/seal';
import { toChineseCapital } from '@zhengcai/domain';
import { eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { certificates, lots, projects } from '../../src/db/schema';
import type { Session, TestApp } from './test-app';
import { makeUser } from './test-app';

const YEAR = 365 * 24 * 3600 * 1000;

/** Issues a signing + encryption certificate bundle for the user with the platform CA (as enrolment would). */
export async function issueTestCertificates(
  t: TestApp,
  user: { userId: string; organisationId: string | null },
): Promise<{ keys: UserKeys; signingId: string; encryptionId: string }> {
  const set = await t.services.platformKeys.get();
  const keys = await generateUserKeys(set.suite);
  const now = t.clock.now();
  const validity = { notBefore: new Date(now.getTime() - 60_000), notAfter: new Date(now.getTime() + YEAR) };
  const subject = { userId: user.userId, name: '测试投标人', role: 'supplier', organisationId: user.organisationId };
  const bundleId = randomUUID();
  const ids: string[] = [];
  for (const usage of ['signing', 'encryption'] as const) {
    const publicKey = usage === 'signing' ? keys.signing.publicKey : keys.encryption.publicKey;
    const serial = randomSerial();
    const cert = await issueCertificate({ ca: set.ca, subject, publicKey, usage, validity, serial });
    const [row] = await t.services.db
      .insert(certificates)
      .values({
        bundleId,
        userId: user.userId,
        organisationId: user.organisationId,
        suite: set.suite,
        usage,
        serial: cert.serial,
        subject: `CN=${subject.name}`,
        publicKey,
        fingerprint: cert.fingerprint,
        certificatePem: cert.pem,
        notBefore: validity.notBefore,
        notAfter: validity.notAfter,
        issuedAt: now,
      })
      .returning();
    if (!row) throw new Error('no certificate');
    ids.push(row.id);
  }
  return { keys, signingId: ids[0] ?? '', encryptionId: ids[1] ?? '' };
}

export async function revokeCertificate(t: TestApp, id: string): Promise<void> {
  await t.services.db
    .update(certificates)
    .set({ revokedAt: t.clock.now(), revocationReason: 'test' })
    .where(eq(certificates.id, id));
}

/** A published open-tender project with one lot (two when asked), deadline `deadlineInMs` from the clock's now. */
export async function publishedProject(t: TestApp, opts: { deadlineInMs?: number; consortiumAllowed?: boolean } = {}) {
  const purchaser = await makeUser(t, 'purchaser');
  const now = t.clock.now();
  const [project] = await t.services.db
    .insert(projects)
    .values({
      code: `ZC-TEST-${randomUUID().slice(0, 8)}`,
      title: '某市政务云服务采购项目',
      method: 'open-tender',
      category: 'services',
      purchaserOrganisationId: purchaser.organisationId ?? '',
      createdByUserId: purchaser.id,
      status: 'published',
      publishedAt: now,
      documentsAvailableFrom: now,
      documentsAvailableUntil: new Date(now.getTime() + (opts.deadlineInMs ?? 20 * 24 * 3600 * 1000)),
      bidDeadline: new Date(now.getTime() + (opts.deadlineInMs ?? 20 * 24 * 3600 * 1000)),
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  if (!project) throw new Error('no project');
  const [lot] = await t.services.db
    .insert(lots)
    .values({
      projectId: project.id,
      number: 1,
      title: '政务云平台运维服务',
      categoryCode: 'C16070000',
      budgetFen: 500_000_000,
      evaluationMethod: 'lowest-evaluated-price',
      criteria: [],
      consortiumAllowed: opts.consortiumAllowed ?? false,
      priceSheetFields: [{ key: 'warranty', label: '质保期', kind: 'text', required: true }],
      smeSmallMicroBp: 1000,
      smeConsortiumBp: opts.consortiumAllowed ? 400 : null,
    })
    .returning();
  if (!lot) throw new Error('no lot');
  return { project, lot };
}

export interface SealedUpload {
  ciphertext: Uint8Array;
  envelope: SealedBidEnvelope;
}

interface StartView {
  submissionId: string;
  context: { projectId: string; lotId: string; bidderId: string; nonce: string };
  encryptionPublicKey: string;
  suite: 'gm' | 'intl';
  consortium: ConsortiumComposition | null;
  keyEscrow: KeyEscrowIssue | null;
}

/** The key escrow the server issued at start (ADR 0015). */
export interface KeyEscrowIssue {
  threshold: number;
  holders: Array<{ holderId: string; publicKey: string; certificateId: string; name: string }>;
}

/** A consortium as the lead declares it at start. */
export interface ConsortiumInput {
  members: Array<{ uscc: string; role: 'lead' | 'member'; shareBasisPoints: number }>;
}

export function priceSheetFor(lotId: string, priceFen: number): PriceSheet {
  return {
    lotId,
    priceFen,
    priceInWords: toChineseCapital(priceFen),
    deliveryPeriod: '合同签订后30日历天',
    fields: { warranty: '三年' },
  };
}

/** What the browser does: package the price sheet and files, seal them for the bidder's own key, sign. */
export async function sealForSubmission(
  start: StartView,
  keys: UserKeys,
  sheet: PriceSheet,
  files: Array<{ name: string; bytes: Uint8Array }>,
): Promise<SealedUpload> {
  const described = [];
  for (const f of files) {
    described.push({ name: f.name, ...(await describeFile(start.suite, [f.bytes])), open: () => [f.bytes] });
  }
  const sealer = await sealBidStream({
    suite: start.suite,
    bidderPublicKey: start.encryptionPublicKey,
    signingKey: keys.signing.privateKey,
    context: start.context,
    consortium: start.consortium,
    escrow: start.keyEscrow && {
      threshold: start.keyEscrow.threshold,
      holders: start.keyEscrow.holders.map((h) => ({ holderId: h.holderId, publicKey: h.publicKey })),
    },
    plaintext: writeBidPackage(start.suite, sheet, described),
    chunkSize: 64 * 1024,
  });
  const parts: Uint8Array[] = [];
  for await (const p of sealer.ciphertext) parts.push(p);
  return { ciphertext: Buffer.concat(parts), envelope: await sealer.envelope() };
}

const b64 = (s: string) => Buffer.from(s).toString('base64');

/** tus client calls through the real routes. */
export const tus = {
  create(session: Session, submissionId: string, length: number) {
    return session.inject({
      method: 'POST',
      url: '/api/uploads',
      headers: {
        'tus-resumable': '1.0.0',
        'upload-length': String(length),
        'upload-metadata': `submissionId ${b64(submissionId)}`,
      },
    });
  },
  patch(session: Session, submissionId: string, offset: number, bytes: Uint8Array) {
    return session.inject({
      method: 'PATCH',
      url: `/api/uploads/${submissionId}`,
      headers: {
        'tus-resumable': '1.0.0',
        'upload-offset': String(offset),
        'content-type': 'application/offset+octet-stream',
      },
      payload: Buffer.from(bytes),
    });
  },
  head(session: Session, submissionId: string) {
    return session.inject({
      method: 'HEAD',
      url: `/api/uploads/${submissionId}`,
      headers: { 'tus-resumable': '1.0.0' },
    });
  },
  /** Uploads everything in pieces of `piece` bytes. */
  async upload(session: Session, submissionId: string, bytes: Uint8Array, piece = 256 * 1024) {
    const created = await tus.create(session, submissionId, bytes.length);
    if (created.statusCode !== 201) throw new Error(`tus create ${created.statusCode} ${created.body}`);
    for (let offset = 0; offset < bytes.length || (bytes.length === 0 && offset === 0); offset += piece) {
      const res = await tus.patch(session, submissionId, offset, bytes.subarray(offset, offset + piece));
      if (res.statusCode !== 204) throw new Error(`tus patch ${res.statusCode} ${res.body}`);
      if (bytes.length === 0) break;
    }
  },
};

/** The supplier obtains the project's documents (C8), as it must before bidding; obtaining twice is harmless. */
export async function obtainDocuments(session: Session, projectId: string): Promise<void> {
  const res = await session.inject({ method: 'POST', url: `/api/tenders/${projectId}/obtain` });
  if (res.statusCode >= 300) throw new Error(`obtain ${res.statusCode} ${res.body}`);
}

/** Starts a submission (obtaining the documents first); the raw answer, for refusals. */
export async function startRequest(
  session: Session,
  projectId: string,
  lotId: string,
  consortium?: ConsortiumInput,
): Promise<LightMyRequestResponse> {
  await obtainDocuments(session, projectId);
  return session.inject({
    method: 'POST',
    url: '/api/bids/submissions',
    payload: { projectId, lotId, ...(consortium ? { consortium } : {}) },
  });
}

export async function startBid(
  session: Session,
  projectId: string,
  lotId: string,
  consortium?: ConsortiumInput,
): Promise<StartView> {
  const res = await startRequest(session, projectId, lotId, consortium);
  if (res.statusCode !== 201) throw new Error(`start ${res.statusCode} ${res.body}`);
  return res.json<StartView>();
}

export function complete(
  session: Session,
  submissionId: string,
  envelope: SealedBidEnvelope,
): Promise<LightMyRequestResponse> {
  return session.inject({
    method: 'POST',
    url: `/api/bids/submissions/${submissionId}/complete`,
    payload: { ...envelope },
  });
}
