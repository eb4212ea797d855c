import { ROLE_ORGANISATION_KIND } from '@zhengcai/domain';
import type { z } from 'zod';
import { users } from '../../db/schema';
import { violatedUniqueConstraint } from '../../db/errors';
import { AppError, fieldError } from '../../platform/errors/app-error';
import { appendEvent } from '../../platform/events/append-event';
import { hashPassword } from '../../platform/auth/password';
import { actorOf, type UserViewer } from '../../platform/policy/actor';
import type { Services } from '../../services';
import { accountAudience } from '../auth/audience';
import { findOrganisation } from '../registry/repo';
import type { createUserBody } from './schemas';

/**
 * An administrator creates an account. The role must fit the organisation's kind (ROLE_ORGANISATION_KIND); experts
 * are natural persons and belong to no organisation.
 */
export async function createUser(s: Services, viewer: UserViewer, input: z.infer<typeof createUserBody>) {
  const kind = ROLE_ORGANISATION_KIND[input.role];
  if (kind === null && input.organisationId) {
    throw fieldError(
      'body.organisationId',
      '评审专家不隶属于机构，请勿填写',
      'Experts belong to no organisation; leave it empty',
    );
  }
  if (kind !== null && !input.organisationId) {
    throw fieldError('body.organisationId', '请选择所属机构', 'Choose the organisation');
  }
  const passwordHash = await hashPassword(input.password, s.config.scryptLogN);
  try {
    return await s.db.transaction(async (tx) => {
      if (input.organisationId) {
        const org = await findOrganisation(tx, input.organisationId);
        if (!org) throw fieldError('body.organisationId', '机构不存在', 'No such organisation');
        if (org.kind !== kind)
          throw new AppError('ROLE_ORGANISATION_MISMATCH', { role: input.role, kind: kind ?? '-' });
      }
      const now = s.clock.now();
      const [user] = await tx
        .insert(users)
        .values({
          login: input.login,
          displayName: input.displayName,
          role: input.role,
          organisationId: input.organisationId ?? null,
          email: input.email ?? null,
          phone: input.phone ?? null,
          passwordHash,
          status: 'active',
          createdAt: now,
          updatedAt: now,
        })
        .returning();
      if (!user) throw new Error('insert returned nothing');
      await appendEvent(tx, s.clock, {
        type: 'user.created',
        payload: { userId: user.id, login: user.login, role: user.role, organisationId: user.organisationId },
        actor: actorOf(viewer),
        subject: { type: 'user', id: user.id },
        audience: accountAudience(user.organisationId),
      });
      return user;
    });
  } catch (error) {
    if (violatedUniqueConstraint(error) === 'users_login_key')
      throw new AppError('LOGIN_TAKEN', { login: input.login });
    throw error;
  }
}
