import { and, desc, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { smeDeclarations, supplierProfiles, supplierQualifications, users } from '../../db/schema';

export type ProfileRow = typeof supplierProfiles.$inferSelect;
export type QualificationRow = typeof supplierQualifications.$inferSelect;

export async function findProfile(db: Executor, organisationId: string, forUpdate = false) {
  const query = db.select().from(supplierProfiles).where(eq(supplierProfiles.organisationId, organisationId));
  const [row] = forUpdate ? await query.for('update') : await query;
  return row;
}

/** The declaration in force: the latest one. */
export async function latestDeclaration(db: Executor, organisationId: string) {
  const [row] = await db
    .select({ declaration: smeDeclarations, displayName: users.displayName })
    .from(smeDeclarations)
    .innerJoin(users, eq(users.id, smeDeclarations.declaredBy))
    .where(eq(smeDeclarations.organisationId, organisationId))
    .orderBy(desc(smeDeclarations.seq))
    .limit(1);
  return row;
}

export async function listQualifications(db: Executor, organisationId: string) {
  return db
    .select()
    .from(supplierQualifications)
    .where(eq(supplierQualifications.organisationId, organisationId))
    .orderBy(desc(supplierQualifications.addedAt), supplierQualifications.id);
}

export async function findQualification(db: Executor, organisationId: string, id: string, forUpdate = false) {
  const query = db
    .select()
    .from(supplierQualifications)
    .where(and(eq(supplierQualifications.id, id), eq(supplierQualifications.organisationId, organisationId)));
  const [row] = forUpdate ? await query.for('update') : await query;
  return row;
}
