import { and, eq, isNotNull } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { lots, projects } from '../../db/schema';
import type { Clock } from '../../platform/clock';
import { scheduleJob } from '../../platform/jobs/schedule-job';

export const OPEN_HALL_JOB = 'opening.open_hall';
export const CLOSE_DECRYPTION_JOB = 'opening.close_decryption';

/**
 * Schedules the opening of every lot's hall at the bid deadline (ADR 0016). Called at publication and when a
 * clarification moves the deadline. The dedupe key is per lot and deadline: scheduling the same deadline twice
 * keeps one job, a moved deadline gets its own job, and the job left at the old deadline finds the project's
 * current deadline later than now and does nothing.
 */
export async function scheduleOpenHall(
  db: Executor,
  clock: Clock,
  project: { id: string; bidDeadline: Date | null },
  lotIds: readonly string[],
): Promise<void> {
  if (!project.bidDeadline) return;
  for (const lotId of lotIds) {
    await scheduleJob(db, clock, {
      kind: OPEN_HALL_JOB,
      payload: { lotId },
      runAt: project.bidDeadline,
      dedupeKey: `${OPEN_HALL_JOB}:${lotId}@${project.bidDeadline.toISOString()}`,
    });
  }
}

/** The same for every lot of a project, reading its lots. */
export async function scheduleProjectOpenings(
  db: Executor,
  clock: Clock,
  project: { id: string; bidDeadline: Date | null },
): Promise<void> {
  const rows = await db.select({ id: lots.id }).from(lots).where(eq(lots.projectId, project.id));
  await scheduleOpenHall(
    db,
    clock,
    project,
    rows.map((r) => r.id),
  );
}

/**
 * Makes sure every published project has its opening jobs (idempotent: dedupe keys). Run at start after the demo
 * seed, so tenders published before the opening hall existed get theirs.
 */
export async function scheduleMissingOpenings(db: Executor, clock: Clock): Promise<void> {
  const rows = await db
    .select({ id: projects.id, bidDeadline: projects.bidDeadline })
    .from(projects)
    .where(and(eq(projects.status, 'published'), isNotNull(projects.bidDeadline)));
  for (const project of rows) await scheduleProjectOpenings(db, clock, project);
}

export async function scheduleCloseDecryption(db: Executor, clock: Clock, lotId: string, at: Date): Promise<void> {
  await scheduleJob(db, clock, {
    kind: CLOSE_DECRYPTION_JOB,
    payload: { lotId },
    runAt: at,
    dedupeKey: `${CLOSE_DECRYPTION_JOB}:${lotId}`,
  });
}
