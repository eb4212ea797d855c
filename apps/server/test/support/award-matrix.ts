import { eq } from 'drizzle-orm';
import { projects, users } from '../../src/db/schema';
import { confirmAward } from '../../src/modules/awards/confirm-award';
import { publishResult } from '../../src/modules/awards/publish-result';
import { setAwardSuspension } from '../../src/modules/awards/suspend-award';
import { fileChallenge } from '../../src/modules/challenges/file-challenge';
import { viewerOf } from './expert-draw-matrix';
import { reportedEvaluation } from './reported-evaluation';
import type { TestApp } from './test-app';

interface Caller {
  role: string;
  userId: string;
  organisationId: string | null;
}

export type AwardStage = 'reported' | 'confirmed' | 'published' | 'challenged' | 'suspended';

/**
 * A lot at an award stage, the caller placed in it by role: a purchaser caller's organisation becomes the project's
 * purchaser (and host: no agency), an agency caller's its agency (host), a supplier caller a bidder of the lot (the
 * second-ranked, never the challenger). Stages are reached through the use cases before the caller is placed.
 */
export async function awardFixture(t: TestApp, me: Caller | null, stage: AwardStage) {
  const f = await reportedEvaluation(t);
  let challengeId: string | null = null;
  if (stage !== 'reported') {
    await confirmAward(t.services, await viewerOf(t, f.purchaserUserId), f.lotId, {});
  }
  if (stage === 'published' || stage === 'challenged' || stage === 'suspended') {
    await publishResult(t.services, await viewerOf(t, f.hostUserId), f.lotId);
  }
  if (stage === 'challenged' || stage === 'suspended') {
    const challenger = f.bidders[2];
    if (!challenger) throw new Error('no challenger');
    const row = await fileChallenge(
      t.services,
      await viewerOf(t, challenger.userId),
      f.lotId,
      '中标供应商的业绩证明材料与实际不符，请核实。',
    );
    challengeId = row.id;
  }
  if (stage === 'suspended') {
    await setAwardSuspension(t.services, await viewerOf(t, f.purchaserUserId), f.lotId, {
      suspend: true,
      reason: '质疑处理期间暂停',
    });
  }
  const db = t.services.db;
  if (me?.role === 'purchaser' && me.organisationId) {
    await db
      .update(projects)
      .set({ purchaserOrganisationId: me.organisationId, agencyOrganisationId: null })
      .where(eq(projects.id, f.projectId));
  }
  if (me?.role === 'agency' && me.organisationId) {
    await db.update(projects).set({ agencyOrganisationId: me.organisationId }).where(eq(projects.id, f.projectId));
  }
  if (me?.role === 'supplier') {
    const bidder = f.bidders[1];
    if (!bidder) throw new Error('no bidder');
    await db.update(users).set({ organisationId: bidder.organisationId }).where(eq(users.id, me.userId));
  }
  return { ...f, challengeId };
}
