import type { Executor } from '../../db/client';
import { jobs } from '../../db/schema';
import type { Clock } from '../clock';

export interface NewJob {
  kind: string;
  payload: Record<string, unknown>;
  runAt: Date;
  /** Scheduling the same key again keeps the first job (idempotent scheduling). */
  dedupeKey?: string;
  maxAttempts?: number;
}

/** Schedules timed work; call it inside the use case's transaction so the job exists only if the change commits. */
export async function scheduleJob(db: Executor, clock: Clock, job: NewJob): Promise<string | null> {
  const rows = await db
    .insert(jobs)
    .values({
      kind: job.kind,
      payload: job.payload,
      runAt: job.runAt,
      dedupeKey: job.dedupeKey ?? null,
      maxAttempts: job.maxAttempts ?? 5,
      status: 'pending',
      createdAt: clock.now(),
    })
    .onConflictDoNothing({ target: jobs.dedupeKey })
    .returning({ id: jobs.id });
  return rows[0]?.id ?? null;
}
