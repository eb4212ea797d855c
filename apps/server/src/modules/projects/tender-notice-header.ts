import type { Executor } from '../../db/client';
import type { projects } from '../../db/schema';
import { organisationNames } from './repo';

export const PLATFORM_NAME = '政采 Zhengcai 电子交易平台';

type ProjectFacts = Pick<
  typeof projects.$inferSelect,
  | 'code'
  | 'title'
  | 'method'
  | 'category'
  | 'purchaserOrganisationId'
  | 'agencyOrganisationId'
  | 'qualificationRequirements'
  | 'decryptionWindowMinutes'
>;

/** What every tender notice says of its project and parties (publication and the demo seed render the same). */
export async function tenderNoticeHeader(db: Executor, project: ProjectFacts) {
  const names = await organisationNames(db, [
    project.purchaserOrganisationId,
    ...(project.agencyOrganisationId ? [project.agencyOrganisationId] : []),
  ]);
  return {
    platformName: PLATFORM_NAME,
    code: project.code,
    title: project.title,
    method: project.method,
    category: project.category,
    purchaserName: names.get(project.purchaserOrganisationId) ?? '',
    agencyName: project.agencyOrganisationId ? (names.get(project.agencyOrganisationId) ?? '') : null,
    qualificationRequirements: project.qualificationRequirements,
    decryptionWindowMinutes: project.decryptionWindowMinutes,
  };
}
