import { randomBytes } from 'node:crypto';
import {
  buildPoolSnapshot,
  commitSeed,
  notEnoughEligible,
  type DrawInputProblem,
  type ExpertDrawRequest,
  type PoolAssessment,
} from '@zhengcai/domain';
import type { z } from 'zod';
import type { Tx } from '../../db/client';
import { expertDraws } from '../../db/schema';
import { AppError, type FieldError } from '../../platform/errors/app-error';
import { appendEvent } from '../../platform/events/append-event';
import { actorOf, type UserViewer } from '../../platform/policy/actor';
import type { Services } from '../../services';
import { hostOrganisationId } from '../opening/policy';
import type { LotRow, ProjectRow } from '../opening/repo';
import { distinctParties, partiesOf, poolFor, storedRequest } from './draw-input';
import { DRAW_DEFAULTS, assertComposition, assertLotDrawable, lotForHost, minimumMembers } from './lot-check';
import { listLotDraws, lockLot, type DrawRow } from './repo';
import type { drawRequestBody } from './schemas';

/** The rules' field names (`request.regions.include.0`) as the request body names them. */
function bodyField(field: string): string {
  return `body.${field
    .replace(/^request\./, '')
    .replace(/^regions\.include/, 'includeRegions')
    .replace(/^regions\.exclude/, 'excludeRegions')}`;
}

/**
 * Applies the avoidance rules to the pool and fixes the snapshot; refuses (nothing stored) when the input is wrong
 * or fewer experts are eligible than members + reserves, with the count per reason.
 */
export function assessPool(
  request: ExpertDrawRequest,
  experts: Parameters<typeof buildPoolSnapshot>[1],
): PoolAssessment {
  const pool = buildPoolSnapshot(request, experts);
  if (!pool.ok) {
    const requestProblems = pool.problems.filter((p: DrawInputProblem) => p.field.startsWith('request.'));
    // A problem in the stored profiles is the platform's, not the caller's: it must not pass as bad input.
    if (requestProblems.length < pool.problems.length) {
      throw new Error(`expert pool data invalid: ${pool.problems.map((p) => p.field).join(', ')}`);
    }
    const fields: FieldError[] = requestProblems.map((p) => ({ field: bodyField(p.field), reason: p.message }));
    throw new AppError('VALIDATION_FAILED', {}, fields);
  }
  const needed = request.members + request.reserves;
  if (pool.eligibleIds.length < needed) {
    const { message } = notEnoughEligible(pool.snapshot, pool.eligibleIds.length);
    throw new AppError('NOT_ENOUGH_ELIGIBLE_EXPERTS', { detailZh: message.zh, detailEn: message.en });
  }
  return pool;
}

/**
 * Commits a draw: a fresh 32-byte seed from the CSPRNG, its commitment, and the pool snapshot frozen now; the
 * commitment and the snapshot's hash go to the ledger (host and oversight) before anyone can know the result.
 */
export async function commitDraw(
  tx: Tx,
  s: Services,
  viewer: UserViewer,
  input: {
    project: ProjectRow;
    lot: LotRow;
    request: ExpertDrawRequest;
    purchaserRepresentatives: number;
    supplementOf: string | null;
  },
): Promise<DrawRow> {
  const { project, lot, request } = input;
  const pool = assessPool(request, await poolFor(tx, project, request, s.clock.now()));
  const seed = randomBytes(32).toString('hex');
  const seedCommitment = commitSeed(seed);
  const [row] = await tx
    .insert(expertDraws)
    .values({
      projectId: project.id,
      lotId: lot.id,
      supplementOf: input.supplementOf,
      state: 'committed',
      request: storedRequest(request),
      purchaserRepresentatives: input.purchaserRepresentatives,
      seed,
      seedCommitment,
      poolSnapshot: pool.snapshot,
      poolSnapshotHash: pool.poolSnapshotHash,
      hostOrganisationId: hostOrganisationId(project),
      requestedByUserId: viewer.userId,
      requestedAt: s.clock.now(),
    })
    .returning();
  if (!row) throw new Error('insert returned nothing');
  await appendEvent(tx, s.clock, {
    type: 'expert_draw.requested',
    payload: {
      drawId: row.id,
      projectId: project.id,
      lotId: lot.id,
      supplementOf: input.supplementOf,
      seedCommitment,
      poolSnapshotHash: pool.poolSnapshotHash,
      poolSize: pool.snapshot.experts.length,
      eligible: pool.eligibleIds.length,
      specialties: [...pool.snapshot.request.specialties],
      members: request.members,
      reserves: request.reserves,
      purchaserRepresentatives: input.purchaserRepresentatives,
    },
    actor: actorOf(viewer),
    subject: drawSubject(lot.id),
    audience: { kind: 'organisation', organisationId: hostOrganisationId(project) },
  });
  return row;
}

/** The subject of a lot's draw events. */
export const drawSubject = (lotId: string) => ({ type: 'expert_draw', id: lotId });

/** The host requests the lot's (first) draw: defaults filled in, the committee's composition checked, committed. */
export async function requestExpertDraw(
  s: Services,
  viewer: UserViewer,
  input: z.infer<typeof drawRequestBody>,
): Promise<DrawRow> {
  const { project, lot } = await lotForHost(s.db, viewer, input.lotId);
  return s.db.transaction(async (tx) => {
    await lockLot(tx, lot.id);
    await assertLotDrawable(tx, project, lot.id);
    const existing = (await listLotDraws(tx, lot.id)).find((d) => d.supplementOf === null);
    if (existing) throw new AppError('EXPERT_DRAW_EXISTS', { state: existing.state });
    const members = input.members ?? (await minimumMembers(tx, project));
    const purchaserRepresentatives = input.purchaserRepresentatives ?? DRAW_DEFAULTS.purchaserRepresentatives;
    await assertComposition(tx, project, members, purchaserRepresentatives);
    const parties = await partiesOf(tx, project, lot.id);
    const request: ExpertDrawRequest = {
      specialties: input.specialties ?? [lot.categoryCode],
      members,
      reserves: input.reserves ?? DRAW_DEFAULTS.reserves,
      regions: { include: input.includeRegions ?? [], exclude: input.excludeRegions ?? [] },
      ...parties,
      bidders: distinctParties(parties.bidders),
      recentDrawDays: input.recentDrawDays ?? DRAW_DEFAULTS.recentDrawDays,
      previouslyDrawn: [],
      drawAt: s.clock.now(),
    };
    return commitDraw(tx, s, viewer, { project, lot, request, purchaserRepresentatives, supplementOf: null });
  });
}
