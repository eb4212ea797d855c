import { REGISTRATION_TRANSITIONS, nextState, roleMay, usccCheckCharacter } from '@zhengcai/domain';
import { eq } from 'drizzle-orm';
import { organisations, supplierProfiles } from '../../db/schema';
import { findProfile } from '../suppliers/repo';
import { AppError } from '../../platform/errors/app-error';
import { appendEvent } from '../../platform/events/append-event';
import { actorOf, type UserViewer } from '../../platform/policy/actor';
import type { Services } from '../../services';
import { organisationAbilities } from './policy';
import { findOrganisation, setOrganisationUsersStatus } from './repo';

export type Decision = { approve: true; usccOverrideReason?: string | undefined } | { approve: false; reason: string };

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
    // A credit code submitted as an early pilot code (it failed its check character) needs the reviewer's reason.
    const profile = await findProfile(tx, org.id, true);
    const override = decision.approve && profile?.usccPilot ? decision.usccOverrideReason : undefined;
    if (decision.approve && profile?.usccPilot && !override) throw new AppError('USCC_OVERRIDE_REASON_REQUIRED');
    if (override) {
      await tx
        .update(supplierProfiles)
        .set({ usccOverrideReason: override })
        .where(eq(supplierProfiles.organisationId, org.id));
    }
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
        payload: {
          organisationId: org.id,
          name: org.name,
          ...(override && org.uscc
            ? {
                usccOverride: {
                  uscc: org.uscc,
                  expected: usccCheckCharacter(org.uscc.slice(0, 17)) ?? '?',
                  reason: override,
                },
              }
            : {}),
        },
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
