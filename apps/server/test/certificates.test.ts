import { generateUserKeys, parseCertificate, signChallenge, verifyCertificate } from '@zhengcai/seal';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { events, organisations, users } from '../src/db/schema';
import { findUsableCertificates } from '../src/modules/certificates/repo';
import { verifyUserSignature } from '../src/modules/certificates/verify-user-signature';
import { takeSnapshot, type DbSnapshot } from './support/db-snapshot';
import {
  certificateLoginBody,
  enrolAs,
  logInByCertificate,
  loginChallenge,
  type ChallengeAnswer,
} from './support/certificates';
import { createTestApp, makeUser, logIn, sessionAs, type TestApp } from './support/test-app';

type ErrorBody = { error: { code: string; message: { zh: string; en: string }; fields?: { field: string }[] } };
const codeOf = (res: { json: <T>() => T }) => res.json<ErrorBody>().error.code;

describe.each(['gm', 'intl'] as const)('certificates (C2), suite %s', (suite) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ CRYPTO_SUITE: suite, LOGIN_RATE_PER_MINUTE: '10000' });
  });
  afterAll(() => t.close());

  const eventsOf = async (type: string) =>
    (await t.services.db.select().from(events).where(eq(events.type, type)).orderBy(events.seq)).map((e) => ({
      ...e,
      payload: e.payload as Record<string, unknown>,
    }));

  it('enrols: the CA certifies the two browser-made public keys; list, status, PEM and events follow', async () => {
    const supplier = await sessionAs(t, 'supplier');
    const enrolled = await enrolAs(supplier);
    expect(enrolled.keys.suite).toBe(suite);

    const mine = await supplier.inject({ method: 'GET', url: '/api/certificates/mine' });
    const items = mine.json<{ items: { bundleId: string; status: string; current: boolean; suite: string }[] }>().items;
    expect(items).toEqual([
      expect.objectContaining({ bundleId: enrolled.bundleId, status: 'valid', current: true, suite }),
    ]);

    // The PEM is a real X.509 certificate from the platform CA, for the signing key the browser made.
    const pem = await supplier.inject({ method: 'GET', url: `/api/certificates/${enrolled.signing.id}/pem` });
    const ca = await t.app.inject({ method: 'GET', url: '/api/certificates/ca' });
    const caBody = ca.json<{ pem: string; suite: string }>();
    expect(caBody.suite).toBe(suite);
    const caInfo = await parseCertificate(caBody.pem);
    const verified = await verifyCertificate(pem.json<{ pem: string }>().pem, caInfo.publicKey, t.clock.now());
    expect(verified.valid).toBe(true);
    if (verified.valid) {
      expect(verified.certificate.publicKey).toBe(enrolled.keys.signing.publicKey);
      expect(verified.certificate.usage).toBe('signing');
      expect(verified.certificate.subject).toMatchObject({ userId: supplier.userId, role: 'supplier' });
      const years =
        (verified.certificate.notAfter.getTime() - verified.certificate.notBefore.getTime()) / 31_536_000_000;
      expect(years).toBeCloseTo(2, 1);
    }
    expect(enrolled.signing.serial).not.toBe(enrolled.encryption.serial);

    // Public status by serial and by fingerprint (like OCSP), unknown → 404, bad query → 400 in both languages.
    const bySerial = await t.app.inject({
      method: 'GET',
      url: `/api/certificates/status?serial=${enrolled.signing.serial}`,
    });
    expect(bySerial.json()).toMatchObject({ status: 'valid', usage: 'signing', suite });
    const byPrint = await t.app.inject({
      method: 'GET',
      url: `/api/certificates/status?fingerprint=${enrolled.encryption.fingerprint}`,
    });
    expect(byPrint.json()).toMatchObject({ status: 'valid', usage: 'encryption' });
    expect((await t.app.inject({ method: 'GET', url: '/api/certificates/status?serial=abc123' })).statusCode).toBe(404);
    const bad = await t.app.inject({ method: 'GET', url: '/api/certificates/status?serial=XYZ' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<ErrorBody>().error.fields?.[0]?.field).toBe('query.serial');

    // Someone else cannot read my PEM (404); the centre can.
    const other = await sessionAs(t, 'supplier');
    expect(
      (await other.inject({ method: 'GET', url: `/api/certificates/${enrolled.signing.id}/pem` })).statusCode,
    ).toBe(404);
    const centre = await sessionAs(t, 'centre');
    expect(
      (await centre.inject({ method: 'GET', url: `/api/certificates/${enrolled.signing.id}/pem` })).statusCode,
    ).toBe(200);

    const issued = await eventsOf('certificate.issued');
    const mineIssued = issued.find((e) => e.payload.bundleId === enrolled.bundleId);
    expect(mineIssued?.payload).toMatchObject({
      userId: supplier.userId,
      signingSerial: enrolled.signing.serial,
      suite,
    });
    expect(JSON.stringify(mineIssued)).not.toContain(enrolled.keys.signing.privateKey);
  });

  it('refuses an enrolment signed by another key, a replayed challenge and bad keys, changing nothing', async () => {
    const supplier = await sessionAs(t, 'supplier');
    const start = await supplier.inject({ method: 'POST', url: '/api/certificates/enrolment-challenge' });
    const { challengeId, challenge } = start.json<ChallengeAnswer>();
    const keys = await generateUserKeys(suite);
    const stranger = await generateUserKeys(suite);
    const body = {
      challengeId,
      signingPublicKey: keys.signing.publicKey,
      encryptionPublicKey: keys.encryption.publicKey,
      signature: await signChallenge(suite, stranger.signing.privateKey, challenge),
    };
    const other = await sessionAs(t, 'supplier');
    const before = await takeSnapshot(t.services.db);
    const wrong = await supplier.inject({ method: 'POST', url: '/api/certificates', payload: body });
    expect(wrong.statusCode).toBe(401);
    expect(codeOf(wrong)).toBe('SIGNATURE_INVALID');
    const notAPoint = await supplier.inject({
      method: 'POST',
      url: '/api/certificates',
      payload: { ...body, encryptionPublicKey: `04${'11'.repeat(64)}` },
    });
    expect(notAPoint.statusCode).toBe(400);
    expect(notAPoint.json<ErrorBody>().error.fields?.[0]?.field).toBe('body.encryptionPublicKey');
    const malformed = await supplier.inject({
      method: 'POST',
      url: '/api/certificates',
      payload: { ...body, signature: 'zz' },
    });
    expect(malformed.statusCode).toBe(400);
    // Another user's enrolment challenge is not mine.
    const stolen = await other.inject({
      method: 'POST',
      url: '/api/certificates',
      payload: { ...body, signature: await signChallenge(suite, keys.signing.privateKey, challenge) },
    });
    expect(codeOf(stolen)).toBe('CHALLENGE_UNKNOWN');
    expect(await takeSnapshot(t.services.db)).toEqual(before);

    const good = { ...body, signature: await signChallenge(suite, keys.signing.privateKey, challenge) };
    expect((await supplier.inject({ method: 'POST', url: '/api/certificates', payload: good })).statusCode).toBe(201);
    const replay = await supplier.inject({ method: 'POST', url: '/api/certificates', payload: good });
    expect(codeOf(replay)).toBe('CHALLENGE_USED');
    // The same keys cannot be certified twice.
    const again = await enrolAs(supplier, { keys }).catch((e: Error) => e.message);
    expect(again).toContain('PUBLIC_KEY_CERTIFIED');
  });

  it('a member of an organisation that is not active cannot enrol', async () => {
    const supplier = await sessionAs(t, 'supplier');
    await t.services.db
      .update(organisations)
      .set({ status: 'suspended' })
      .where(eq(organisations.id, supplier.organisationId ?? ''));
    const res = await supplier.inject({ method: 'POST', url: '/api/certificates/enrolment-challenge' });
    expect(res.statusCode).toBe(403);
    expect(codeOf(res)).toBe('ORGANISATION_NOT_ACTIVE');
  });

  it('logs in by certificate into a normal session; each way of naming the certificate works', async () => {
    const user = await makeUser(t, 'supplier');
    const supplier = await logIn(t.app, user.login);
    const { keys, signing } = await enrolAs(supplier);
    for (const by of [
      { serial: signing.serial },
      { fingerprint: signing.fingerprint },
      { publicKey: keys.signing.publicKey },
    ]) {
      const res = await logInByCertificate(t.app, await certificateLoginBody(t.app, keys, by));
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ user: { id: user.id, login: user.login }, via: 'session' });
      const cookie = res.cookies.find((c) => c.name === 'zc_session');
      expect(cookie?.httpOnly).toBe(true);
      const me = await t.app.inject({ method: 'GET', url: '/api/me', cookies: { zc_session: cookie?.value ?? '' } });
      expect(me.json<{ user: { id: string } }>().user.id).toBe(user.id);
    }
    const logins = (await eventsOf('user.logged_in')).filter((e) => e.payload.userId === user.id);
    expect(logins.map((e) => e.payload.method)).toEqual(['password', 'certificate', 'certificate', 'certificate']);
  });

  it('refuses replayed and expired challenges, another user’s certificate, and wrong signatures, changing nothing', async () => {
    const me = await sessionAs(t, 'supplier');
    const mine = await enrolAs(me);
    const other = await sessionAs(t, 'supplier');
    const theirs = await enrolAs(other);

    const challenge = await loginChallenge(t.app);
    const body = await certificateLoginBody(t.app, mine.keys, { serial: mine.signing.serial }, challenge);
    expect((await logInByCertificate(t.app, body)).statusCode).toBe(200);
    const before = await takeSnapshot(t.services.db);
    const replayed = await logInByCertificate(t.app, body);
    expect(replayed.statusCode).toBe(401);
    expect(codeOf(replayed)).toBe('CHALLENGE_USED');
    expect(replayed.json<ErrorBody>().error.message.zh).toContain('已被使用');

    // Another user's certificate, signed with my key.
    const impostor = await logInByCertificate(
      t.app,
      await certificateLoginBody(t.app, mine.keys, { serial: theirs.signing.serial }),
    );
    expect(codeOf(impostor)).toBe('SIGNATURE_INVALID');
    // The encryption certificate is not a login certificate; an unknown serial is unknown.
    const encryption = await logInByCertificate(
      t.app,
      await certificateLoginBody(t.app, mine.keys, { serial: mine.encryption.serial }),
    );
    expect(codeOf(encryption)).toBe('CERTIFICATE_UNKNOWN');
    const unknown = await logInByCertificate(t.app, await certificateLoginBody(t.app, mine.keys, { serial: 'abcdef' }));
    expect(codeOf(unknown)).toBe('CERTIFICATE_UNKNOWN');
    const unknownChallenge = await logInByCertificate(t.app, {
      ...body,
      challengeId: '00000000-0000-4000-8000-000000000000',
    });
    expect(codeOf(unknownChallenge)).toBe('CHALLENGE_UNKNOWN');
    const neither = await logInByCertificate(t.app, { challengeId: challenge.challengeId, signature: body.signature });
    expect(neither.statusCode).toBe(400);

    // Expired: the challenge is answered six minutes later by the server clock.
    const late = await loginChallenge(t.app);
    const lateBody = await certificateLoginBody(t.app, mine.keys, { serial: mine.signing.serial }, late);
    t.clock.advance(6 * 60_000);
    const expired = await logInByCertificate(t.app, lateBody);
    expect(codeOf(expired)).toBe('CHALLENGE_EXPIRED');
    // A challenge from one origin is not redeemed from another.
    const foreign = await t.app.inject({
      method: 'POST',
      url: '/api/auth/certificate/login',
      headers: { origin: 'https://evil.example' },
      payload: await certificateLoginBody(t.app, mine.keys, { serial: mine.signing.serial }),
    });
    expect(codeOf(foreign)).toBe('CHALLENGE_UNKNOWN');
    // Refusals write nothing but the challenges they asked for.
    const withoutChallenges = (snap: DbSnapshot) => ({
      ...snap,
      writes: { ...snap.writes, login_challenges: 0 },
    });
    expect(withoutChallenges(await takeSnapshot(t.services.db))).toEqual(withoutChallenges(before));
  });

  it('the holder revokes their own bundle: login, status, list, CRL and findUsableCertificates all refuse it', async () => {
    const supplier = await sessionAs(t, 'supplier');
    const { keys, bundleId, signing } = await enrolAs(supplier);
    const bad = await supplier.inject({
      method: 'POST',
      url: `/api/certificates/bundles/${bundleId}/revoke`,
      payload: { reason: 'cessation_of_operation' },
    });
    expect(bad.statusCode).toBe(400);
    const res = await supplier.inject({
      method: 'POST',
      url: `/api/certificates/bundles/${bundleId}/revoke`,
      payload: { reason: 'key_lost' },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'revoked', revocationReason: 'key_lost', current: false });
    const twice = await supplier.inject({
      method: 'POST',
      url: `/api/certificates/bundles/${bundleId}/revoke`,
      payload: { reason: 'key_lost' },
    });
    expect(twice.statusCode).toBe(409);

    const login = await logInByCertificate(t.app, await certificateLoginBody(t.app, keys, { serial: signing.serial }));
    expect(login.statusCode).toBe(401);
    expect(codeOf(login)).toBe('CERTIFICATE_REVOKED');
    expect(await findUsableCertificates(t.services.db, supplier.userId, t.clock.now())).toBeNull();
    const status = await t.app.inject({ method: 'GET', url: `/api/certificates/status?serial=${signing.serial}` });
    expect(status.json()).toMatchObject({ status: 'revoked', revocationReason: 'key_lost' });

    const crl = await t.app.inject({ method: 'GET', url: '/api/certificates/revocations' });
    const list = crl.json<{
      entries: { serial: string; reason: string }[];
      signature: string;
      issuerFingerprint: string;
    }>();
    expect(list.entries).toContainEqual(expect.objectContaining({ serial: signing.serial, reason: 'key_lost' }));
    // The list is signed by the CA.
    const { canonicalBytes, getSuite } = await import('@zhengcai/seal');
    const ca = await parseCertificate(
      (await t.app.inject({ method: 'GET', url: '/api/certificates/ca' })).json<{ pem: string }>().pem,
    );
    const { signature, ...signed } = list;
    expect(await getSuite(suite).verify(ca.publicKey, canonicalBytes(signed), signature)).toBe(true);
    expect(await getSuite(suite).verify(ca.publicKey, canonicalBytes({ ...signed, entries: [] }), signature)).toBe(
      false,
    );
  });

  it("centre staff revoke another's bundle; another supplier cannot even see it", async () => {
    const supplier = await sessionAs(t, 'supplier');
    const { bundleId } = await enrolAs(supplier);
    const other = await sessionAs(t, 'supplier');
    const refused = await other.inject({
      method: 'POST',
      url: `/api/certificates/bundles/${bundleId}/revoke`,
      payload: { reason: 'key_compromise' },
    });
    expect(refused.statusCode).toBe(404);
    const centre = await sessionAs(t, 'centre');
    const all = await centre.inject({ method: 'GET', url: '/api/certificates' });
    expect(all.json<{ items: { bundleId: string; abilities: { revoke: boolean } }[] }>().items).toContainEqual(
      expect.objectContaining({ bundleId, abilities: { revoke: true } }),
    );
    const res = await centre.inject({
      method: 'POST',
      url: `/api/certificates/bundles/${bundleId}/revoke`,
      payload: { reason: 'affiliation_changed', note: '该员工已离职' },
    });
    expect(res.statusCode, res.body).toBe(200);
    const revoked = (await eventsOf('certificate.revoked')).find((e) => e.payload.bundleId === bundleId);
    expect(revoked?.payload).toMatchObject({ reason: 'affiliation_changed', note: '该员工已离职', byHolder: false });
  });

  it('a new bundle supersedes the old one for use; the old stays valid unless the holder asks to revoke it', async () => {
    const supplier = await sessionAs(t, 'supplier');
    const first = await enrolAs(supplier);
    t.clock.advance(60_000);
    const second = await enrolAs(supplier);
    const items = (await supplier.inject({ method: 'GET', url: '/api/certificates/mine' })).json<{
      items: { bundleId: string; status: string; current: boolean }[];
    }>().items;
    expect(items.map((i) => [i.bundleId, i.status, i.current])).toEqual([
      [second.bundleId, 'valid', true],
      [first.bundleId, 'valid', false],
    ]);
    const old = await logInByCertificate(
      t.app,
      await certificateLoginBody(t.app, first.keys, { serial: first.signing.serial }),
    );
    expect(codeOf(old)).toBe('CERTIFICATE_SUPERSEDED');
    t.clock.advance(60_000);
    const third = await enrolAs(supplier, { revokePrevious: true });
    const after = (await supplier.inject({ method: 'GET', url: '/api/certificates/mine' })).json<{
      items: { bundleId: string; status: string; revocationReason: string | null }[];
    }>().items;
    expect(after.map((i) => [i.bundleId, i.status, i.revocationReason])).toEqual([
      [third.bundleId, 'valid', null],
      [second.bundleId, 'revoked', 'superseded'],
      [first.bundleId, 'revoked', 'superseded'],
    ]);
  });

  it('refuses certificate login for a locked or disabled account and an inactive organisation', async () => {
    const supplier = await sessionAs(t, 'supplier');
    const { keys, signing } = await enrolAs(supplier);
    const attempt = async () =>
      logInByCertificate(t.app, await certificateLoginBody(t.app, keys, { serial: signing.serial }));
    const until = new Date(t.clock.now().getTime() + 10 * 60_000);
    await t.services.db.update(users).set({ lockedUntil: until }).where(eq(users.id, supplier.userId));
    expect(codeOf(await attempt())).toBe('ACCOUNT_LOCKED');
    await t.services.db
      .update(users)
      .set({ lockedUntil: null, status: 'disabled' })
      .where(eq(users.id, supplier.userId));
    expect(codeOf(await attempt())).toBe('ACCOUNT_DISABLED');
    await t.services.db.update(users).set({ status: 'active' }).where(eq(users.id, supplier.userId));
    await t.services.db
      .update(organisations)
      .set({ status: 'suspended' })
      .where(eq(organisations.id, supplier.organisationId ?? ''));
    const res = await attempt();
    expect(res.statusCode).toBe(403);
    expect(codeOf(res)).toBe('ORGANISATION_NOT_ACTIVE');
    expect(res.json<ErrorBody>().error.message.en).toContain('suspended');
  });

  it('an expired certificate is refused; verifyUserSignature uses only the usable certificate', async () => {
    const expert = await sessionAs(t, 'expert');
    const { keys, signing } = await enrolAs(expert);
    const message = new TextEncoder().encode('{"type":"test-statement","value":1}');
    const { getSuite } = await import('@zhengcai/seal');
    const signature = await getSuite(suite).sign(keys.signing.privateKey, message);
    const ok = await verifyUserSignature(t.services, expert.userId, message, signature, t.clock.now());
    expect(ok).toMatchObject({ valid: true, certificate: { serial: signing.serial } });
    const tampered = await verifyUserSignature(
      t.services,
      expert.userId,
      new Uint8Array([1, ...message]),
      signature,
      t.clock.now(),
    );
    expect(tampered).toEqual({ valid: false, reason: 'BAD_SIGNATURE' });
    const byEncryptionKey = await getSuite(suite).sign(keys.encryption.privateKey, message);
    expect((await verifyUserSignature(t.services, expert.userId, message, byEncryptionKey, t.clock.now())).valid).toBe(
      false,
    );

    const later = new Date(t.clock.now().getTime() + 2 * 366 * 24 * 3600 * 1000);
    expect(await verifyUserSignature(t.services, expert.userId, message, signature, later)).toEqual({
      valid: false,
      reason: 'NO_USABLE_CERTIFICATE',
    });
    const saved = t.clock.now();
    t.clock.set(later);
    try {
      const res = await logInByCertificate(t.app, await certificateLoginBody(t.app, keys, { serial: signing.serial }));
      expect(codeOf(res)).toBe('CERTIFICATE_EXPIRED');
    } finally {
      t.clock.set(saved);
    }
  });
});
