import { randomBytes, randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { lots } from '../../../apps/server/src/db/schema';
import { appendEvent } from '../../../apps/server/src/platform/events/append-event';
import { seedDemoCity } from '../../../apps/server/src/seed/demo-city';
import { DEMO_TENDERS, seedDemoTenders } from '../../../apps/server/src/seed/demo-tenders';
import { serveZhengcai } from './zhengcai-common';

/** Wall-clock milliseconds with sub-millisecond precision, comparable between processes on one machine. */
const now = () => performance.timeOrigin + performance.now();

/**
 * The server for the hall's live-stream benchmark: the real app as `npm start` builds it — live hub started, demo
 * city and tenders seeded — viewers connect to `GET /api/live?subject=opening:<lotId>` of lot 1 of
 * ZC-2026-LPS-0001. The benchmark appends events through `calls.append`: one transaction in this process with the
 * platform's own `appendEvent` (ledger head locked, event inserted, chain hash, pg_notify on commit), as every use
 * case does. The event is `opening.recording_chunk` on subject `opening:<lotId>` with audience `public`, so
 * anonymous viewers (the public in the hall) receive it: the hall's read-out events (`opening.bid_decrypted`, ADR
 * 0016) are public events on the same subject and take the same path. `append` answers the instant the commit
 * returned (and the instant the transaction body finished, just before COMMIT was sent).
 */
serveZhengcai(
  {},
  async ({ services }) => {
    await seedDemoCity(services);
    await seedDemoTenders(services);
    const [lot] = await services.db
      .select({ id: lots.id })
      .from(lots)
      .where(and(eq(lots.projectId, DEMO_TENDERS.early.id), eq(lots.number, 1)));
    if (!lot) throw new Error('demo tender has no lot 1');
    const lotId = lot.id;
    const recordingId = randomUUID();
    let chunk = 0;
    calls.append = async () => {
      let bodyDone = 0;
      const { seq } = await services.db.transaction(async (tx) => {
        const appended = await appendEvent(tx, services.clock, {
          type: 'opening.recording_chunk',
          payload: { recordingId, lotId, seq: chunk++, sha256: randomBytes(32).toString('hex'), size: 1_000_000 },
          actor: { userId: null, organisationId: null },
          subject: { type: 'opening', id: lotId },
          audience: { kind: 'public' },
        });
        bodyDone = now();
        return appended;
      });
      return JSON.stringify({ seq, committedAt: now(), bodyDone });
    };
    calls.viewers = () => Promise.resolve(String(services.live.size));
    // The live hub as main.ts starts it (LISTEN on the events channel); the job runner and the platform keys are
    // left out: nothing here is scheduled or signed, and their start-up alone outlasts fastify's 10 s onReady limit on
    // a loaded machine.
    await services.live.start();
    return { lotId };
  },
  { startBackground: false },
  () => calls,
);

const calls: Record<string, (arg: string) => Promise<string>> = {};
