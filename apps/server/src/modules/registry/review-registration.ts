import { REGISTRATION_TRANSITIONS, nextState, roleMay } from '@zhengcai/domain';
import { eq } from 'drizzle-orm';
import { organisations } from '../../db/schema';
import { AppError } from '../../platform/errors/app-error';
import { appendEvent } from '../../platform/events/append-event';
import { actorOf, type UserViewer } from '../../platform/policy/actor';
import type { Services } from '../../services';
import { organisationAbilities } from './policy';
import { findOrganisation, setOrganisationUsersStatus } from './repo';

export type Decision = { approve: true } | { approve: false; reason: string };

/**
 * Centre staff approve or reject a pending registration. Can you see it (404) → may you do it (403) → is it still
 * pending (409, re-read under lock) → change organisation and users and record the event in one transaction.
 */
export async function reviewRegistration(s: Services, viewer: UserViewer, organisationId: string, decision: Decision) {
  return s.db.transaction(async (tx) => {
    const org = await findOrganisation(tx, organisationId, true);
    if (!org) throw new AppError('NOT_FOUND');
    const can = organisationAbilities(viewer, org);
    if (!can.view) throw new AppError('NOT_FOUND');
    if (!roleMay(viewer.role, 'reviewRegistrations')) throw new AppError('FORBIDDEN');
    const status = nextState(REGISTRATION_TRANSITIONS, org.status, decision.approve ? 'approve' : 'reject');
    if (!status) throw new AppError('INVALID_STATE', { state: org.status });
    const now = s.clock.now();
    const reason = decision.approve ? null : decision.reason;
    const [updated] = await tx
      .update(organisations)
      .set({ status, statusReason: reason, updatedAt: now })
      .where(eq(organisations.id, org.id))
      .returning();
    await setOrganisationUsersStatus(tx, org.id, decision.approve ? 'active' : 'disabled', now);
    const common = {
      actor: actorOf(viewer),
      subject: { type: 'organisation', id: org.id },
      audience: { kind: 'organisation', organisationId: org.id } as const,
    };
    if (decision.approve) {
      await appendEvent(tx, s.clock, {
        type: 'organisation.approved',
        payload: { organisationId: org.id, name: org.name },
        ...common,
      });
    } else {
      await appendEvent(tx, s.clock, {
        type: 'organisation.rejected',
        payload: { organisationId: org.id, name: org.name, reason: decision.reason },
        ...common,
      });
    }
    if (!updated) throw new Error('update returned nothing');
    return updated;
  });
}
