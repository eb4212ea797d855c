import { and, desc, eq, isNull, or, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { notifications } from '../../db/schema';

export type NotificationRow = typeof notifications.$inferSelect;
export type NewNotification = Omit<typeof notifications.$inferInsert, 'id' | 'readAt' | 'readByUserId'>;

/** Writes notifications inside the caller's transaction (the act and its notices commit together). */
export async function insertNotifications(tx: Executor, rows: NewNotification[]): Promise<void> {
  if (rows.length) await tx.insert(notifications).values(rows);
}

/** What is addressed to the user or to their organisation. */
function mine(userId: string, organisationId: string | null) {
  return organisationId
    ? or(eq(notifications.userId, userId), eq(notifications.organisationId, organisationId))
    : eq(notifications.userId, userId);
}

export async function listMyNotifications(db: Executor, userId: string, organisationId: string | null, limit = 100) {
  return db
    .select()
    .from(notifications)
    .where(mine(userId, organisationId))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(limit);
}

export async function countUnread(db: Executor, userId: string, organisationId: string | null): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(notifications)
    .where(and(mine(userId, organisationId), isNull(notifications.readAt)));
  return Number(row?.n ?? 0);
}

export async function findMyNotification(db: Executor, id: string, userId: string, organisationId: string | null) {
  const [row] = await db
    .select()
    .from(notifications)
    .where(and(eq(notifications.id, id), mine(userId, organisationId)));
  return row ?? null;
}
