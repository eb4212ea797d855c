import { and, asc, eq, gt, lte } from 'drizzle-orm';
import type { Logger } from '../logging';
import type { Database } from '../../db/client';
import { events, ledgerHead } from '../../db/schema';
import { EVENTS_CHANNEL } from '../events/append-event';
import { canSeeEvent } from '../policy/event-policy';
import type { Viewer } from '../policy/actor';

export type EventRow = typeof events.$inferSelect;

export interface LiveClient {
  viewer: Viewer;
  /** Only events about this subject (`type:id`), or all the viewer may see. */
  subject: { type: string; id: string } | null;
  send(row: EventRow): void;
  /** Called when the hub shuts down (graceful shutdown ends every stream). */
  end(): void;
}

interface Registered extends LiveClient {
  lastSent: number;
  catchingUp: boolean;
  pending: EventRow[];
}

const BACKLOG_LIMIT = 5000;

/**
 * Fans committed events out to connected live clients. Every instance LISTENs on the events channel (PostgreSQL
 * LISTEN/NOTIFY, or PGlite's in-process equivalent); a notification only says "there is more", and the hub reads the
 * new rows by sequence number, so a lost or coalesced notification loses nothing. A client that reconnects with
 * Last-Event-ID first receives what it missed from the table, then the live stream, with no gap and no repeat.
 */
export class LiveHub {
  private readonly clients = new Set<Registered>();
  private cursor = 0;
  private fetching: Promise<void> | null = null;
  private again = false;
  private unlisten: (() => Promise<void>) | null = null;

  constructor(
    private readonly database: Database,
    private readonly log: Logger,
  ) {}

  async start(): Promise<void> {
    const [head] = await this.database.db.select().from(ledgerHead).where(eq(ledgerHead.id, 1));
    this.cursor = head?.size ?? 0;
    this.unlisten = await this.database.listen(EVENTS_CHANNEL, () => this.poke());
  }

  async stop(): Promise<void> {
    await this.unlisten?.();
    this.unlisten = null;
    await this.fetching;
    for (const client of this.clients) client.end();
    this.clients.clear();
  }

  get size(): number {
    return this.clients.size;
  }

  /** Fetch new rows now (coalesces concurrent pokes into at most one more pass). */
  poke(): void {
    if (this.fetching) {
      this.again = true;
      return;
    }
    this.fetching = this.fetchNew()
      .catch((err: unknown) => this.log.error({ err }, 'live hub fetch failed'))
      .finally(() => {
        this.fetching = null;
        if (this.again) {
          this.again = false;
          this.poke();
        }
      });
  }

  /** Waits until everything committed so far has been dispatched (tests, shutdown). */
  async settle(): Promise<void> {
    while (this.fetching) await this.fetching;
  }

  private async fetchNew(): Promise<void> {
    for (;;) {
      const rows = await this.database.db
        .select()
        .from(events)
        .where(gt(events.seq, this.cursor))
        .orderBy(asc(events.seq))
        .limit(1000);
      for (const row of rows) {
        this.cursor = row.seq;
        for (const client of this.clients) this.deliver(client, row);
      }
      if (rows.length < 1000) return;
    }
  }

  private deliver(client: Registered, row: EventRow): void {
    if (client.catchingUp) {
      client.pending.push(row);
      return;
    }
    if (row.seq <= client.lastSent) return;
    client.lastSent = row.seq;
    if (!canSeeEvent(client.viewer, row)) return;
    if (client.subject && (row.subjectType !== client.subject.type || row.subjectId !== client.subject.id)) return;
    client.send(row);
  }

  /** Registers a client; with `lastEventId` it first replays what it missed. Returns the unsubscribe function. */
  async subscribe(client: LiveClient, lastEventId: number | null): Promise<() => void> {
    const entry: Registered = {
      ...client,
      lastSent: lastEventId ?? this.cursor,
      catchingUp: lastEventId !== null,
      pending: [],
    };
    this.clients.add(entry);
    const unsubscribe = () => {
      this.clients.delete(entry);
    };
    if (lastEventId === null) return unsubscribe;
    try {
      const upTo = this.cursor;
      const missed = await this.database.db
        .select()
        .from(events)
        .where(and(gt(events.seq, lastEventId), lte(events.seq, Math.max(upTo, lastEventId))))
        .orderBy(asc(events.seq))
        .limit(BACKLOG_LIMIT);
      entry.catchingUp = false;
      for (const row of missed) this.deliver(entry, row);
      const pending = entry.pending;
      entry.pending = [];
      for (const row of pending) this.deliver(entry, row);
    } catch (err) {
      unsubscribe();
      throw err;
    }
    return unsubscribe;
  }
}
