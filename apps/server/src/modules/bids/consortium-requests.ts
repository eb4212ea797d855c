import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { bidConsortiumMembers, bidSubmissions, lots, projects } from '../../db/schema';
import { AppError } from '../../platform/errors/app-error';
import type { UserViewer } from '../../platform/policy/actor';
import type { Services } from '../../services';
import { consortiumMembers, type MemberRow } from './record-bid';
import type { SubmissionRow } from './repo';

/** States in which a consortium's parties see its request (an `uploading` one is not sealed yet: nothing to sign). */
const SHOWN = ['awaiting_members', 'submitted', 'replaced', 'withdrawn', 'expired', 'cancelled'] as const;

/**
 * A consortium bid as one of its parties sees it: the submission, its members, project and lot. Anyone who is not a
 * party (other suppliers, the lead's rivals) gets "not found" — as does a party before the lead has sealed it.
 */
export async function visibleConsortiumBid(s: Services, viewer: UserViewer, id: string) {
  const [row] = await s.db.select().from(bidSubmissions).where(eq(bidSubmissions.id, id));
  const members = row ? await consortiumMembers(s.db, id) : [];
  const me = members.find((m) => m.organisationId === viewer.organisationId);
  if (!row || !me || !(SHOWN as readonly string[]).includes(row.state)) throw new AppError('NOT_FOUND');
  const [where] = await s.db
    .select({ project: projects, lot: lots })
    .from(lots)
    .innerJoin(projects, eq(projects.id, lots.projectId))
    .where(eq(lots.id, row.lotId));
  if (!where) throw new AppError('NOT_FOUND');
  return { row, members, me, ...where };
}

export type ConsortiumBid = Awaited<ReturnType<typeof visibleConsortiumBid>>;

/** The consortium bids that name the caller's organisation as a (non-lead) member, newest first. */
export async function listConsortiumRequests(s: Services, viewer: UserViewer): Promise<ConsortiumBid[]> {
  if (!viewer.organisationId) return [];
  const mine = await s.db
    .select({ id: bidConsortiumMembers.submissionId })
    .from(bidConsortiumMembers)
    .innerJoin(bidSubmissions, eq(bidSubmissions.id, bidConsortiumMembers.submissionId))
    .where(
      and(
        eq(bidConsortiumMembers.organisationId, viewer.organisationId),
        eq(bidConsortiumMembers.role, 'member'),
        inArray(bidSubmissions.state, [...SHOWN]),
      ),
    )
    .orderBy(desc(bidSubmissions.createdAt))
    .limit(200);
  const out: ConsortiumBid[] = [];
  for (const { id } of mine) out.push(await visibleConsortiumBid(s, viewer, id));
  return out;
}

/** The members of several submissions at once (for the lead's list of its own bids). */
export async function membersOf(db: Executor, ids: readonly string[]): Promise<Map<string, MemberRow[]>> {
  const rows = ids.length
    ? await db
        .select()
        .from(bidConsortiumMembers)
        .where(inArray(bidConsortiumMembers.submissionId, [...ids]))
    : [];
  const map = new Map<string, MemberRow[]>();
  for (const r of rows.sort((a, b) => a.position - b.position)) {
    map.set(r.submissionId, [...(map.get(r.submissionId) ?? []), r]);
  }
  return map;
}

export const isParty = (row: SubmissionRow, members: readonly MemberRow[], organisationId: string | null) =>
  row.organisationId === organisationId || members.some((m) => m.organisationId === organisationId);
