import { formatFen, isFen, toChineseCapital } from '@zhengcai/domain';
import type { z } from 'zod';
import type { Viewer } from '../../platform/policy/actor';
import type { Services } from '../../services';
import type { HallContext } from './load-hall';
import { listAttendance, listSignatures, organisationNames, type OpeningBidRow } from './repo';
import type { BID_ACTIONS, HALL_ACTIONS, hallView, readOutView } from './schemas';

type HallAction = (typeof HALL_ACTIONS)[number];
type BidAction = (typeof BID_ACTIONS)[number];

/** The read-out of a decrypted bid: figures, 大写 as declared and as computed, delivery and declared fields. */
export function readOutOf(bid: OpeningBidRow): z.infer<typeof readOutView> | null {
  const sheet = bid.priceSheet;
  if (bid.state !== 'decrypted' || !sheet || !isFen(sheet.priceFen)) return null;
  return readOutOfSheet(sheet);
}

/** What is read out (唱标) of a price sheet: the hall view and the `opening.bid_decrypted` event say the same. */
export function readOutOfSheet(sheet: NonNullable<OpeningBidRow['priceSheet']>): z.infer<typeof readOutView> {
  return {
    priceFen: sheet.priceFen,
    priceFigures: formatFen(sheet.priceFen, { grouping: true }),
    priceInWords: sheet.priceInWords,
    priceCapital: toChineseCapital(sheet.priceFen),
    deliveryPeriod: sheet.deliveryPeriod,
    fields: sheet.fields,
  };
}

/** Bids in reading order: decrypted ones by read-out sequence, then the others by bidder name. */
export function readingOrder(bids: readonly OpeningBidRow[], names: Map<string, string>): OpeningBidRow[] {
  return [...bids].sort((a, b) => {
    if (a.readOutSeq !== null && b.readOutSeq !== null) return a.readOutSeq - b.readOutSeq;
    if (a.readOutSeq !== null) return -1;
    if (b.readOutSeq !== null) return 1;
    return (names.get(a.organisationId) ?? '').localeCompare(names.get(b.organisationId) ?? '', 'zh-CN');
  });
}

/** The hall as the caller sees it, with what the caller may do now (the UI shows only these). */
export async function presentHall(s: Services, viewer: Viewer, ctx: HallContext): Promise<z.infer<typeof hallView>> {
  const { hall, project, lot, role } = ctx;
  const now = s.clock.now();
  const attendance = await listAttendance(s.db, hall.lotId);
  const signatures = await listSignatures(s.db, hall.lotId);
  const names = await organisationNames(s.db, [
    ...ctx.bids.map((b) => b.organisationId),
    ...attendance.flatMap((a) => (a.row.organisationId ? [a.row.organisationId] : [])),
  ]);
  const userId = viewer.kind === 'user' ? viewer.userId : null;
  const signedIn = attendance.some((a) => a.row.userId === userId);
  const inWindow =
    hall.state === 'decrypting' &&
    hall.decryptionStartedAt !== null &&
    hall.decryptionEndsAt !== null &&
    now >= hall.decryptionStartedAt &&
    now < hall.decryptionEndsAt;
  const actions: HallAction[] = [];
  if (
    (role === 'bidder' || role === 'supervisor') &&
    !signedIn &&
    ['open', 'decrypting', 'read_out'].includes(hall.state)
  ) {
    actions.push('sign_in');
  }
  if (role === 'host' && hall.state === 'open') actions.push('start');
  if (role === 'host' && hall.state === 'decrypting' && !ctx.bids.some((b) => b.state === 'sealed'))
    actions.push('close');
  const signedBy = new Set(signatures.map((x) => x.row.userId));
  const unanswered = ctx.bids.some((b) => b.confirmation === 'objected' && b.answer === null);
  if (role === 'host' && hall.state === 'read_out' && !unanswered) actions.push('sign_record');
  if (role === 'supervisor' && signedIn && hall.state === 'signed' && userId && !signedBy.has(userId)) {
    actions.push('sign_record');
  }
  const viewerOrg = viewer.kind === 'user' ? viewer.organisationId : null;
  const bidActions = (bid: OpeningBidRow, mine: boolean): BidAction[] => {
    const out: BidAction[] = [];
    if (mine && role === 'bidder' && bid.state === 'sealed' && ['open', 'decrypting'].includes(hall.state)) {
      out.push('fetch_envelope');
      if (signedIn && inWindow) out.push('release_key');
    }
    if (mine && role === 'bidder' && hall.state === 'read_out' && bid.confirmation === null)
      out.push('confirm', 'object');
    if (role === 'host' && hall.state === 'read_out' && bid.confirmation === 'objected' && bid.answer === null) {
      out.push('answer');
    }
    return out;
  };
  return {
    lotId: hall.lotId,
    project: {
      id: project.id,
      code: project.code,
      title: project.title,
      bidDeadline: project.bidDeadline?.toISOString() ?? null,
    },
    lot: { number: lot.number, title: lot.title },
    state: hall.state,
    serverTime: now.toISOString(),
    openedAt: hall.openedAt.toISOString(),
    decryptionWindowMinutes: project.decryptionWindowMinutes,
    decryptionStartedAt: hall.decryptionStartedAt?.toISOString() ?? null,
    decryptionEndsAt: hall.decryptionEndsAt?.toISOString() ?? null,
    closedAt: hall.closedAt?.toISOString() ?? null,
    outcome: hall.outcome,
    failureReason: hall.failureReason,
    failureNoticeDraft: role === 'host' ? hall.failureNoticeDraft : null,
    attendance: attendance.map((a) => ({
      userId: a.row.userId,
      displayName: a.displayName,
      organisationId: a.row.organisationId,
      organisationName: a.row.organisationId ? (names.get(a.row.organisationId) ?? null) : null,
      role: a.row.role,
      signedInAt: a.row.signedInAt.toISOString(),
    })),
    bids: readingOrder(ctx.bids, names).map((b) => {
      const mine = viewerOrg !== null && b.organisationId === viewerOrg;
      return {
        submissionId: b.submissionId,
        organisationId: b.organisationId,
        bidderName: names.get(b.organisationId) ?? '',
        state: b.state,
        invalidReason: b.invalidReason,
        openedVia: b.openedVia,
        decryptedAt: b.decryptedAt?.toISOString() ?? null,
        readOutSeq: b.readOutSeq,
        readOut: readOutOf(b),
        files: (b.files ?? []).map((f) => ({ name: f.name, size: f.size, digest: f.digest })),
        confirmation: b.confirmation,
        objection: b.objection,
        answer: b.answer,
        answeredAt: b.answeredAt?.toISOString() ?? null,
        mine,
        actions: bidActions(b, mine),
      };
    }),
    signatures: signatures.map((x) => ({
      userId: x.row.userId,
      displayName: x.displayName,
      role: x.row.role,
      signedAt: x.row.signedAt.toISOString(),
    })),
    recordHash: hall.recordHash,
    publishedAt: hall.publishedAt?.toISOString() ?? null,
    recordPdfUrl: hall.state === 'published' ? `/api/openings/${hall.lotId}/record.pdf` : null,
    myRole: role,
    signedIn,
    actions,
  };
}
