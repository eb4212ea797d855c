import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { barredSuppliers, organisations } from '../../db/schema';
import { AppError, fieldError } from '../../platform/errors/app-error';
import { appendEvent } from '../../platform/events/append-event';
import { actorOf, type UserViewer } from '../../platform/policy/actor';
import type { Services } from '../../services';
import { findOverlappingBar } from './repo';
import type { barBody } from './schemas';

/** The supervisor records a decision barring a supplier (政府采购法 第七十七条); published, so the event is public. */
export async function barSupplier(s: Services, viewer: UserViewer, input: z.infer<typeof barBody>) {
  return s.db.transaction(async (tx) => {
    const [org] = await tx
      .select()
      .from(organisations)
      .where(
        input.organisationId ? eq(organisations.id, input.organisationId) : eq(organisations.uscc, input.uscc ?? ''),
      );
    const field = input.organisationId ? 'body.organisationId' : 'body.uscc';
    if (!org) throw fieldError(field, '没有此机构', 'No such organisation');
    if (org.kind !== 'supplier') throw fieldError(field, '只能对供应商作出禁入决定', 'Only suppliers can be barred');
    const from = new Date(input.from);
    const until = input.until ? new Date(input.until) : null;
    // Periods of one supplier never overlap, so "the bar in force" is always one record.
    const existing = await findOverlappingBar(tx, org.id, from, until);
    if (existing) throw new AppError('ALREADY_BARRED', { reference: existing.decisionReference });
    const now = s.clock.now();
    const [row] = await tx
      .insert(barredSuppliers)
      .values({
        organisationId: org.id,
        reason: input.reason,
        decisionReference: input.decisionReference,
        barredFrom: from,
        barredUntil: until,
        recordedByUserId: viewer.userId,
        recordedAt: now,
      })
      .returning();
    if (!row) throw new Error('insert returned nothing');
    await appendEvent(tx, s.clock, {
      type: 'supplier.barred',
      payload: {
        barId: row.id,
        organisationId: org.id,
        name: org.name,
        uscc: org.uscc,
        reason: row.reason,
        decisionReference: row.decisionReference,
        from: from.toISOString(),
        until: until?.toISOString() ?? null,
      },
      actor: actorOf(viewer),
      subject: { type: 'organisation', id: org.id },
      audience: { kind: 'public' },
    });
    return row;
  });
}

/** Lifts a bar before its end (the decision was revoked or changed on review); the record stays. */
export async function liftBar(s: Services, viewer: UserViewer, barId: string, reason: string) {
  return s.db.transaction(async (tx) => {
    const [row] = await tx.select().from(barredSuppliers).where(eq(barredSuppliers.id, barId)).for('update');
    if (!row) throw new AppError('NOT_FOUND');
    const now = s.clock.now();
    if (row.liftedAt) throw new AppError('INVALID_STATE', { state: 'lifted' });
    if (row.barredUntil && row.barredUntil <= now) throw new AppError('INVALID_STATE', { state: 'expired' });
    const [org] = await tx.select().from(organisations).where(eq(organisations.id, row.organisationId));
    if (!org) throw new Error('organisation vanished');
    const [updated] = await tx
      .update(barredSuppliers)
      .set({ liftedAt: now, liftedByUserId: viewer.userId, liftReason: reason })
      .where(eq(barredSuppliers.id, row.id))
      .returning();
    await appendEvent(tx, s.clock, {
      type: 'supplier.bar_lifted',
      payload: { barId: row.id, organisationId: org.id, name: org.name, reason },
      actor: actorOf(viewer),
      subject: { type: 'organisation', id: org.id },
      audience: { kind: 'public' },
    });
    return updated;
  });
}
