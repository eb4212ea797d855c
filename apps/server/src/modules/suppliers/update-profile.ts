import { AppError } from '../../platform/errors/app-error';
import type { UserViewer } from '../../platform/policy/actor';
import type { Services } from '../../services';
import { findOrganisation } from '../registry/repo';
import { supplierFileAbilities } from './policy';
import type { DeclarationInput, ProfileInput } from './schemas';
import { writeProfile } from './write-profile';

/**
 * A supplier changes its figures and declares again. After approval the organisation stays active; the change is
 * marked on the profile and in its event so the centre sees it.
 */
export async function updateSupplierProfile(
  s: Services,
  viewer: UserViewer,
  input: { profile: ProfileInput; declaration: DeclarationInput },
) {
  await s.db.transaction(async (tx) => {
    const org = viewer.organisationId ? await findOrganisation(tx, viewer.organisationId, true) : undefined;
    if (!org) throw new AppError('NOT_FOUND');
    const can = supplierFileAbilities(viewer, org);
    if (!can.view) throw new AppError('NOT_FOUND');
    if (!can.edit) throw new AppError('INVALID_STATE', { state: org.status });
    await writeProfile(tx, s.clock, {
      organisationId: org.id,
      organisationName: org.name,
      userId: viewer.userId,
      ...input,
      afterApproval: org.status === 'active',
    });
  });
}
