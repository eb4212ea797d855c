import { eq } from 'drizzle-orm';
import { bidParticipations, expertProfiles, lots, organisations } from '../../src/db/schema';
import { publishedProject, type PublishedProjectOptions } from './published-project';
import { makeOrganisation, makeUser, type TestApp } from './test-app';

let sequence = 0;
/** A region name no other test uses: a draw restricted to it sees only the experts made for it. */
export const freshRegion = () => `测试${process.pid.toString(36)}区${(sequence++).toString(36)}市`;

export interface ExpertProfileInput {
  region: string;
  specialties?: string[];
  employerName?: string;
  employerUscc?: string | null;
}

/** An active expert with a profile (A0201 unless told, employed by a university of their own). */
export async function makeExpert(t: TestApp, profile: ExpertProfileInput) {
  const user = await makeUser(t, 'expert');
  await t.services.db.insert(expertProfiles).values({
    userId: user.id,
    title: '高级工程师',
    employerName: profile.employerName ?? `测试大学${user.login}`,
    employerUscc: profile.employerUscc ?? null,
    region: profile.region,
    specialties: profile.specialties ?? ['A0201'],
    updatedAt: t.clock.now(),
  });
  return user;
}

/** `count` eligible experts of a new region; returns the region and the experts. */
export async function expertsIn(t: TestApp, count: number, region = freshRegion()) {
  const experts = [];
  for (let i = 0; i < count; i++) experts.push(await makeExpert(t, { region }));
  return { region, experts };
}

/** A published tender (one lot, A0201) whose host is a new agency with one user; the purchaser has a user too. */
export async function hostedTender(t: TestApp, opts: PublishedProjectOptions = {}) {
  const published = await publishedProject(t, opts);
  const [lot] = await t.services.db.select().from(lots).where(eq(lots.projectId, published.project.id));
  if (!lot) throw new Error('no lot');
  const hostOrg = published.agencyOrganisationId ?? published.purchaserOrganisationId;
  const host = await makeUser(t, published.agencyOrganisationId ? 'agency' : 'purchaser', { organisationId: hostOrg });
  return { ...published, lot, host };
}

/** A supplier taking part in the lot (a live bid), as the bids module records it; a new one unless given. */
export async function bidderOn(t: TestApp, lotId: string, organisationId?: string) {
  const org = organisationId ? { id: organisationId } : await makeOrganisation(t, 'supplier');
  await t.services.db
    .insert(bidParticipations)
    .values({ lotId, organisationId: org.id, bidderOrganisationId: org.id, since: t.clock.now() });
  const [row] = await t.services.db.select().from(organisations).where(eq(organisations.id, org.id));
  if (!row) throw new Error('no organisation');
  return row;
}
