import { eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { sessions, users } from '../../db/schema';

export type UserRow = typeof users.$inferSelect;

export async function findUserByLogin(db: Executor, login: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.login, login.toLowerCase()));
  return row;
}

export async function lockUserRow(db: Executor, userId: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.id, userId)).for('update');
  return row;
}

export async function insertSession(db: Executor, values: typeof sessions.$inferInsert): Promise<void> {
  await db.insert(sessions).values(values);
}

export async function revokeSession(db: Executor, sessionId: string, at: Date): Promise<void> {
  await db.update(sessions).set({ revokedAt: at }).where(eq(sessions.id, sessionId));
}

/** Ends every session of a user except `keep` (after a password change). */
export async function revokeOtherSessions(db: Executor, userId: string, keep: string | null, at: Date): Promise<void> {
  await db
    .update(sessions)
    .set({ revokedAt: at })
    .where(
      keep
        ? sql`${sessions.userId} = ${userId} and ${sessions.id} <> ${keep} and ${sessions.revokedAt} is null`
        : sql`${sessions.userId} = ${userId} and ${sessions.revokedAt} is null`,
    );
}
