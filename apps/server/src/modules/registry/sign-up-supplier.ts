import { classifyEnterpriseScale } from '@zhengcai/domain';
import type { z } from 'zod';
import { organisations, users } from '../../db/schema';
import { violatedUniqueConstraint } from '../../db/errors';
import { AppError } from '../../platform/errors/app-error';
import { appendEvent } from '../../platform/events/append-event';
import { hashPassword } from '../../platform/auth/password';
import type { Services } from '../../services';
import { findByUscc, loginTaken } from './repo';
import type { supplierSignUpBody } from './schemas';
import { writeProfile } from '../suppliers/write-profile';

const scaleOf = (p: z.infer<typeof supplierSignUpBody>['profile']) => {
  const result = classifyEnterpriseScale(p);
  return result.ok ? result.scale : null;
};

/**
 * A supplier registers itself (C1): the organisation and its first user are created together, both pending, and
 * wait for centre staff to approve. The credit code and the login must be new.
 */
export async function signUpSupplier(
  s: Services,
  input: z.infer<typeof supplierSignUpBody>,
): Promise<{ organisationId: string; status: 'pending' }> {
  const { organisation, user, profile, declaration } = input;
  if (await findByUscc(s.db, organisation.uscc)) throw new AppError('USCC_TAKEN', { uscc: organisation.uscc });
  if (await loginTaken(s.db, user.login)) throw new AppError('LOGIN_TAKEN', { login: user.login });
  const passwordHash = await hashPassword(user.password, s.config.scryptLogN);
  try {
    return await s.db.transaction(async (tx) => {
      const now = s.clock.now();
      const [org] = await tx
        .insert(organisations)
        .values({
          kind: 'supplier',
          name: organisation.name,
          uscc: organisation.uscc,
          status: 'pending',
          createdAt: now,
          updatedAt: now,
        })
        .returning();
      if (!org) throw new Error('insert returned nothing');
      const [created] = await tx
        .insert(users)
        .values({
          login: user.login,
          displayName: user.displayName,
          role: 'supplier',
          organisationId: org.id,
          email: user.email,
          phone: user.phone,
          passwordHash,
          status: 'pending',
          createdAt: now,
          updatedAt: now,
        })
        .returning({ id: users.id });
      if (!created) throw new Error('insert returned nothing');
      const actor = { userId: created.id, organisationId: org.id };
      const audience = { kind: 'organisation', organisationId: org.id } as const;
      await appendEvent(tx, s.clock, {
        type: 'organisation.registered',
        payload: {
          organisationId: org.id,
          name: org.name,
          kind: 'supplier',
          uscc: organisation.uscc,
          scale: scaleOf(profile),
        },
        actor,
        subject: { type: 'organisation', id: org.id },
        audience,
      });
      await appendEvent(tx, s.clock, {
        type: 'user.created',
        payload: { userId: created.id, login: user.login, role: 'supplier', organisationId: org.id },
        actor,
        subject: { type: 'user', id: created.id },
        audience,
      });
      // The profile, its derived scale and the declaration (refused if it says another scale) go with the sign-up.
      await writeProfile(tx, s.clock, {
        organisationId: org.id,
        organisationName: org.name,
        userId: created.id,
        profile,
        declaration,
        afterApproval: false,
        usccPilot: organisation.usccPilot,
      });
      return { organisationId: org.id, status: 'pending' as const };
    });
  } catch (error) {
    const constraint = violatedUniqueConstraint(error);
    if (constraint === 'organisations_uscc_key') throw new AppError('USCC_TAKEN', { uscc: organisation.uscc });
    if (constraint === 'users_login_key') throw new AppError('LOGIN_TAKEN', { login: user.login });
    throw error;
  }
}
