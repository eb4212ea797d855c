import { eq } from 'drizzle-orm';
import { expertDrawSeats, expertProfiles, lots, organisations, users } from '../../src/db/schema';
import { declineInvitation } from '../../src/modules/expert-draws/answer-invitation';
import { executeDraw } from '../../src/modules/expert-draws/execute-draw';
import { requestExpertDraw } from '../../src/modules/expert-draws/request-draw';
import type { UserViewer } from '../../src/platform/policy/actor';
import { bidderOn, expertsIn, freshRegion } from './expert-draws';
import { publishedProject } from './published-project';
import { makeUser, type TestApp } from './test-app';

/** The caller as the authorisation matrix knows it. */
interface Caller {
  role: string;
  userId: string;
  organisationId: string | null;
}

/** A user as the use cases see a caller (the fixtures act through the same use cases as requests do). */
export async function viewerOf(t: TestApp, userId: string): Promise<UserViewer> {
  const [row] = await t.services.db
    .select({ user: users, org: organisations })
    .from(users)
    .leftJoin(organisations, eq(organisations.id, users.organisationId))
    .where(eq(users.id, userId));
  if (!row) throw new Error('no user');
  return {
    kind: 'user',
    userId,
    role: row.user.role,
    organisationId: row.user.organisationId,
    via: 'token',
    sessionId: null,
    csrfToken: null,
    account: {
      login: row.user.login,
      displayName: row.user.displayName,
      locale: 'zh-CN',
      organisation: row.org ? { id: row.org.id, name: row.org.name, kind: row.org.kind, status: row.org.status } : null,
    },
  };
}

export interface DrawFixture {
  lotId: string;
  drawId: string;
  /** The caller's invited seat, when the caller is a drawn expert. */
  mySeatId: string | null;
  /** A member's seat that is not the caller's. */
  otherSeatId: string;
  /** The region of the draw's pool (a request restricted to it sees only these experts). */
  region: string;
}

export interface DrawFixtureOptions {
  /** The caller hosts the lot when it can (an agency: its agency's project; a purchaser: its own, no agency). */
  host: boolean;
  /** 'requested': committed only; 'drawn': run; 'vacant': run without reserves, then a member declined. */
  stage: 'pool' | 'requested' | 'drawn' | 'vacant';
  /** An expert caller is one of the pool's experts (with 5 members and no reserves: a member). */
  meInPool?: boolean;
  reserves?: number;
  /** Experts in the pool (default: members + reserves, plus one for a vacancy to fill). */
  pool?: number;
}

/**
 * A published lot with an expert pool of its own region and, depending on `stage`, a draw requested, run, or run
 * with an empty seat. A supplier caller is made a bidder on the lot (bidders must not see the committee).
 */
export async function drawFixture(t: TestApp, me: Caller | null, opts: DrawFixtureOptions): Promise<DrawFixture> {
  const hosting = opts.host && me?.organisationId && (me.role === 'agency' || me.role === 'purchaser');
  const { project, agencyOrganisationId, purchaserOrganisationId } = await publishedProject(t, {
    ...(hosting && me.role === 'agency' ? { agencyOrganisationId: me.organisationId } : {}),
    ...(hosting && me.role === 'purchaser'
      ? { purchaserOrganisationId: me.organisationId ?? '', agencyOrganisationId: null }
      : {}),
  });
  const [lot] = await t.services.db.select().from(lots).where(eq(lots.projectId, project.id));
  if (!lot) throw new Error('no lot');
  const hostOrg = agencyOrganisationId ?? purchaserOrganisationId;
  const hostId = hosting
    ? me.userId
    : (await makeUser(t, agencyOrganisationId ? 'agency' : 'purchaser', { organisationId: hostOrg })).id;
  if (me?.role === 'supplier' && me.organisationId) await bidderOn(t, lot.id, me.organisationId);

  const reserves = opts.reserves ?? (opts.stage === 'vacant' ? 0 : 2);
  const region = freshRegion();
  const withMe = opts.meInPool === true && me?.role === 'expert';
  if (withMe) {
    await t.services.db.insert(expertProfiles).values({
      userId: me.userId,
      title: '高级工程师',
      employerName: `测试大学${me.userId}`,
      region,
      specialties: ['A0201'],
      updatedAt: t.clock.now(),
    });
  }
  const size = opts.pool ?? 5 + reserves + (opts.stage === 'vacant' ? 2 : 0);
  await expertsIn(t, size - (withMe ? 1 : 0), region);
  if (opts.stage === 'pool') return { lotId: lot.id, drawId: '', mySeatId: null, otherSeatId: '', region };

  const host = await viewerOf(t, hostId);
  const draw = await requestExpertDraw(t.services, host, {
    lotId: lot.id,
    includeRegions: [region],
    recentDrawDays: 0,
    reserves,
  });
  if (opts.stage === 'requested') return { lotId: lot.id, drawId: draw.id, mySeatId: null, otherSeatId: '', region };
  await executeDraw(t.services, host, draw.id);
  const seats = await t.services.db.select().from(expertDrawSeats).where(eq(expertDrawSeats.drawId, draw.id));
  const invited = seats.filter((s) => s.status === 'invited');
  const mine = withMe ? (invited.find((s) => s.expertUserId === me.userId) ?? null) : null;
  const others = invited.filter((s) => s.id !== mine?.id);
  if (opts.stage === 'vacant') {
    const decliner = others.pop();
    if (!decliner) throw new Error('no member');
    await declineInvitation(t.services, await viewerOf(t, decliner.expertUserId), decliner.id, '当日另有安排');
  }
  const other = others[0];
  if (!other) throw new Error('no other member');
  return { lotId: lot.id, drawId: draw.id, mySeatId: mine?.id ?? null, otherSeatId: other.id, region };
}
