import type { Bilingual } from '../bilingual';
import { FULL_SHARE } from '../bids/consortium';
import { isFen } from '../money';
import type { EnterpriseScale } from '../roles';

/**
 * What a bid declares for the SME policy, and how it is checked. The scales are those recorded when the bid was made
 * (ADR 0012, 0014); the shares are integer basis points of the contract (consortium members sum to 100%).
 */

/**
 * A supplier's scale for the SME policy. Prison enterprises (监狱企业, 财库〔2014〕68号) and welfare units for the
 * disabled (残疾人福利性单位, 财库〔2017〕141号) count as small/micro enterprises (视同小型、微型企业).
 */
export type SupplierScale = EnterpriseScale | 'prison-enterprise' | 'disabled-welfare-unit';

export const SUPPLIER_SCALE_LABELS = {
  large: { zh: '大型企业', en: 'large enterprise' },
  medium: { zh: '中型企业', en: 'medium enterprise' },
  small: { zh: '小型企业', en: 'small enterprise' },
  micro: { zh: '微型企业', en: 'micro enterprise' },
  'prison-enterprise': { zh: '监狱企业', en: 'prison enterprise' },
  'disabled-welfare-unit': { zh: '残疾人福利性单位', en: 'welfare unit for the disabled' },
} as const satisfies Record<SupplierScale, Bilingual>;

/** Small, micro, or treated as such (68号, 141号). */
export function countsAsSmallMicro(scale: SupplierScale): boolean {
  return scale !== 'large' && scale !== 'medium';
}

export interface SmeConsortiumMember {
  scale: SupplierScale;
  shareBasisPoints: number;
  /**
   * The member has a direct holding or management relationship (直接控股、管理关系) with another member: a small/micro
   * member in that position does not count towards the small/micro share (46号 第九条).
   */
  controlRelationWithOtherMember?: boolean;
}

export interface SmeSubcontract {
  scale: SupplierScale;
  /** The subcontracted share of the whole contract, as the subcontract intention agreement (分包意向协议) states it. */
  shareBasisPoints: number;
  /** A direct holding or management relationship with the bidder: the share does not count (46号 第九条). */
  controlRelationWithBidder?: boolean;
}

export type SmeBidder =
  { kind: 'solo'; scale: SupplierScale } | { kind: 'consortium'; members: readonly SmeConsortiumMember[] };

export interface SmeBidInput {
  bidPriceFen: number;
  bidder: SmeBidder;
  subcontracts?: readonly SmeSubcontract[];
  /**
   * 46号 第四条: goods — every item offered is made by small/micro enterprises (a bid mixing goods made by large
   * enterprises gets nothing); services — provided by them; works — built by them. For a consortium or subcontract
   * share, the small/micro parties' part of the contract.
   */
  suppliedBySmallMicro: boolean;
}

export type SmeBidProblemCode =
  'BID_PRICE_INVALID' | 'SHARE_INVALID' | 'MEMBER_SHARES_NOT_FULL' | 'SUBCONTRACTS_TOO_LARGE';

export interface SmeBidProblem {
  code: SmeBidProblemCode;
  field: string;
  message: Bilingual;
}

const validShare = (bp: number) => Number.isSafeInteger(bp) && bp > 0 && bp <= FULL_SHARE;

/** Every problem with a bid's SME declaration (empty: usable). */
export function validateSmeBid(bid: SmeBidInput): SmeBidProblem[] {
  const problems: SmeBidProblem[] = [];
  if (!isFen(bid.bidPriceFen) || bid.bidPriceFen === 0) {
    problems.push({
      code: 'BID_PRICE_INVALID',
      field: 'bidPriceFen',
      message: { zh: '投标报价须为大于0的金额（分）', en: 'The bid price must be a positive amount in fen' },
    });
  }
  if (bid.bidder.kind === 'consortium') {
    let sum = 0;
    bid.bidder.members.forEach((m, i) => {
      if (!validShare(m.shareBasisPoints)) {
        problems.push({
          code: 'SHARE_INVALID',
          field: `bidder.members[${i}].shareBasisPoints`,
          message: {
            zh: `成员 ${i + 1} 的份额须在 0 与 100% 之间`,
            en: `Member ${i + 1}'s share must be above 0 and at most 100%`,
          },
        });
      } else sum += m.shareBasisPoints;
    });
    if (sum !== FULL_SHARE) {
      problems.push({
        code: 'MEMBER_SHARES_NOT_FULL',
        field: 'bidder.members',
        message: { zh: '联合体各方份额之和须为 100%', en: "The consortium members' shares must add up to 100%" },
      });
    }
  }
  let subSum = 0;
  (bid.subcontracts ?? []).forEach((s, i) => {
    if (!validShare(s.shareBasisPoints)) {
      problems.push({
        code: 'SHARE_INVALID',
        field: `subcontracts[${i}].shareBasisPoints`,
        message: {
          zh: `分包 ${i + 1} 的份额须在 0 与 100% 之间`,
          en: `Subcontract ${i + 1}'s share must be above 0 and at most 100%`,
        },
      });
    } else subSum += s.shareBasisPoints;
  });
  if (subSum >= FULL_SHARE) {
    problems.push({
      code: 'SUBCONTRACTS_TOO_LARGE',
      field: 'subcontracts',
      message: { zh: '分包份额合计须小于合同总金额', en: 'Subcontracts must add up to less than the whole contract' },
    });
  }
  return problems;
}

export interface SmeShare {
  /** Small/micro share of the contract counted for the consortium ratio (basis points, at most 100%). */
  countedBasisPoints: number;
  /** Indexes of small/micro members left out for a control relationship. */
  excludedMembers: number[];
  /** Indexes of small/micro subcontracts left out (control relationship, or subcontracts do not count). */
  excludedSubcontracts: number[];
}

/**
 * The small/micro share that counts (46号 第九条): small/micro members and subcontractors without a control
 * relationship; subcontracts only where the rule counts them. Subcontracts are shares of the whole contract, taken
 * to come out of the other parties' work, so they add to the members' share (capped at 100%).
 */
export function countedSmallMicroShare(bid: SmeBidInput, subcontractsCount: boolean): SmeShare {
  const excludedMembers: number[] = [];
  const excludedSubcontracts: number[] = [];
  let counted = 0;
  if (bid.bidder.kind === 'consortium') {
    bid.bidder.members.forEach((m, i) => {
      if (!countsAsSmallMicro(m.scale)) return;
      if (m.controlRelationWithOtherMember) excludedMembers.push(i);
      else counted += m.shareBasisPoints;
    });
  }
  (bid.subcontracts ?? []).forEach((s, i) => {
    if (!countsAsSmallMicro(s.scale)) return;
    if (s.controlRelationWithBidder || !subcontractsCount) excludedSubcontracts.push(i);
    else counted += s.shareBasisPoints;
  });
  return { countedBasisPoints: Math.min(counted, FULL_SHARE), excludedMembers, excludedSubcontracts };
}
