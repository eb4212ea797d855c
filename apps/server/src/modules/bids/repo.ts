import { and, desc, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { bidSubmissions, lots, organisations, projects } from '../../db/schema';

export type SubmissionRow = typeof bidSubmissions.$inferSelect;
export type ProjectRow = typeof projects.$inferSelect;
export type LotRow = typeof lots.$inferSelect;

export async function findSubmission(db: Executor, id: string): Promise<SubmissionRow | null> {
  const [row] = await db.select().from(bidSubmissions).where(eq(bidSubmissions.id, id));
  return row ?? null;
}

export async function findProjectAndLot(
  db: Executor,
  projectId: string,
  lotId: string,
): Promise<{ project: ProjectRow; lot: LotRow } | null> {
  const [row] = await db
    .select({ project: projects, lot: lots })
    .from(lots)
    .innerJoin(projects, eq(projects.id, lots.projectId))
    .where(and(eq(lots.id, lotId), eq(projects.id, projectId)));
  return row ?? null;
}

export async function findPublishedProject(db: Executor, projectId: string) {
  const [project] = await db
    .select()
    .from(projects)
    .where(and(eq(projects.id, projectId), eq(projects.status, 'published')));
  if (!project) return null;
  const projectLots = await db.select().from(lots).where(eq(lots.projectId, projectId)).orderBy(lots.number);
  return { project, lots: projectLots };
}

export async function listOrganisationSubmissions(db: Executor, organisationId: string, projectId?: string) {
  return db
    .select()
    .from(bidSubmissions)
    .where(
      and(
        eq(bidSubmissions.organisationId, organisationId),
        projectId ? eq(bidSubmissions.projectId, projectId) : undefined,
      ),
    )
    .orderBy(desc(bidSubmissions.createdAt));
}

export async function organisationName(db: Executor, id: string): Promise<string> {
  const [row] = await db.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, id));
  return row?.name ?? '';
}

export async function findOrganisation(db: Executor, id: string) {
  const [row] = await db.select().from(organisations).where(eq(organisations.id, id));
  return row ?? null;
}
