import type { z } from 'zod';
import type { Viewer } from '../../platform/policy/actor';
import { organisationAbilities } from './policy';
import type { OrganisationRow } from './repo';
import type { organisationView } from './schemas';

export function presentOrganisation(viewer: Viewer, org: OrganisationRow): z.infer<typeof organisationView> {
  return {
    id: org.id,
    name: org.name,
    kind: org.kind,
    uscc: org.uscc,
    scale: org.scale,
    status: org.status,
    statusReason: org.statusReason,
    createdAt: org.createdAt.toISOString(),
    abilities: organisationAbilities(viewer, org),
  };
}
