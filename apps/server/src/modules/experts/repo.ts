import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { expertConflicts, expertProfiles, users } from '../../db/schema';

export async function findProfile(db: Executor, userId: string) {
  const [row] = await db
    .select({ profile: expertProfiles, displayName: users.displayName })
    .from(expertProfiles)
    .innerJoin(users, eq(users.id, expertProfiles.userId))
    .where(eq(expertProfiles.userId, userId));
  return row;
}

export async function listProfiles(db: Executor) {
  return db
    .select({ profile: expertProfiles, displayName: users.displayName })
    .from(expertProfiles)
    .innerJoin(users, eq(users.id, expertProfiles.userId))
    .orderBy(asc(users.login));
}

export async function listConflicts(db: Executor, userId: string, includeWithdrawn: boolean) {
  const where = includeWithdrawn
    ? eq(expertConflicts.expertUserId, userId)
    : and(eq(expertConflicts.expertUserId, userId), isNull(expertConflicts.withdrawnAt));
  return db.select().from(expertConflicts).where(where).orderBy(asc(expertConflicts.declaredAt));
}
