import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../src/db/client';
import { migrateDatabase } from '../src/db/migrate';
import { appendEvent } from '../src/platform/events/append-event';
import { verifyLedger } from '../src/platform/events/verify-ledger';
import { createTestApp, logIn, makeUser, sessionAs, type TestApp } from './support/test-app';

/**
 * C4: editing, deleting or inserting rows of the event log directly in the database — as an administrator with
 * full database access would — is reported by the verifier (API and CLI).
 */
describe('event ledger tamper detection', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
    // Some real history: logins, a sign-up and its approval.
    for (let i = 0; i < 3; i++) await logIn(t.app, (await makeUser(t, 'supplier')).login);
    const centre = await sessionAs(t, 'centre');
    const signUp = await t.app.inject({
      method: 'POST',
      url: '/api/registrations/suppliers',
      payload: {
        organisation: { name: '贵州测试科技有限公司', uscc: '91440300708461136T' },
        profile: { industry: 'other', employees: 50 },
        declaration: { declaredScale: 'small', confirmed: true },
        user: {
          login: 'tamper-test',
          displayName: '测试',
          password: 'abc1234567',
          email: 'a@example.cn',
          phone: '13800000000',
        },
      },
    });
    expect(signUp.statusCode).toBe(201);
    const approve = await centre.inject({
      method: 'POST',
      url: `/api/organisations/${signUp.json<{ organisationId: string }>().organisationId}/approve`,
    });
    expect(approve.statusCode).toBe(200);
  });
  afterAll(() => t.close());

  const db = () => t.services.db;
  const rows = async <T>(statement: ReturnType<typeof sql>): Promise<T[]> => {
    const result: unknown = await db().execute(statement);
    return (result as { rows: T[] }).rows;
  };
  /** What a superuser does first: the append-only triggers are no obstacle to them. */
  const tamper = async (statement: ReturnType<typeof sql>) => {
    await db().execute(sql`alter table events disable trigger user`);
    try {
      await db().execute(statement);
    } finally {
      await db().execute(sql`alter table events enable trigger user`);
    }
  };

  it('an intact log verifies, through the API too', async () => {
    const report = await verifyLedger(db());
    expect(report.ok).toBe(true);
    // 3 logins, a sign-up (organisation, account, profile, SME declaration), the centre's login and approval.
    expect(report.size).toBe(9);
    const supervisor = await sessionAs(t, 'supervisor');
    const res = await supervisor.inject({ method: 'GET', url: '/api/ledger/verify' });
    expect(res.statusCode).toBe(200);
    expect(res.json<{ ok: boolean }>().ok).toBe(true);
  });

  it('the database refuses updates and deletes of events unless the triggers are disabled', async () => {
    await expect(db().execute(sql`update events set type = 'x' where seq = 1`)).rejects.toThrow();
    await expect(db().execute(sql`delete from events where seq = 1`)).rejects.toThrow();
  });

  it('detects an edited payload', async () => {
    await tamper(
      sql`update events set payload = jsonb_set(payload, '{failures}', '99') where seq = (select min(seq) from events where type = 'user.logged_in')`,
    );
    const report = await verifyLedger(db());
    expect(report.ok).toBe(false);
    expect(report.problems.map((p) => p.kind)).toEqual(['content_altered']);
    await tamper(sql`update events set payload = payload - 'failures' where payload ? 'failures'`);
    expect((await verifyLedger(db())).ok).toBe(true);
  });

  it('detects a replaced leaf hash (the content and the chain both disagree)', async () => {
    const [row] = await rows<{ seq: number; leaf_hash: string }>(
      sql`select seq, leaf_hash from events order by seq limit 1 offset 2`,
    );
    if (!row) throw new Error('no row');
    await tamper(sql`update events set leaf_hash = ${'f'.repeat(64)} where seq = ${row.seq}`);
    const report = await verifyLedger(db());
    expect(report.problems.map((p) => p.kind).sort()).toEqual(['chain_broken', 'content_altered']);
    await tamper(sql`update events set leaf_hash = ${row.leaf_hash} where seq = ${row.seq}`);
    expect((await verifyLedger(db())).ok).toBe(true);
  });

  it('detects a deleted row in the middle and at the end', async () => {
    const saved = await rows<Record<string, unknown>>(
      sql`select * from events where seq in (3, (select max(seq) from events)) order by seq`,
    );
    await tamper(sql`delete from events where seq = 3`);
    let report = await verifyLedger(db());
    expect(report.problems.map((p) => [p.seq, p.kind])).toEqual([
      [3, 'rows_missing'],
      [4, 'chain_broken'],
    ]);
    await tamper(sql`delete from events where seq = (select max(seq) from events)`);
    report = await verifyLedger(db());
    expect(report.problems.map((p) => p.kind)).toContain('head_mismatch');
    for (const r of saved) {
      await tamper(
        sql`insert into events select * from jsonb_populate_record(null::events, ${JSON.stringify(r)}::jsonb)`,
      );
    }
    expect((await verifyLedger(db())).ok).toBe(true);
  });

  it('detects an inserted row (forged at the end, or wedged in by renumbering)', async () => {
    await tamper(sql`insert into events (seq, type, version, payload, subject_type, subject_id, audience, occurred_at, leaf_hash, chain_hash)
      select max(seq) + 1, 'organisation.approved', 1, '{"organisationId":"00000000-0000-0000-0000-000000000001","name":"伪造"}', 'organisation', 'x', 'public', now(), ${'a'.repeat(64)}, ${'b'.repeat(64)} from events`);
    let report = await verifyLedger(db());
    expect(report.problems.map((p) => p.kind).sort()).toEqual(['chain_broken', 'content_altered', 'head_mismatch']);
    await tamper(sql`delete from events where seq = (select max(seq) from events)`);
    expect((await verifyLedger(db())).ok).toBe(true);

    // Wedge a copy of row 2 in after row 2 by shifting every later row up by one.
    await tamper(sql`update events set seq = -seq where seq > 2`);
    await tamper(sql`update events set seq = -seq + 1 where seq < 0`);
    await tamper(
      sql`insert into events select 3, type, version, payload, actor_user_id, actor_organisation_id, subject_type, subject_id, audience, audience_organisation_id, occurred_at, leaf_hash, chain_hash from events where seq = 2`,
    );
    report = await verifyLedger(db());
    expect(report.ok).toBe(false);
    expect(report.problems.map((p) => p.kind)).toContain('chain_broken');
    expect(report.problems.map((p) => p.kind)).toContain('content_altered');
  });

  it('the command-line verifier reports tampering and exits 1', async () => {
    // The CLI is another process: on PostgreSQL it opens this test's database; on PGlite an on-disk copy is made.
    let env: Record<string, string>;
    if (t.testDb.url) {
      env = { DATABASE_URL: t.testDb.url };
    } else {
      const dir = mkdtempSync(join(tmpdir(), 'zc-cli-'));
      const onDisk = await openDatabase({ kind: 'pglite', dataDir: join(dir, 'pglite') });
      await migrateDatabase(onDisk);
      for (const name of ['甲', '乙']) {
        await onDisk.db.transaction((tx) =>
          appendEvent(tx, t.clock, {
            type: 'organisation.approved',
            payload: { organisationId: '3f1c2a4e-8b7d-4c6a-9e5f-1a2b3c4d5e6f', name },
            actor: { userId: null, organisationId: null },
            subject: { type: 'organisation', id: 'x' },
            audience: { kind: 'public' },
          }),
        );
      }
      await onDisk.exec(
        `alter table events disable trigger user; update events set payload = '{"organisationId":"3f1c2a4e-8b7d-4c6a-9e5f-1a2b3c4d5e6f","name":"丙"}' where seq = 1`,
      );
      await onDisk.close();
      env = { DATA_DIR: dir };
    }
    const run = promisify(execFile);
    const result = await run('npx', ['tsx', 'src/cli/verify-ledger.ts', '--json'], {
      cwd: new URL('..', import.meta.url).pathname,
      env: { ...process.env, DATABASE_URL: '', ...env, LOG_LEVEL: 'silent' },
    }).then(
      () => ({ code: 0, stdout: '' }),
      (e: { code: number; stdout: string }) => ({ code: e.code, stdout: e.stdout }),
    );
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as { ok: boolean; problems: { kind: string }[] };
    expect(report.ok).toBe(false);
    expect(report.problems.map((p) => p.kind)).toContain('content_altered');
  });
});
