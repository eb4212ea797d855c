import { beijingDateOf, calendarDaysBetween } from '@zhengcai/domain';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { barredSuppliers, documentObtainings, events, notifications, organisations, projects } from '../src/db/schema';
import { takeSnapshot } from './support/db-snapshot';
import { publishedProject } from './support/published-project';
import {
  createTestApp,
  logIn,
  makeOrganisation,
  makeUser,
  sessionAs,
  type Session,
  type TestApp,
} from './support/test-app';

const DAY = 86_400_000;

interface ErrorBody {
  error: { code: string; message: { zh: string; en: string }; fields?: { field: string }[] };
}

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ LOGIN_RATE_PER_MINUTE: '10000' });
});
afterAll(() => t.close());

const obtain = (who: Session, projectId: string) =>
  who.inject({ method: 'POST', url: `/api/tenders/${projectId}/obtain` });
const eventsOf = (type: string) => t.services.db.select().from(events).where(eq(events.type, type));

/** A purchaser and an agency user of the project (its staff). */
async function staffOf(p: Awaited<ReturnType<typeof publishedProject>>) {
  const purchaser = await sessionAs(t, 'purchaser', { organisationId: p.purchaserOrganisationId });
  const agency = await sessionAs(t, 'agency', { organisationId: p.agencyOrganisationId ?? undefined });
  return { purchaser, agency };
}

describe('obtaining the documents (C8)', () => {
  it('records one obtaining per organisation, with an event, and answers a second time with the first record', async () => {
    const p = await publishedProject(t);
    const supplier = await sessionAs(t, 'supplier');
    const before = await t.services.db.select().from(events).where(eq(events.type, 'documents.obtained'));

    const first = await obtain(supplier, p.project.id);
    expect(first.statusCode, first.body).toBe(200);
    const body = first.json<{
      obtaining: { obtainedAt: string };
      documents: { id: string }[];
      abilities: { obtain: boolean };
    }>();
    expect(body.obtaining.obtainedAt).toBe(t.clock.now().toISOString());
    expect(body.documents.map((d) => d.id)).toEqual([p.document.id]);
    expect(body.abilities.obtain).toBe(false);

    t.clock.advance(60_000);
    // A colleague in the same organisation obtains again: same record, no new event.
    const colleague = await sessionAs(t, 'supplier', { organisationId: supplier.organisationId ?? undefined });
    const again = await obtain(colleague, p.project.id);
    expect(again.statusCode).toBe(200);
    expect(again.json<{ obtaining: { obtainedAt: string } }>().obtaining.obtainedAt).toBe(body.obtaining.obtainedAt);

    const rows = await t.services.db
      .select()
      .from(documentObtainings)
      .where(eq(documentObtainings.projectId, p.project.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]?.obtainedByUserId).toBe(supplier.userId);
    const after = await eventsOf('documents.obtained');
    expect(after.length - before.length).toBe(1);
    const event = after.at(-1);
    expect(event?.audience).toBe('organisation');
    expect(event?.audienceOrganisationId).toBe(supplier.organisationId);
  });

  it('refuses outside the availability window, naming it, and changes nothing', async () => {
    const early = await publishedProject(t, { availableFromDays: 1, availableUntilDays: 8 });
    const late = await publishedProject(t, { availableFromDays: -8, availableUntilDays: -1 });
    const supplier = await sessionAs(t, 'supplier');
    for (const p of [early, late]) {
      const snapshot = await takeSnapshot(t.services.db);
      const res = await obtain(supplier, p.project.id);
      expect(res.statusCode).toBe(409);
      const { error } = res.json<ErrorBody>();
      expect(error.code).toBe('DOCUMENTS_OUTSIDE_WINDOW');
      const from = p.project.documentsAvailableFrom?.toISOString() ?? '';
      const until = p.project.documentsAvailableUntil?.toISOString() ?? '';
      expect(error.message.zh).toContain(from);
      expect(error.message.zh).toContain(until);
      expect(error.message.en).toContain(until);
      expect(await takeSnapshot(t.services.db)).toEqual(snapshot);
    }
    // The tender page says why before anyone clicks.
    const view = await supplier.inject({ method: 'GET', url: `/api/tenders/${early.project.id}` });
    expect(view.json<{ refusal: { code: string }; abilities: { obtain: boolean } }>()).toMatchObject({
      refusal: { code: 'DOCUMENTS_OUTSIDE_WINDOW' },
      abilities: { obtain: false },
    });
  });

  it('refuses a barred supplier with the reason, the reference and the period, in both languages', async () => {
    const p = await publishedProject(t);
    const supplier = await sessionAs(t, 'supplier');
    const supervisor = await sessionAs(t, 'supervisor');
    const from = new Date(t.clock.now().getTime() - 30 * DAY).toISOString();
    const until = new Date(t.clock.now().getTime() + 335 * DAY).toISOString();
    const bar = await supervisor.inject({
      method: 'POST',
      url: '/api/barred',
      payload: {
        organisationId: supplier.organisationId,
        reason: '提供虚假材料谋取中标',
        decisionReference: '六财采处〔2026〕3号',
        from,
        until,
      },
    });
    expect(bar.statusCode, bar.body).toBe(201);

    const snapshot = await takeSnapshot(t.services.db);
    const res = await obtain(supplier, p.project.id);
    expect(res.statusCode).toBe(403);
    const { error } = res.json<ErrorBody>();
    expect(error.code).toBe('SUPPLIER_BARRED');
    for (const text of [error.message.zh, error.message.en]) {
      expect(text).toContain('提供虚假材料谋取中标');
      expect(text).toContain('六财采处〔2026〕3号');
      expect(text).toContain(from);
      expect(text).toContain(until);
    }
    expect(await takeSnapshot(t.services.db)).toEqual(snapshot);

    // Lifted: the supplier may obtain again.
    const lift = await supervisor.inject({
      method: 'POST',
      url: `/api/barred/${bar.json<{ id: string }>().id}/lift`,
      payload: { reason: '行政复议撤销原处罚决定' },
    });
    expect(lift.statusCode, lift.body).toBe(200);
    expect(lift.json<{ active: boolean; liftedAt: string }>()).toMatchObject({ active: false });
    expect((await obtain(supplier, p.project.id)).statusCode).toBe(200);
  });

  it('refuses a supplier whose organisation is not active', async () => {
    const p = await publishedProject(t);
    const supplier = await sessionAs(t, 'supplier');
    await t.services.db
      .update(organisations)
      .set({ status: 'suspended' })
      .where(eq(organisations.id, supplier.organisationId ?? ''));
    const res = await obtain(supplier, p.project.id);
    expect(res.statusCode).toBe(403);
    expect(res.json<ErrorBody>().error.code).toBe('ORGANISATION_NOT_ACTIVE');
  });

  it('does not show a draft project at all', async () => {
    const p = await publishedProject(t);
    await t.services.db.update(projects).set({ status: 'draft' }).where(eq(projects.id, p.project.id));
    const supplier = await sessionAs(t, 'supplier');
    expect((await supplier.inject({ method: 'GET', url: `/api/tenders/${p.project.id}` })).statusCode).toBe(404);
    expect((await obtain(supplier, p.project.id)).statusCode).toBe(404);
  });
});

describe('downloading the documents', () => {
  it('streams the file with its SHA-256 only to a supplier that obtained it (404 otherwise)', async () => {
    const p = await publishedProject(t);
    const other = await publishedProject(t);
    const supplier = await sessionAs(t, 'supplier');
    const url = `/api/tenders/${p.project.id}/documents/${p.document.id}`;

    expect((await supplier.inject({ method: 'GET', url })).statusCode).toBe(404);
    await obtain(supplier, p.project.id);
    const res = await supplier.inject({ method: 'GET', url });
    expect(res.statusCode).toBe(200);
    expect(Buffer.compare(res.rawPayload, Buffer.from(p.content))).toBe(0);
    expect(res.headers['x-content-sha256']).toBe(p.document.sha256);
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('招标文件.pdf'));

    // Another project's document through this project's URL, and another supplier: not found.
    const wrong = `/api/tenders/${p.project.id}/documents/${other.document.id}`;
    expect((await supplier.inject({ method: 'GET', url: wrong })).statusCode).toBe(404);
    const stranger = await sessionAs(t, 'supplier');
    expect((await stranger.inject({ method: 'GET', url })).statusCode).toBe(404);
  });
});

describe('who obtained the documents is confidential', () => {
  it('is listed for the project staff and oversight, not for other staff or any supplier', async () => {
    const p = await publishedProject(t);
    const supplier = await sessionAs(t, 'supplier');
    await obtain(supplier, p.project.id);
    const { purchaser, agency } = await staffOf(p);
    const url = `/api/projects/${p.project.id}/obtainings`;
    for (const who of [purchaser, agency, await sessionAs(t, 'supervisor'), await sessionAs(t, 'centre')]) {
      const res = await who.inject({ method: 'GET', url });
      expect(res.statusCode).toBe(200);
      expect(res.json<{ items: { organisationId: string }[] }>().items.map((i) => i.organisationId)).toEqual([
        supplier.organisationId,
      ]);
    }
    expect((await (await sessionAs(t, 'agency')).inject({ method: 'GET', url })).statusCode).toBe(404);
    expect((await supplier.inject({ method: 'GET', url })).statusCode).toBe(403);
  });
});

describe('questions and clarifications', () => {
  it('hides who asked from other suppliers and shows it to the staff', async () => {
    const p = await publishedProject(t);
    const asker = await sessionAs(t, 'supplier');
    const other = await sessionAs(t, 'supplier');
    const notObtained = await sessionAs(t, 'supplier');
    await obtain(asker, p.project.id);
    await obtain(other, p.project.id);

    const ask = (who: Session, text: string) =>
      who.inject({ method: 'POST', url: `/api/tenders/${p.project.id}/questions`, payload: { text } });
    expect((await ask(notObtained, '技术参数第3条是否允许偏离？')).statusCode).toBe(404);
    const bad = await ask(asker, '短');
    expect(bad.statusCode).toBe(400);
    expect(bad.json<ErrorBody>().error.fields?.[0]?.field).toBe('body.text');
    const asked = await ask(asker, '技术参数第3条是否允许正偏离？');
    expect(asked.statusCode, asked.body).toBe(201);
    const questionId = asked.json<{ id: string }>().id;

    const mine = await asker.inject({ method: 'GET', url: `/api/tenders/${p.project.id}` });
    expect(mine.json<{ myQuestions: { id: string }[] }>().myQuestions.map((q) => q.id)).toEqual([questionId]);
    const theirs = await other.inject({ method: 'GET', url: `/api/tenders/${p.project.id}` });
    expect(theirs.json<{ myQuestions: unknown[] }>().myQuestions).toEqual([]);
    expect(theirs.body).not.toContain(asker.organisationId ?? '-');

    const { agency } = await staffOf(p);
    const desk = await agency.inject({ method: 'GET', url: `/api/projects/${p.project.id}/questions` });
    expect(desk.statusCode).toBe(200);
    expect(desk.json<{ questions: { id: string; organisationId: string }[] }>().questions).toMatchObject([
      { id: questionId, organisationId: asker.organisationId },
    ]);
    const [event] = (await eventsOf('question.asked')).filter(
      (e) => (e.payload as { questionId: string }).questionId === questionId,
    );
    expect(event?.audience).toBe('oversight');

    // The answer goes to everyone who obtained, and names nobody.
    const published = await agency.inject({
      method: 'POST',
      url: `/api/projects/${p.project.id}/clarifications`,
      payload: { text: '技术参数第3条允许正偏离。', affectsPreparation: false, answersQuestionIds: [questionId] },
    });
    expect(published.statusCode, published.body).toBe(201);
    const seen = await other.inject({ method: 'GET', url: `/api/tenders/${p.project.id}` });
    expect(seen.json<{ clarifications: { text: string }[] }>().clarifications.map((c) => c.text)).toEqual([
      '技术参数第3条允许正偏离。',
    ]);
    expect(seen.body).not.toContain(asker.organisationId ?? '-');
    expect(seen.body).not.toContain(questionId);
  });

  it('keeps the deadline for a clarification 20 days before it', async () => {
    const p = await publishedProject(t, { deadlineInDays: 25 });
    const supplier = await sessionAs(t, 'supplier');
    await obtain(supplier, p.project.id);
    t.clock.set(new Date((p.project.bidDeadline?.getTime() ?? 0) - 20 * DAY));
    // Sessions expire over days: the staff log in now.
    const { agency } = await staffOf(p);
    const res = await agency.inject({
      method: 'POST',
      url: `/api/projects/${p.project.id}/clarifications`,
      payload: { text: '更正：第二章交货地点改为钟山区。', affectsPreparation: true },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json<{ deadline: { cause: string; deadline: string } }>().deadline).toMatchObject({
      cause: 'none',
      deadline: p.project.bidDeadline?.toISOString(),
    });
    const [row] = await t.services.db.select().from(projects).where(eq(projects.id, p.project.id));
    expect(row?.bidDeadline).toEqual(p.project.bidDeadline);
  });

  it('moves the deadline for a clarification 10 days before it that may affect bids, and notifies exactly those who obtained', async () => {
    const p = await publishedProject(t, { deadlineInDays: 25 });
    const users = [await makeUser(t, 'supplier'), await makeUser(t, 'supplier')];
    for (const u of users) expect((await obtain(await logIn(t.app, u.login), p.project.id)).statusCode).toBe(200);
    const previous = p.project.bidDeadline ?? new Date(0);
    t.clock.set(new Date(previous.getTime() - 10 * DAY));
    const at = t.clock.now();
    // Sessions expire over days: everyone logs in now.
    const obtainers = [];
    for (const u of users) obtainers.push(await logIn(t.app, u.login));
    const bystander = await sessionAs(t, 'supplier');
    const { purchaser } = await staffOf(p);

    const res = await purchaser.inject({
      method: 'POST',
      url: `/api/projects/${p.project.id}/clarifications`,
      payload: { text: '修改：第1包技术参数第5条改为不低于 4K 分辨率。', affectsPreparation: true },
    });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json<{
      recipients: number;
      message: { zh: string; en: string };
      deadline: { cause: string; previous: string; deadline: string; ruleId: string };
    }>();
    expect(body.recipients).toBe(2);
    expect(body.deadline).toMatchObject({
      cause: 'rule',
      previous: previous.toISOString(),
      ruleId: 'OPEN_TENDER_CLARIFICATION_NOTICE',
    });
    const moved = new Date(body.deadline.deadline);
    expect(calendarDaysBetween(beijingDateOf(at), beijingDateOf(moved))).toBeGreaterThanOrEqual(15);
    expect(body.message.zh).toContain('15');

    const [row] = await t.services.db.select().from(projects).where(eq(projects.id, p.project.id));
    expect(row?.bidDeadline).toEqual(moved);
    const [event] = (await eventsOf('project.deadline_moved')).filter(
      (e) => (e.payload as { projectId: string }).projectId === p.project.id,
    );
    expect(event?.payload).toMatchObject({
      previous: previous.toISOString(),
      deadline: moved.toISOString(),
      cause: 'rule',
    });

    for (const s of obtainers) {
      const inbox = await s.inject({ method: 'GET', url: '/api/notifications' });
      const { unread, items } = inbox.json<{
        unread: number;
        items: { id: string; link: string; body: { zh: string } }[];
      }>();
      expect(unread).toBe(1);
      expect(items[0]?.link).toBe(`/workspace/tenders/${p.project.id}`);
      expect(items[0]?.body.zh).toContain(moved.toISOString());
      // The supplier's page shows the new deadline and the move.
      const view = await s.inject({ method: 'GET', url: `/api/tenders/${p.project.id}` });
      expect(view.json<{ project: { bidDeadline: string; deadlineMoves: unknown[] } }>().project).toMatchObject({
        bidDeadline: moved.toISOString(),
        deadlineMoves: [{ cause: 'rule', previous: previous.toISOString(), deadline: moved.toISOString() }],
      });
    }
    for (const s of [bystander, purchaser]) {
      const inbox = await s.inject({ method: 'GET', url: '/api/notifications' });
      expect(inbox.json<{ items: unknown[] }>().items).toEqual([]);
    }
    const rows = await t.services.db
      .select()
      .from(notifications)
      .where(eq(notifications.kind, 'clarification.published'));
    expect(
      rows
        .filter((n) => n.link?.endsWith(p.project.id))
        .map((n) => n.organisationId)
        .sort(),
    ).toEqual(obtainers.map((s) => s.organisationId).sort());

    // Marking read: the supplier's own, once; someone else's is not found.
    const [first] =
      (await obtainers[0]?.inject({ method: 'GET', url: '/api/notifications' }))?.json<{ items: { id: string }[] }>()
        .items ?? [];
    const read = await obtainers[0]?.inject({ method: 'POST', url: `/api/notifications/${first?.id}/read` });
    expect(read?.json<{ readAt: string }>().readAt).toBe(t.clock.now().toISOString());
    expect((await bystander.inject({ method: 'POST', url: `/api/notifications/${first?.id}/read` })).statusCode).toBe(
      404,
    );
  });

  it('lets the agency move the deadline explicitly, but never earlier than the rule asks', async () => {
    const p = await publishedProject(t, { deadlineInDays: 25 });
    const previous = p.project.bidDeadline ?? new Date(0);
    t.clock.set(new Date(previous.getTime() - 10 * DAY));
    const { agency } = await staffOf(p);
    const url = `/api/projects/${p.project.id}/clarifications`;
    const text = '修改：增加第2包。';
    const tooEarly = await agency.inject({
      method: 'POST',
      url,
      payload: { text, affectsPreparation: true, newDeadline: new Date(previous.getTime() + 2 * DAY).toISOString() },
    });
    expect(tooEarly.statusCode).toBe(409);
    expect(tooEarly.json<ErrorBody>().error).toMatchObject({ code: 'DEADLINE_BREAKS_RULE' });
    expect(tooEarly.json<ErrorBody>().error.message.zh).toContain('15');

    const later = new Date(previous.getTime() + 30 * DAY);
    const ok = await agency.inject({
      method: 'POST',
      url,
      payload: { text, affectsPreparation: true, newDeadline: later.toISOString() },
    });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json<{ deadline: { cause: string; deadline: string } }>().deadline).toMatchObject({
      cause: 'explicit',
      deadline: later.toISOString(),
    });
  });

  it('refuses a clarification or a question after the deadline and changes nothing', async () => {
    const p = await publishedProject(t, { deadlineInDays: 25 });
    const user = await makeUser(t, 'supplier');
    await obtain(await logIn(t.app, user.login), p.project.id);
    t.clock.set(new Date((p.project.bidDeadline?.getTime() ?? 0) + 1));
    const supplier = await logIn(t.app, user.login);
    const { agency } = await staffOf(p);
    const snapshot = await takeSnapshot(t.services.db);
    const res = await agency.inject({
      method: 'POST',
      url: `/api/projects/${p.project.id}/clarifications`,
      payload: { text: '迟到的澄清内容。', affectsPreparation: true },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json<ErrorBody>().error.code).toBe('AFTER_BID_DEADLINE');
    const q = await supplier.inject({
      method: 'POST',
      url: `/api/tenders/${p.project.id}/questions`,
      payload: { text: '截止后还能提问吗？' },
    });
    expect(q.json<ErrorBody>().error.code).toBe('AFTER_BID_DEADLINE');
    expect(await takeSnapshot(t.services.db)).toEqual(snapshot);
  });

  it('publishes an attachment that those who obtained (and the staff) can download', async () => {
    const p = await publishedProject(t);
    const supplier = await sessionAs(t, 'supplier');
    await obtain(supplier, p.project.id);
    const { agency } = await staffOf(p);
    const bytes = Buffer.from('澄清附件：技术参数表（修订）');
    const res = await agency.inject({
      method: 'POST',
      url: `/api/projects/${p.project.id}/clarifications`,
      payload: {
        text: '见附件修订后的技术参数表。',
        affectsPreparation: false,
        attachment: { fileName: '技术参数表.txt', contentType: 'text/plain', contentBase64: bytes.toString('base64') },
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json<{ id: string }>().id;
    for (const who of [supplier, agency]) {
      const file = await who.inject({ method: 'GET', url: `/api/clarifications/${id}/file` });
      expect(file.statusCode).toBe(200);
      expect(file.rawPayload.equals(bytes)).toBe(true);
    }
    const stranger = await sessionAs(t, 'supplier');
    expect((await stranger.inject({ method: 'GET', url: `/api/clarifications/${id}/file` })).statusCode).toBe(404);
    const bad = await agency.inject({
      method: 'POST',
      url: `/api/projects/${p.project.id}/clarifications`,
      payload: {
        text: '附件编码错误。',
        affectsPreparation: false,
        attachment: { fileName: '../x.txt', contentType: 'text/plain', contentBase64: '@@@' },
      },
    });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json<ErrorBody>()
        .error.fields?.map((f) => f.field)
        .sort(),
    ).toEqual(['body.attachment.contentBase64', 'body.attachment.fileName']);
  });
});

describe('the barred list', () => {
  it('is kept by the supervisor, public to read, and answers findActiveBar by the period', async () => {
    const { findActiveBar } = await import('../src/modules/barred/repo');
    const org = await makeOrganisation(t, 'supplier');
    const supervisor = await sessionAs(t, 'supervisor');
    const now = t.clock.now().getTime();
    const res = await supervisor.inject({
      method: 'POST',
      url: '/api/barred',
      payload: {
        uscc: org.uscc,
        reason: '串通投标',
        decisionReference: '六财采处〔2026〕7号',
        from: new Date(now + DAY).toISOString(),
        until: new Date(now + 10 * DAY).toISOString(),
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(await findActiveBar(t.services.db, org.id, new Date(now))).toBeNull();
    expect((await findActiveBar(t.services.db, org.id, new Date(now + 2 * DAY)))?.reason).toBe('串通投标');
    expect(await findActiveBar(t.services.db, org.id, new Date(now + 10 * DAY))).toBeNull();

    const overlap = await supervisor.inject({
      method: 'POST',
      url: '/api/barred',
      payload: {
        organisationId: org.id,
        reason: '再次处罚',
        decisionReference: '六财采处〔2026〕8号',
        from: new Date(now + 5 * DAY).toISOString(),
      },
    });
    expect(overlap.json<ErrorBody>().error.code).toBe('ALREADY_BARRED');
    const purchaserOrg = await makeOrganisation(t, 'purchaser');
    const notSupplier = await supervisor.inject({
      method: 'POST',
      url: '/api/barred',
      payload: {
        organisationId: purchaserOrg.id,
        reason: '不适用',
        decisionReference: 'X-1',
        from: new Date(now).toISOString(),
      },
    });
    expect(notSupplier.statusCode).toBe(400);

    const list = await t.app.inject({ method: 'GET', url: '/api/barred' });
    expect(list.json<{ items: { organisationId: string }[] }>().items.map((i) => i.organisationId)).toContain(org.id);
    const [event] = (await eventsOf('supplier.barred')).filter(
      (e) => (e.payload as { organisationId: string }).organisationId === org.id,
    );
    expect(event?.audience).toBe('public');
    const rows = await t.services.db
      .select()
      .from(barredSuppliers)
      .where(and(eq(barredSuppliers.organisationId, org.id)));
    expect(rows).toHaveLength(1);
  });
});
