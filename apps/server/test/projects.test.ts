import { createHash } from 'node:crypto';
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { events, notices, projects } from '../src/db/schema';
import { MAX_DOCUMENT_BYTES } from '../src/modules/projects/document-content';
import { errorSchema } from '../src/platform/http/responses';
import { takeSnapshot } from './support/db-snapshot';
import { multipartFile, pdfBytes } from './support/multipart';
import { projectBody } from './support/project-body';
import { createTestApp, makeOrganisation, sessionAs, type Session, type TestApp } from './support/test-app';

interface ProjectJson {
  id: string;
  code: string;
  status: string;
  purchaser: { id: string };
  agency: { id: string } | null;
  lots: { number: number; budgetFen: number; smeReserved: boolean }[];
  documents: { id: string; fileName: string; sha256: string; sizeBytes: number }[];
  check: { ok: boolean; violations: { ruleId: string; fields: string[] }[]; minimum: { bidDeadline: string } } | null;
  abilities: { edit: boolean; publish: boolean };
  noticeId: string | null;
  rulesApplied: string[];
}

describe('projects: drafts, documents, publication and the public notice', () => {
  let t: TestApp;
  let purchaserOrgId: string;
  let purchaser: Session;
  let agency: Session;

  beforeAll(async () => {
    t = await createTestApp({ LOGIN_RATE_PER_MINUTE: '10000' });
    purchaserOrgId = (await makeOrganisation(t, 'purchaser')).id;
    purchaser = await sessionAs(t, 'purchaser', { organisationId: purchaserOrgId });
    agency = await sessionAs(t, 'agency');
  });
  afterAll(() => t.close());

  const create = async (as: Session, body: Record<string, unknown>) => {
    const res = await as.inject({ method: 'POST', url: '/api/projects', payload: body });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<ProjectJson>();
  };
  const upload = (as: Session, projectId: string, name: string, content: Buffer) => {
    const { payload, headers } = multipartFile(name, content);
    return as.inject({ method: 'POST', url: `/api/projects/${projectId}/documents`, payload, headers });
  };
  const publish = (as: Session, projectId: string) =>
    as.inject({ method: 'POST', url: `/api/projects/${projectId}/publish` });

  /** Publishing is refused with PUBLICATION_BLOCKED, the rule named on the field, and nothing changes. */
  async function expectRefused(projectId: string, ruleId: string, field: string) {
    t.clock.advance(1_000);
    const before = await takeSnapshot(t.services.db);
    const res = await publish(agency, projectId);
    expect(res.statusCode, res.body).toBe(409);
    const { error } = errorSchema.parse(res.json());
    expect(error.code).toBe('PUBLICATION_BLOCKED');
    expect(error.message.zh).toContain(ruleId);
    expect(error.message.en).toContain(ruleId);
    const named = error.fields?.find((f) => f.ruleId === ruleId);
    expect(named?.field).toBe(field);
    expect(named?.reason.zh).toMatch(/[\u4e00-\u9fff]/);
    expect(await takeSnapshot(t.services.db)).toEqual(before);
    return named;
  }

  it('an agency registers a draft for the purchaser it names, with a unique code and two lots', async () => {
    const p = await create(agency, projectBody({ purchaserOrganisationId: purchaserOrgId }));
    expect(p.code).toMatch(/^ZC-2026-\d{6}$/);
    expect(p.status).toBe('draft');
    expect(p.purchaser.id).toBe(purchaserOrgId);
    expect(p.agency?.id).toBe(agency.organisationId);
    expect(p.lots.map((l) => [l.number, l.budgetFen, l.smeReserved])).toEqual([
      [1, 100_000_000, false],
      [2, 200_000_000, true],
    ]);
    // Without documents the draft is not publishable yet, and the check says why.
    expect(p.check?.violations.map((v) => v.ruleId)).toEqual(['DOCUMENTS_REQUIRED']);
    const second = await create(agency, projectBody({ purchaserOrganisationId: purchaserOrgId }));
    expect(second.code).not.toBe(p.code);
    const [event] = await t.services.db.select().from(events).where(eq(events.subjectId, p.id));
    expect(event).toMatchObject({ type: 'project.created', audience: 'organisation' });
    expect(event?.audienceOrganisationId).toBe(agency.organisationId);
  });

  it('an agency must name an active purchaser; a purchaser registers for itself', async () => {
    const res = await agency.inject({ method: 'POST', url: '/api/projects', payload: projectBody() });
    expect(res.statusCode).toBe(400);
    expect(errorSchema.parse(res.json()).error.fields?.[0]?.field).toBe('body.purchaserOrganisationId');
    const bad = await agency.inject({
      method: 'POST',
      url: '/api/projects',
      payload: projectBody({ purchaserOrganisationId: agency.organisationId }),
    });
    expect(bad.statusCode).toBe(400);
    const own = await create(purchaser, projectBody());
    expect(own.purchaser.id).toBe(purchaserOrgId);
    expect(own.agency).toBeNull();
  });

  it('refuses bad input with the field named: ceiling over budget, unknown category, a category of another kind', async () => {
    const lots = (projectBody().lots as Record<string, unknown>[]).map((l) => ({ ...l }));
    const cases: [Record<string, unknown>, string][] = [
      [{ lots: [{ ...lots[0], ceilingPriceFen: 100_000_001 }] }, 'body.lots.0.ceilingPriceFen'],
      [{ lots: [{ ...lots[0], categoryCode: 'A9999' }] }, 'body.lots.0.categoryCode'],
      [{ lots: [lots[0], { ...lots[1], categoryCode: 'C16' }] }, 'body.lots.1.categoryCode'],
      [{ lots: [] }, 'body.lots'],
      [{ method: 'inquiry' }, 'body.method'],
      [{ bidDeadline: '2026-03-23 09:30' }, 'body.bidDeadline'],
    ];
    for (const [override, field] of cases) {
      t.clock.advance(1_000);
      const before = await takeSnapshot(t.services.db);
      const res = await purchaser.inject({ method: 'POST', url: '/api/projects', payload: projectBody(override) });
      expect(res.statusCode, res.body).toBe(400);
      const fields = errorSchema.parse(res.json()).error.fields ?? [];
      expect(fields.map((f) => f.field)).toContain(field);
      for (const f of fields) expect(f.reason.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(await takeSnapshot(t.services.db)).toEqual(before);
    }
  });

  it('edits and deletes a draft; others get 404, oversight reads but cannot change (403)', async () => {
    const p = await create(purchaser, projectBody());
    const edited = await purchaser.inject({
      method: 'PUT',
      url: `/api/projects/${p.id}`,
      payload: projectBody({
        title: '六盘水市第一中学教学设备采购项目（调整）',
        lots: [projectBody().lots as unknown[]][0]?.slice(0, 1),
      }),
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json<ProjectJson>().lots).toHaveLength(1);

    const outsider = await sessionAs(t, 'purchaser');
    const otherAgency = await sessionAs(t, 'agency');
    const supplier = await sessionAs(t, 'supplier');
    const supervisor = await sessionAs(t, 'supervisor');
    for (const s of [outsider, otherAgency]) {
      expect((await s.inject({ method: 'GET', url: `/api/projects/${p.id}` })).statusCode).toBe(404);
      expect((await s.inject({ method: 'PUT', url: `/api/projects/${p.id}`, payload: projectBody() })).statusCode).toBe(
        404,
      );
      expect((await s.inject({ method: 'DELETE', url: `/api/projects/${p.id}` })).statusCode).toBe(404);
      expect((await upload(s, p.id, '招标文件.pdf', pdfBytes())).statusCode).toBe(404);
      expect((await publish(s, p.id)).statusCode).toBe(404);
      const list = await s.inject({ method: 'GET', url: '/api/projects' });
      expect(list.json<{ items: { id: string }[] }>().items.map((i) => i.id)).not.toContain(p.id);
    }
    expect((await supplier.inject({ method: 'GET', url: `/api/projects/${p.id}` })).statusCode).toBe(403);
    const read = await supervisor.inject({ method: 'GET', url: `/api/projects/${p.id}` });
    expect(read.statusCode).toBe(200);
    expect(read.json<ProjectJson>().abilities).toMatchObject({ edit: false, publish: false });

    const del = await purchaser.inject({ method: 'DELETE', url: `/api/projects/${p.id}` });
    expect(del.statusCode).toBe(204);
    expect((await purchaser.inject({ method: 'GET', url: `/api/projects/${p.id}` })).statusCode).toBe(404);
  });

  it('uploads documents: sha256 recorded, bad content and names refused, the size limit enforced', async () => {
    const p = await create(purchaser, projectBody());
    const bytes = pdfBytes('第一章 招标公告');
    const ok = await upload(purchaser, p.id, '招标文件（正式版）.pdf', bytes);
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({
      fileName: '招标文件（正式版）.pdf',
      sizeBytes: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      contentType: 'application/pdf',
    });
    expect(await t.services.blobs.has(createHash('sha256').update(bytes).digest('hex'))).toBe(true);

    const refused = async (name: string, content: Buffer, status: number, code: string) => {
      t.clock.advance(1_000);
      const before = await takeSnapshot(t.services.db);
      const res = await upload(purchaser, p.id, name, content);
      expect(res.statusCode, res.body).toBe(status);
      const { error } = errorSchema.parse(res.json());
      expect(error.code).toBe(code);
      expect(error.message.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(await takeSnapshot(t.services.db)).toEqual(before);
      return error;
    };
    const exe = await refused('setup.exe', Buffer.from('MZ\x90\x00'), 400, 'VALIDATION_FAILED');
    expect(exe.fields?.[0]?.reason.zh).toContain('.exe');
    const fake = await refused('伪装.pdf', Buffer.from('MZ this is not a pdf at all'), 400, 'VALIDATION_FAILED');
    expect(fake.fields?.[0]?.reason.en).toContain('header does not match');
    await refused('空文件.pdf', Buffer.alloc(0), 400, 'VALIDATION_FAILED');
    await refused('招标文件（正式版）.pdf', bytes, 400, 'VALIDATION_FAILED');
    const big = Buffer.concat([pdfBytes(), Buffer.alloc(MAX_DOCUMENT_BYTES)]);
    const tooBig = await refused('大文件.pdf', big, 413, 'PAYLOAD_TOO_LARGE');
    expect(tooBig.message.en).toContain(String(MAX_DOCUMENT_BYTES));

    const notMultipart = await purchaser.inject({
      method: 'POST',
      url: `/api/projects/${p.id}/documents`,
      payload: { file: 'x' },
    });
    expect(notMultipart.statusCode).toBe(415);

    const docId = ok.json<{ id: string }>().id;
    const removed = await purchaser.inject({ method: 'DELETE', url: `/api/projects/${p.id}/documents/${docId}` });
    expect(removed.statusCode).toBe(204);
    const after = await purchaser.inject({ method: 'GET', url: `/api/projects/${p.id}` });
    expect(after.json<ProjectJson>().documents).toEqual([]);
  });

  it('refuses to publish a bid deadline 19 days after publication, naming the rule and the earliest legal date', async () => {
    const p = await create(
      agency,
      projectBody({ purchaserOrganisationId: purchaserOrgId, bidDeadline: '2026-03-21T09:30:00+08:00' }),
    );
    expect((await upload(agency, p.id, '招标文件.pdf', pdfBytes())).statusCode).toBe(201);
    t.clock.set('2026-03-02T01:00:00.000Z');
    const named = await expectRefused(p.id, 'OPEN_TENDER_MIN_BID_PERIOD', 'bidDeadline');
    expect(named?.earliestDate).toBe('2026-03-23');
    expect(named?.reason.zh).toContain('20日');
    expect(named?.reason.zh).toContain('2026-03-23');
  });

  it('refuses a deposit over 2% of the lot budget and a goods price weight under 30%, naming each rule', async () => {
    const base = projectBody({ purchaserOrganisationId: purchaserOrgId });
    const [lot1, lot2] = base.lots as Record<string, unknown>[];
    const p = await create(agency, {
      ...base,
      lots: [
        { ...lot1, depositFen: 2_000_001 },
        {
          ...lot2,
          criteria: [
            { key: 'price', label: '价格', kind: 'price', weight: 25, maxScore: 25 },
            { key: 'tech', label: '技术', kind: 'technical', weight: 75, maxScore: 75 },
          ],
        },
      ],
    });
    expect((await upload(agency, p.id, '招标文件.pdf', pdfBytes())).statusCode).toBe(201);
    t.clock.set('2026-03-02T01:00:00.000Z');
    await expectRefused(p.id, 'DEPOSIT_MAX_RATIO', 'lots[0].depositFen');
    await expectRefused(p.id, 'TENDER_PRICE_WEIGHT', 'lots[1].criteria[0].weight');
  });

  it('publishes: rules recorded, the tender notice generated from the template, listed and shown publicly', async () => {
    const p = await create(agency, projectBody({ purchaserOrganisationId: purchaserOrgId }));
    const bytes = pdfBytes('正式招标文件');
    expect((await upload(agency, p.id, '招标文件.pdf', bytes)).statusCode).toBe(201);
    t.clock.set('2026-03-02T01:00:00.000Z');
    const res = await publish(agency, p.id);
    expect(res.statusCode, res.body).toBe(200);
    const published = res.json<ProjectJson>();
    expect(published.status).toBe('published');
    expect(published.check).toBeNull();
    expect(published.rulesApplied).toContain('OPEN_TENDER_MIN_BID_PERIOD@CN@2017-10-01');
    expect(published.noticeId).not.toBeNull();
    const [row] = await t.services.db.select().from(projects).where(eq(projects.id, p.id));
    expect(row?.publishedAt?.toISOString()).toBe('2026-03-02T01:00:00.000Z');

    // No more changes once published.
    const again = await publish(agency, p.id);
    expect(again.statusCode).toBe(409);
    expect((await upload(agency, p.id, '补充.pdf', pdfBytes())).statusCode).toBe(409);

    // The notice on the public portal, for anyone.
    const list = await t.app.inject({ method: 'GET', url: '/api/notices?q=教学设备&category=goods' });
    expect(list.statusCode).toBe(200);
    const items = list.json<{ items: { id: string; project: { code: string } }[] }>().items;
    expect(items.map((i) => i.id)).toContain(published.noticeId);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/notices?category=services' })).json<{ items: unknown[] }>().items,
    ).toEqual([]);

    const notice = await t.app.inject({ method: 'GET', url: `/api/notices/${published.noticeId}` });
    expect(notice.statusCode).toBe(200);
    const n = notice.json<{
      title: string;
      body: string;
      lots: { depositFen: number; smeReserved: boolean }[];
      documents: { fileName: string; sha256: string; sizeBytes: number }[];
      documentsObtainable: boolean;
    }>();
    expect(n.title).toContain('公开招标公告');
    // Published, inside the documents' window: the notice leads to obtaining them.
    expect(n.documentsObtainable).toBe(true);
    for (const heading of [
      '一、项目基本情况',
      '二、申请人的资格要求',
      '三、获取招标文件',
      '四、提交投标文件截止时间、开标时间和地点',
      '五、公告期限',
      '六、其他补充事宜',
      '七、对本次招标提出询问',
    ]) {
      expect(n.body).toContain(heading);
    }
    expect(n.body).toContain(`项目编号：${p.code}`);
    expect(n.body).toContain('预算金额：3,000,000.00元（大写：叁佰万元整）');
    expect(n.body).toContain('2026年03月23日 09:30');
    expect(n.body).toContain('包2专门面向中小企业采购');
    expect(n.body).toContain('自本公告发布之日起5个工作日');
    expect(n.body).toContain('网上免费获取');
    expect(n.lots.map((l) => [l.depositFen, l.smeReserved])).toEqual([
      [2_000_000, false],
      [4_000_000, true],
    ]);
    expect(n.documents).toEqual([
      {
        id: expect.any(String) as unknown,
        fileName: '招标文件.pdf',
        sizeBytes: bytes.length,
        sha256: createHash('sha256').update(bytes).digest('hex'),
      },
    ]);

    const [stored] = await t.services.db.select().from(notices).where(eq(notices.projectId, p.id));
    const types = (
      await t.services.db.select().from(events).where(eq(events.subjectId, p.id)).orderBy(asc(events.seq))
    ).map((e) => e.type);
    expect(types).toEqual(['project.created', 'project.document_added', 'project.published']);
    const [noticeEvent] = await t.services.db
      .select()
      .from(events)
      .where(eq(events.subjectId, stored?.id ?? ''));
    expect(noticeEvent).toMatchObject({ type: 'notice.published', audience: 'public' });
  });

  it('drafts never appear on the portal; an unknown notice is 404', async () => {
    const p = await create(purchaser, projectBody({ title: '草稿项目不应公开显示' }));
    const list = await t.app.inject({ method: 'GET', url: `/api/notices?q=${encodeURIComponent('草稿项目')}` });
    expect(list.json<{ items: unknown[] }>().items).toEqual([]);
    expect(p.noticeId).toBeNull();
    const res = await t.app.inject({ method: 'GET', url: '/api/notices/7d2c5a0e-3b1f-4c8e-9a6d-2f4b8c1e0a93' });
    expect(res.statusCode).toBe(404);
  });
});
