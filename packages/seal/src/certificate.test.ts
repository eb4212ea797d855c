/// <reference types="node" />
// Tests may use node:crypto and OpenSSL as independent references; browser-safe.test.ts keeps the library free of them.
import { execFileSync } from 'node:child_process';
import { X509Certificate, createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sm3 } from 'sm-crypto-v2';
import { beforeAll, describe, expect, it } from 'vitest';
import { toHex } from './bytes';
import {
  createCaCertificate,
  issueCertificate,
  randomSerial,
  type CertificateAuthority,
  type IssuedCertificate,
} from './certificate';
import { certificateFingerprint, parseCertificate, verifyCertificate } from './certificate-read';
import { fromPem, signatureFromDer, signatureToDer } from './der';
import { generateUserKeys, type UserKeys } from './key-file';
import { getSuite, SUITES, type Suite } from './suite';

const validity = { notBefore: new Date('2025-01-01T00:00:00Z'), notAfter: new Date('2027-01-01T00:00:00Z') };
const during = new Date('2026-06-01T00:00:00Z');
const supplier = {
  userId: 'u-1',
  organisationId: '91350100M000100Y43',
  name: '福州某某科技有限公司 张三',
  role: 'supplier',
};

function opensslAvailable(): boolean {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe.each(SUITES)('X.509 certificates (%s)', (suite: Suite) => {
  let ca: CertificateAuthority;
  let root: IssuedCertificate;
  let user: UserKeys;
  let signing: IssuedCertificate;
  let encryption: IssuedCertificate;

  beforeAll(async () => {
    ca = { suite, name: '政采平台 CA (test)', keys: await getSuite(suite).generateSigningKeyPair() };
    root = await createCaCertificate({ ca, validity, serial: '01' });
    user = await generateUserKeys(suite);
    signing = await issueCertificate({
      ca,
      subject: supplier,
      publicKey: user.signing.publicKey,
      usage: 'signing',
      validity,
      serial: '00ff01',
    });
    encryption = await issueCertificate({
      ca,
      subject: { ...supplier, organisationId: null, role: 'expert' },
      publicKey: user.encryption.publicKey,
      usage: 'encryption',
      validity,
      serial: randomSerial(),
    });
  });

  it('issues certificates that verify and read back', async () => {
    const result = await verifyCertificate(signing.pem, ca.keys.publicKey, during);
    expect(result).toMatchObject({
      valid: true,
      certificate: {
        suite,
        serial: 'ff01',
        issuerName: ca.name,
        subject: supplier,
        publicKey: user.signing.publicKey,
        usage: 'signing',
      },
    });
    expect(signing.serial).toBe('ff01');
    const enc = await parseCertificate(encryption.pem);
    expect(enc.usage).toBe('encryption');
    expect(enc.subject).toEqual({ ...supplier, organisationId: null, role: 'expert' });
    const self = await verifyCertificate(root.pem, ca.keys.publicKey, during);
    expect(self).toMatchObject({ valid: true, certificate: { usage: 'ca', subject: null } });
  });

  it('checks the validity period (inclusive) and the CA key', async () => {
    expect(await verifyCertificate(signing.pem, ca.keys.publicKey, validity.notBefore)).toMatchObject({ valid: true });
    expect(await verifyCertificate(signing.pem, ca.keys.publicKey, validity.notAfter)).toMatchObject({ valid: true });
    expect(await verifyCertificate(signing.pem, ca.keys.publicKey, new Date('2024-12-31T23:59:59Z'))).toEqual({
      valid: false,
      reason: 'NOT_YET_VALID',
    });
    expect(await verifyCertificate(signing.pem, ca.keys.publicKey, new Date('2027-01-01T00:00:01Z'))).toEqual({
      valid: false,
      reason: 'EXPIRED',
    });
    expect(await verifyCertificate(signing.pem, user.signing.publicKey, during)).toEqual({
      valid: false,
      reason: 'BAD_SIGNATURE',
    });
  });

  it('detects a changed byte in the signed part and rejects garbage', async () => {
    const der = fromPem(signing.pem);
    const nameAt = toHex(der).indexOf(toHex(new TextEncoder().encode('u-1'))) / 2;
    expect(nameAt).toBeGreaterThan(0);
    const altered = der.slice();
    altered[nameAt + 2] = 0x32; // u-1 → u-2
    expect(await verifyCertificate(altered, ca.keys.publicKey, during)).toEqual({
      valid: false,
      reason: 'BAD_SIGNATURE',
    });
    expect(await verifyCertificate(der.subarray(0, 100), ca.keys.publicKey, during)).toEqual({
      valid: false,
      reason: 'MALFORMED',
    });
    expect(await verifyCertificate('not a certificate', ca.keys.publicKey, during)).toEqual({
      valid: false,
      reason: 'MALFORMED',
    });
  });

  it('fingerprints the DER with the suite hash', async () => {
    const der = fromPem(signing.pem);
    const expected = suite === 'gm' ? sm3(der) : createHash('sha256').update(der).digest('hex');
    expect(await certificateFingerprint(signing.pem)).toBe(expected);
    expect(signing.fingerprint).toBe(expected);
  });

  it('refuses bad issuance parameters', async () => {
    const base = {
      ca,
      subject: supplier,
      publicKey: user.signing.publicKey,
      usage: 'signing' as const,
      validity,
      serial: '02',
    };
    await expect(issueCertificate({ ...base, serial: '00' })).rejects.toThrow(/INVALID_ARGUMENT/);
    await expect(issueCertificate({ ...base, serial: 'ab'.repeat(21) })).rejects.toThrow(/INVALID_ARGUMENT/);
    await expect(
      issueCertificate({ ...base, validity: { notBefore: validity.notAfter, notAfter: validity.notBefore } }),
    ).rejects.toThrow(/INVALID_ARGUMENT/);
    await expect(issueCertificate({ ...base, subject: { ...supplier, name: '' } })).rejects.toThrow(/INVALID_ARGUMENT/);
    await expect(issueCertificate({ ...base, publicKey: `04${'00'.repeat(64)}` })).rejects.toThrow(/INVALID_KEY/);
  });

  it.skipIf(!opensslAvailable())('OpenSSL accepts the chain (SM2 with the GB/T 35276 default id)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'zc-cert-'));
    try {
      writeFileSync(join(dir, 'ca.pem'), root.pem);
      writeFileSync(join(dir, 'leaf.pem'), signing.pem);
      writeFileSync(join(dir, 'enc.pem'), encryption.pem);
      const distid = suite === 'gm' ? ['-vfyopt', 'distid:1234567812345678'] : [];
      const out = execFileSync(
        'openssl',
        ['verify', ...distid, '-CAfile', join(dir, 'ca.pem'), join(dir, 'leaf.pem'), join(dir, 'enc.pem')],
        { encoding: 'utf8' },
      );
      expect(out).toMatch(/leaf\.pem: OK[\s\S]*enc\.pem: OK/);
      const text = execFileSync('openssl', ['x509', '-in', join(dir, 'leaf.pem'), '-noout', '-text'], {
        encoding: 'utf8',
      });
      expect(text).toContain(suite === 'gm' ? 'SM2-with-SM3' : 'ecdsa-with-SHA256');
      expect(text).toContain(suite === 'gm' ? 'ASN1 OID: SM2' : 'ASN1 OID: prime256v1');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('X.509 cross-checks', () => {
  it('node:crypto parses and verifies an intl certificate (OpenSSL under the hood)', async () => {
    const keys = await getSuite('intl').generateSigningKeyPair();
    const ca: CertificateAuthority = { suite: 'intl', name: 'Zhengcai Test CA', keys };
    const root = await createCaCertificate({ ca, validity, serial: '01' });
    const user = await generateUserKeys('intl');
    const leaf = await issueCertificate({
      ca,
      subject: supplier,
      publicKey: user.signing.publicKey,
      usage: 'signing',
      validity,
      serial: '2a',
    });
    const nodeRoot = new X509Certificate(root.pem);
    const nodeLeaf = new X509Certificate(leaf.pem);
    expect(nodeRoot.ca).toBe(true);
    expect(nodeLeaf.ca).toBe(false);
    expect(nodeLeaf.serialNumber).toBe('2A');
    expect(nodeLeaf.subject).toContain('UID=u-1');
    expect(nodeLeaf.checkIssued(nodeRoot)).toBe(true);
    expect(nodeLeaf.verify(nodeRoot.publicKey)).toBe(true);
    expect(nodeRoot.verify(nodeRoot.publicKey)).toBe(true);
  });

  it('a certificate from one suite does not verify under the other suite’s CA key', async () => {
    const gmCa: CertificateAuthority = { suite: 'gm', name: 'CA', keys: await getSuite('gm').generateSigningKeyPair() };
    const intlKeys = await getSuite('intl').generateSigningKeyPair();
    const user = await generateUserKeys('gm');
    const leaf = await issueCertificate({
      ca: gmCa,
      subject: supplier,
      publicKey: user.signing.publicKey,
      usage: 'signing',
      validity,
      serial: '03',
    });
    expect(await verifyCertificate(leaf.pem, intlKeys.publicKey, during)).toEqual({
      valid: false,
      reason: 'BAD_SIGNATURE',
    });
  });

  it('signature DER conversion is canonical both ways', () => {
    const raw = `${'00'.repeat(2)}${'7f'.repeat(30)}${'80'.repeat(32)}`;
    const der = signatureToDer(raw);
    expect(toHex(der)).toBe(`3043021e${'7f'.repeat(30)}022100${'80'.repeat(32)}`);
    expect(signatureFromDer(der)).toBe(raw);
    // A non-minimal INTEGER (superfluous leading zero) is refused.
    const loose = new Uint8Array([
      0x30,
      0x44,
      0x02,
      0x1f,
      0x00,
      ...new Array<number>(30).fill(0x7f),
      0x02,
      0x21,
      0x00,
      ...new Array<number>(32).fill(0x80),
    ]);
    expect(signatureFromDer(loose)).toBeNull();
  });
});
