import { questions } from '../../db/schema';
import { AppError } from '../../platform/errors/app-error';
import { appendEvent } from '../../platform/events/append-event';
import { actorOf, type UserViewer } from '../../platform/policy/actor';
import type { Services } from '../../services';
import { findObtaining, findPublicProject } from './repo';

/**
 * A supplier that obtained the documents asks a question before the deadline. Only the project's staff and oversight
 * learn who asked; the event is for oversight, and the answer is a clarification to all that names nobody.
 */
export async function askQuestion(s: Services, viewer: UserViewer, projectId: string, text: string) {
  return s.db.transaction(async (tx) => {
    const project = await findPublicProject(tx, projectId);
    const organisationId = viewer.organisationId;
    if (!project || !organisationId || !(await findObtaining(tx, projectId, organisationId))) {
      throw new AppError('NOT_FOUND');
    }
    const now = s.clock.now();
    if (project.status !== 'published') throw new AppError('INVALID_STATE', { state: project.status });
    if (!project.bidDeadline || now >= project.bidDeadline) {
      throw new AppError('AFTER_BID_DEADLINE', {
        deadline: project.bidDeadline?.toISOString() ?? '—',
        actZh: '提问',
        actEn: 'ask questions',
      });
    }
    const [row] = await tx
      .insert(questions)
      .values({ projectId, organisationId, askedByUserId: viewer.userId, text, askedAt: now })
      .returning();
    if (!row) throw new Error('insert returned nothing');
    await appendEvent(tx, s.clock, {
      type: 'question.asked',
      payload: { questionId: row.id, projectId, organisationId },
      actor: actorOf(viewer),
      subject: { type: 'project', id: projectId },
      audience: { kind: 'oversight' },
    });
    return row;
  });
}
