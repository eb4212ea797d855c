import { canonicalBytes, sm3Hex } from '@zhengcai/seal';
import type { Executor } from '../../db/client';
import { hostOrganisationId } from './policy';
import { readOutOf, readingOrder } from './present-hall';
import { findProjectAndLot, listAttendance, listOpeningBids, organisationNames, type HallRow } from './repo';

export const OPENING_RECORD_TYPE = 'zhengcai-opening-record';

/** The opening record (开标记录): what happened in the hall, as canonical JSON; its SM3 hash is what is signed. */
export interface OpeningRecord {
  type: typeof OPENING_RECORD_TYPE;
  version: 1;
  project: { id: string; code: string; title: string };
  lot: { id: string; number: number; title: string };
  host: { organisationId: string; name: string };
  bidDeadline: string | null;
  openedAt: string;
  decryptionStartedAt: string | null;
  decryptionEndsAt: string | null;
  closedAt: string | null;
  attendance: Array<{ userId: string; name: string; organisation: string | null; role: string; signedInAt: string }>;
  bids: Array<{
    submissionId: string;
    bidder: { organisationId: string; name: string };
    state: string;
    readOutSeq: number | null;
    openedVia: string | null;
    price: { fen: number; figures: string; inWords: string; capital: string } | null;
    deliveryPeriod: string | null;
    fields: Record<string, string> | null;
    files: Array<{ name: string; size: number; digest: string }>;
    invalidReason: string | null;
    confirmation: string | null;
    objection: string | null;
    answer: string | null;
  }>;
  outcome: string | null;
  failureReason: string | null;
}

/** Builds the record from the hall's rows (read with `db`, which may be a transaction). */
export async function buildOpeningRecord(db: Executor, hall: HallRow): Promise<OpeningRecord> {
  const found = await findProjectAndLot(db, hall.lotId);
  if (!found) throw new Error('hall without its lot');
  const { project, lot } = found;
  const bids = await listOpeningBids(db, hall.lotId);
  const attendance = await listAttendance(db, hall.lotId);
  const hostOrg = hostOrganisationId(project);
  const names = await organisationNames(db, [
    hostOrg,
    ...bids.map((b) => b.organisationId),
    ...attendance.flatMap((a) => (a.row.organisationId ? [a.row.organisationId] : [])),
  ]);
  return {
    type: OPENING_RECORD_TYPE,
    version: 1,
    project: { id: project.id, code: project.code, title: project.title },
    lot: { id: lot.id, number: lot.number, title: lot.title },
    host: { organisationId: hostOrg, name: names.get(hostOrg) ?? '' },
    bidDeadline: project.bidDeadline?.toISOString() ?? null,
    openedAt: hall.openedAt.toISOString(),
    decryptionStartedAt: hall.decryptionStartedAt?.toISOString() ?? null,
    decryptionEndsAt: hall.decryptionEndsAt?.toISOString() ?? null,
    closedAt: hall.closedAt?.toISOString() ?? null,
    attendance: attendance.map((a) => ({
      userId: a.row.userId,
      name: a.displayName,
      organisation: a.row.organisationId ? (names.get(a.row.organisationId) ?? null) : null,
      role: a.row.role,
      signedInAt: a.row.signedInAt.toISOString(),
    })),
    bids: readingOrder(bids, names).map((b) => {
      const readOut = readOutOf(b);
      return {
        submissionId: b.submissionId,
        bidder: { organisationId: b.organisationId, name: names.get(b.organisationId) ?? '' },
        state: b.state,
        readOutSeq: b.readOutSeq,
        openedVia: b.openedVia,
        price: readOut
          ? {
              fen: readOut.priceFen,
              figures: readOut.priceFigures,
              inWords: readOut.priceInWords,
              capital: readOut.priceCapital,
            }
          : null,
        deliveryPeriod: readOut?.deliveryPeriod ?? null,
        fields: readOut?.fields ?? null,
        files: (b.files ?? []).map((f) => ({ name: f.name, size: f.size, digest: f.digest })),
        invalidReason: b.invalidReason,
        confirmation: b.confirmation,
        objection: b.objection,
        answer: b.answer,
      };
    }),
    outcome: hall.outcome,
    failureReason: hall.failureReason,
  };
}

/** SM3 over the record's RFC 8785 canonical bytes, hex: the signers sign these 32 bytes. */
export function recordHash(record: OpeningRecord): string {
  return sm3Hex(canonicalBytes(record));
}
