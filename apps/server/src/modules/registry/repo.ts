import { and, count, desc, eq, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { organisations, users } from '../../db/schema';

export type OrganisationRow = typeof organisations.$inferSelect;

export async function findOrganisation(
  db: Executor,
  id: string,
  forUpdate = false,
): Promise<OrganisationRow | undefined> {
  const query = db.select().from(organisations).where(eq(organisations.id, id));
  const [row] = forUpdate ? await query.for('update') : await query;
  return row;
}

export async function listOrganisations(
  db: Executor,
  filter: {
    status?: OrganisationRow['status'] | undefined;
    kind?: OrganisationRow['kind'] | undefined;
    onlyId?: string | null;
  },
  page: { limit: number; offset: number },
): Promise<{ rows: OrganisationRow[]; total: number }> {
  const conditions: SQL[] = [];
  if (filter.status) conditions.push(eq(organisations.status, filter.status));
  if (filter.kind) conditions.push(eq(organisations.kind, filter.kind));
  if (filter.onlyId) conditions.push(eq(organisations.id, filter.onlyId));
  const where = conditions.length ? and(...conditions) : undefined;
  const rows = await db
    .select()
    .from(organisations)
    .where(where)
    .orderBy(desc(organisations.createdAt), organisations.id)
    .limit(page.limit)
    .offset(page.offset);
  const [total] = await db.select({ n: count() }).from(organisations).where(where);
  return { rows, total: total?.n ?? 0 };
}

export async function findByUscc(db: Executor, uscc: string): Promise<OrganisationRow | undefined> {
  const [row] = await db.select().from(organisations).where(eq(organisations.uscc, uscc));
  return row;
}

export async function loginTaken(db: Executor, login: string): Promise<boolean> {
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.login, login));
  return row !== undefined;
}

export async function setOrganisationUsersStatus(
  db: Executor,
  organisationId: string,
  status: 'active' | 'disabled',
  at: Date,
): Promise<void> {
  await db.update(users).set({ status, updatedAt: at }).where(eq(users.organisationId, organisationId));
}
