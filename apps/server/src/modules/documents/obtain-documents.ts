import { documentObtainings } from '../../db/schema';
import type { Executor } from '../../db/client';
import { AppError } from '../../platform/errors/app-error';
import { appendEvent } from '../../platform/events/append-event';
import { actorOf, type UserViewer } from '../../platform/policy/actor';
import type { Services } from '../../services';
import { barRefusal } from '../barred/bar-refusal';
import { findObtaining, findPublicProject, type ProjectRow } from './repo';

const iso = (d: Date | null) => d?.toISOString() ?? '—';

/**
 * Why this supplier may not obtain the documents now, or null when it may: its organisation must be active, not on
 * the barred list (C3, checked at the server clock), the project published, and the server clock inside the
 * documents' availability window (87号令 第十六条: at least 5 working days).
 */
export async function obtainRefusal(
  db: Executor,
  viewer: UserViewer,
  project: ProjectRow,
  now: Date,
  alreadyObtained = false,
): Promise<AppError | null> {
  const organisation = viewer.account.organisation;
  if (!organisation || organisation.status !== 'active') {
    return new AppError('ORGANISATION_NOT_ACTIVE', { state: organisation?.status ?? 'none' });
  }
  const barred = await barRefusal(db, organisation.id, now);
  if (barred) return barred;
  // Obtaining again is answered with the first record, whatever the window now.
  if (alreadyObtained) return null;
  if (project.status !== 'published') return new AppError('INVALID_STATE', { state: project.status });
  if (!documentsWindowOpen(project, now)) {
    const { documentsAvailableFrom: from, documentsAvailableUntil: until } = project;
    return new AppError('DOCUMENTS_OUTSIDE_WINDOW', { from: iso(from), until: iso(until) });
  }
  return null;
}

/** Whether a supplier can obtain the documents now: the project is published and inside the window. */
export function documentsObtainable(
  project: Pick<ProjectRow, 'status' | 'documentsAvailableFrom' | 'documentsAvailableUntil'>,
  now: Date,
): boolean {
  return project.status === 'published' && documentsWindowOpen(project, now);
}

/** Whether the documents' window is open: half-open, from ≤ now < until. */
function documentsWindowOpen(
  project: Pick<ProjectRow, 'documentsAvailableFrom' | 'documentsAvailableUntil'>,
  now: Date,
): boolean {
  const from = project.documentsAvailableFrom;
  const until = project.documentsAvailableUntil;
  return from !== null && until !== null && now >= from && now < until;
}

/**
 * A supplier obtains a project's documents (C8): online and free, recorded once per organisation with who and when
 * (an event). Obtaining again returns the first record and changes nothing.
 */
export async function obtainDocuments(s: Services, viewer: UserViewer, projectId: string) {
  return s.db.transaction(async (tx) => {
    const project = await findPublicProject(tx, projectId);
    if (!project) throw new AppError('NOT_FOUND');
    const now = s.clock.now();
    const organisationId = viewer.organisationId;
    if (!organisationId) throw new AppError('FORBIDDEN');
    const existing = await findObtaining(tx, projectId, organisationId);
    const refusal = await obtainRefusal(tx, viewer, project, now, existing !== null);
    if (refusal) throw refusal;
    if (existing) return { obtaining: existing, created: false };
    const [inserted] = await tx
      .insert(documentObtainings)
      .values({ projectId, organisationId, obtainedByUserId: viewer.userId, obtainedAt: now })
      .onConflictDoNothing()
      .returning();
    if (!inserted) {
      // Another member of the organisation obtained them at the same moment.
      const first = await findObtaining(tx, projectId, organisationId);
      if (!first) throw new Error('obtaining vanished');
      return { obtaining: first, created: false };
    }
    await appendEvent(tx, s.clock, {
      type: 'documents.obtained',
      payload: { projectId, projectCode: project.code, organisationId, userId: viewer.userId },
      actor: actorOf(viewer),
      subject: { type: 'project', id: projectId },
      audience: { kind: 'organisation', organisationId },
    });
    return { obtaining: inserted, created: true };
  });
}
