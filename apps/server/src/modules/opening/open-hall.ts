import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { lots, openingBids, openingHalls, projects } from '../../db/schema';
import { appendEvent } from '../../platform/events/append-event';
import type { Services } from '../../services';
import { organisationNames, submittedBidsOfLot } from './repo';

export const SYSTEM_ACTOR = { userId: null, organisationId: null };
export const hallSubject = (lotId: string) => ({ type: 'opening', id: lotId });

/**
 * The `opening.open_hall` job, at the bid deadline by the server clock: creates the lot's hall in state `open` and
 * snapshots every `submitted` bid of the lot (a consortium's bidder of record is its lead). Does nothing when the
 * project is no longer published, when the hall exists already, or when the deadline has moved past now (a
 * clarification moved it; the job at the new deadline will open the hall).
 */
export async function openHall(tx: Tx, s: Services, lotId: string): Promise<void> {
  const [found] = await tx
    .select()
    .from(lots)
    .innerJoin(projects, eq(lots.projectId, projects.id))
    .where(eq(lots.id, lotId))
    .for('update', { of: projects });
  if (!found) return;
  const project = found.projects;
  const now = s.clock.now();
  if (project.status !== 'published' || !project.bidDeadline) return;
  if (now.getTime() < project.bidDeadline.getTime()) return;
  const [existing] = await tx.select().from(openingHalls).where(eq(openingHalls.lotId, lotId));
  if (existing) return;
  await tx.insert(openingHalls).values({ lotId, projectId: project.id, state: 'open', openedAt: now });
  const submitted = await submittedBidsOfLot(tx, lotId);
  if (submitted.length) {
    await tx.insert(openingBids).values(
      submitted.map((b) => ({
        submissionId: b.id,
        lotId,
        organisationId: b.organisationId,
        state: 'sealed' as const,
      })),
    );
  }
  const names = await organisationNames(
    tx,
    submitted.map((b) => b.organisationId),
  );
  await appendEvent(tx, s.clock, {
    type: 'opening.hall_opened',
    payload: {
      projectId: project.id,
      lotId,
      bidDeadline: project.bidDeadline.toISOString(),
      bids: submitted.map((b) => ({
        submissionId: b.id,
        organisationId: b.organisationId,
        name: names.get(b.organisationId) ?? '',
      })),
    },
    actor: SYSTEM_ACTOR,
    subject: hallSubject(lotId),
    audience: { kind: 'public' },
  });
}
