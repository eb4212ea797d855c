import { roleMay } from '@zhengcai/domain';
import type { z } from 'zod';
import { AppError } from '../../platform/errors/app-error';
import type { UserViewer } from '../../platform/policy/actor';
import type { Services } from '../../services';
import { findUserWithOrganisation } from './repo';
import type { meResponse } from './schemas';

export async function presentMe(s: Services, viewer: UserViewer): Promise<z.infer<typeof meResponse>> {
  const row = await findUserWithOrganisation(s.db, viewer.userId);
  if (!row) throw new AppError('SESSION_EXPIRED');
  const { user, organisation } = row;
  return {
    user: { id: user.id, login: user.login, displayName: user.displayName, role: user.role, locale: user.locale },
    organisation: organisation
      ? { id: organisation.id, name: organisation.name, kind: organisation.kind, status: organisation.status }
      : null,
    csrfToken: viewer.csrfToken,
    via: viewer.via,
    abilities: {
      reviewRegistrations: roleMay(user.role, 'reviewRegistrations'),
      manageAccounts: roleMay(user.role, 'manageAccounts'),
      verifyLedger: roleMay(user.role, 'verifyLedger'),
    },
  };
}
