import { createChallenge, randomNonce, type LoginChallenge } from '@zhengcai/seal';
import { and, eq, isNull, lt, or, isNotNull } from 'drizzle-orm';
import type { Executor, Tx } from '../../db/client';
import { loginChallenges } from '../../db/schema';
import { AppError } from '../../platform/errors/app-error';
import type { Services } from '../../services';

/** How long a challenge may be answered: long enough to type a key-file password, short enough to be worthless later. */
export const CHALLENGE_TTL_MS = 5 * 60_000;

export type ChallengePurpose = 'login' | 'enrolment';
export type ChallengeRow = typeof loginChallenges.$inferSelect;

export interface IssuedChallenge {
  challengeId: string;
  challenge: LoginChallenge;
  expiresAt: string;
}

/**
 * Issues a challenge for a key to sign (packages/seal challenge.ts: a random 256-bit nonce, the server time and the
 * web origin, signed as canonical JSON). Expired challenges are deleted as new ones are made, so the table stays small.
 */
export async function issueChallenge(
  s: Services,
  purpose: ChallengePurpose,
  origin: string,
  userId: string | null,
): Promise<IssuedChallenge> {
  const now = s.clock.now();
  const challenge = createChallenge(randomNonce(), now, origin);
  const expiresAt = new Date(now.getTime() + CHALLENGE_TTL_MS);
  const row = await s.db.transaction(async (tx) => {
    await tx
      .delete(loginChallenges)
      .where(
        or(
          lt(loginChallenges.expiresAt, new Date(now.getTime() - CHALLENGE_TTL_MS)),
          and(
            isNotNull(loginChallenges.usedAt),
            lt(loginChallenges.usedAt, new Date(now.getTime() - CHALLENGE_TTL_MS)),
          ),
        ),
      );
    const [inserted] = await tx
      .insert(loginChallenges)
      .values({ purpose, userId, nonce: challenge.nonce, origin, issuedAt: now, expiresAt })
      .returning({ id: loginChallenges.id });
    return inserted;
  });
  if (!row) throw new Error('insert returned nothing');
  return { challengeId: row.id, challenge, expiresAt: expiresAt.toISOString() };
}

/** The challenge exactly as it was signed, rebuilt from the stored row. */
export function challengeOf(row: ChallengeRow): LoginChallenge {
  return createChallenge(row.nonce, row.issuedAt, row.origin);
}

/**
 * Finds a challenge that may still be answered: of this purpose (and user, for enrolment), from this origin, unused
 * and unexpired. Each failure has its own clear error (unknown, replayed, expired).
 */
export async function findOpenChallenge(
  db: Executor,
  params: { id: string; purpose: ChallengePurpose; origin: string; userId: string | null; now: Date },
): Promise<ChallengeRow> {
  const [row] = await db.select().from(loginChallenges).where(eq(loginChallenges.id, params.id));
  if (!row || row.purpose !== params.purpose || row.origin !== params.origin) throw new AppError('CHALLENGE_UNKNOWN');
  if (params.purpose === 'enrolment' && row.userId !== params.userId) throw new AppError('CHALLENGE_UNKNOWN');
  if (row.usedAt) throw new AppError('CHALLENGE_USED');
  if (row.expiresAt <= params.now) throw new AppError('CHALLENGE_EXPIRED');
  return row;
}

/**
 * Marks the challenge used, inside the transaction that acts on it. The update is conditional, so of two requests
 * racing with one signed challenge exactly one succeeds; the other is told it was replayed.
 */
export async function consumeChallenge(tx: Tx, id: string, now: Date): Promise<void> {
  const used = await tx
    .update(loginChallenges)
    .set({ usedAt: now })
    .where(and(eq(loginChallenges.id, id), isNull(loginChallenges.usedAt)))
    .returning({ id: loginChallenges.id });
  if (used.length === 0) throw new AppError('CHALLENGE_USED');
}
