import type { Executor } from '../../db/client';

/**
 * THE SEAM for the confidentiality of the committee (C11, ADR 0019): whether the names of a lot's drawn experts
 * may be shown beyond oversight. The rules keep the committee's list confidential until the result notice, which
 * publishes it (政府采购评审专家管理办法, 财库〔2016〕198号); there is no result notice yet, so today it is always false.
 *
 * When the result notice (C13) exists, this answers true once the lot's result is published (a `result_published`
 * marker: the notice's row or its ledger event) and nowhere else needs to change: the host's view of the committee
 * (present-committee.ts) reads it to show names. Keep every "may the names be seen" decision behind this function.
 */
export async function expertNamesPublic(_db: Executor, _lotId: string): Promise<boolean> {
  return false;
}
