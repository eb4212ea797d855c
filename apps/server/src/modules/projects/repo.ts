import { and, asc, count, desc, eq, inArray, isNull, or, sql, sum, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import type { Executor } from '../../db/client';
import { lots, notices, organisations, projectCodeSequence, projectDocuments, projects } from '../../db/schema';

const agencyOrg = alias(organisations, 'agency_org');
/** Both drivers answer `execute` with `{ rows }`. */
const sequenceRows = z.object({ rows: z.array(z.object({ n: z.coerce.number().int().positive() })) });

/** The next project number from the sequence (never reused). */
export async function nextProjectNumber(db: Executor): Promise<number> {
  const result = await db.execute(
    sql.raw(`select nextval('${projectCodeSequence.seqName ?? 'project_code_seq'}')::int as n`),
  );
  const [row] = sequenceRows.parse(result).rows;
  if (!row) throw new Error('project_code_seq returned nothing');
  return row.n;
}

export async function findProjectRow(db: Executor, id: string, lock = false) {
  const q = db.select().from(projects).where(eq(projects.id, id));
  const [row] = lock ? await q.for('update') : await q;
  return row;
}

export async function listLots(db: Executor, projectId: string) {
  return db.select().from(lots).where(eq(lots.projectId, projectId)).orderBy(asc(lots.number));
}

export async function listDocuments(db: Executor, projectId: string) {
  return db
    .select()
    .from(projectDocuments)
    .where(and(eq(projectDocuments.projectId, projectId), isNull(projectDocuments.removedAt)))
    .orderBy(asc(projectDocuments.uploadedAt), asc(projectDocuments.fileName));
}

export async function organisationNames(db: Executor, ids: readonly string[]) {
  if (ids.length === 0) return new Map<string, string>();
  const rows = await db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(inArray(organisations.id, [...ids]));
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function findActiveOrganisation(db: Executor, id: string, kind: 'purchaser' | 'agency') {
  const [row] = await db
    .select()
    .from(organisations)
    .where(and(eq(organisations.id, id), eq(organisations.kind, kind), eq(organisations.status, 'active')));
  return row;
}

export async function listActiveParties(db: Executor) {
  return db
    .select({ id: organisations.id, name: organisations.name, kind: organisations.kind })
    .from(organisations)
    .where(and(inArray(organisations.kind, ['purchaser', 'agency']), eq(organisations.status, 'active')))
    .orderBy(asc(organisations.name));
}

export async function tenderNoticeId(db: Executor, projectId: string) {
  const [row] = await db
    .select({ id: notices.id })
    .from(notices)
    .where(and(eq(notices.projectId, projectId), eq(notices.kind, 'tender')))
    .orderBy(asc(notices.publishedAt))
    .limit(1);
  return row?.id ?? null;
}

/** Projects of the caller's organisation (as purchaser or agency), or every project for oversight (null). */
export async function listProjects(
  db: Executor,
  opts: { organisationId: string | null; status?: 'draft' | 'published' | 'cancelled'; limit: number; offset: number },
) {
  const conditions: SQL[] = [];
  if (opts.organisationId !== null) {
    const mine = or(
      eq(projects.purchaserOrganisationId, opts.organisationId),
      eq(projects.agencyOrganisationId, opts.organisationId),
    );
    if (mine) conditions.push(mine);
  }
  if (opts.status) conditions.push(eq(projects.status, opts.status));
  const where = conditions.length ? and(...conditions) : undefined;
  const budget = db
    .select({
      projectId: lots.projectId,
      budgetFen: sum(lots.budgetFen).as('budget_fen'),
      lotCount: count().as('lot_count'),
    })
    .from(lots)
    .groupBy(lots.projectId)
    .as('budget');
  const rows = await db
    .select({
      project: projects,
      purchaserName: organisations.name,
      agencyName: agencyOrg.name,
      budgetFen: budget.budgetFen,
      lotCount: budget.lotCount,
    })
    .from(projects)
    .innerJoin(organisations, eq(organisations.id, projects.purchaserOrganisationId))
    .leftJoin(agencyOrg, eq(agencyOrg.id, projects.agencyOrganisationId))
    .leftJoin(budget, eq(budget.projectId, projects.id))
    .where(where)
    .orderBy(desc(projects.updatedAt), asc(projects.code))
    .limit(opts.limit)
    .offset(opts.offset);
  const [total] = await db.select({ n: count() }).from(projects).where(where);
  return { rows, total: total?.n ?? 0 };
}
