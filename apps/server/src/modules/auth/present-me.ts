import { roleMay } from '@zhengcai/domain';
import type { z } from 'zod';
import type { UserViewer } from '../../platform/policy/actor';
import type { meResponse } from './schemas';

/** The caller, from what the access hook already read with the credentials (no further query). */
export function presentMe(viewer: UserViewer): z.infer<typeof meResponse> {
  const { account } = viewer;
  return {
    user: {
      id: viewer.userId,
      login: account.login,
      displayName: account.displayName,
      role: viewer.role,
      locale: account.locale,
    },
    organisation: account.organisation,
    csrfToken: viewer.csrfToken,
    via: viewer.via,
    abilities: {
      reviewRegistrations: roleMay(viewer.role, 'reviewRegistrations'),
      manageAccounts: roleMay(viewer.role, 'manageAccounts'),
      verifyLedger: roleMay(viewer.role, 'verifyLedger'),
      watchRecordings: roleMay(viewer.role, 'watchRecordings'),
      listTransactionCertificates: roleMay(viewer.role, 'listTransactionCertificates'),
      revokeTransactionCertificates: roleMay(viewer.role, 'revokeTransactionCertificates'),
      verifyExpertDraws: roleMay(viewer.role, 'verifyExpertDraws'),
    },
  };
}
