import type { Bilingual } from '../bilingual';
import { formatFen } from '../money';
import { CITE } from '../rules/citations';
import type { CategoryKind, Citation } from '../rules/rule-types';
import { formatBasisPoints } from './exact-arithmetic';
import { SUPPLIER_SCALE_LABELS, type SmeShare, type SupplierScale } from './sme-bid';
import type { AppliedRatio, SmeEffect } from './sme-rules';

/** The bilingual sentences that say why a bid got a deduction (or bonus), or why none. */

/** Which case of the SME policy decided a bid's price for evaluation. */
export type SmeBranch =
  | 'reserved-lot'
  | 'no-rule-in-force'
  | 'small-micro'
  | 'prison-enterprise'
  | 'disabled-welfare-unit'
  | 'small-micro-consortium'
  | 'consortium-share'
  | 'subcontract-share'
  | 'share-below-minimum'
  | 'no-consortium-ratio'
  | 'not-supplied-by-small-micro'
  | 'no-small-micro-party'
  | 'medium'
  | 'large';

const SUPPLIED = {
  goods: { zh: '所投货物全部由小微企业制造', en: 'all goods offered are made by small or micro enterprises' },
  services: { zh: '服务由小微企业承接', en: 'the services are provided by small or micro enterprises' },
  works: { zh: '工程由小微企业承建', en: 'the works are built by small or micro enterprises' },
} as const satisfies Record<CategoryKind, Bilingual>;

const NOT_SUPPLIED = {
  goods: {
    zh: '所投货物并非全部由小微企业制造（含大型企业制造的货物不享受扶持政策）',
    en: 'not all goods offered are made by small or micro enterprises (goods partly made by large enterprises get nothing)',
  },
  services: { zh: '服务并非由小微企业承接', en: 'the services are not provided by small or micro enterprises' },
  works: { zh: '工程并非由小微企业承建', en: 'the works are not built by small or micro enterprises' },
} as const satisfies Record<CategoryKind, Bilingual>;

const cite = (sources: readonly Citation[]): Bilingual => ({
  zh: sources.map((s) => s.zh).join('、'),
  en: sources.map((s) => s.en).join('; '),
});

export interface ExplainContext {
  category: CategoryKind;
  rulesDate: string;
  scale: SupplierScale | null;
  share: SmeShare | null;
  /** The ratio applied; null when none was. */
  ratio: AppliedRatio | null;
  /** The share the consortium ratio needs (for consortium, subcontract and below-minimum cases). */
  minShareBasisPoints: number | null;
  effect: SmeEffect;
  bidPriceFen: number;
  evaluationPriceFen: number;
  deductionFen: number;
}

function shareText(share: SmeShare | null, kind: 'consortium' | 'subcontract'): Bilingual {
  const pct = formatBasisPoints(share?.countedBasisPoints ?? 0);
  const excluded = (share?.excludedMembers.length ?? 0) + (share?.excludedSubcontracts.length ?? 0);
  const note: Bilingual = excluded
    ? {
        zh: `（${excluded} 个存在直接控股、管理关系或不计入的小微企业份额未计入）`,
        en: ` (${excluded} small/micro share(s) with a holding or management relationship, or not counted, left out)`,
      }
    : { zh: '', en: '' };
  return kind === 'consortium'
    ? {
        zh: `联合协议约定小微企业合同份额 ${pct}${note.zh}`,
        en: `The consortium agreement gives small/micro members ${pct}${note.en}`,
      }
    : {
        zh: `分包意向协议约定小微企业合同份额 ${pct}${note.zh}`,
        en: `The subcontracts give small/micro enterprises ${pct}${note.en}`,
      };
}

/** Why the bid qualifies, before the effect is stated. */
function reasonFor(branch: SmeBranch, c: ExplainContext): Bilingual {
  const minShare = formatBasisPoints(c.minShareBasisPoints ?? 0);
  const scale = c.scale ? SUPPLIER_SCALE_LABELS[c.scale] : { zh: '投标人', en: 'bidder' };
  switch (branch) {
    case 'small-micro':
      return {
        zh: `投标人为${scale.zh}，${SUPPLIED[c.category].zh}`,
        en: `The bidder is a ${scale.en} and ${SUPPLIED[c.category].en}`,
      };
    case 'prison-enterprise':
    case 'disabled-welfare-unit': {
      const src = branch === 'prison-enterprise' ? CITE.czk2014n68 : CITE.czk2017n141;
      return {
        zh: `投标人为${scale.zh}，视同小微企业（${src.zh}），${SUPPLIED[c.category].zh}`,
        en: `The bidder is a ${scale.en}, treated as a small/micro enterprise (${src.en}), and ${SUPPLIED[c.category].en}`,
      };
    }
    case 'small-micro-consortium':
      return {
        zh: `联合体各方均为小微企业，联合体视同小微企业（${CITE.czk2020n46Art4.zh}），${SUPPLIED[c.category].zh}`,
        en: `Every consortium member is small/micro, so the consortium counts as one (${CITE.czk2020n46Art4.en}), and ${SUPPLIED[c.category].en}`,
      };
    case 'consortium-share':
    case 'subcontract-share': {
      const s = shareText(c.share, branch === 'consortium-share' ? 'consortium' : 'subcontract');
      return { zh: `${s.zh}，不低于 ${minShare}`, en: `${s.en}, at least ${minShare}` };
    }
    case 'reserved-lot':
      return {
        zh: `本采购包为专门面向中小企业的预留份额，不再给予价格扣除（${CITE.czk2020n46Art9.zh}）`,
        en: `The lot is reserved for SMEs, so there is no price deduction (${CITE.czk2020n46Art9.en})`,
      };
    case 'no-rule-in-force':
      return {
        zh: `${c.rulesDate}适用的规则对该类项目没有小微企业价格评审优惠`,
        en: `The rules in force on ${c.rulesDate} give no small/micro price preference for this category`,
      };
    case 'share-below-minimum': {
      const s = shareText(c.share, 'consortium');
      return {
        zh: `${s.zh}，低于 ${minShare}，不给予扣除（${CITE.czk2020n46Art9.zh}）`,
        en: `${s.en}, below ${minShare}: no deduction (${CITE.czk2020n46Art9.en})`,
      };
    }
    case 'no-consortium-ratio':
      return {
        zh: '采购文件未设定联合体或分包的价格评审优惠比例，不给予扣除',
        en: 'The documents set no ratio for consortia or subcontracts: no deduction',
      };
    case 'not-supplied-by-small-micro':
      return {
        zh: `${NOT_SUPPLIED[c.category].zh}，不给予扣除（${CITE.czk2020n46Art4.zh}）`,
        en: `${NOT_SUPPLIED[c.category].en}: no deduction (${CITE.czk2020n46Art4.en})`,
      };
    case 'no-small-micro-party':
      return {
        zh: '联合体中没有计入的小微企业成员，也没有向小微企业分包，不给予扣除',
        en: 'No small/micro member or subcontract counts: no deduction',
      };
    case 'medium':
    case 'large':
      return {
        zh: `投标人为${scale.zh}，不享受小微企业价格评审优惠`,
        en: `The bidder is a ${scale.en} and gets no small/micro price preference`,
      };
  }
}

/** The full sentence for a bid's outcome: the reason, then what was applied, how it was rounded and the rule. */
export function explainSmeOutcome(branch: SmeBranch, c: ExplainContext): Bilingual {
  const reason = reasonFor(branch, c);
  if (c.effect === 'none' || !c.ratio) {
    return {
      zh: `${reason.zh}；评审价即投标报价 ${formatFen(c.bidPriceFen)} 元`,
      en: `${reason.en}; the evaluation price is the bid price, CNY ${formatFen(c.bidPriceFen)}`,
    };
  }
  const pct = formatBasisPoints(c.ratio.basisPoints);
  const src = cite(c.ratio.rule.sources);
  const key = c.ratio.rule.key;
  if (c.effect === 'price-score-bonus') {
    return {
      zh: `${reason.zh}，价格分按原报价 ${formatFen(c.bidPriceFen)} 元计算后增加其 ${pct}（依据${src.zh}，${key}）`,
      en: `${reason.en}: the price score, computed on the bid price CNY ${formatFen(c.bidPriceFen)}, is raised by ${pct} (${src.en}, ${key})`,
    };
  }
  return {
    zh: `${reason.zh}，按采购文件确定的 ${pct} 扣除：投标报价 ${formatFen(c.bidPriceFen)} 元 − 扣除 ${formatFen(c.deductionFen)} 元 = 评审价 ${formatFen(c.evaluationPriceFen)} 元（四舍五入到分）；依据${src.zh}（${key}）`,
    en: `${reason.en}: the documents' ${pct} deduction: bid price CNY ${formatFen(c.bidPriceFen)} − ${formatFen(c.deductionFen)} = evaluation price CNY ${formatFen(c.evaluationPriceFen)} (rounded half up to the fen); ${src.en} (${key})`,
  };
}
