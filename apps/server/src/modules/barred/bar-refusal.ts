import type { Executor } from '../../db/client';
import { AppError } from '../../platform/errors/app-error';
import { findActiveBar } from './repo';

/**
 * The refusal a barred supplier gets (obtaining documents, bidding): the decision's reason, reference and period, in
 * both languages; null when the organisation is not barred at `now`.
 */
export async function barRefusal(db: Executor, organisationId: string, now: Date): Promise<AppError | null> {
  const bar = await findActiveBar(db, organisationId, now);
  if (!bar) return null;
  return new AppError('SUPPLIER_BARRED', {
    reason: bar.reason,
    reference: bar.decisionReference,
    from: bar.barredFrom.toISOString(),
    untilZh: bar.barredUntil?.toISOString() ?? '撤销之日',
    untilEn: bar.barredUntil?.toISOString() ?? 'lifted',
  });
}
