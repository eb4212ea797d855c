import { buildUscc } from '@zhengcai/domain';
import { eq } from 'drizzle-orm';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { events } from '../src/db/schema';
import { takeSnapshot } from './support/db-snapshot';
import { createTestApp, logIn, sessionAs, type Session, type TestApp } from './support/test-app';

const WAN = 1_000_000;
let n = 0;
const uscc = () => buildUscc('91', '520201', `MA${String(n++).padStart(6, '0')}`);

const signUpBody = (over: { uscc?: string; usccPilot?: boolean; declaredScale?: string; login?: string } = {}) => {
  const login = over.login ?? `sup-${n++}`;
  return {
    organisation: {
      name: `六盘水市${login}科技有限公司`,
      uscc: over.uscc ?? uscc(),
      ...(over.usccPilot !== undefined ? { usccPilot: over.usccPilot } : {}),
    },
    profile: { industry: 'software-it-services', employees: 50, revenueFen: 600 * WAN },
    declaration: { declaredScale: over.declaredScale ?? 'small', confirmed: true },
    user: { login, displayName: '吴晓', password: 'Yunqi2026abc', email: `${login}@example.cn`, phone: '13985812345' },
  };
};

type Fields = {
  error: {
    code: string;
    message: { zh: string; en: string };
    fields?: { field: string; reason: { zh: string; en: string } }[];
  };
};

function multipart(fields: Record<string, string>, file?: { name: string; type: string; bytes: Buffer }) {
  const boundary = `----zc${n++}`;
  const parts: Buffer[] = Object.entries(fields).map(([k, v]) =>
    Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`),
  );
  if (file) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="${file.name}"\r\ncontent-type: ${file.type}\r\n\r\n`,
      ),
      file.bytes,
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

const PDF = Buffer.from('%PDF-1.4\n% a scanned certificate\n');
const ISO = { kind: 'iso9001', title: '质量管理体系认证证书', number: '00124Q31234R0S', issuer: '中国质量认证中心' };

describe('supplier registration with profile, SME declaration and qualifications (C1)', () => {
  let t: TestApp;
  let centre: Session;
  beforeAll(async () => {
    t = await createTestApp();
    centre = await sessionAs(t, 'centre');
  });
  afterAll(() => t.close());

  beforeEach(async () => {
    centre = await sessionAs(t, 'centre');
  });
  const signUp = (body: InjectOptions['payload']) =>
    t.app.inject({ method: 'POST', url: '/api/registrations/suppliers', payload: body });
  const approve = (id: string, body?: InjectOptions['payload']) =>
    centre.inject({ method: 'POST', url: `/api/organisations/${id}/approve`, ...(body ? { payload: body } : {}) });

  it('signs up with a profile; the scale is derived with its working and the declaration is kept', async () => {
    const res = await signUp(signUpBody({ login: 'yunqi' }));
    expect(res.statusCode, res.body).toBe(201);
    const { organisationId } = res.json<{ organisationId: string }>();
    const file = await centre.inject({ method: 'GET', url: `/api/suppliers/${organisationId}` });
    expect(file.statusCode).toBe(200);
    const body = file.json<{
      profile: { derivedScale: string; working: { zh: string }; usccPilot: boolean };
      declaration: { declaredScale: string; text: string; declaredBy: { displayName: string } };
    }>();
    expect(body.profile.derivedScale).toBe('small');
    expect(body.profile.working.zh).toContain('软件和信息技术服务业');
    expect(body.profile.working.zh).toContain('第（十二）项');
    expect(body.profile.usccPilot).toBe(false);
    expect(body.declaration.declaredScale).toBe('small');
    expect(body.declaration.text).toContain('财库〔2020〕46号');
    expect(body.declaration.text).toContain('从业人员50人，营业收入为600万元');
    expect(body.declaration.declaredBy.displayName).toBe('吴晓');
    const org = await centre.inject({ method: 'GET', url: `/api/organisations/${organisationId}` });
    expect(org.json<{ scale: string }>().scale).toBe('small');
    const types = (await t.services.db.select({ type: events.type }).from(events)).map((e) => e.type);
    expect(types).toEqual(expect.arrayContaining(['supplier.profile_set', 'supplier.sme_declared']));
  });

  it('refuses a declaration of another scale, says both, and changes nothing', async () => {
    const before = await takeSnapshot(t.services.db);
    const res = await signUp(signUpBody({ declaredScale: 'micro' }));
    expect(res.statusCode).toBe(400);
    const { error } = res.json<Fields>();
    expect(error.code).toBe('SME_DECLARATION_MISMATCH');
    expect(error.message.zh).toContain('微型企业');
    expect(error.message.zh).toContain('小型企业');
    expect(error.fields?.[0]?.field).toBe('body.declaration.declaredScale');
    expect(await takeSnapshot(t.services.db)).toEqual(before);
  });

  it('asks for the figures the industry uses', async () => {
    const body = signUpBody();
    const res = await signUp({ ...body, profile: { industry: 'construction', revenueFen: 100 * WAN } });
    expect(res.statusCode).toBe(400);
    const { error } = res.json<Fields>();
    expect(error.fields?.map((f: { field: string }) => f.field)).toEqual(['body.profile.assetsFen']);
    expect(error.fields?.[0]?.reason.zh).toContain('资产总额');
  });

  it('a failing check character is refused with the expected character, unless claimed as a pilot code', async () => {
    const good = uscc();
    const bad = good.slice(0, 17) + (good.endsWith('0') ? '1' : '0');
    const refused = await signUp(signUpBody({ uscc: bad }));
    expect(refused.statusCode).toBe(400);
    const reason = refused.json<Fields>().error.fields?.[0];
    expect(reason?.field).toBe('body.organisation.uscc');
    expect(reason?.reason.zh).toContain(`第 18 位应为“${good.charAt(17)}”`);
    expect(reason?.reason.zh).toContain('早期试点代码');

    // A forbidden character is never accepted, pilot or not.
    const forbidden = await signUp(signUpBody({ uscc: `${good.slice(0, 10)}I${good.slice(11)}`, usccPilot: true }));
    expect(forbidden.statusCode).toBe(400);
    expect(forbidden.json<Fields>().error.fields?.[0]?.reason.zh).toContain('第 11 位“I”不是允许的字符');

    const pilot = await signUp(signUpBody({ uscc: bad, usccPilot: true, login: 'pilot' }));
    expect(pilot.statusCode, pilot.body).toBe(201);
    const { organisationId } = pilot.json<{ organisationId: string }>();
    const file = await centre.inject({ method: 'GET', url: `/api/suppliers/${organisationId}` });
    expect(file.json()).toMatchObject({
      profile: { usccPilot: true },
      abilities: { approveNeedsOverrideReason: true },
    });

    // Approving without a reason is refused and changes nothing; with a reason it is recorded in the event.
    t.clock.advance(1000);
    const before = await takeSnapshot(t.services.db);
    const noReason = await approve(organisationId);
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json<Fields>().error.code).toBe('USCC_OVERRIDE_REASON_REQUIRED');
    expect(await takeSnapshot(t.services.db)).toEqual(before);
    const ok = await approve(organisationId, { usccOverrideReason: '2015年试点期间核发，已核验营业执照原件' });
    expect(ok.statusCode, ok.body).toBe(200);
    const [event] = await t.services.db
      .select()
      .from(events)
      .where(eq(events.type, 'organisation.approved'))
      .orderBy(events.seq);
    expect(event?.version).toBe(2);
    expect(event?.payload).toMatchObject({
      organisationId,
      usccOverride: { uscc: bad, expected: good.charAt(17), reason: '2015年试点期间核发，已核验营业执照原件' },
    });
  });

  it('qualifications: added with a scan, expiry by the Beijing date, withdrawn but kept, 404 for others', async () => {
    const res = await signUp(signUpBody({ login: 'quals' }));
    const { organisationId } = res.json<{ organisationId: string }>();
    expect((await approve(organisationId)).statusCode).toBe(200);
    let supplier = await logIn(t.app, 'quals', 'Yunqi2026abc');
    const upload = (fields: Record<string, string>, file?: Parameters<typeof multipart>[1]) =>
      supplier.inject({ method: 'POST', url: '/api/suppliers/me/qualifications', ...multipart(fields, file) });

    // Bad input: clear errors, nothing stored.
    t.clock.advance(1000);
    const before = await takeSnapshot(t.services.db);
    const noFile = await upload(ISO);
    expect([noFile.statusCode, noFile.json<Fields>().error.code]).toEqual([400, 'FILE_MISSING']);
    const wrongType = await upload(ISO, { name: 'a.exe', type: 'application/x-msdownload', bytes: PDF });
    expect([wrongType.statusCode, wrongType.json<Fields>().error.code]).toEqual([415, 'FILE_TYPE_NOT_ALLOWED']);
    const lying = await upload(ISO, { name: 'a.pdf', type: 'application/pdf', bytes: Buffer.from('MZ not a pdf') });
    expect(lying.json<Fields>().error.code).toBe('FILE_TYPE_NOT_ALLOWED');
    const tooBig = await upload(ISO, {
      name: 'big.pdf',
      type: 'application/pdf',
      bytes: Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024)]),
    });
    expect([tooBig.statusCode, tooBig.json<Fields>().error.code]).toEqual([413, 'FILE_TOO_LARGE']);
    const badDates = await upload(
      { ...ISO, validFrom: '2026-05-01', validUntil: '2026-04-30' },
      {
        name: 'a.pdf',
        type: 'application/pdf',
        bytes: PDF,
      },
    );
    expect(badDates.json<Fields>().error.fields?.[0]).toMatchObject({ field: 'body.validUntil' });
    expect(await takeSnapshot(t.services.db)).toEqual(before);

    // The clock is 2026-03-02 09:00 Beijing: valid until 2026-03-02 is still valid today, until 2026-03-01 expired.
    t.clock.set('2026-03-02T01:00:00Z');
    const today = await upload(
      { ...ISO, validUntil: '2026-03-02' },
      { name: '证书.pdf', type: 'application/pdf', bytes: PDF },
    );
    expect(today.statusCode, today.body).toBe(201);
    expect(today.json()).toMatchObject({ validity: 'valid', file: { name: '证书.pdf', size: PDF.length } });
    const expired = await upload(
      { ...ISO, kind: 'safety-production-licence', title: '安全生产许可证', validUntil: '2026-03-01' },
      { name: 'aq.png', type: 'image/png', bytes: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a]) },
    );
    expect(expired.json()).toMatchObject({ validity: 'expired' });
    const permanent = await upload(
      { kind: 'business-licence', title: '营业执照', number: '91520201MA000001', issuer: '六盘水市市场监督管理局' },
      { name: 'yyzz.jpg', type: 'image/jpeg', bytes: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2]) },
    );
    expect(permanent.json()).toMatchObject({ validity: 'permanent', validUntil: null });
    // Midnight in Beijing: the one valid through 2026-03-02 has expired.
    t.clock.set('2026-03-02T16:00:00Z');
    // The earlier sessions have idled out.
    centre = await sessionAs(t, 'centre');
    supplier = await logIn(t.app, 'quals', 'Yunqi2026abc');
    const seen = await centre.inject({ method: 'GET', url: `/api/suppliers/${organisationId}` });
    const items = seen.json<{ qualifications: { id: string; validity: string }[] }>().qualifications;
    expect(items.find((q) => q.id === today.json<{ id: string }>().id)?.validity).toBe('expired');

    // The scan is served to the supplier and the centre, as stored.
    const id = today.json<{ id: string }>().id;
    const scan = await centre.inject({
      method: 'GET',
      url: `/api/suppliers/${organisationId}/qualifications/${id}/file`,
    });
    expect(scan.statusCode).toBe(200);
    expect(scan.headers['content-type']).toBe('application/pdf');
    expect(scan.rawPayload.equals(PDF)).toBe(true);

    // Another supplier sees none of it.
    const other = await sessionAs(t, 'supplier');
    for (const url of [
      `/api/suppliers/${organisationId}`,
      `/api/suppliers/${organisationId}/qualifications/${id}/file`,
    ]) {
      expect((await other.inject({ method: 'GET', url })).statusCode).toBe(404);
    }
    const otherWithdraw = await other.inject({
      method: 'DELETE',
      url: `/api/suppliers/${organisationId}/qualifications/${id}`,
    });
    expect(otherWithdraw.statusCode).toBe(404);

    // Withdrawn: kept, marked, and cannot be withdrawn twice.
    const withdrawn = await supplier.inject({
      method: 'DELETE',
      url: `/api/suppliers/${organisationId}/qualifications/${id}`,
    });
    expect(withdrawn.statusCode).toBe(200);
    expect(withdrawn.json<{ withdrawnAt: string | null }>().withdrawnAt).not.toBeNull();
    const again = await supplier.inject({
      method: 'DELETE',
      url: `/api/suppliers/${organisationId}/qualifications/${id}`,
    });
    expect(again.statusCode).toBe(409);
    const types = (await t.services.db.select({ type: events.type }).from(events)).map((e) => e.type);
    expect(types.filter((x) => x === 'supplier.qualification_added').length).toBeGreaterThanOrEqual(3);
    expect(types).toContain('supplier.qualification_withdrawn');
  });

  it('a profile change after approval keeps the organisation active and is visible to the centre', async () => {
    const res = await signUp(signUpBody({ login: 'changer' }));
    const { organisationId } = res.json<{ organisationId: string }>();
    await approve(organisationId);
    const supplier = await logIn(t.app, 'changer', 'Yunqi2026abc');
    const change = await supplier.inject({
      method: 'PUT',
      url: '/api/suppliers/me/profile',
      payload: {
        profile: { industry: 'software-it-services', employees: 150, revenueFen: 2000 * WAN },
        declaration: { declaredScale: 'medium', confirmed: true },
      },
    });
    expect(change.statusCode, change.body).toBe(200);
    expect(change.json()).toMatchObject({
      status: 'active',
      profile: { derivedScale: 'medium' },
      declaration: { declaredScale: 'medium' },
    });
    expect(
      change.json<{ profile: { changedAfterApprovalAt: string | null } }>().profile.changedAfterApprovalAt,
    ).not.toBeNull();
    const unticked = await supplier.inject({
      method: 'PUT',
      url: '/api/suppliers/me/profile',
      payload: {
        profile: { industry: 'software-it-services', employees: 150, revenueFen: 2000 * WAN },
        declaration: { declaredScale: 'medium', confirmed: false },
      },
    });
    expect(unticked.json<Fields>().error.fields?.[0]).toMatchObject({ field: 'body.declaration.confirmed' });
  });
});
