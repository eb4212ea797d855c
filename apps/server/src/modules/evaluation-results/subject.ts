/** The ledger subject of a lot's evaluation (one per lot, ADR 0021). */
export const evaluationSubject = (lotId: string) => ({ type: 'evaluation', id: lotId });
