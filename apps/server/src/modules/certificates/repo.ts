import { and, desc, eq, gt, isNull, lte } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { certificates } from '../../db/schema';

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
