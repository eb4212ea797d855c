import { and, asc, desc, eq, gt, inArray, isNotNull, isNull, lte, ne } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { certificates, organisations, users } from '../../db/schema';

export type CertificateRow = typeof certificates.$inferSelect;

export interface UsableCertificates {
  signing: CertificateRow;
  encryption: CertificateRow;
}

/**
 * The user's newest certificate bundle that is usable at `at`: both certificates unrevoked and inside their validity.
 * Sealing and verifying bids, login by certificate and signatures all go through this one lookup, so a revoked or
 * expired certificate is refused everywhere at once.
 */
export async function findUsableCertificates(
  db: Executor,
  userId: string,
  at: Date,
): Promise<UsableCertificates | null> {
  const rows = await db
    .select()
    .from(certificates)
    .where(
      and(
        eq(certificates.userId, userId),
        isNull(certificates.revokedAt),
        lte(certificates.notBefore, at),
        gt(certificates.notAfter, at),
      ),
    )
    .orderBy(desc(certificates.issuedAt));
  for (const row of rows) {
    if (row.usage !== 'signing') continue;
    const encryption = rows.find((r) => r.bundleId === row.bundleId && r.usage === 'encryption');
    if (encryption) return { signing: row, encryption };
  }
  return null;
}

export async function findCertificate(
  db: Executor,
  by: { id: string } | { serial: string } | { fingerprint: string } | { publicKey: string },
): Promise<CertificateRow | undefined> {
  const where =
    'id' in by
      ? eq(certificates.id, by.id)
      : 'serial' in by
        ? eq(certificates.serial, by.serial)
        : 'fingerprint' in by
          ? eq(certificates.fingerprint, by.fingerprint)
          : and(eq(certificates.publicKey, by.publicKey), eq(certificates.usage, 'signing'));
  const [row] = await db.select().from(certificates).where(where).orderBy(desc(certificates.issuedAt)).limit(1);
  return row;
}

export async function publicKeyCertified(db: Executor, publicKeys: string[]): Promise<boolean> {
  const rows = await db
    .select({ id: certificates.id })
    .from(certificates)
    .where(inArray(certificates.publicKey, publicKeys))
    .limit(1);
  return rows.length > 0;
}

export async function bundleRows(db: Executor, bundleId: string): Promise<CertificateRow[]> {
  return db.select().from(certificates).where(eq(certificates.bundleId, bundleId)).orderBy(certificates.usage);
}

export interface HolderRow {
  certificate: CertificateRow;
  login: string;
  displayName: string;
  role: string;
  organisationName: string | null;
}

/** Certificates with their holders, newest first: one user's (`userId`) or every one. */
export async function listCertificates(
  db: Executor,
  filter: { userId?: string; limit?: number },
): Promise<HolderRow[]> {
  const rows = await db
    .select({
      certificate: certificates,
      login: users.login,
      displayName: users.displayName,
      role: users.role,
      organisationName: organisations.name,
    })
    .from(certificates)
    .innerJoin(users, eq(users.id, certificates.userId))
    .leftJoin(organisations, eq(organisations.id, certificates.organisationId))
    .where(filter.userId ? eq(certificates.userId, filter.userId) : undefined)
    .orderBy(desc(certificates.issuedAt), certificates.bundleId, certificates.usage)
    .limit(filter.limit ?? 1000);
  return rows;
}

/** Every revoked certificate (the revocation list), oldest revocation first. */
export async function revokedCertificates(db: Executor): Promise<CertificateRow[]> {
  return db
    .select()
    .from(certificates)
    .where(isNotNull(certificates.revokedAt))
    .orderBy(asc(certificates.revokedAt), certificates.serial);
}

/** The user's unrevoked bundles other than `keep` (to revoke as superseded). */
export async function otherUnrevokedBundles(db: Executor, userId: string, keep: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ bundleId: certificates.bundleId })
    .from(certificates)
    .where(and(eq(certificates.userId, userId), isNull(certificates.revokedAt), ne(certificates.bundleId, keep)));
  return rows.map((r) => r.bundleId);
}
