import { PROCUREMENT_METHODS, formatFen, isFen, toChineseCapital } from '@zhengcai/domain';
import { fromHex } from '@zhengcai/seal';
import type { Tx } from '../../db/client';
import { AppError, fieldError } from '../../platform/errors/app-error';
import { appendEvent, type Actor } from '../../platform/events/append-event';
import type { Services } from '../../services';
import { barRefusal } from '../barred/bar-refusal';
import { renderCertificatePdf } from './certificate-pdf';
import {
  CERTIFICATE_FACTS_TYPE,
  CERTIFICATE_PROOF_TYPE,
  SUITE_HASH,
  SUITE_SIGNATURE,
  certificateNumber,
  factsHash,
  type CertificateFacts,
  type CertificateProof,
} from './facts';
import {
  findCertificateByLot,
  findHallOutcome,
  findIssuingCentre,
  findNotice,
  findOrganisation,
  hasCountedBid,
  insertCertificate,
  lockLotWithProject,
  nextRunningNumber,
  readLedgerHead,
  type CertificateRow,
} from './repo';
import { verifyUrl } from './verify-url';

export interface IssueCertificateInput {
  lotId: string;
  winnerOrganisationId: string;
  /** 中标（成交）金额 in fen: the contract amount (the bid price, never an SME-deducted evaluation price). */
  contractAmountFen: number;
  /** The published result notice (中标/成交结果公告) of the award, when there is one. */
  resultNoticeId: string | null;
  issuedBy: Actor;
  /** Origin of the request behind the award; the QR code's address when PUBLIC_BASE_URL is not set. */
  requestOrigin?: string | null;
}

export interface IssuedCertificate {
  row: CertificateRow;
  /** False when the lot already had its certificate (that one is returned, nothing is written). */
  created: boolean;
}

const refuse = (reasonZh: string, reasonEn: string) => new AppError('AWARD_NOT_POSSIBLE', { reasonZh, reasonEn });

const fact = (o: { id: string; name: string; uscc: string | null }) => ({
  organisationId: o.id,
  name: o.name,
  uscc: o.uscc,
});

/** Everything the certificate says, read and checked inside the transaction that records it. */
async function gatherFacts(
  tx: Tx,
  s: Services,
  input: IssueCertificateInput,
  issuedAt: Date,
): Promise<Omit<CertificateFacts, 'number' | 'verifyUrl'> | CertificateRow> {
  const found = await lockLotWithProject(tx, input.lotId);
  if (!found) throw new AppError('NOT_FOUND');
  const existing = await findCertificateByLot(tx, input.lotId);
  if (existing) return existing;
  const { lot, project } = found;
  if (project.status !== 'published')
    throw refuse('项目未发布或已终止', 'the project is not published or was cancelled');
  if (!project.bidDeadline || project.bidDeadline > issuedAt) {
    throw refuse('投标截止（开标）前不能确定成交', 'no award can be made before the bid deadline (the opening)');
  }
  if ((await findHallOutcome(tx, lot.id)) === 'failed') throw refuse('该包已流标', 'the lot failed at the opening');
  const winner = await findOrganisation(tx, input.winnerOrganisationId);
  if (!winner || winner.kind !== 'supplier' || winner.status !== 'active') {
    throw fieldError(
      'winnerOrganisationId',
      '成交供应商不是平台上正常状态的供应商',
      'The winner is not an active supplier',
    );
  }
  if (!(await hasCountedBid(tx, lot.id, winner.id))) {
    throw refuse('成交供应商在该包没有有效投标', 'the winner has no counted bid on this lot');
  }
  const barred = await barRefusal(tx, winner.id, issuedAt);
  if (barred) throw barred;
  let resultNotice: CertificateFacts['resultNotice'] = null;
  if (input.resultNoticeId) {
    const notice = await findNotice(tx, input.resultNoticeId);
    if (!notice || notice.projectId !== project.id || notice.kind !== 'result') {
      throw fieldError('resultNoticeId', '不是本项目已发布的结果公告', 'Not a published result notice of this project');
    }
    resultNotice = { id: notice.id, publishedAt: notice.publishedAt.toISOString() };
  }
  const [purchaser, agency, centre] = await Promise.all([
    findOrganisation(tx, project.purchaserOrganisationId),
    project.agencyOrganisationId ? findOrganisation(tx, project.agencyOrganisationId) : Promise.resolve(null),
    findIssuingCentre(tx),
  ]);
  if (!purchaser) throw new Error(`project ${project.id} without its purchaser`);
  if (!centre) throw new AppError('NO_ISSUING_CENTRE');
  return {
    type: CERTIFICATE_FACTS_TYPE,
    version: 1,
    project: {
      id: project.id,
      code: project.code,
      title: project.title,
      method: project.method,
      methodName: { ...PROCUREMENT_METHODS[project.method].label },
    },
    lot: { id: lot.id, number: lot.number, title: lot.title },
    purchaser: fact(purchaser),
    agency: agency ? fact(agency) : null,
    winner: fact(winner),
    contractAmount: {
      currency: 'CNY',
      fen: input.contractAmountFen,
      figures: formatFen(input.contractAmountFen),
      capital: toChineseCapital(input.contractAmountFen),
    },
    bidDeadline: project.bidDeadline.toISOString(),
    resultNotice,
    issuer: fact(centre),
    issuedAt: issuedAt.toISOString(),
    ledger: await readLedgerHead(tx),
  };
}

/**
 * Issues the transaction certificate (交易证明书, C13/B8, ADR 0020) of a lot's award. Idempotent per lot: a second call
 * returns the first certificate. One transaction reads and checks the facts (the lot locked), draws the number, signs
 * the facts' hash with the platform service key, renders the PDF, records the row and appends
 * `award.certificate_issued`; only the PDF's blob is written outside it, content-addressed, so a crash leaves at most
 * an unreferenced blob. The award's publication calls `issueTransactionCertificateIn` inside its own transaction.
 */
export async function issueTransactionCertificate(
  s: Services,
  input: IssueCertificateInput,
): Promise<IssuedCertificate> {
  assertAmount(input.contractAmountFen);
  const existing = await findCertificateByLot(s.db, input.lotId);
  if (existing) return { row: existing, created: false };
  const keys = await loadCertificateKeys(s);
  return s.db.transaction((tx) => issueTransactionCertificateIn(tx, s, keys, input));
}

export type CertificateKeys = Awaited<ReturnType<Services['platformKeys']['get']>>;

/**
 * Loads (or creates) the platform keys; it may query the database, so it must run before the caller's transaction
 * (PGlite has one connection: the outer `db` cannot be used inside a transaction).
 */
export async function loadCertificateKeys(s: Services): Promise<CertificateKeys> {
  return s.platformKeys.get();
}

function assertAmount(contractAmountFen: number): void {
  if (!isFen(contractAmountFen) || contractAmountFen <= 0) {
    throw fieldError(
      'contractAmountFen',
      '中标（成交）金额须为正的整数分',
      'The contract amount must be a positive whole number of fen',
    );
  }
}

/** The same inside the caller's transaction (keys loaded before it with `loadCertificateKeys`). */
export async function issueTransactionCertificateIn(
  tx: Tx,
  s: Services,
  keys: CertificateKeys,
  input: IssueCertificateInput,
): Promise<IssuedCertificate> {
  assertAmount(input.contractAmountFen);
  const issuedAt = s.clock.now();
  const gathered = await gatherFacts(tx, s, input, issuedAt);
  if ('facts' in gathered) return { row: gathered, created: false };
  const number = certificateNumber(issuedAt, await nextRunningNumber(tx));
  const facts: CertificateFacts = {
    ...gathered,
    number,
    verifyUrl: verifyUrl(s.config, number, input.requestOrigin),
  };
  const hash = await factsHash(keys.suite, facts);
  const signed = await s.platformKeys.signAsService(fromHex(hash));
  const proof: CertificateProof = {
    type: CERTIFICATE_PROOF_TYPE,
    version: 1,
    facts,
    factsHash: { algorithm: SUITE_HASH[keys.suite], value: hash },
    signature: {
      suite: keys.suite,
      algorithm: SUITE_SIGNATURE[keys.suite],
      value: signed.signature,
      keyFingerprint: signed.certificateFingerprint,
      certificatePem: signed.certificatePem,
    },
  };
  const pdf = await renderCertificatePdf(proof);
  const blob = await s.blobs.put(pdf);
  const row = await insertCertificate(tx, {
    number,
    projectId: facts.project.id,
    lotId: facts.lot.id,
    winnerOrganisationId: facts.winner.organisationId,
    facts: { ...facts },
    factsHashAlgorithm: SUITE_HASH[keys.suite],
    factsHash: hash,
    suite: keys.suite,
    signature: signed.signature,
    keyId: signed.certificateFingerprint,
    pdfSha256: blob.hash,
    pdfSize: blob.size,
    issuedAt,
    issuedByUserId: input.issuedBy.userId,
  });
  await appendEvent(tx, s.clock, {
    type: 'award.certificate_issued',
    payload: {
      certificateId: row.id,
      number,
      projectId: facts.project.id,
      lotId: facts.lot.id,
      winner: { organisationId: facts.winner.organisationId, name: facts.winner.name },
      contractAmountFen: facts.contractAmount.fen,
      factsHashAlgorithm: SUITE_HASH[keys.suite],
      factsHash: hash,
      pdfSha256: blob.hash,
    },
    actor: input.issuedBy,
    subject: { type: 'project', id: facts.project.id },
    audience: { kind: 'public' },
  });
  return { row, created: true };
}
