import type { z } from 'zod';
import type { Db } from '../../db/client';
import { AppError } from '../../platform/errors/app-error';
import type { Viewer } from '../../platform/policy/actor';
import { AWARD_INSIDERS, awardRolesOf } from '../awards/policy';
import { lotParties, organisationsByIds, type ChallengeRow } from '../awards/repo';
import { listChallenges } from './repo';
import type { challengeView } from './schemas';

export function presentChallenge(
  c: ChallengeRow,
  name: string,
  mayAnswer: boolean,
  now: Date,
): z.infer<typeof challengeView> {
  return {
    id: c.id,
    lotId: c.lotId,
    organisationId: c.organisationId,
    organisationName: name,
    grounds: c.grounds,
    filedAt: c.filedAt.toISOString(),
    answerBy: c.answerBy.toISOString(),
    state: c.state,
    answer: c.answer,
    answeredAt: c.answeredAt?.toISOString() ?? null,
    overdue: c.state === 'pending' && now.getTime() >= c.answerBy.getTime(),
    abilities: { answer: mayAnswer && c.state === 'pending' },
  };
}

/** The lot's challenges the caller may see: a bidder its own, the host, purchaser and oversight all; else 404. */
export async function presentLotChallenges(db: Db, viewer: Viewer, lotId: string, now: Date) {
  const parties = await lotParties(db, lotId);
  if (!parties) throw new AppError('NOT_FOUND');
  const roles = awardRolesOf(viewer, parties);
  const insider = AWARD_INSIDERS.some((r) => roles.has(r));
  if (!insider && !roles.has('bidder')) throw new AppError('NOT_FOUND');
  const org = viewer.kind === 'user' ? viewer.organisationId : null;
  const rows = insider ? await listChallenges(db, lotId) : org ? await listChallenges(db, lotId, org) : [];
  const names = await organisationsByIds(
    db,
    rows.map((r) => r.organisationId),
  );
  return {
    items: rows.map((c) => presentChallenge(c, names.get(c.organisationId)?.name ?? '', roles.has('host'), now)),
  };
}
