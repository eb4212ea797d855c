import { leafHash } from '@zhengcai/seal';

/** What the ledger hashes for one event: every column but the hashes themselves. */
export interface LedgerEntry {
  seq: number;
  type: string;
  version: number;
  payload: unknown;
  actorUserId: string | null;
  actorOrganisationId: string | null;
  subjectType: string;
  subjectId: string;
  audience: 'public' | 'organisation' | 'organisations' | 'oversight';
  audienceOrganisationId: string | null;
  /** Only for the `organisations` audience; absent from the hashed object otherwise (older entries keep their hash). */
  audienceOrganisationIds?: string[] | null;
  occurredAt: Date;
}

/** The canonical JSON object of an entry (dates as ISO 8601 UTC with milliseconds). */
export function entryObject(e: LedgerEntry): Record<string, unknown> {
  return {
    seq: e.seq,
    type: e.type,
    version: e.version,
    payload: e.payload,
    actorUserId: e.actorUserId,
    actorOrganisationId: e.actorOrganisationId,
    subjectType: e.subjectType,
    subjectId: e.subjectId,
    audience: e.audience,
    audienceOrganisationId: e.audienceOrganisationId,
    ...(e.audienceOrganisationIds ? { audienceOrganisationIds: e.audienceOrganisationIds } : {}),
    occurredAt: e.occurredAt.toISOString(),
  };
}

export function entryLeafHash(e: LedgerEntry): string {
  return leafHash(entryObject(e));
}
