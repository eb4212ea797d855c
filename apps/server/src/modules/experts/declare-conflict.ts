import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { expertConflicts } from '../../db/schema';
import { AppError } from '../../platform/errors/app-error';
import { appendEvent } from '../../platform/events/append-event';
import { actorOf, type UserViewer } from '../../platform/policy/actor';
import type { Services } from '../../services';
import type { conflictBody } from './schemas';

/** An expert declares an organisation they must not evaluate (avoidance, 政府采购评审专家管理办法 第二十二条). */
export async function declareConflict(s: Services, viewer: UserViewer, input: z.infer<typeof conflictBody>) {
  return s.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(expertConflicts)
      .values({
        expertUserId: viewer.userId,
        organisationName: input.organisationName,
        organisationUscc: input.organisationUscc ?? null,
        reason: input.reason,
        declaredAt: s.clock.now(),
      })
      .returning();
    if (!row) throw new Error('insert returned nothing');
    await appendEvent(tx, s.clock, {
      type: 'expert.conflict_declared',
      payload: {
        conflictId: row.id,
        userId: viewer.userId,
        organisationName: row.organisationName,
        organisationUscc: row.organisationUscc,
        reason: row.reason,
      },
      actor: actorOf(viewer),
      subject: { type: 'user', id: viewer.userId },
      audience: { kind: 'oversight' },
    });
    return row;
  });
}

/** Withdraws one of the caller's own declared conflicts; another expert's is "not found". */
export async function withdrawConflict(s: Services, viewer: UserViewer, conflictId: string): Promise<void> {
  await s.db.transaction(async (tx) => {
    const [row] = await tx.select().from(expertConflicts).where(eq(expertConflicts.id, conflictId)).for('update');
    if (!row || row.expertUserId !== viewer.userId) throw new AppError('NOT_FOUND');
    if (row.withdrawnAt) throw new AppError('INVALID_STATE', { state: 'withdrawn' });
    await tx.update(expertConflicts).set({ withdrawnAt: s.clock.now() }).where(eq(expertConflicts.id, row.id));
    await appendEvent(tx, s.clock, {
      type: 'expert.conflict_withdrawn',
      payload: { conflictId: row.id, userId: viewer.userId },
      actor: actorOf(viewer),
      subject: { type: 'user', id: viewer.userId },
      audience: { kind: 'oversight' },
    });
  });
}
