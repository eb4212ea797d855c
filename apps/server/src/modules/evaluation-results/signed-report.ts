import { inArray } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { certificates } from '../../db/schema';
import { renderRecordPdf } from '../../platform/pdf/render-record';
import type { Services } from '../../services';
import type { EvaluationReport } from './build-report';
import type { EvaluationContext } from './context';
import { reportPdf } from './report-pdf';
import { listReportSignatures } from './sign-report';
import { signaturesView } from './view';

/**
 * The report PDF as the committee signed it (ADR 0021): the fixed report, then each member's signature, certificate
 * and dissent. The signatures are over the report's canonical JSON (its SM3 hash is printed above them), so this
 * rendition does not change what was signed. Stored in the blob store; returns its SHA-256 name.
 */
export async function renderSignedReport(tx: Tx, s: Services, ctx: EvaluationContext): Promise<string> {
  const { report, reportHash } = ctx.evaluation;
  if (!report || !reportHash) throw new Error(`lot ${ctx.lot.id} has no fixed report to sign`);
  const rows = await listReportSignatures(tx, ctx.lot.id);
  const fingerprints = new Map(
    (
      await tx
        .select({ id: certificates.id, fingerprint: certificates.fingerprint })
        .from(certificates)
        .where(
          inArray(
            certificates.id,
            rows.map((r) => r.certificateId),
          ),
        )
    ).map((c) => [c.id, c.fingerprint]),
  );
  const members = await signaturesView(tx, ctx);
  const lines = rows.map((r) => {
    const m = members.find((x) => x.userId === r.expertUserId);
    return {
      seat: m?.seat ?? 0,
      name: m?.name ?? '',
      signedAt: r.signedAt,
      certificateFingerprint: fingerprints.get(r.certificateId) ?? '',
      signature: r.signature,
      dissent: r.dissent,
    };
  });
  // The stored report is the document buildReport made when the report was fixed.
  const pdf = await renderRecordPdf(reportPdf(report as unknown as EvaluationReport, reportHash, lines));
  return (await s.blobs.put(pdf)).hash;
}
