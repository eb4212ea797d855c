import { randomUUID } from 'node:crypto';
import type { HallState } from '@zhengcai/domain';
import { bidSubmissions, openingBids, openingHalls } from '../../src/db/schema';
import { publishedProject } from './published-project';
import { makeOrganisation, makeUser, type TestApp } from './test-app';

/** The caller as the authorisation matrix knows it. */
interface Caller {
  role: string;
  userId: string;
  organisationId: string | null;
}

/**
 * An opening hall written as the opening module leaves it, for the authorisation matrix: a published project whose
 * host is the caller's organisation when `host` says so (an agency caller is the agency, a purchaser caller the
 * purchaser with no agency), one `submitted` bid of another supplier and, when `bid` is `mine` and the caller is a
 * supplier, one of the caller's.
 */
export async function hallFor(
  t: TestApp,
  me: Caller | null,
  opts: { host?: boolean; bid?: 'mine' | 'other'; state?: HallState } = {},
): Promise<{ lotId: string; submissionId: string }> {
  const hostMe = opts.host && me?.organisationId && (me.role === 'agency' || me.role === 'purchaser');
  const { project } = await publishedProject(t, {
    deadlineInDays: -0.01,
    availableFromDays: -30,
    availableUntilDays: -20,
    ...(hostMe && me.role === 'purchaser'
      ? { purchaserOrganisationId: me.organisationId ?? '', agencyOrganisationId: null }
      : {}),
    ...(hostMe && me.role === 'agency' ? { agencyOrganisationId: me.organisationId } : {}),
  });
  const lots = await t.services.db.query.lots.findMany({ where: (l, { eq }) => eq(l.projectId, project.id) });
  const lotId = lots[0]?.id ?? '';
  const state = opts.state ?? 'open';
  const now = t.clock.now();
  await t.services.db.insert(openingHalls).values({
    lotId,
    projectId: project.id,
    state,
    openedAt: now,
    ...(state === 'open' ? {} : { decryptionStartedAt: now, decryptionEndsAt: new Date(now.getTime() + 900_000) }),
    ...(state === 'open' || state === 'decrypting' ? {} : { closedAt: now, outcome: 'failed' as const }),
  });
  const owner =
    opts.bid === 'mine' && me?.role === 'supplier' && me.organisationId
      ? { id: me.userId, organisationId: me.organisationId }
      : await makeUser(t, 'supplier', { organisationId: (await makeOrganisation(t, 'supplier')).id });
  const [row] = await t.services.db
    .insert(bidSubmissions)
    .values({
      projectId: project.id,
      lotId,
      organisationId: owner.organisationId ?? '',
      userId: owner.id,
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
  const submissionId = row?.id ?? '';
  const decided = state !== 'open' && state !== 'decrypting';
  await t.services.db.insert(openingBids).values({
    submissionId,
    lotId,
    organisationId: owner.organisationId ?? '',
    state: decided ? 'invalid' : 'sealed',
    ...(decided ? { invalidReason: 'NOT_DECRYPTED_IN_WINDOW' as const } : {}),
  });
  return { lotId, submissionId };
}
