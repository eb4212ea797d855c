import { randomUUID } from 'node:crypto';
import type { EnterpriseScale } from '@zhengcai/domain';
import { eq } from 'drizzle-orm';
import { confirmInvitation } from '../../src/modules/expert-draws/answer-invitation';
import { executeDraw } from '../../src/modules/expert-draws/execute-draw';
import { requestExpertDraw } from '../../src/modules/expert-draws/request-draw';
import {
  bidParticipations,
  bidSubmissions,
  expertDrawSeats,
  lots,
  openingBids,
  openingHalls,
  organisations,
} from '../../src/db/schema';
import { priceSheetFor } from './bids';
import { expertsIn, hostedTender } from './expert-draws';
import { viewerOf } from './expert-draw-matrix';
import { makeOrganisation, makeUser, type TestApp } from './test-app';

export interface EvaluationBidder {
  organisationId: string;
  userId: string;
  submissionId: string;
  priceFen: number;
}

export interface EvaluationFixture {
  projectId: string;
  lotId: string;
  /** The host's user (the agency's, or the purchaser's when the project has no agency). */
  hostUserId: string;
  /** A user of the purchaser organisation (the one who confirms the winner). */
  purchaserUserId: string;
  supervisorUserId: string;
  /** The confirmed committee members, by seat. */
  experts: string[];
  /** An expert drawn for no seat of this lot (another lot's committee or the pool): 404 everywhere here. */
  outsiderExpertUserId: string;
  bidders: EvaluationBidder[];
}

export interface EvaluationFixtureOptions {
  /** Bid prices in fen, one bidder each (default four bids: 1,180,000.00 / 1,250,000.00 / 1,320,000.00 / 1,400,000.00). */
  pricesFen?: number[];
  /** Each bidder's enterprise scale (default: all small). */
  scales?: EnterpriseScale[];
  /** Committee size (default 5, the minimum for the fixture's budget). */
  members?: number;
  /** The lot's evaluation method (default comprehensive scoring with price 30 / technical 60 / service 10). */
  evaluationMethod?: 'comprehensive-scoring' | 'lowest-evaluated-price';
  /** No agency: the purchaser hosts. */
  purchaserHosts?: boolean;
}

/**
 * A lot ready to be evaluated, as the opening and draw modules leave it (ADR 0016, 0019): a published tender whose
 * deadline has passed, an opening hall `published` with outcome `valid`, every bid `decrypted` with its price sheet,
 * and a committee drawn and confirmed in full. Written to the tables directly (the opening's crypto is tested in
 * opening-hall.test.ts), the draw through its real functions. No `evaluations` row yet.
 */
export async function evaluationFixture(t: TestApp, opts: EvaluationFixtureOptions = {}): Promise<EvaluationFixture> {
  const db = t.services.db;
  const now = t.clock.now();
  const tender = await hostedTender(t, {
    deadlineInDays: -1,
    availableFromDays: -30,
    availableUntilDays: -10,
    ...(opts.purchaserHosts ? { agencyOrganisationId: null } : {}),
  });
  const lotId = tender.lot.id;
  if (opts.evaluationMethod === 'lowest-evaluated-price') {
    await db
      .update(lots)
      .set({
        evaluationMethod: 'lowest-evaluated-price',
        criteria: [{ key: 'price', label: '价格', kind: 'price', weight: 100, maxScore: 100 }],
      })
      .where(eq(lots.id, lotId));
  }
  const purchaser = await makeUser(t, 'purchaser', { organisationId: tender.purchaserOrganisationId });
  const supervisor = await makeUser(t, 'supervisor');

  await db.insert(openingHalls).values({
    lotId,
    projectId: tender.project.id,
    state: 'published',
    openedAt: now,
    decryptionStartedAt: now,
    decryptionEndsAt: now,
    closedAt: now,
    outcome: 'valid',
    record: { lotId },
    recordHash: '00'.repeat(32),
    publishedAt: now,
  });

  const prices = opts.pricesFen ?? [118_000_000, 125_000_000, 132_000_000, 140_000_000];
  const bidders: EvaluationBidder[] = [];
  for (const [i, priceFen] of prices.entries()) {
    const org = await makeOrganisation(t, 'supplier');
    await db
      .update(organisations)
      .set({ scale: opts.scales?.[i] ?? 'small' })
      .where(eq(organisations.id, org.id));
    const user = await makeUser(t, 'supplier', { organisationId: org.id });
    await db
      .insert(bidParticipations)
      .values({ lotId, organisationId: org.id, bidderOrganisationId: org.id, since: now });
    const [sub] = await db
      .insert(bidSubmissions)
      .values({
        projectId: tender.project.id,
        lotId,
        organisationId: org.id,
        userId: user.id,
        nonce: `nonce-${randomUUID()}`,
        suite: 'gm',
        state: 'submitted',
        expiresAt: now,
        createdAt: now,
        envelope: {
          suite: 'gm',
          statement: { type: 'zhengcai-sealed-bid' },
          signature: 'ab'.repeat(64),
          contentKeyWrapped: 'cd'.repeat(100),
          ciphertextHash: 'ef'.repeat(32),
        },
      })
      .returning({ id: bidSubmissions.id });
    if (!sub) throw new Error('no submission');
    // One file per bid, as the opening leaves it: the plaintext in the blob store, named by its SHA-256.
    const response = new TextEncoder().encode(`技术响应文件 ${i + 1} / Technical response ${i + 1}`);
    const blob = await t.services.blobs.put(response);
    await db.insert(openingBids).values({
      submissionId: sub.id,
      lotId,
      organisationId: org.id,
      state: 'decrypted',
      openedVia: 'bidder',
      priceSheet: priceSheetFor(lotId, priceFen),
      files: [{ name: `技术响应文件-${i + 1}.txt`, size: blob.size, digest: 'a'.repeat(64), blobKey: blob.hash }],
      decryptedAt: now,
      readOutSeq: i + 1,
      confirmation: 'confirmed',
      confirmedAt: now,
    });
    bidders.push({ organisationId: org.id, userId: user.id, submissionId: sub.id, priceFen });
  }

  const members = opts.members ?? 5;
  const { region } = await expertsIn(t, members + 1);
  const host = await viewerOf(t, tender.host.id);
  const draw = await requestExpertDraw(t.services, host, {
    lotId,
    includeRegions: [region],
    recentDrawDays: 0,
    members,
    reserves: 1,
  });
  await executeDraw(t.services, host, draw.id);
  const seats = await db.select().from(expertDrawSeats).where(eq(expertDrawSeats.drawId, draw.id));
  for (const seat of seats.filter((s) => s.status === 'invited')) {
    await confirmInvitation(t.services, await viewerOf(t, seat.expertUserId), seat.id);
  }
  const confirmed = (await db.select().from(expertDrawSeats).where(eq(expertDrawSeats.drawId, draw.id)))
    .filter((s) => s.status === 'confirmed')
    .sort((a, b) => (a.seat ?? 0) - (b.seat ?? 0));
  const reserve = seats.find((s) => s.role === 'reserve');
  if (!reserve) throw new Error('no reserve');
  return {
    projectId: tender.project.id,
    lotId,
    hostUserId: tender.host.id,
    purchaserUserId: purchaser.id,
    supervisorUserId: supervisor.id,
    experts: confirmed.map((s) => s.expertUserId),
    outsiderExpertUserId: reserve.expertUserId,
    bidders,
  };
}
