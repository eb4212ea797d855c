import { roleMay } from '@zhengcai/domain';
import { AppError } from '../../platform/errors/app-error';
import type { UserViewer } from '../../platform/policy/actor';

/**
 * Who may hold certificates (C2): every active user of an active organisation, and experts (natural persons, no
 * organisation). The access hook already refuses disabled accounts; this refuses members of an organisation that is
 * pending, rejected or suspended.
 */
export function assertMayHoldCertificates(viewer: UserViewer): void {
  const organisation = viewer.account.organisation;
  if (organisation && organisation.status !== 'active') {
    throw new AppError('ORGANISATION_NOT_ACTIVE', { state: organisation.status });
  }
  if (!organisation && viewer.role !== 'expert') throw new AppError('ORGANISATION_NOT_ACTIVE', { state: 'none' });
}

/** The holder sees and revokes their own bundles; oversight sees every one; centre staff and administrators revoke any. */
export function certificateAbilities(viewer: UserViewer, holderUserId: string) {
  const own = viewer.userId === holderUserId;
  const staff = roleMay(viewer.role, 'revokeCertificates');
  return { view: own || roleMay(viewer.role, 'listCertificates'), revoke: own || staff, own, staff };
}
