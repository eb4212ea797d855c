import { and, desc, eq, gt, isNull, lt, lte, or } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { barredSuppliers, organisations } from '../../db/schema';

export type BarRow = typeof barredSuppliers.$inferSelect;

/**
 * The bar in force for an organisation at an instant, if any: recorded, not lifted, `from ≤ at < until`. Called when
 * a supplier obtains documents, bids and is awarded (C3), always with the server clock's time.
 */
export async function findActiveBar(db: Executor, organisationId: string, at: Date): Promise<BarRow | null> {
  const [row] = await db
    .select()
    .from(barredSuppliers)
    .where(
      and(
        eq(barredSuppliers.organisationId, organisationId),
        isNull(barredSuppliers.liftedAt),
        lte(barredSuppliers.barredFrom, at),
        or(isNull(barredSuppliers.barredUntil), gt(barredSuppliers.barredUntil, at)),
      ),
    )
    .orderBy(desc(barredSuppliers.barredFrom))
    .limit(1);
  return row ?? null;
}

/** Every record (or one, by id) with the organisation's name and credit code, newest first. */
export async function listBars(db: Executor, barId?: string) {
  return db
    .select({ bar: barredSuppliers, name: organisations.name, uscc: organisations.uscc })
    .from(barredSuppliers)
    .innerJoin(organisations, eq(organisations.id, barredSuppliers.organisationId))
    .where(barId ? eq(barredSuppliers.id, barId) : undefined)
    .orderBy(desc(barredSuppliers.recordedAt));
}

/** A record not lifted whose period overlaps `[from, until)` (until null: open-ended). */
export async function findOverlappingBar(db: Executor, organisationId: string, from: Date, until: Date | null) {
  const [row] = await db
    .select()
    .from(barredSuppliers)
    .where(
      and(
        eq(barredSuppliers.organisationId, organisationId),
        isNull(barredSuppliers.liftedAt),
        or(isNull(barredSuppliers.barredUntil), gt(barredSuppliers.barredUntil, from)),
        until ? lt(barredSuppliers.barredFrom, until) : undefined,
      ),
    )
    .limit(1);
  return row ?? null;
}
