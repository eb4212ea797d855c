import { and, asc, eq } from 'drizzle-orm';
import type { Executor, Tx } from '../../db/client';
import { challenges } from '../../db/schema';
import type { ChallengeRow } from '../awards/repo';

export async function findChallenge(db: Executor, id: string): Promise<ChallengeRow | null> {
  const [row] = await db.select().from(challenges).where(eq(challenges.id, id));
  return row ?? null;
}

export async function lockChallenge(tx: Tx, id: string): Promise<ChallengeRow | null> {
  const [row] = await tx.select().from(challenges).where(eq(challenges.id, id)).for('update');
  return row ?? null;
}

/** The lot's challenges, oldest first; only the organisation's when given. */
export async function listChallenges(db: Executor, lotId: string, organisationId?: string): Promise<ChallengeRow[]> {
  const where = organisationId
    ? and(eq(challenges.lotId, lotId), eq(challenges.organisationId, organisationId))
    : eq(challenges.lotId, lotId);
  return db.select().from(challenges).where(where).orderBy(asc(challenges.filedAt), asc(challenges.id));
}
