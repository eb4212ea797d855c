import { buildUscc, type OrganisationKind, type Role } from '@zhengcai/domain';
import { eq } from 'drizzle-orm';
import {
  barredSuppliers,
  clarifications,
  documentObtainings,
  notifications,
  organisations,
  projects,
  questions,
  users,
} from '../../src/db/schema';
import { publishedProject } from './published-project';
import type { TestApp } from './test-app';

/**
 * Resources of the documents, barred-list and notifications routes for the authorisation matrix
 * (authz-rows.ts): each call makes new ones, related to the caller as the row says.
 */
export interface Caller {
  role: Role;
  userId: string;
  organisationId: string | null;
}

let sequence = 0;
/** Credit codes in a division (310100, 上海) no other helper uses, so they never collide. */
async function organisation(t: TestApp, kind: OrganisationKind): Promise<string> {
  const now = t.clock.now();
  const n = sequence++;
  const [org] = await t.services.db
    .insert(organisations)
    .values({
      kind,
      name: `文件测试机构${process.pid}-${n}`,
      uscc: buildUscc('91', '310100', String(n).padStart(8, '0')),
      status: 'active',
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: organisations.id });
  if (!org) throw new Error('no organisation');
  return org.id;
}

/**
 * A published project: `own` makes the caller its purchaser or agency (when of that role) and, for a supplier, one
 * that obtained the documents; `other` relates the caller to nothing. Options: outside the documents window, draft.
 */
export async function tenderFor(
  t: TestApp,
  me: Caller | null,
  whose: 'own' | 'other',
  opts: { window?: 'closed'; draft?: boolean; attachment?: boolean } = {},
) {
  const own = whose === 'own' && me?.organisationId ? me : null;
  const purchaserOrganisationId =
    own?.role === 'purchaser' && own.organisationId ? own.organisationId : await organisation(t, 'purchaser');
  const agencyOrganisationId =
    own?.role === 'agency' && own.organisationId ? own.organisationId : await organisation(t, 'agency');
  const p = await publishedProject(t, {
    purchaserOrganisationId,
    agencyOrganisationId,
    ...(opts.window === 'closed' ? { availableFromDays: -8, availableUntilDays: -1 } : {}),
  });
  if (own?.role === 'supplier' && own.organisationId) {
    await t.services.db.insert(documentObtainings).values({
      projectId: p.project.id,
      organisationId: own.organisationId,
      obtainedByUserId: own.userId,
      obtainedAt: t.clock.now(),
    });
  }
  if (opts.draft) {
    await t.services.db.update(projects).set({ status: 'draft' }).where(eq(projects.id, p.project.id));
  }
  return p;
}

/** A clarification with an attachment on a project related to the caller as `tenderFor` says. */
export async function clarificationFileFor(t: TestApp, me: Caller | null, whose: 'own' | 'other'): Promise<string> {
  const p = await tenderFor(t, me, whose);
  const blob = await t.services.blobs.put(new TextEncoder().encode('澄清附件'));
  const deadline = p.project.bidDeadline ?? t.clock.now();
  const [row] = await t.services.db
    .insert(clarifications)
    .values({
      projectId: p.project.id,
      text: '澄清内容',
      affectsPreparation: false,
      attachmentFileName: '附件.txt',
      attachmentContentType: 'text/plain',
      attachmentSizeBytes: blob.size,
      attachmentSha256: blob.hash,
      publishedByUserId: p.project.createdByUserId,
      publishedByOrganisationId: p.purchaserOrganisationId,
      publishedAt: t.clock.now(),
      deadlineBefore: deadline,
      deadlineAfter: deadline,
      deadlineMove: 'none',
    })
    .returning({ id: clarifications.id });
  if (!row) throw new Error('no clarification');
  return row.id;
}

/** A question on the project (so the desk has something to show). */
export async function questionOn(t: TestApp, projectId: string): Promise<void> {
  const supplierOrg = await organisation(t, 'supplier');
  const [asker] = await t.services.db.select({ id: users.id }).from(users).limit(1);
  if (!asker) throw new Error('no user');
  await t.services.db.insert(questions).values({
    projectId,
    organisationId: supplierOrg,
    askedByUserId: asker.id,
    text: '是否接受进口产品？',
    askedAt: t.clock.now(),
  });
}

/** A bar on a new supplier; lifted already when asked. */
export async function barOn(t: TestApp, opts: { lifted?: boolean } = {}): Promise<string> {
  const org = await organisation(t, 'supplier');
  const [recorder] = await t.services.db.select({ id: users.id }).from(users).limit(1);
  if (!recorder) throw new Error('no user');
  const now = t.clock.now();
  const [row] = await t.services.db
    .insert(barredSuppliers)
    .values({
      organisationId: org,
      reason: '提供虚假材料',
      decisionReference: `六财采处〔2026〕${sequence++}号`,
      barredFrom: now,
      recordedByUserId: recorder.id,
      recordedAt: now,
      liftedAt: opts.lifted ? now : null,
    })
    .returning({ id: barredSuppliers.id });
  if (!row) throw new Error('no bar');
  return row.id;
}

/** A new supplier organisation to bar (by id). */
export const supplierToBar = (t: TestApp) => organisation(t, 'supplier');

/** A notification addressed to the caller (own) or to someone else's organisation (other). */
export async function notificationFor(t: TestApp, me: Caller | null, whose: 'own' | 'other'): Promise<string> {
  const target =
    whose === 'own' && me
      ? { userId: me.userId, organisationId: null }
      : { userId: null, organisationId: await organisation(t, 'supplier') };
  const [row] = await t.services.db
    .insert(notifications)
    .values({
      ...target,
      kind: 'test',
      titleZh: '通知',
      titleEn: 'Notice',
      bodyZh: '内容',
      bodyEn: 'Body',
      link: null,
      createdAt: t.clock.now(),
    })
    .returning({ id: notifications.id });
  if (!row) throw new Error('no notification');
  return row.id;
}
