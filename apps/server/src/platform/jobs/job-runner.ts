import { and, asc, eq, lte, sql } from 'drizzle-orm';
import type { Logger } from '../logging';
import type { Db, Tx } from '../../db/client';
import { jobs } from '../../db/schema';
import type { Clock } from '../clock';
import { appendEvent } from '../events/append-event';

export type Job = typeof jobs.$inferSelect;
/** A handler does its work with `tx`: its changes and the job's completion commit together, or not at all. */
export type JobHandler = (job: Job, tx: Tx) => Promise<void>;

/** Back-off after the n-th failure: 5 s, 20 s, 80 s, … capped at one hour. */
export function retryDelayMs(attempts: number): number {
  return Math.min(5_000 * 4 ** Math.max(0, attempts - 1), 3_600_000);
}

/**
 * Runs due jobs. Each job is claimed with `FOR UPDATE SKIP LOCKED` inside the transaction that runs its handler and
 * marks it done, so with several instances each job runs once; if an instance dies mid-job its transaction rolls
 * back, the row lock is released, and another instance (or this one after restart) runs the job again.
 */
export class JobRunner {
  private readonly handlers = new Map<string, JobHandler>();
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private started = false;
  private stopping = false;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly log: Logger,
    private readonly instanceId: string,
    private readonly pollMs: number,
  ) {}

  register(kind: string, handler: JobHandler): void {
    if (this.handlers.has(kind)) throw new Error(`job handler ${kind} registered twice`);
    this.handlers.set(kind, handler);
  }

  start(): void {
    this.started = true;
    this.stopping = false;
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.started = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }

  private schedule(delay: number): void {
    if (!this.started) return;
    this.timer = setTimeout(() => {
      this.running = this.drain()
        .then(() => undefined)
        .catch((err: unknown) => this.log.error({ err }, 'job runner pass failed'))
        .finally(() => {
          this.running = null;
          this.schedule(this.pollMs);
        });
    }, delay);
  }

  /** Runs due jobs until none is left (or the runner is stopped). Returns how many ran. */
  async drain(): Promise<number> {
    let count = 0;
    while (!this.stopping && (await this.runOne())) count++;
    return count;
  }

  /** Claims and runs one due job; false when none is due. */
  async runOne(): Promise<boolean> {
    const now = this.clock.now();
    let claimed: Job | null = null;
    try {
      await this.db.transaction(async (tx) => {
        const [job] = await tx
          .select()
          .from(jobs)
          .where(and(eq(jobs.status, 'pending'), lte(jobs.runAt, now)))
          .orderBy(asc(jobs.runAt))
          .limit(1)
          .for('update', { skipLocked: true });
        if (!job) return;
        claimed = job;
        const handler = this.handlers.get(job.kind);
        if (!handler) throw new Error(`no handler for job kind ${job.kind}`);
        await handler(job, tx);
        await tx
          .update(jobs)
          .set({
            status: 'done',
            attempts: sql`${jobs.attempts} + 1`,
            completedAt: this.clock.now(),
            completedBy: this.instanceId,
            lastError: null,
          })
          .where(eq(jobs.id, job.id));
      });
    } catch (err) {
      if (!claimed) throw err;
      await this.recordFailure(claimed, err);
    }
    return claimed !== null;
  }

  private async recordFailure(job: Job, err: unknown): Promise<void> {
    const message = err instanceof Error ? err.message : String(err);
    const attempts = job.attempts + 1;
    const final = attempts >= job.maxAttempts;
    this.log.warn({ jobId: job.id, kind: job.kind, attempts, final, err }, 'job failed');
    await this.db.transaction(async (tx) => {
      // Re-read under lock: another instance may have finished the job meanwhile.
      const [current] = await tx.select().from(jobs).where(eq(jobs.id, job.id)).for('update');
      if (!current || current.status !== 'pending') return;
      await tx
        .update(jobs)
        .set({
          attempts,
          lastError: message.slice(0, 2000),
          status: final ? 'failed' : 'pending',
          runAt: final ? current.runAt : new Date(this.clock.now().getTime() + retryDelayMs(attempts)),
        })
        .where(eq(jobs.id, job.id));
      if (final) {
        await appendEvent(tx, this.clock, {
          type: 'job.failed',
          payload: { jobId: job.id, kind: job.kind, attempts, error: message.slice(0, 500) },
          actor: { userId: null, organisationId: null },
          subject: { type: 'job', id: job.id },
          audience: { kind: 'oversight' },
        });
      }
    });
  }
}
