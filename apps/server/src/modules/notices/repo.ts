import { and, asc, count, desc, eq, ilike, isNull, sql, sum, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../../db/client';
import { lots, notices, organisations, projectDocuments, projects, type NoticeKind } from '../../db/schema';

const agencyOrg = alias(organisations, 'agency_org');

/** `%`, `_` and `\` typed by a visitor are literal characters, not patterns. */
const likeLiteral = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export async function listPublishedNotices(
  db: Executor,
  opts: { category?: string; kind?: NoticeKind; q?: string; limit: number; offset: number },
) {
  const conditions: SQL[] = [eq(projects.status, 'published')];
  if (opts.category) conditions.push(sql`${projects.category} = ${opts.category}`);
  if (opts.kind) conditions.push(eq(notices.kind, opts.kind));
  if (opts.q) conditions.push(ilike(notices.title, likeLiteral(opts.q)));
  const where = and(...conditions);
  const budget = db
    .select({ projectId: lots.projectId, budgetFen: sum(lots.budgetFen).as('budget_fen') })
    .from(lots)
    .groupBy(lots.projectId)
    .as('budget');
  const rows = await db
    .select({ notice: notices, project: projects, purchaserName: organisations.name, budgetFen: budget.budgetFen })
    .from(notices)
    .innerJoin(projects, eq(projects.id, notices.projectId))
    .innerJoin(organisations, eq(organisations.id, projects.purchaserOrganisationId))
    .leftJoin(budget, eq(budget.projectId, projects.id))
    .where(where)
    .orderBy(desc(notices.publishedAt), desc(notices.id))
    .limit(opts.limit)
    .offset(opts.offset);
  const [total] = await db
    .select({ n: count() })
    .from(notices)
    .innerJoin(projects, eq(projects.id, notices.projectId))
    .where(where);
  return { rows, total: total?.n ?? 0 };
}

export async function findPublishedNotice(db: Executor, id: string) {
  const [row] = await db
    .select({ notice: notices, project: projects, purchaserName: organisations.name, agencyName: agencyOrg.name })
    .from(notices)
    .innerJoin(projects, eq(projects.id, notices.projectId))
    .innerJoin(organisations, eq(organisations.id, projects.purchaserOrganisationId))
    .leftJoin(agencyOrg, eq(agencyOrg.id, projects.agencyOrganisationId))
    .where(and(eq(notices.id, id), eq(projects.status, 'published')));
  if (!row) return undefined;
  const lotRows = await db.select().from(lots).where(eq(lots.projectId, row.project.id)).orderBy(asc(lots.number));
  const docs = await db
    .select()
    .from(projectDocuments)
    .where(and(eq(projectDocuments.projectId, row.project.id), isNull(projectDocuments.removedAt)))
    .orderBy(asc(projectDocuments.uploadedAt), asc(projectDocuments.fileName));
  return { ...row, lots: lotRows, documents: docs };
}
