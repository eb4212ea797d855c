import { EVALUATION_TRANSITIONS, evaluationReportStatement, nextState } from '@zhengcai/domain';
import { canonicalBytes } from '@zhengcai/seal';
import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { evaluationSignatures, evaluations } from '../../db/schema';
import { AppError } from '../../platform/errors/app-error';
import { appendEvent } from '../../platform/events/append-event';
import { actorOf, type UserViewer } from '../../platform/policy/actor';
import type { Services } from '../../services';
import { onEvaluationReported } from '../awards/on-evaluation-reported';
import { verifyUserSignature } from '../certificates/verify-user-signature';
import { assertMember, loadEvaluation, type EvaluationContext } from './context';
import { notifyPurchaserReported } from './notices';
import { renderSignedReport } from './signed-report';
import { evaluationSubject } from './subject';

export async function listReportSignatures(tx: Tx, lotId: string) {
  return tx.select().from(evaluationSignatures).where(eq(evaluationSignatures.lotId, lotId));
}

function assertMaySign(ctx: EvaluationContext, signed: { expertUserId: string }[], userId: string): string {
  assertMember(ctx);
  if (ctx.evaluation.state !== 'signing' || !ctx.evaluation.reportHash) {
    throw new AppError('EVALUATION_STATE', { state: ctx.evaluation.state });
  }
  if (signed.some((x) => x.expertUserId === userId)) throw new AppError('EVALUATION_REPORT_ALREADY_SIGNED');
  return ctx.evaluation.reportHash;
}

/**
 * A committee member signs the report (`signing`): the signature over the canonical statement of the report's hash
 * and their dissent (不同意见, 87号令 第六十三条; packages/domain report-signature.ts), verified with the member's usable
 * signing certificate outside the transaction. The last signature makes the evaluation `reported`: the purchaser's
 * users are told.
 */
export async function signReport(
  s: Services,
  viewer: UserViewer,
  lotId: string,
  body: { signature: string; dissent?: string | null | undefined },
): Promise<{ reported: boolean }> {
  const reportHash = await s.db.transaction(async (tx) => {
    const ctx = await loadEvaluation(tx, viewer, lotId);
    return assertMaySign(ctx, await listReportSignatures(tx, lotId), viewer.userId);
  });
  const statement = evaluationReportStatement(lotId, reportHash, body.dissent ?? null);
  const at = s.clock.now();
  const check = await verifyUserSignature(s, viewer.userId, canonicalBytes(statement), body.signature, at);
  if (!check.valid) throw new AppError('EVALUATION_REPORT_SIGNATURE_INVALID', { reason: check.reason });
  return s.db.transaction(async (tx) => {
    const ctx = await loadEvaluation(tx, viewer, lotId, { lock: true });
    const signed = await listReportSignatures(tx, lotId);
    if (assertMaySign(ctx, signed, viewer.userId) !== reportHash) {
      throw new AppError('EVALUATION_REPORT_SIGNATURE_INVALID', { reason: 'REPORT_CHANGED' });
    }
    await tx.insert(evaluationSignatures).values({
      lotId,
      expertUserId: viewer.userId,
      certificateId: check.certificate.id,
      signature: body.signature,
      dissent: statement.dissent,
      signedAt: at,
    });
    const ref = { projectId: ctx.project.id, lotId };
    await appendEvent(tx, s.clock, {
      type: 'evaluation.report_signed',
      payload: {
        ...ref,
        expertUserId: viewer.userId,
        certificateId: check.certificate.id,
        reportHash,
        dissent: statement.dissent !== null,
      },
      actor: actorOf(viewer),
      subject: evaluationSubject(lotId),
      audience: { kind: 'oversight' },
    });
    const signers = new Set([...signed.map((x) => x.expertUserId), viewer.userId]);
    if (!ctx.members.every((m) => signers.has(m.userId))) return { reported: false };
    const next = nextState(EVALUATION_TRANSITIONS, ctx.evaluation.state, 'all_signed');
    if (!next) throw new AppError('EVALUATION_STATE', { state: ctx.evaluation.state });
    // The PDF from now on is the signed one (the whole committee's signatures under the report's hash).
    const signedPdf = await renderSignedReport(tx, s, ctx);
    await tx
      .update(evaluations)
      .set({ state: next, reportedAt: at, reportBlobKey: signedPdf })
      .where(eq(evaluations.lotId, lotId));
    await appendEvent(tx, s.clock, {
      type: 'evaluation.reported',
      payload: { ...ref, reportHash, signatures: signers.size, pdfSha256: signedPdf },
      actor: actorOf(viewer),
      subject: evaluationSubject(lotId),
      audience: { kind: 'organisation', organisationId: ctx.project.purchaserOrganisationId },
    });
    await notifyPurchaserReported(tx, ctx, at);
    // The purchaser's confirmation period starts now (reminder and overdue jobs, ADR 0021).
    await onEvaluationReported(tx, s, lotId, at);
    return { reported: true };
  });
}
