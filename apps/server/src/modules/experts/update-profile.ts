import type { z } from 'zod';
import { expertProfiles } from '../../db/schema';
import { appendEvent } from '../../platform/events/append-event';
import { actorOf, type UserViewer } from '../../platform/policy/actor';
import type { Services } from '../../services';
import type { profileBody } from './schemas';

/** An expert keeps their own profile (C1); each change is on the record for supervision. */
export async function updateExpertProfile(s: Services, viewer: UserViewer, input: z.infer<typeof profileBody>) {
  return s.db.transaction(async (tx) => {
    const now = s.clock.now();
    const values = {
      userId: viewer.userId,
      title: input.title,
      employerName: input.employerName,
      employerUscc: input.employerUscc ?? null,
      region: input.region,
      specialties: input.specialties,
      updatedAt: now,
    };
    await tx.insert(expertProfiles).values(values).onConflictDoUpdate({ target: expertProfiles.userId, set: values });
    const { updatedAt: _updatedAt, ...payload } = values;
    await appendEvent(tx, s.clock, {
      type: 'expert.profile_updated',
      payload,
      actor: actorOf(viewer),
      subject: { type: 'user', id: viewer.userId },
      audience: { kind: 'oversight' },
    });
  });
}
