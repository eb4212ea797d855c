import { getSuite, parseCertificate, verifyCertificate } from '@zhengcai/seal';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { platformKeys } from '../src/db/schema';
import { PlatformKeys } from '../src/platform/keys/platform-keys';
import { createTestApp, type TestApp } from './support/test-app';

describe('platform keys', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('creates the CA and a service key once, and a second instance opens the same ones', async () => {
    const first = await t.services.platformKeys.get();
    const again = new PlatformKeys(t.services.db, t.clock, 'gm', () =>
      Promise.resolve('platform-key-password-for-tests'),
    );
    const second = await again.get();
    expect(second.caCertificate.fingerprint).toBe(first.caCertificate.fingerprint);
    expect(second.service.keys.publicKey).toBe(first.service.keys.publicKey);
    expect(await t.services.db.select().from(platformKeys)).toHaveLength(2);
  });

  it('stores no private key in the clear', async () => {
    const { ca, service } = await t.services.platformKeys.get();
    const dump = JSON.stringify(await t.services.db.select().from(platformKeys));
    expect(dump).not.toContain(ca.keys.privateKey);
    expect(dump).not.toContain(service.keys.privateKey);
  });

  it('certifies the service key with the CA and signs with it', async () => {
    const set = await t.services.platformKeys.get();
    const checked = await verifyCertificate(set.service.certificate.pem, set.ca.keys.publicKey, t.clock.now());
    expect(checked.valid).toBe(true);
    expect((await parseCertificate(set.caCertificate.pem)).usage).toBe('ca');
    const bytes = new TextEncoder().encode('receipt');
    const signed = await t.services.platformKeys.signAsService(bytes);
    expect(await getSuite('gm').verify(set.service.keys.publicKey, bytes, signed.signature)).toBe(true);
    expect(
      await t.services.platformKeys.verifyServiceSignature(new TextEncoder().encode('other'), signed.signature),
    ).toBe(false);
  });

  it('refuses to open the keys with another password', async () => {
    const wrong = new PlatformKeys(t.services.db, t.clock, 'gm', () =>
      Promise.resolve('a-different-password-entirely'),
    );
    await expect(wrong.get()).rejects.toMatchObject({ code: 'WRONG_KEY_FILE_PASSWORD' });
  });
});
