import { qualificationValidity } from '@zhengcai/domain';
import type { z } from 'zod';
import type { Executor } from '../../db/client';
import type { Clock } from '../../platform/clock';
import type { Viewer } from '../../platform/policy/actor';
import type { OrganisationRow } from '../registry/repo';
import { supplierFileAbilities } from './policy';
import { findProfile, latestDeclaration, listQualifications, type QualificationRow } from './repo';
import type { qualificationView, supplierFileView } from './schemas';

export function presentQualification(q: QualificationRow, clock: Clock): z.infer<typeof qualificationView> {
  return {
    id: q.id,
    kind: q.kind,
    title: q.title,
    number: q.number,
    issuer: q.issuer,
    validFrom: q.validFrom,
    validUntil: q.validUntil,
    validity: qualificationValidity(q.validFrom, q.validUntil, clock.now()),
    file: { name: q.fileName, type: q.fileType, size: q.fileSize, sha256: q.fileHash },
    addedAt: q.addedAt.toISOString(),
    withdrawnAt: q.withdrawnAt?.toISOString() ?? null,
  };
}

/** Everything the supplier and the centre see of a supplier: profile with its working, declaration, qualifications. */
export async function presentSupplierFile(
  db: Executor,
  clock: Clock,
  viewer: Viewer,
  org: OrganisationRow,
): Promise<z.infer<typeof supplierFileView>> {
  const profile = await findProfile(db, org.id);
  const declaration = await latestDeclaration(db, org.id);
  const qualifications = await listQualifications(db, org.id);
  return {
    organisationId: org.id,
    name: org.name,
    uscc: org.uscc,
    status: org.status,
    profile: profile
      ? {
          industry: profile.industry,
          employees: profile.employees,
          revenueFen: profile.revenueFen,
          assetsFen: profile.assetsFen,
          derivedScale: profile.derivedScale,
          working: profile.scaleWorking,
          usccPilot: profile.usccPilot,
          usccOverrideReason: profile.usccOverrideReason,
          changedAfterApprovalAt: profile.changedAfterApprovalAt?.toISOString() ?? null,
          updatedAt: profile.updatedAt.toISOString(),
        }
      : null,
    declaration: declaration
      ? {
          id: declaration.declaration.id,
          declaredScale: declaration.declaration.declaredScale,
          text: declaration.declaration.text,
          declaredAt: declaration.declaration.declaredAt.toISOString(),
          declaredBy: { id: declaration.declaration.declaredBy, displayName: declaration.displayName },
        }
      : null,
    qualifications: qualifications.map((q) => presentQualification(q, clock)),
    abilities: {
      edit: supplierFileAbilities(viewer, org).edit,
      approveNeedsOverrideReason: org.status === 'pending' && (profile?.usccPilot ?? false),
    },
  };
}
