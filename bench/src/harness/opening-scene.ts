import { canonicalBytes, getSuite, toHex, unwrapContentKey, type SealedBidEnvelope } from '@zhengcai/seal';
import { openSse, type SseClient } from '../../../apps/server/test/support/sse-client';
import { DEMO_PASSWORD } from '../../../apps/server/src/seed/demo-city-data';
import { call, logIn, type Session, type StartedSubmission } from './bid-client';
import type { BidServer } from './bid-server';
import { inPool } from './timed';

const DAY = 86_400_000;

export interface OpeningBid {
  submissionId: string;
  session: Session;
  contentKeyHex: string;
  length: number;
}

export interface OpeningScene {
  base: string;
  lotId: string;
  bids: OpeningBid[];
  /** A member of the public watching the hall (no login) over SSE. */
  viewer: SseClient;
  close(): void;
}

/**
 * Brings a lot whose bids are submitted to the moment before the key releases, as people would over the API: the
 * server clock moves past the bid deadline (the demo tender's is 25 days ahead) and the hall opens by its job; the
 * agency starts decryption; each bidder logs in again (sessions do not outlive 25 days), signs in (签到) with its
 * signing key, fetches its envelope and unwraps its content key as its browser would. A public viewer is connected.
 */
export async function openingScene(
  server: BidServer,
  starts: readonly StartedSubmission[],
  sealed: readonly { length: number; envelope: SealedBidEnvelope }[],
): Promise<OpeningScene> {
  const { base, lotId } = server;
  await server.server.advanceClock(27 * DAY);
  const until = Date.now() + 120_000;
  for (;;) {
    const res = await fetch(`${base}/api/openings/${lotId}`);
    if (res.ok && ((await res.json()) as { state?: string }).state === 'open') break;
    if (Date.now() > until) throw new Error(`the hall of lot ${lotId} did not open (last answer ${res.status})`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const host = await logIn(base, 'agency', DEMO_PASSWORD);
  await call(base, 'POST', `/api/openings/${lotId}/start`, { session: host, body: {}, expect: 204 });
  const bids = await inPool(server.bidders, 4, async (bidder, i): Promise<OpeningBid> => {
    const start = starts[i];
    const bid = sealed[i];
    if (!start || !bid) throw new Error(`no bid for bidder ${i}`);
    const session = await logIn(base, bidder.login, server.bidderPassword);
    const { statement } = await call<{ statement: unknown }>(base, 'GET', `/api/openings/${lotId}/sign-in-statement`, {
      session,
    });
    const suite = getSuite(bidder.keys.suite);
    const signature = await suite.sign(bidder.keys.signing.privateKey, canonicalBytes(statement));
    await call(base, 'POST', `/api/openings/${lotId}/sign-in`, { session, body: { signature }, expect: 204 });
    const envelope = await call<SealedBidEnvelope>(
      base,
      'GET',
      `/api/openings/${lotId}/bids/${start.submissionId}/envelope`,
      { session },
    );
    const contentKey = await unwrapContentKey(envelope, bidder.keys.encryption.privateKey);
    return { submissionId: start.submissionId, session, contentKeyHex: toHex(contentKey), length: bid.length };
  });
  const viewer = await openSse(`${base}/api/live?subject=opening:${lotId}`);
  return { base, lotId, bids, viewer, close: () => viewer.close() };
}
