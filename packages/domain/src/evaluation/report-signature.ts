/**
 * What a committee member signs on the evaluation report (评审报告, ADR 0021): the report's SM3 hash and, when they
 * disagree, their written dissent (不同意见, 87号令 第五十七条、第六十三条), as one statement. The browser signs the
 * statement's RFC 8785 canonical bytes (as the opening's sign-in statement); the server rebuilds it to verify.
 */
export interface EvaluationReportStatement {
  type: 'zhengcai-evaluation-report-signature';
  version: 1;
  lotId: string;
  reportHash: string;
  /** The member's dissent, or null when they agree. */
  dissent: string | null;
}

export function evaluationReportStatement(
  lotId: string,
  reportHash: string,
  dissent: string | null,
): EvaluationReportStatement {
  const text = dissent?.trim() ?? '';
  return {
    type: 'zhengcai-evaluation-report-signature',
    version: 1,
    lotId,
    reportHash,
    dissent: text === '' ? null : text,
  };
}
