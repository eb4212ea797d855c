import {
  beijingDateOf,
  type DrawParty,
  type ExpertDrawRequest,
  type ExpertForDraw,
  type SeatRecord,
} from '@zhengcai/domain';
import type { Executor } from '../../db/client';
import type { StoredDrawRequest } from '../../db/schema';
import type { ProjectRow } from '../opening/repo';
import { expertPool, lotBidders, organisationParty, recentInvitations, type DrawRow, type SeatRow } from './repo';

const DAY = 86_400_000;

/** Who the draw must avoid: the purchaser, the agency (if any) and the lot's bidders, read now. */
export async function partiesOf(
  db: Executor,
  project: ProjectRow,
  lotId: string,
): Promise<Pick<ExpertDrawRequest, 'purchaser' | 'agency' | 'bidders'>> {
  return {
    purchaser: await organisationParty(db, project.purchaserOrganisationId),
    agency: project.agencyOrganisationId ? await organisationParty(db, project.agencyOrganisationId) : null,
    bidders: await lotBidders(db, lotId),
  };
}

/**
 * The whole active pool as the rules read it (ADR 0018: pass everyone, so the record says why each expert was not
 * drawn): profile, declared conflicts (withdrawn ones with their date), and the Beijing dates on which each was
 * called to a committee of another project within the recent-draw period.
 */
export async function poolFor(
  db: Executor,
  project: ProjectRow,
  request: Pick<ExpertDrawRequest, 'recentDrawDays'>,
  now: Date,
): Promise<ExpertForDraw[]> {
  const { profiles, conflicts } = await expertPool(db);
  const since = new Date(now.getTime() - (request.recentDrawDays + 1) * DAY);
  const recent = await recentInvitations(db, project.id, since);
  return profiles.map((p) => ({
    id: p.userId,
    specialties: p.specialties,
    region: p.region,
    employerName: p.employerName,
    employerUscc: p.employerUscc,
    conflicts: conflicts
      .filter((c) => c.expertUserId === p.userId && c.declaredAt <= now)
      .map((c) => ({
        organisationName: c.organisationName,
        organisationUscc: c.organisationUscc,
        withdrawnAt: c.withdrawnAt,
      })),
    recentDrawDates: recent
      .filter((r) => r.expertUserId === p.userId && r.invitedAt !== null)
      .map((r) => beijingDateOf(r.invitedAt ?? now)),
  }));
}

/** The stored request (drawAt as UTC ISO text) and back; both are valid `ExpertDrawRequest`s for the rules. */
export function storedRequest(request: ExpertDrawRequest): StoredDrawRequest {
  const drawAt = request.drawAt instanceof Date ? request.drawAt.toISOString() : request.drawAt;
  return { ...request, drawAt };
}

/** Unique by name and credit code: the rules match parties either way, the record need not repeat them. */
export function distinctParties(parties: readonly DrawParty[]): DrawParty[] {
  const seen = new Set<string>();
  return parties.filter((p) => {
    const key = `${p.uscc ?? ''}|${p.name}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** A lot's seats in the terms of the rules (committee-seats.ts): which draw, role, order, answer. */
export function seatRecordsOf(draws: readonly DrawRow[], seats: readonly SeatRow[]): SeatRecord[] {
  // The first draw is 0; supplementary draws follow in the order they ran (then were requested).
  const drawn = draws
    .filter((d) => d.drawnAt !== null)
    .sort(
      (a, b) =>
        Number(a.supplementOf !== null) - Number(b.supplementOf !== null) ||
        (a.drawnAt?.getTime() ?? 0) - (b.drawnAt?.getTime() ?? 0) ||
        a.requestedAt.getTime() - b.requestedAt.getTime(),
    );
  const drawIndex = new Map(drawn.map((d, i) => [d.id, i]));
  return seats.map((s) => ({
    expertId: s.expertUserId,
    drawIndex: drawIndex.get(s.drawId) ?? 0,
    role: s.role,
    position: s.position,
    status: s.status,
    seat: s.seat,
    respondedAt: s.respondedAt?.toISOString() ?? null,
  }));
}

/** The lot's first draw (the committee's): the one that is not a supplement. */
export function firstDrawOf(draws: readonly DrawRow[]): DrawRow | null {
  return draws.find((d) => d.supplementOf === null) ?? null;
}
