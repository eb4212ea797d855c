import { findCategory } from '@zhengcai/domain';
import type { z } from 'zod';
import type { Executor } from '../../db/client';
import type { Viewer } from '../../platform/policy/actor';
import type { Clock } from '../../platform/clock';
import { checkPublication, presentCheck } from './check-publication';
import { listKeyHolders } from './key-escrow';
import { bpToPercent } from './project-rows';
import { projectAbilities } from './policy';
import { findUsableCertificates } from '../certificates/repo';
import { findProjectRow, listDocuments, listLots, organisationNames, tenderNoticeId } from './repo';
import type { projectView } from './schemas';

const iso = (d: Date | null) => d?.toISOString() ?? null;

/** The project as its parties and oversight see it, with the caller's abilities and, for a draft, the check. */
export async function presentProject(
  db: Executor,
  clock: Clock,
  viewer: Viewer,
  projectId: string,
): Promise<z.infer<typeof projectView> | null> {
  const project = await findProjectRow(db, projectId);
  if (!project) return null;
  const abilities = projectAbilities(viewer, project);
  if (!abilities.view) return null;
  const [lotRows, docs, noticeId] = await Promise.all([
    listLots(db, project.id),
    listDocuments(db, project.id),
    tenderNoticeId(db, project.id),
  ]);
  const orgIds = [
    project.purchaserOrganisationId,
    ...(project.agencyOrganisationId ? [project.agencyOrganisationId] : []),
  ];
  const names = await organisationNames(db, orgIds);
  const { view: _view, ...rest } = abilities;
  const holders = await listKeyHolders(db, project.id);
  const now = clock.now();
  const keyEscrow =
    holders.length || project.keyEscrowThreshold !== null
      ? {
          threshold: project.keyEscrowThreshold,
          holders: await Promise.all(
            holders.map(async ({ position: _position, ...h }) => ({
              ...h,
              encryptionCertificate: (await findUsableCertificates(db, h.userId, now)) !== null,
            })),
          ),
        }
      : null;
  return {
    id: project.id,
    code: project.code,
    title: project.title,
    method: project.method,
    category: project.category,
    status: project.status,
    purchaser: { id: project.purchaserOrganisationId, name: names.get(project.purchaserOrganisationId) ?? '' },
    agency: project.agencyOrganisationId
      ? { id: project.agencyOrganisationId, name: names.get(project.agencyOrganisationId) ?? '' }
      : null,
    budgetFen: lotRows.reduce((n, l) => n + l.budgetFen, 0),
    lotCount: lotRows.length,
    publishedAt: project.status === 'published' ? iso(project.publishedAt) : null,
    bidDeadline: iso(project.bidDeadline),
    updatedAt: project.updatedAt.toISOString(),
    qualificationRequirements: project.qualificationRequirements,
    noticeDetails: project.noticeDetails,
    intentionPublishedOn: project.intentionPublishedOn,
    intentionExempt: project.intentionExempt,
    documentsAvailableFrom: iso(project.documentsAvailableFrom),
    documentsAvailableUntil: iso(project.documentsAvailableUntil),
    decryptionWindowMinutes: project.decryptionWindowMinutes,
    rulesApplied: project.rulesApplied,
    lots: lotRows.map((l) => {
      const category = findCategory(l.categoryCode);
      return {
        id: l.id,
        number: l.number,
        title: l.title,
        categoryCode: l.categoryCode,
        categoryName: { zh: category?.zh ?? l.categoryCode, en: category?.en ?? l.categoryCode },
        budgetFen: l.budgetFen,
        ceilingPriceFen: l.ceilingPriceFen,
        evaluationMethod: l.evaluationMethod,
        criteria: l.criteria,
        priceNotScored: l.priceNotScored,
        smeReserved: l.smeReserved,
        smallMicroPercent: bpToPercent(l.smeSmallMicroBp),
        consortiumPercent: bpToPercent(l.smeConsortiumBp),
        depositFen: l.depositFen,
        consortiumAllowed: l.consortiumAllowed,
        priceSheetFields: l.priceSheetFields,
      };
    }),
    documents: docs.map((d) => ({
      id: d.id,
      fileName: d.fileName,
      contentType: d.contentType,
      sizeBytes: d.sizeBytes,
      sha256: d.sha256,
      uploadedAt: d.uploadedAt.toISOString(),
    })),
    noticeId,
    check:
      project.status === 'draft' ? presentCheck(checkPublication(project, lotRows, docs.length, clock.now())) : null,
    abilities: rest,
    keyEscrow,
  };
}
