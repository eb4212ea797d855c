import type { z } from 'zod';
import type { Executor } from '../../db/client';
import { listClarifications, projectSummary, type ClarificationRow, type ProjectRow, type QuestionRow } from './repo';
import type { clarificationView, myQuestionView, projectSummaryView } from './schemas';

export function presentClarification(c: ClarificationRow): z.infer<typeof clarificationView> {
  return {
    id: c.id,
    text: c.text,
    affectsPreparation: c.affectsPreparation,
    attachment:
      c.attachmentSha256 && c.attachmentFileName
        ? {
            fileName: c.attachmentFileName,
            contentType: c.attachmentContentType ?? 'application/octet-stream',
            sizeBytes: c.attachmentSizeBytes ?? 0,
            sha256: c.attachmentSha256,
          }
        : null,
    publishedAt: c.publishedAt.toISOString(),
    deadline: {
      cause: c.deadlineMove,
      previous: c.deadlineBefore.toISOString(),
      deadline: c.deadlineAfter.toISOString(),
      ruleId: c.ruleId,
    },
  };
}

export function presentQuestion(q: QuestionRow): z.infer<typeof myQuestionView> {
  return { id: q.id, text: q.text, askedAt: q.askedAt.toISOString(), answeredBy: q.clarificationId };
}

/** The project as the tender pages show it, with every deadline move (public facts of the published project). */
export async function presentProject(
  db: Executor,
  project: ProjectRow,
  clarificationRows?: ClarificationRow[],
): Promise<z.infer<typeof projectSummaryView>> {
  const summary = await projectSummary(db, project);
  const rows = clarificationRows ?? (await listClarifications(db, project.id));
  return {
    id: project.id,
    code: project.code,
    title: project.title,
    method: project.method,
    category: project.category,
    status: project.status,
    ...summary,
    documentsAvailableFrom: project.documentsAvailableFrom?.toISOString() ?? null,
    documentsAvailableUntil: project.documentsAvailableUntil?.toISOString() ?? null,
    bidDeadline: project.bidDeadline?.toISOString() ?? null,
    deadlineMoves: rows
      .filter((c) => c.deadlineMove !== 'none')
      .map((c) => ({
        clarificationId: c.id,
        at: c.publishedAt.toISOString(),
        cause: c.deadlineMove,
        previous: c.deadlineBefore.toISOString(),
        deadline: c.deadlineAfter.toISOString(),
        ruleId: c.ruleId,
      })),
  };
}
