import { createHash } from 'node:crypto';
import type { CategoryKind, EvaluationCriterion, ProcurementMethod } from '@zhengcai/domain';
import type { Executor } from '../db/client';
import { lots, projectDocuments, projects } from '../db/schema';
import type { BlobStore } from '../platform/blobs/blob-store';
import { scheduleOpenHall } from '../modules/opening/schedule-opening';

export interface PublishedTenderSpec {
  /** A fixed id (the demo city's tenders have stable addresses); random otherwise. */
  id?: string;
  code: string;
  title: string;
  method?: ProcurementMethod;
  category?: CategoryKind;
  purchaserOrganisationId: string;
  agencyOrganisationId: string | null;
  createdByUserId: string;
  publishedAt: Date;
  documentsAvailableFrom: Date;
  documentsAvailableUntil: Date;
  bidDeadline: Date;
  /** 解密时限 in minutes (the schema's default when absent). */
  decryptionWindowMinutes?: number;
  /** `consortiumAllowed`: the documents accept consortium bids (联合体投标) on the lot. */
  lots: { title: string; categoryCode: string; budgetFen: number; consortiumAllowed?: boolean }[];
  documents: { fileName: string; contentType: string; content: Uint8Array }[];
}

const CRITERIA: EvaluationCriterion[] = [
  { key: 'price', label: '价格', kind: 'price', weight: 30, maxScore: 30 },
  { key: 'technical', label: '技术', kind: 'technical', weight: 60, maxScore: 60 },
  { key: 'service', label: '售后服务', kind: 'commercial', weight: 10, maxScore: 10 },
];

/**
 * Writes a project as its publication leaves it (status `published`, timeline set, documents in the blob store),
 * without the notice, with the opening jobs: for the demo city and for tests of what follows publication. Real projects are published by
 * the projects module, which validates the timeline first.
 */
export async function insertPublishedTender(db: Executor, blobs: BlobStore, spec: PublishedTenderSpec) {
  const stored = [];
  for (const doc of spec.documents) {
    const blob = await blobs.put(doc.content);
    stored.push({ ...doc, hash: blob.hash, size: blob.size });
  }
  const [project] = await db
    .insert(projects)
    .values({
      ...(spec.id ? { id: spec.id } : {}),
      code: spec.code,
      title: spec.title,
      method: spec.method ?? 'open-tender',
      category: spec.category ?? 'goods',
      purchaserOrganisationId: spec.purchaserOrganisationId,
      agencyOrganisationId: spec.agencyOrganisationId,
      createdByUserId: spec.createdByUserId,
      status: 'published',
      intentionExempt: true,
      publishedAt: spec.publishedAt,
      documentsAvailableFrom: spec.documentsAvailableFrom,
      documentsAvailableUntil: spec.documentsAvailableUntil,
      bidDeadline: spec.bidDeadline,
      ...(spec.decryptionWindowMinutes ? { decryptionWindowMinutes: spec.decryptionWindowMinutes } : {}),
      createdAt: spec.publishedAt,
      updatedAt: spec.publishedAt,
    })
    .returning();
  if (!project) throw new Error('insert returned nothing');
  const lotIds: string[] = [];
  for (const [i, lot] of spec.lots.entries()) {
    const [row] = await db
      .insert(lots)
      .values({
        projectId: project.id,
        number: i + 1,
        title: lot.title,
        categoryCode: lot.categoryCode,
        budgetFen: lot.budgetFen,
        consortiumAllowed: lot.consortiumAllowed ?? false,
        evaluationMethod: 'comprehensive-scoring',
        criteria: CRITERIA,
        // The documents' SME ratios under the 2022 rules: 10% for small/micro, 4% for consortia (46号, 19号).
        smeSmallMicroBp: 1000,
        smeConsortiumBp: lot.consortiumAllowed ? 400 : null,
      })
      .returning({ id: lots.id });
    if (row) lotIds.push(row.id);
  }
  // As publication does: each lot's hall opens at the deadline (job created as of the publication time).
  await scheduleOpenHall(db, { now: () => spec.publishedAt }, project, lotIds);
  const documents = await db
    .insert(projectDocuments)
    .values(
      stored.map((d) => ({
        projectId: project.id,
        fileName: d.fileName,
        contentType: d.contentType,
        sizeBytes: d.size,
        sha256: d.hash,
        blobKey: d.hash,
        uploadedByUserId: spec.createdByUserId,
        uploadedAt: spec.publishedAt,
      })),
    )
    .returning();
  return { project, documents };
}

export const sha256Hex = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');
