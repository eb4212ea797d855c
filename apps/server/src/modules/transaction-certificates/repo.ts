import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Executor, Tx } from '../../db/client';
import {
  awards,
  bidSubmissions,
  ledgerHead,
  lots,
  notices,
  openingHalls,
  organisations,
  projects,
  transactionCertificateSequence,
  transactionCertificates,
} from '../../db/schema';

export type CertificateRow = typeof transactionCertificates.$inferSelect;
export type NewCertificateRow = typeof transactionCertificates.$inferInsert;

export async function findCertificateByNumber(db: Executor, number: string): Promise<CertificateRow | undefined> {
  const [row] = await db.select().from(transactionCertificates).where(eq(transactionCertificates.number, number));
  return row;
}

export async function findCertificateByLot(db: Executor, lotId: string): Promise<CertificateRow | undefined> {
  const [row] = await db.select().from(transactionCertificates).where(eq(transactionCertificates.lotId, lotId));
  return row;
}

/** The certificate, locked for a change (revocation). */
export async function lockCertificate(tx: Tx, number: string): Promise<CertificateRow | undefined> {
  const [row] = await tx
    .select()
    .from(transactionCertificates)
    .where(eq(transactionCertificates.number, number))
    .for('update');
  return row;
}

/** Newest first. */
export async function listCertificates(db: Executor, limit: number): Promise<CertificateRow[]> {
  return db.select().from(transactionCertificates).orderBy(desc(transactionCertificates.issuedAt)).limit(limit);
}

/**
 * The lot and its project, the lot row locked `FOR UPDATE`: two awards of one lot at once are serialised here, so
 * the second finds the first's certificate.
 */
export async function lockLotWithProject(tx: Tx, lotId: string) {
  const [lot] = await tx.select().from(lots).where(eq(lots.id, lotId)).for('update');
  if (!lot) return undefined;
  const [project] = await tx.select().from(projects).where(eq(projects.id, lot.projectId));
  return project ? { lot, project } : undefined;
}

export async function findOrganisation(db: Executor, id: string) {
  const [row] = await db.select().from(organisations).where(eq(organisations.id, id));
  return row;
}

/** The trading centre that issues certificates: the platform's (first registered) active centre organisation. */
export async function findIssuingCentre(db: Executor) {
  const [row] = await db
    .select()
    .from(organisations)
    .where(and(eq(organisations.kind, 'centre'), eq(organisations.status, 'active')))
    .orderBy(asc(organisations.createdAt), asc(organisations.id))
    .limit(1);
  return row;
}

/** Whether the organisation has a bid that counts (submitted, neither withdrawn nor replaced) on the lot. */
export async function hasCountedBid(db: Executor, lotId: string, organisationId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: bidSubmissions.id })
    .from(bidSubmissions)
    .where(
      and(
        eq(bidSubmissions.lotId, lotId),
        eq(bidSubmissions.organisationId, organisationId),
        eq(bidSubmissions.state, 'submitted'),
      ),
    )
    .limit(1);
  return !!row;
}

export async function findHallOutcome(db: Executor, lotId: string) {
  const [row] = await db
    .select({ outcome: openingHalls.outcome })
    .from(openingHalls)
    .where(eq(openingHalls.lotId, lotId));
  return row?.outcome ?? null;
}

export async function findNotice(db: Executor, id: string) {
  const [row] = await db.select().from(notices).where(eq(notices.id, id));
  return row;
}

export async function readLedgerHead(db: Executor): Promise<{ size: number; chainHash: string }> {
  const [row] = await db.select().from(ledgerHead).where(eq(ledgerHead.id, 1));
  if (!row) throw new Error('ledger_head row missing: the database was not migrated');
  return { size: row.size, chainHash: row.chainHash };
}

/** Both drivers answer `execute` with `{ rows }`. */
const sequenceRows = z.object({ rows: z.array(z.object({ n: z.coerce.number().int().positive() })) });

/** The next running number (never reused; a rolled-back issue leaves a gap, as every sequence does). */
export async function nextRunningNumber(db: Executor): Promise<number> {
  const name = transactionCertificateSequence.seqName ?? 'transaction_certificate_seq';
  const [row] = sequenceRows.parse(await db.execute(sql.raw(`select nextval('${name}')::int as n`))).rows;
  if (!row) throw new Error(`${name} returned nothing`);
  return row.n;
}

export async function insertCertificate(tx: Tx, values: NewCertificateRow): Promise<CertificateRow> {
  const [row] = await tx.insert(transactionCertificates).values(values).returning();
  if (!row) throw new Error('insert returned nothing');
  return row;
}

/** The lot's award suspension (C14), shown on the public verification page; null when the award is not suspended. */
export async function awardSuspension(db: Executor, lotId: string): Promise<{ at: string; reason: string } | null> {
  const [row] = await db
    .select({ at: awards.suspendedAt, reason: awards.suspensionReason })
    .from(awards)
    .where(eq(awards.lotId, lotId));
  return row?.at && row.reason ? { at: row.at.toISOString(), reason: row.reason } : null;
}
