import { verifyDraw, type DrawnCommittee } from '@zhengcai/domain';
import { and, asc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Executor } from '../../db/client';
import { expertDrawSeats } from '../../db/schema';
import { AppError } from '../../platform/errors/app-error';
import type { Viewer } from '../../platform/policy/actor';
import { findProjectAndLot } from '../opening/repo';
import { mayVerifyDraws } from './policy';
import { presentDrawSummary } from './present-committee';
import { expertsByIds, findDraw } from './repo';
import { storedRequestView, type verificationView } from './schemas';

/** The committee as announced: the draw's seats, members and reserves each in draw order. */
async function announcedCommittee(db: Executor, drawId: string): Promise<DrawnCommittee> {
  const rows = await db
    .select({ expertUserId: expertDrawSeats.expertUserId, role: expertDrawSeats.role })
    .from(expertDrawSeats)
    .where(and(eq(expertDrawSeats.drawId, drawId)))
    .orderBy(asc(expertDrawSeats.position));
  return {
    members: rows.filter((r) => r.role === 'member').map((r) => r.expertUserId),
    reserves: rows.filter((r) => r.role === 'reserve').map((r) => r.expertUserId),
  };
}

/**
 * Everything a supervisor needs to re-run a draw (ADR 0018/0019): the seed (once drawn), its commitment, the frozen
 * snapshot and its hash, the recorded request and the committee as announced, with `verifyDraw` re-run here. The
 * browser runs the same check itself from these bytes. Oversight only; anyone else: "not found".
 */
export async function drawVerification(
  db: Executor,
  viewer: Viewer,
  drawId: string,
): Promise<z.infer<typeof verificationView>> {
  if (!mayVerifyDraws(viewer)) throw new AppError('NOT_FOUND');
  const draw = await findDraw(db, drawId);
  if (!draw) throw new AppError('NOT_FOUND');
  const where = await findProjectAndLot(db, draw.lotId);
  if (!where) throw new AppError('NOT_FOUND');
  const drawn = draw.state === 'drawn';
  const committee = drawn ? await announcedCommittee(db, draw.id) : null;
  const result =
    committee === null
      ? null
      : verifyDraw({
          seed: draw.seed,
          commitment: draw.seedCommitment,
          snapshot: draw.poolSnapshot,
          poolSnapshotHash: draw.poolSnapshotHash,
          request: draw.request,
          claimedCommittee: committee,
        });
  const names = await expertsByIds(
    db,
    draw.poolSnapshot.experts.map((e) => e.id),
  );
  return {
    draw: presentDrawSummary(draw),
    project: { id: where.project.id, code: where.project.code, title: where.project.title },
    lot: { id: where.lot.id, number: where.lot.number, title: where.lot.title },
    seed: drawn ? draw.seed : null,
    request: storedRequestView.parse(draw.request),
    poolSnapshot: draw.poolSnapshot as unknown as Record<string, unknown>,
    committee: committee && { members: [...committee.members], reserves: [...committee.reserves] },
    experts: [...names.entries()].map(([userId, e]) => ({ userId, ...e })),
    verification:
      result === null
        ? null
        : result.ok
          ? { ok: true, mismatches: [] }
          : { ok: false, mismatches: result.mismatches.map((m) => ({ code: m.code, message: m.message })) },
  };
}
