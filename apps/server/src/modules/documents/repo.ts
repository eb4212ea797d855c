import { and, asc, desc, eq, inArray, isNull, ne } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import {
  clarifications,
  documentObtainings,
  lots,
  organisations,
  projectDocuments,
  projects,
  questions,
  users,
} from '../../db/schema';

export type ProjectRow = typeof projects.$inferSelect;
export type ClarificationRow = typeof clarifications.$inferSelect;
export type QuestionRow = typeof questions.$inferSelect;
export type ObtainingRow = typeof documentObtainings.$inferSelect;

/** A project that has left the draft state (published or later): what suppliers may know exists. */
export async function findPublicProject(db: Executor, projectId: string, lock = false): Promise<ProjectRow | null> {
  const query = db
    .select()
    .from(projects)
    .where(and(eq(projects.id, projectId), ne(projects.status, 'draft')));
  const [row] = lock ? await query.for('update') : await query;
  return row ?? null;
}

/** The project's summary for the tender pages: names of purchaser and agency, and its lots. */
export async function projectSummary(db: Executor, project: ProjectRow) {
  const ids = [project.purchaserOrganisationId, project.agencyOrganisationId].filter((id): id is string => !!id);
  const names = new Map(
    (
      await db
        .select({ id: organisations.id, name: organisations.name })
        .from(organisations)
        .where(inArray(organisations.id, ids))
    ).map((o) => [o.id, o.name]),
  );
  const lotRows = await db
    .select({ number: lots.number, title: lots.title, budgetFen: lots.budgetFen })
    .from(lots)
    .where(eq(lots.projectId, project.id))
    .orderBy(asc(lots.number));
  return {
    purchaserName: names.get(project.purchaserOrganisationId) ?? '',
    agencyName: project.agencyOrganisationId ? (names.get(project.agencyOrganisationId) ?? null) : null,
    lots: lotRows,
  };
}

export async function listDocuments(db: Executor, projectId: string) {
  return db
    .select()
    .from(projectDocuments)
    .where(and(eq(projectDocuments.projectId, projectId), isNull(projectDocuments.removedAt)))
    .orderBy(asc(projectDocuments.uploadedAt), asc(projectDocuments.fileName));
}

export async function findDocument(db: Executor, projectId: string, documentId: string) {
  const [row] = await db
    .select()
    .from(projectDocuments)
    .where(
      and(
        eq(projectDocuments.id, documentId),
        eq(projectDocuments.projectId, projectId),
        isNull(projectDocuments.removedAt),
      ),
    );
  return row ?? null;
}

export async function findObtaining(db: Executor, projectId: string, organisationId: string) {
  const [row] = await db
    .select()
    .from(documentObtainings)
    .where(and(eq(documentObtainings.projectId, projectId), eq(documentObtainings.organisationId, organisationId)));
  return row ?? null;
}

/** Who obtained the documents, with the organisation and the user (for the project's staff and oversight only). */
export async function listObtainings(db: Executor, projectId: string) {
  return db
    .select({
      obtaining: documentObtainings,
      organisationName: organisations.name,
      uscc: organisations.uscc,
      userName: users.displayName,
    })
    .from(documentObtainings)
    .innerJoin(organisations, eq(organisations.id, documentObtainings.organisationId))
    .innerJoin(users, eq(users.id, documentObtainings.obtainedByUserId))
    .where(eq(documentObtainings.projectId, projectId))
    .orderBy(asc(documentObtainings.obtainedAt));
}

/** Projects whose documents an organisation obtained, newest first. */
export async function listObtainedProjects(db: Executor, organisationId: string) {
  return db
    .select({ project: projects, obtainedAt: documentObtainings.obtainedAt })
    .from(documentObtainings)
    .innerJoin(projects, eq(projects.id, documentObtainings.projectId))
    .where(eq(documentObtainings.organisationId, organisationId))
    .orderBy(desc(documentObtainings.obtainedAt));
}

export async function listClarifications(db: Executor, projectId: string) {
  return db
    .select()
    .from(clarifications)
    .where(eq(clarifications.projectId, projectId))
    .orderBy(asc(clarifications.publishedAt));
}

export async function findClarification(db: Executor, clarificationId: string) {
  const [row] = await db.select().from(clarifications).where(eq(clarifications.id, clarificationId));
  return row ?? null;
}

/** Questions of a project; of one organisation when `organisationId` is given (a supplier sees only its own). */
export async function listQuestions(db: Executor, projectId: string, organisationId?: string) {
  return db
    .select({ question: questions, organisationName: organisations.name, uscc: organisations.uscc })
    .from(questions)
    .innerJoin(organisations, eq(organisations.id, questions.organisationId))
    .where(
      and(
        eq(questions.projectId, projectId),
        organisationId ? eq(questions.organisationId, organisationId) : undefined,
      ),
    )
    .orderBy(asc(questions.askedAt));
}

export async function findQuestionsByIds(db: Executor, projectId: string, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(questions)
    .where(and(eq(questions.projectId, projectId), inArray(questions.id, ids)));
}
