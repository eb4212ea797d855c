import {
  createCaCertificate,
  createKeyFile,
  generateUserKeys,
  getSuite,
  issueCertificate,
  openKeyFile,
  randomSerial,
  type CertificateAuthority,
  type IssuedCertificate,
  type KeyPair,
  type Suite,
} from '@zhengcai/seal';
import { and, eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client';
import { platformKeys } from '../../db/schema';
import type { Clock } from '../clock';

export const PLATFORM_CA_NAME = '政采平台 CA / Zhengcai Platform CA';
const YEAR_MS = 365 * 24 * 3600 * 1000;

export interface PlatformKeySet {
  suite: Suite;
  ca: CertificateAuthority;
  caCertificate: IssuedCertificate;
  /** Signs receipts and records (a key separate from the CA's, certified by it). */
  service: { keys: KeyPair; certificate: IssuedCertificate };
}

export interface ServiceSignature {
  suite: Suite;
  /** The suite's signature over the bytes, hex. */
  signature: string;
  /** Fingerprint and PEM of the service certificate, so a verifier needs nothing else from us. */
  certificateFingerprint: string;
  certificatePem: string;
}

type Row = typeof platformKeys.$inferSelect;

const issued = (suite: Suite, row: Row): IssuedCertificate => ({
  suite,
  pem: row.certificatePem,
  fingerprint: row.fingerprint,
  serial: row.serial,
});

/**
 * The platform's own keys (C2 CA, signed receipts), created at first use and kept in the database inside
 * password-protected key files, so every instance of one deployment uses the same CA. Creation is serialised by an
 * advisory lock; the first instance creates, the others read.
 *
 * `get()` may touch the database: call it BEFORE opening a transaction (with the embedded database a query on `db`
 * inside a transaction waits forever — ENGINEERING.md known traps).
 */
export class PlatformKeys {
  private loading: Promise<PlatformKeySet> | null = null;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly suite: Suite,
    private readonly password: () => Promise<string>,
  ) {}

  get(): Promise<PlatformKeySet> {
    this.loading ??= this.load().catch((error: unknown) => {
      this.loading = null;
      throw error;
    });
    return this.loading;
  }

  async signAsService(bytes: Uint8Array): Promise<ServiceSignature> {
    const set = await this.get();
    const signature = await getSuite(set.suite).sign(set.service.keys.privateKey, bytes);
    return {
      suite: set.suite,
      signature,
      certificateFingerprint: set.service.certificate.fingerprint,
      certificatePem: set.service.certificate.pem,
    };
  }

  async verifyServiceSignature(bytes: Uint8Array, signature: string): Promise<boolean> {
    const set = await this.get();
    return getSuite(set.suite).verify(set.service.keys.publicKey, bytes, signature);
  }

  private async load(): Promise<PlatformKeySet> {
    const password = await this.password();
    const rows = await this.db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext('zhengcai.platform_keys'))`);
      const ca = (await this.find(tx, 'ca')) ?? (await this.createCa(tx, password));
      const service = (await this.find(tx, 'service')) ?? (await this.createService(tx, password, ca));
      return { ca, service };
    });
    const caKeys = await openKeyFile(rows.ca.keyFile, password);
    const serviceKeys = await openKeyFile(rows.service.keyFile, password);
    return {
      suite: this.suite,
      ca: { suite: this.suite, name: PLATFORM_CA_NAME, keys: caKeys.keys.signing },
      caCertificate: issued(this.suite, rows.ca),
      service: { keys: serviceKeys.keys.signing, certificate: issued(this.suite, rows.service) },
    };
  }

  private async find(tx: Tx, purpose: Row['purpose']): Promise<Row | undefined> {
    const [row] = await tx
      .select()
      .from(platformKeys)
      .where(and(eq(platformKeys.purpose, purpose), eq(platformKeys.suite, this.suite)));
    return row;
  }

  private async save(tx: Tx, purpose: Row['purpose'], keyFile: unknown, certificate: IssuedCertificate) {
    const [row] = await tx
      .insert(platformKeys)
      .values({
        purpose,
        suite: this.suite,
        keyFile,
        certificatePem: certificate.pem,
        fingerprint: certificate.fingerprint,
        serial: certificate.serial,
        createdAt: this.clock.now(),
      })
      .returning();
    if (!row) throw new Error('insert returned nothing');
    return row;
  }

  private validity(years: number) {
    const now = this.clock.now().getTime();
    return { notBefore: new Date(now - 60_000), notAfter: new Date(now + years * YEAR_MS) };
  }

  private async createCa(tx: Tx, password: string): Promise<Row> {
    const keys = await generateUserKeys(this.suite);
    const subject = { userId: 'platform-ca', login: 'platform-ca', organisationId: null };
    const keyFile = await createKeyFile(keys, password, { subject, createdAt: this.clock.now() });
    const certificate = await createCaCertificate({
      ca: { suite: this.suite, name: PLATFORM_CA_NAME, keys: keys.signing },
      validity: this.validity(20),
      serial: randomSerial(),
    });
    return this.save(tx, 'ca', keyFile, certificate);
  }

  private async createService(tx: Tx, password: string, caRow: Row): Promise<Row> {
    const caKeys = await openKeyFile(caRow.keyFile, password);
    const keys = await generateUserKeys(this.suite);
    const subject = { userId: 'platform-service', login: 'platform-service', organisationId: null };
    const keyFile = await createKeyFile(keys, password, { subject, createdAt: this.clock.now() });
    const certificate = await issueCertificate({
      ca: { suite: this.suite, name: PLATFORM_CA_NAME, keys: caKeys.keys.signing },
      subject: {
        userId: 'platform-service',
        organisationId: null,
        name: '政采平台服务签名 / Zhengcai service',
        role: 'platform',
      },
      publicKey: keys.signing.publicKey,
      usage: 'signing',
      validity: this.validity(10),
      serial: randomSerial(),
    });
    return this.save(tx, 'service', keyFile, certificate);
  }
}
