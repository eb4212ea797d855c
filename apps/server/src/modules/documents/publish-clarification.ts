import { eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import { clarifications, documentObtainings, projects, questions } from '../../db/schema';
import { AppError, fieldError } from '../../platform/errors/app-error';
import { appendEvent } from '../../platform/events/append-event';
import { actorOf, type UserViewer } from '../../platform/policy/actor';
import type { Services } from '../../services';
import { insertNotifications } from '../notifications/repo';
import { scheduleProjectOpenings } from '../opening/schedule-opening';
import { deadlineForClarification, type DeadlineDecision } from './deadline-for-clarification';
import { isProjectStaff } from './policy';
import { findPublicProject, findQuestionsByIds, type ProjectRow } from './repo';
import { MAX_ATTACHMENT_BYTES, type clarificationBody } from './schemas';

type Input = z.infer<typeof clarificationBody>;

/** Stores the attachment before the transaction: the store is content-addressed, so a failed publish leaves an unused blob at worst. */
async function storeAttachment(s: Services, attachment: Input['attachment']) {
  if (!attachment) return null;
  const bytes = Buffer.from(attachment.contentBase64, 'base64');
  if (bytes.length === 0) throw fieldError('body.attachment.contentBase64', '附件为空', 'The attachment is empty');
  if (bytes.length > MAX_ATTACHMENT_BYTES) {
    throw fieldError('body.attachment.contentBase64', '附件不能超过 10 MB', 'The attachment cannot exceed 10 MB');
  }
  const blob = await s.blobs.put(new Uint8Array(bytes));
  return { fileName: attachment.fileName, contentType: attachment.contentType, size: blob.size, sha256: blob.hash };
}

function notificationText(project: ProjectRow, decision: DeadlineDecision) {
  const moved = decision.cause !== 'none';
  const prev = decision.previous.toISOString();
  const next = decision.deadline.toISOString();
  return {
    titleZh: `澄清公告：${project.title}`,
    titleEn: `Clarification: ${project.title}`,
    bodyZh:
      `项目 ${project.code} 发布了澄清或者修改，请查阅。` +
      (moved ? `投标截止时间由 ${prev} 顺延至 ${next}。` : '') +
      (decision.message ? decision.message.zh : ''),
    bodyEn:
      `A clarification or amendment was published for ${project.code}; please read it.` +
      (moved ? ` The bid deadline moved from ${prev} to ${next}.` : '') +
      (decision.message ? ` ${decision.message.en}` : ''),
  };
}

/**
 * The purchaser or its agency publishes a clarification (澄清或者修改) to every supplier that obtained the documents.
 * In one transaction: the clarification, the answered questions, the deadline (moved by rule or explicitly), the
 * events, and one in-app notification per organisation that obtained the documents.
 */
export async function publishClarification(s: Services, viewer: UserViewer, projectId: string, input: Input) {
  const attachment = await storeAttachment(s, input.attachment);
  return s.db.transaction(async (tx) => {
    const project = await findPublicProject(tx, projectId, true);
    if (!project || !isProjectStaff(viewer, project) || !viewer.organisationId) throw new AppError('NOT_FOUND');
    if (project.status !== 'published') throw new AppError('INVALID_STATE', { state: project.status });
    const now = s.clock.now();
    const explicit = input.newDeadline ? new Date(input.newDeadline) : null;
    const decision = deadlineForClarification(project, now, input.affectsPreparation, explicit);

    const answered = await findQuestionsByIds(tx, projectId, input.answersQuestionIds);
    if (answered.length !== new Set(input.answersQuestionIds).size) {
      throw fieldError('body.answersQuestionIds', '有的提问不属于本项目', 'Some questions are not of this project');
    }

    const [row] = await tx
      .insert(clarifications)
      .values({
        projectId,
        text: input.text,
        affectsPreparation: input.affectsPreparation,
        attachmentFileName: attachment?.fileName ?? null,
        attachmentContentType: attachment?.contentType ?? null,
        attachmentSizeBytes: attachment?.size ?? null,
        attachmentSha256: attachment?.sha256 ?? null,
        publishedByUserId: viewer.userId,
        publishedByOrganisationId: viewer.organisationId,
        publishedAt: now,
        deadlineBefore: decision.previous,
        deadlineAfter: decision.deadline,
        deadlineMove: decision.cause,
        ruleId: decision.ruleId,
      })
      .returning();
    if (!row) throw new Error('insert returned nothing');
    if (answered.length) {
      await tx
        .update(questions)
        .set({ clarificationId: row.id })
        .where(
          inArray(
            questions.id,
            answered.map((q) => q.id),
          ),
        );
    }
    if (decision.cause !== 'none') {
      await tx
        .update(projects)
        .set({ bidDeadline: decision.deadline, updatedAt: now })
        .where(eq(projects.id, projectId));
      // The hall opens at the new deadline; the job left at the old one finds the deadline moved and does nothing.
      await scheduleProjectOpenings(tx, s.clock, { id: projectId, bidDeadline: decision.deadline });
    }

    const recipients = await tx
      .select({ organisationId: documentObtainings.organisationId })
      .from(documentObtainings)
      .where(eq(documentObtainings.projectId, projectId));
    const text = notificationText(project, decision);
    await insertNotifications(
      tx,
      recipients.map((r) => ({
        organisationId: r.organisationId,
        userId: null,
        kind: 'clarification.published',
        ...text,
        link: `/workspace/tenders/${projectId}`,
        createdAt: now,
      })),
    );

    const actor = actorOf(viewer);
    await appendEvent(tx, s.clock, {
      type: 'clarification.published',
      payload: {
        clarificationId: row.id,
        projectId,
        projectCode: project.code,
        affectsPreparation: row.affectsPreparation,
        attachmentSha256: row.attachmentSha256,
        deadlineBefore: decision.previous.toISOString(),
        deadlineAfter: decision.deadline.toISOString(),
        recipients: recipients.length,
      },
      actor,
      subject: { type: 'project', id: projectId },
      audience: { kind: 'public' },
    });
    if (decision.cause !== 'none') {
      await appendEvent(tx, s.clock, {
        type: 'project.deadline_moved',
        payload: {
          projectId,
          projectCode: project.code,
          clarificationId: row.id,
          previous: decision.previous.toISOString(),
          deadline: decision.deadline.toISOString(),
          cause: decision.cause,
          ruleId: decision.ruleId,
        },
        actor,
        subject: { type: 'project', id: projectId },
        audience: { kind: 'public' },
      });
    }
    return { clarification: row, recipients: recipients.length, decision };
  });
}
