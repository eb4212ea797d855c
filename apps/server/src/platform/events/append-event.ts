import { chainHash } from '@zhengcai/seal';
import { eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { events, ledgerHead } from '../../db/schema';
import type { Clock } from '../clock';
import { entryLeafHash, type LedgerEntry } from './entry';
import { EVENTS, type EventPayload, type EventType } from './vocabulary';

/** The NOTIFY channel on which committed sequence numbers are announced to every instance. */
export const EVENTS_CHANNEL = 'zc_events';

export interface Actor {
  userId: string | null;
  organisationId: string | null;
}

export interface NewEvent<T extends EventType> {
  type: T;
  payload: EventPayload<T>;
  actor: Actor;
  subject: { type: string; id: string };
  /**
   * Who may see it: `public` (everyone), `organisation` (members of `organisationId` and oversight roles),
   * `organisations` (members of any of `organisationIds` — the parties of a consortium bid — and oversight roles),
   * `oversight` (centre, supervisor, administrator).
   */
  audience:
    | { kind: 'public' }
    | { kind: 'organisation'; organisationId: string }
    | { kind: 'organisations'; organisationIds: string[] }
    | { kind: 'oversight' };
}

/**
 * Appends one event inside the caller's transaction. The head row is locked `FOR UPDATE`, so appends are
 * serialised and sequence numbers have no gaps; the NOTIFY is delivered only if the transaction commits.
 */
export async function appendEvent<T extends EventType>(
  tx: Tx,
  clock: Clock,
  event: NewEvent<T>,
): Promise<{ seq: number; chainHash: string }> {
  const def = EVENTS[event.type];
  const payload: unknown = def.payload.parse(event.payload);
  const [head] = await tx.select().from(ledgerHead).where(eq(ledgerHead.id, 1)).for('update');
  if (!head) throw new Error('ledger_head row missing: the database was not migrated');
  const now = clock.now();
  const entry: LedgerEntry = {
    seq: head.size + 1,
    type: event.type,
    version: def.version,
    payload,
    actorUserId: event.actor.userId,
    actorOrganisationId: event.actor.organisationId,
    subjectType: event.subject.type,
    subjectId: event.subject.id,
    audience: event.audience.kind,
    audienceOrganisationId: event.audience.kind === 'organisation' ? event.audience.organisationId : null,
    audienceOrganisationIds: event.audience.kind === 'organisations' ? [...event.audience.organisationIds] : null,
    occurredAt: now,
  };
  const leaf = entryLeafHash(entry);
  const chain = chainHash(head.chainHash, leaf);
  await tx.insert(events).values({ ...entry, leafHash: leaf, chainHash: chain });
  await tx.update(ledgerHead).set({ size: entry.seq, chainHash: chain, updatedAt: now }).where(eq(ledgerHead.id, 1));
  await tx.execute(sql`select pg_notify(${EVENTS_CHANNEL}, ${String(entry.seq)})`);
  return { seq: entry.seq, chainHash: chain };
}
