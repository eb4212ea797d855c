import type { z } from 'zod';
import { organisations } from '../../db/schema';
import { violatedUniqueConstraint } from '../../db/errors';
import { AppError } from '../../platform/errors/app-error';
import { appendEvent } from '../../platform/events/append-event';
import { actorOf, type UserViewer } from '../../platform/policy/actor';
import type { Services } from '../../services';
import type { createOrganisationBody } from './schemas';

/** An administrator creates an organisation of any kind; it is active at once (it was vetted off-platform). */
export async function createOrganisation(
  s: Services,
  viewer: UserViewer,
  input: z.infer<typeof createOrganisationBody>,
) {
  try {
    return await s.db.transaction(async (tx) => {
      const now = s.clock.now();
      const [org] = await tx
        .insert(organisations)
        .values({
          kind: input.kind,
          name: input.name,
          uscc: input.uscc ?? null,
          scale: input.scale ?? null,
          region: input.region ?? null,
          status: 'active',
          createdAt: now,
          updatedAt: now,
        })
        .returning();
      if (!org) throw new Error('insert returned nothing');
      await appendEvent(tx, s.clock, {
        type: 'organisation.created',
        payload: { organisationId: org.id, name: org.name, kind: org.kind, uscc: org.uscc },
        actor: actorOf(viewer),
        subject: { type: 'organisation', id: org.id },
        audience: { kind: 'organisation', organisationId: org.id },
      });
      return org;
    });
  } catch (error) {
    if (violatedUniqueConstraint(error) === 'organisations_uscc_key')
      throw new AppError('USCC_TAKEN', { uscc: input.uscc ?? '' });
    throw error;
  }
}
