import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateUserKeys, openEscrowShare, type KeyEscrow, type UserKeys } from '@zhengcai/seal';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bidSubmissions, events, projectKeyHolders, projects } from '../src/db/schema';
import { errorSchema } from '../src/platform/http/responses';
import {
  complete,
  issueTestCertificates,
  priceSheetFor,
  publishedProject,
  revokeCertificate,
  sealForSubmission,
  startBid,
  startRequest,
  tus,
} from './support/bids';
import { takeSnapshot } from './support/db-snapshot';
import { projectFixture } from './support/project-fixture';
import { createTestApp, logIn, makeUser, type Session, type TestApp } from './support/test-app';

interface ProjectJson {
  status: string;
  keyEscrow: {
    threshold: number | null;
    holders: { userId: string; roleLabel: string; encryptionCertificate: boolean }[];
  } | null;
}

/** Emergency recovery, B1 (ADR 0015): the project names key holders and k; every bid escrows its key for them. */
describe('key escrow: project option and sealing', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ DATA_DIR: mkdtempSync(join(tmpdir(), 'zc-escrow-')), LOGIN_RATE_PER_MINUTE: '10000' });
  });
  afterAll(() => t.close());

  const errorOf = (body: string) => errorSchema.parse(JSON.parse(body)).error;

  it('a draft names key holders and k; publication refuses holders without encryption keys; frozen after', async () => {
    const purchaserUser = await makeUser(t, 'purchaser');
    const purchaser = await logIn(t.app, purchaserUser.login);
    const { projectId } = await projectFixture(
      t,
      { role: 'purchaser', userId: purchaserUser.id, organisationId: purchaserUser.organisationId },
      { whose: 'own' },
    );
    const centre = await makeUser(t, 'centre');
    const supervisor = await makeUser(t, 'supervisor');
    const colleague = await makeUser(t, 'purchaser', { organisationId: purchaserUser.organisationId ?? '' });
    const outsider = await makeUser(t, 'supplier');
    const otherPurchaser = await makeUser(t, 'purchaser');

    const candidates = await purchaser.inject({
      method: 'GET',
      url: `/api/projects/${projectId}/key-holder-candidates`,
    });
    expect(candidates.statusCode, candidates.body).toBe(200);
    const ids = candidates.json<{ items: { userId: string; encryptionCertificate: boolean }[] }>().items;
    expect(ids.map((c) => c.userId)).toEqual(expect.arrayContaining([centre.id, supervisor.id, colleague.id]));
    expect(ids.map((c) => c.userId)).not.toContain(outsider.id);
    expect(ids.map((c) => c.userId)).not.toContain(otherPurchaser.id);

    const put = (body: unknown) =>
      purchaser.inject({ method: 'PUT', url: `/api/projects/${projectId}/key-escrow`, payload: body as object });
    const holders = [
      { userId: centre.id, roleLabel: '交易中心' },
      { userId: supervisor.id, roleLabel: '监督部门' },
      { userId: colleague.id, roleLabel: '采购人' },
    ];
    const refusals: [unknown, string][] = [
      [{ threshold: 4, holders }, 'body.threshold'],
      [{ threshold: 1, holders }, 'body.threshold'],
      [{ threshold: null, holders }, 'body.threshold'],
      [{ threshold: 2, holders: [] }, 'body.threshold'],
      [{ threshold: 2, holders: [holders[0], holders[0]] }, 'body.holders'],
      [{ threshold: 2, holders: [holders[0], { userId: outsider.id, roleLabel: 'x' }] }, 'body.holders.1.userId'],
      [{ threshold: 2, holders: [holders[0], { userId: otherPurchaser.id, roleLabel: 'x' }] }, 'body.holders.1.userId'],
    ];
    for (const [body, field] of refusals) {
      const res = await put(body);
      expect(res.statusCode, res.body).toBe(400);
      expect(errorOf(res.body).fields?.map((f) => f.field)).toContain(field);
    }

    const set = await put({ threshold: 2, holders });
    expect(set.statusCode, set.body).toBe(200);
    const view = set.json<ProjectJson>();
    expect(view.keyEscrow?.threshold).toBe(2);
    expect(view.keyEscrow?.holders.map((h) => [h.userId, h.roleLabel, h.encryptionCertificate])).toEqual([
      [centre.id, '交易中心', false],
      [supervisor.id, '监督部门', false],
      [colleague.id, '采购人', false],
    ]);
    const logged = (await t.services.db.select().from(events)).filter((e) => e.type === 'project.key_escrow_set');
    expect(logged.at(-1)?.payload).toMatchObject({ projectId, threshold: 2 });

    // No holder has an encryption certificate yet: publication refused, each holder named, nothing changes.
    const before = await takeSnapshot(t.services.db);
    const blocked = await purchaser.inject({ method: 'POST', url: `/api/projects/${projectId}/publish` });
    expect(blocked.statusCode, blocked.body).toBe(409);
    const error = errorOf(blocked.body);
    expect(error.code).toBe('PUBLICATION_BLOCKED');
    expect(error.message.en).toContain('KEY_HOLDER_CERTIFICATE');
    expect(error.fields?.map((f) => f.field)).toEqual([
      'keyEscrow.holders.0',
      'keyEscrow.holders.1',
      'keyEscrow.holders.2',
    ]);
    expect(error.fields?.[0]?.reason.zh).toMatch(/加密证书/);
    expect(await takeSnapshot(t.services.db)).toEqual(before);

    // k out of range (written behind the API's back) is refused at publication too.
    for (const u of [centre, supervisor, colleague])
      await issueTestCertificates(t, { userId: u.id, organisationId: u.organisationId });
    await t.services.db.update(projects).set({ keyEscrowThreshold: 5 }).where(eq(projects.id, projectId));
    const k5 = await purchaser.inject({ method: 'POST', url: `/api/projects/${projectId}/publish` });
    expect(k5.statusCode, k5.body).toBe(409);
    expect(errorOf(k5.body).fields?.map((f) => f.field)).toEqual(['keyEscrow.threshold']);
    await t.services.db.update(projects).set({ keyEscrowThreshold: 2 }).where(eq(projects.id, projectId));

    const published = await purchaser.inject({ method: 'POST', url: `/api/projects/${projectId}/publish` });
    expect(published.statusCode, published.body).toBe(200);
    expect(published.json<ProjectJson>().keyEscrow?.holders.every((h) => h.encryptionCertificate)).toBe(true);
    const frozen = await put({ threshold: null, holders: [] });
    expect(frozen.statusCode, frozen.body).toBe(409);
  });

  async function supplier() {
    const user = await makeUser(t, 'supplier');
    const session = await logIn(t.app, user.login);
    const certs = await issueTestCertificates(t, { userId: user.id, organisationId: user.organisationId });
    return { user, session, ...certs };
  }

  /** A published project whose bids are escrowed 2-of-3 among holders with certificates. */
  async function escrowedProject() {
    const { project, lot } = await publishedProject(t);
    const holders: { id: string; keys: UserKeys; encryptionId: string }[] = [];
    for (const role of ['centre', 'supervisor', 'purchaser'] as const) {
      const user = await makeUser(
        t,
        role,
        role === 'purchaser' ? { organisationId: project.purchaserOrganisationId } : {},
      );
      const certs = await issueTestCertificates(t, { userId: user.id, organisationId: user.organisationId });
      holders.push({ id: user.id, keys: certs.keys, encryptionId: certs.encryptionId });
    }
    await t.services.db.insert(projectKeyHolders).values(
      holders.map((h, position) => ({
        projectId: project.id,
        userId: h.id,
        position,
        roleLabel: `保管人${position}`,
      })),
    );
    await t.services.db.update(projects).set({ keyEscrowThreshold: 2 }).where(eq(projects.id, project.id));
    return { project, lot, holders };
  }

  const bytes = new Uint8Array(50_000).map((_, i) => (i * 7) & 0xff);

  async function sealAndUpload(session: Session, start: Awaited<ReturnType<typeof startBid>>, keys: UserKeys) {
    const sealed = await sealForSubmission(start, keys, priceSheetFor(start.context.lotId, 9_900_000), [
      { name: '方案.pdf', bytes },
    ]);
    await tus.upload(session, start.submissionId, sealed.ciphertext);
    return sealed;
  }

  it('start issues the holders’ keys; the bid escrows its key, bound by the signature; stored with the envelope', async () => {
    const { project, lot, holders } = await escrowedProject();
    const me = await supplier();
    const start = await startBid(me.session, project.id, lot.id);
    expect(start.keyEscrow?.threshold).toBe(2);
    expect(start.keyEscrow?.holders.map((h) => [h.holderId, h.publicKey, h.certificateId])).toEqual(
      holders.map((h) => [h.id, h.keys.encryption.publicKey, h.encryptionId]),
    );
    const sealed = await sealAndUpload(me.session, start, me.keys);
    expect(sealed.envelope.statement.keyEscrowHash).toMatch(/^[0-9a-f]{64}$/);
    const res = await complete(me.session, start.submissionId, sealed.envelope);
    expect(res.statusCode, res.body).toBe(200);
    const [row] = await t.services.db.select().from(bidSubmissions).where(eq(bidSubmissions.id, start.submissionId));
    const stored = row?.envelope?.keyEscrow as KeyEscrow | undefined;
    expect(stored).toEqual(sealed.envelope.keyEscrow);
    expect(row?.envelope?.statement.keyEscrowHash).toBe(sealed.envelope.statement.keyEscrowHash);
    // Each holder can open its own share from what is stored.
    const share = await openEscrowShare({
      escrow: stored as KeyEscrow,
      holderId: holders[1]?.id ?? '',
      privateKey: holders[1]?.keys.encryption.privateKey ?? '',
      context: start.context,
    });
    expect(share.length).toBeGreaterThan(16);
  });

  it('refuses a bid without the escrow, with a tampered one, for other keys or another k, and one on a project without escrow', async () => {
    const { project, lot } = await escrowedProject();
    const cases: [string, (start: Awaited<ReturnType<typeof startBid>>) => typeof start][] = [
      ['no escrow', (start) => ({ ...start, keyEscrow: null })],
      ['another k', (start) => ({ ...start, keyEscrow: start.keyEscrow && { ...start.keyEscrow, threshold: 3 } })],
      [
        'another key',
        (start) => ({
          ...start,
          keyEscrow: start.keyEscrow && {
            ...start.keyEscrow,
            holders: start.keyEscrow.holders.map((h, i) =>
              i === 0 ? { ...h, publicKey: start.encryptionPublicKey } : h,
            ),
          },
        }),
      ],
      [
        'another holder order',
        (start) => ({
          ...start,
          keyEscrow: start.keyEscrow && { ...start.keyEscrow, holders: [...start.keyEscrow.holders].reverse() },
        }),
      ],
    ];
    for (const [label, change] of cases) {
      const me = await supplier();
      const start = await startBid(me.session, project.id, lot.id);
      const sealed = await sealAndUpload(me.session, change(start), me.keys);
      const before = await takeSnapshot(t.services.db);
      const res = await complete(me.session, start.submissionId, sealed.envelope);
      expect(res.statusCode, `${label}: ${res.body}`).toBe(422);
      expect(errorOf(res.body).code, label).toBe('KEY_ESCROW_MISMATCH');
      expect(errorOf(res.body).message.zh).toMatch(/托管/);
      expect(await takeSnapshot(t.services.db)).toEqual(before);
    }

    // The escrow changed after signing (the hash no longer binds it), or dropped from the envelope.
    for (const label of ['tampered', 'dropped']) {
      const me = await supplier();
      const start = await startBid(me.session, project.id, lot.id);
      const sealed = await sealAndUpload(me.session, start, me.keys);
      const escrow = sealed.envelope.keyEscrow as KeyEscrow;
      const envelope =
        label === 'tampered'
          ? { ...sealed.envelope, keyEscrow: { ...escrow, shares: [...escrow.shares].reverse() } }
          : { ...sealed.envelope, keyEscrow: undefined };
      const res = await complete(me.session, start.submissionId, envelope);
      expect(res.statusCode, `${label}: ${res.body}`).toBe(422);
      expect(errorOf(res.body).code, label).toBe('KEY_ESCROW_MISMATCH');
    }

    // A project without escrow refuses a bid that brings one.
    const plain = await publishedProject(t);
    const me = await supplier();
    const start = await startBid(me.session, plain.project.id, plain.lot.id);
    expect(start.keyEscrow).toBeNull();
    const extra = await generateUserKeys(start.suite);
    const other = await generateUserKeys(start.suite);
    const sealed = await sealAndUpload(
      me.session,
      {
        ...start,
        keyEscrow: {
          threshold: 2,
          holders: [
            { holderId: 'a', publicKey: extra.encryption.publicKey, certificateId: 'x', name: 'a' },
            { holderId: 'b', publicKey: other.encryption.publicKey, certificateId: 'y', name: 'b' },
          ],
        },
      },
      me.keys,
    );
    const res = await complete(me.session, start.submissionId, sealed.envelope);
    expect(res.statusCode, res.body).toBe(422);
    expect(errorOf(res.body).code).toBe('KEY_ESCROW_MISMATCH');
  });

  it('a holder’s certificate revoked: the bid in progress must be sealed again, and no bid starts until it is replaced', async () => {
    const { project, lot, holders } = await escrowedProject();
    const me = await supplier();
    const start = await startBid(me.session, project.id, lot.id);
    const sealed = await sealAndUpload(me.session, start, me.keys);
    await revokeCertificate(t, holders[2]?.encryptionId ?? '');
    const res = await complete(me.session, start.submissionId, sealed.envelope);
    expect(res.statusCode, res.body).toBe(409);
    expect(errorOf(res.body).code).toBe('KEY_ESCROW_CHANGED');
    const again = await startRequest(me.session, project.id, lot.id);
    expect(again.statusCode, again.body).toBe(409);
    expect(errorOf(again.body).code).toBe('KEY_HOLDER_UNAVAILABLE');
    expect(errorOf(again.body).message.zh).toContain('加密证书');
  });
});
