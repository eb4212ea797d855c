import type { Executor } from '../../db/client';
import { fieldError } from '../../platform/errors/app-error';
import type { UserViewer } from '../../platform/policy/actor';
import { findActiveOrganisation } from './repo';
import type { ProjectBody } from './schemas';

export interface Parties {
  purchaserOrganisationId: string;
  agencyOrganisationId: string | null;
}

/**
 * Who the project belongs to (ADR 0011): a purchaser registers for its own organisation and may name the agency it
 * entrusts; an agency registers for the purchaser it names and is itself the agency. Both must be active
 * organisations of their kind.
 */
export async function resolveParties(db: Executor, viewer: UserViewer, body: ProjectBody): Promise<Parties> {
  const own = viewer.organisationId;
  if (!own) throw fieldError('body', '账号不属于任何机构', 'The account belongs to no organisation');
  if (viewer.role === 'purchaser') {
    if (body.purchaserOrganisationId && body.purchaserOrganisationId !== own) {
      throw fieldError(
        'body.purchaserOrganisationId',
        '采购人只能为本单位登记项目',
        'A purchaser registers projects for its own organisation only',
      );
    }
    const agencyId = body.agencyOrganisationId ?? null;
    if (agencyId && !(await findActiveOrganisation(db, agencyId, 'agency'))) {
      throw fieldError('body.agencyOrganisationId', '不是有效的采购代理机构', 'Not an active procurement agency');
    }
    return { purchaserOrganisationId: own, agencyOrganisationId: agencyId };
  }
  if (body.agencyOrganisationId && body.agencyOrganisationId !== own) {
    throw fieldError(
      'body.agencyOrganisationId',
      '代理机构只能以本机构名义代理项目',
      'An agency registers projects as itself only',
    );
  }
  if (!body.purchaserOrganisationId) {
    throw fieldError('body.purchaserOrganisationId', '请选择委托的采购人', 'Name the purchaser the agency acts for');
  }
  if (!(await findActiveOrganisation(db, body.purchaserOrganisationId, 'purchaser'))) {
    throw fieldError('body.purchaserOrganisationId', '不是有效的采购人', 'Not an active purchaser organisation');
  }
  return { purchaserOrganisationId: body.purchaserOrganisationId, agencyOrganisationId: own };
}
