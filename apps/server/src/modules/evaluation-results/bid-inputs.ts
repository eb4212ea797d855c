import { bidStandsAfterReviews, type Bilingual, type SmeBidder, type SupplierScale } from '@zhengcai/domain';
import { asc, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import {
  bidConsortiumMembers,
  evaluationBidderQueries,
  evaluationCompliance,
  evaluationQualifications,
  organisations,
} from '../../db/schema';
import { organisationNames } from '../opening/repo';
import { decryptedBids, type EvaluationContext } from './context';

export type QueryRow = typeof evaluationBidderQueries.$inferSelect;

/** Where the price a bid is evaluated at comes from. */
export type PriceSource =
  | { kind: 'price-sheet' }
  | { kind: 'arithmetic-correction'; queryId: string; originalFen: number; correctedFen: number };

/** One decrypted bid as the rows say it stands: the engine's input, and why. */
export interface BidInput {
  submissionId: string;
  organisationId: string;
  bidderName: string;
  /** The price read out from the price sheet (开标一览表), fen. */
  sheetPriceFen: number;
  /** The price evaluated: the sheet's, or the one of a correction the bidder confirmed (87号令 第五十九条). */
  bidPriceFen: number;
  priceSource: PriceSource;
  qualification: { passed: boolean; reason: string | null } | null;
  compliance: { passed: number; reviewed: number; committeeSize: number };
  /** The query that made the bid invalid (a refused or lapsed correction, a rejected or lapsed explanation). */
  invalidatedBy: { queryId: string; kind: QueryRow['kind']; state: QueryRow['state'] } | null;
  stands: boolean;
  /** Why it does not stand (null when it does). */
  exclusion: Bilingual | null;
  /** The bidder for the SME policy, with the scales recorded (a scale not recorded counts as large). */
  smeBidder: SmeBidder;
}

export async function listQueries(tx: Tx, lotId: string): Promise<QueryRow[]> {
  return tx
    .select()
    .from(evaluationBidderQueries)
    .where(eq(evaluationBidderQueries.lotId, lotId))
    .orderBy(asc(evaluationBidderQueries.askedAt), asc(evaluationBidderQueries.id));
}

const INVALIDATING: Partial<Record<QueryRow['kind'], readonly QueryRow['state'][]>> = {
  arithmetic_correction: ['refused', 'lapsed'],
  abnormal_price: ['rejected', 'lapsed'],
};

function exclusionOf(bid: Omit<BidInput, 'stands' | 'exclusion' | 'smeBidder'>): Bilingual | null {
  if (!bid.qualification) return { zh: '未经资格审查', en: 'Not reviewed for qualification' };
  if (!bid.qualification.passed) {
    const why = bid.qualification.reason ? `：${bid.qualification.reason}` : '';
    return { zh: `未通过资格审查${why}`, en: `Failed the qualification review${why}` };
  }
  const { passed, committeeSize } = bid.compliance;
  if (!bidStandsAfterReviews({ qualificationPassed: true, complianceVotes: Array(passed).fill(true), committeeSize })) {
    return {
      zh: `未通过符合性审查（${passed}/${committeeSize} 名评审专家认为符合，未过半数）`,
      en: `Failed the compliance review (${passed} of ${committeeSize} members found it compliant: no majority)`,
    };
  }
  const q = bid.invalidatedBy;
  if (q?.kind === 'arithmetic_correction') {
    return q.state === 'refused'
      ? {
          zh: '投标人不确认报价修正，投标无效（第五十九条）',
          en: 'The bidder refused the price correction: invalid (Art. 59)',
        }
      : {
          zh: '投标人未在期限内确认报价修正，投标无效（第五十九条）',
          en: 'The bidder did not confirm the price correction in time: invalid (Art. 59)',
        };
  }
  if (q?.kind === 'abnormal_price') {
    return q.state === 'rejected'
      ? {
          zh: '评审委员会认定其报价不合理（异常低价说明未被接受），投标无效（第六十条）',
          en: 'The committee did not accept the explanation of the abnormally low price: invalid (Art. 60)',
        }
      : {
          zh: '投标人未在期限内说明异常低价，投标无效（第六十条）',
          en: 'The bidder did not explain the abnormally low price in time: invalid (Art. 60)',
        };
  }
  return null;
}

/**
 * Every decrypted bid of the lot with its standing and price, from the rows alone: the host's qualification review,
 * the members' compliance reviews (majority, committee-decisions.ts), the bidder queries (a confirmed correction sets
 * the price; a refused or lapsed correction, a rejected or lapsed explanation makes the bid invalid), and the scales
 * for the SME policy (a solo bidder's organisation scale; a consortium's members' scale and share at bid time).
 */
export async function bidInputs(
  tx: Tx,
  ctx: Pick<EvaluationContext, 'bids' | 'members'> & { lotId: string },
  queries: readonly QueryRow[],
): Promise<BidInput[]> {
  const bids = decryptedBids(ctx);
  const ids = bids.map((b) => b.submissionId);
  if (ids.length === 0) return [];
  const quals = await tx
    .select()
    .from(evaluationQualifications)
    .where(inArray(evaluationQualifications.submissionId, ids));
  const memberIds = new Set(ctx.members.map((m) => m.userId));
  const votes = (await tx.select().from(evaluationCompliance).where(eq(evaluationCompliance.lotId, ctx.lotId))).filter(
    (v) => memberIds.has(v.expertUserId),
  );
  const consortium = await tx
    .select()
    .from(bidConsortiumMembers)
    .where(inArray(bidConsortiumMembers.submissionId, ids))
    .orderBy(asc(bidConsortiumMembers.position));
  const orgIds = [...new Set(bids.map((b) => b.organisationId))];
  const scales = new Map(
    (
      await tx
        .select({ id: organisations.id, scale: organisations.scale })
        .from(organisations)
        .where(inArray(organisations.id, orgIds))
    ).map((o) => [o.id, o.scale]),
  );
  const names = await organisationNames(tx, orgIds);
  return bids.map((bid) => {
    const sheet = bid.priceSheet;
    const sheetPriceFen = sheet?.priceFen ?? 0;
    const mine = queries.filter((q) => q.submissionId === bid.submissionId);
    const confirmed = mine.filter((q) => q.kind === 'arithmetic_correction' && q.state === 'confirmed').at(-1);
    const correctedFen = confirmed ? Number(confirmed.request.correctedFen) : null;
    const priceSource: PriceSource =
      confirmed && correctedFen !== null
        ? { kind: 'arithmetic-correction', queryId: confirmed.id, originalFen: sheetPriceFen, correctedFen }
        : { kind: 'price-sheet' };
    const invalid = mine.find((q) => INVALIDATING[q.kind]?.includes(q.state));
    const qual = quals.find((q) => q.submissionId === bid.submissionId);
    const mineVotes = votes.filter((v) => v.submissionId === bid.submissionId);
    const base = {
      submissionId: bid.submissionId,
      organisationId: bid.organisationId,
      bidderName: names.get(bid.organisationId) ?? bid.organisationId,
      sheetPriceFen,
      bidPriceFen: correctedFen ?? sheetPriceFen,
      priceSource,
      qualification: qual ? { passed: qual.passed, reason: qual.reason } : null,
      compliance: {
        passed: mineVotes.filter((v) => v.passed).length,
        reviewed: mineVotes.length,
        committeeSize: ctx.members.length,
      },
      invalidatedBy: invalid ? { queryId: invalid.id, kind: invalid.kind, state: invalid.state } : null,
    };
    const exclusion = exclusionOf(base);
    const parties = consortium.filter((c) => c.submissionId === bid.submissionId);
    const smeBidder: SmeBidder =
      parties.length > 1
        ? {
            kind: 'consortium',
            members: parties.map((p) => ({
              scale: p.scale ?? 'large',
              shareBasisPoints: p.shareBasisPoints,
            })),
          }
        : { kind: 'solo', scale: (scales.get(bid.organisationId) ?? 'large') as SupplierScale };
    return { ...base, stands: exclusion === null, exclusion, smeBidder };
  });
}
