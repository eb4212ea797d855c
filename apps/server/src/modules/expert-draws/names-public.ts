import { and, eq, isNotNull } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { awards } from '../../db/schema';

/**
 * THE SEAM for the confidentiality of the committee (C11, ADR 0019): whether the names of a lot's drawn experts
 * may be shown beyond oversight. The rules keep the committee's list confidential until the result notice, which
 * publishes it (政府采购评审专家管理办法, 财库〔2016〕198号; 财政部令第87号第六十九条): true once the lot's result notice is
 * published (the award's `published_at`, set in the publication's transaction, modules/awards/publish-result.ts).
 * Keep every "may the names be seen" decision behind this function.
 */
export async function expertNamesPublic(db: Executor, lotId: string): Promise<boolean> {
  const [row] = await db
    .select({ lotId: awards.lotId })
    .from(awards)
    .where(and(eq(awards.lotId, lotId), isNotNull(awards.publishedAt)));
  return row !== undefined;
}
