import type { Bilingual } from '../bilingual';
import { formatFen, isFen } from '../money';
import { parseChineseCapital, type CapitalIssue } from '../money-chinese-capital';
import { CITE } from '../rules/citations';
import type { Citation } from '../rules/rule-types';
import { toScaledInteger } from './exact-arithmetic';
import { findMisplacedDecimal, lineAmountFen, type PriceSheetLine } from './price-sheet-lines';

/**
 * Arithmetic corrections of a bid's price (87号令 第五十九条), unless the documents say otherwise, in this order:
 * (一) the opening price sheet (开标一览表/报价表) prevails over the rest of the bid;
 * (二) the amount in words (大写) prevails over the amount in figures;
 * (三) a unit price whose decimal point is obviously misplaced: the sheet's total prevails and the unit price is corrected;
 * (四) otherwise, a total that differs from Σ unit price × quantity: the unit prices prevail.
 * The corrected price binds only when the bidder confirms it; a bidder who does not confirm has an invalid bid. This
 * module only computes; the confirmation is recorded elsewhere (`confirmCorrection` says what follows from it).
 */

export interface PriceSheet {
  /** 开标一览表（报价表）: the total in figures, as read out at the opening. */
  sheetTotalFen: number;
  /** The same total in words (大写), if the sheet has it. */
  sheetTotalInWords?: string | null;
  /** The total as the body of the bid states it, where it is stated. */
  bodyTotalFen?: number | null;
  /** 分项报价: unit prices and quantities. */
  lines?: readonly PriceSheetLine[];
  /** The committee found line i's decimal point obviously misplaced; absent: the helper looks for a ×10ⁿ slip. */
  misplacedDecimalLine?: number | null;
}

export type CorrectionRule =
  'SHEET_OVER_BODY' | 'WORDS_OVER_FIGURES' | 'TOTAL_OVER_MISPLACED_UNIT_PRICE' | 'UNIT_PRICES_OVER_TOTAL';

export interface CorrectionStep {
  rule: CorrectionRule;
  /** The amount set aside and the amount that prevails (a total, or for (三) a unit price), in fen. */
  fromFen: number;
  toFen: number;
  lineIndex?: number;
  explanation: Bilingual;
}

export type PriceCorrectionProblem = {
  code: 'AMOUNT_INVALID' | 'WORDS_UNREADABLE' | 'LINE_INVALID';
  field: string;
  message: Bilingual;
};

export type PriceCorrection =
  | {
      ok: true;
      /** The sheet's total in figures. */
      originalFen: number;
      correctedFen: number;
      /** The price differs from the figures read out. */
      changed: boolean;
      steps: CorrectionStep[];
      /** The rule that set the corrected price (the last step), or null when nothing was corrected. */
      decidedBy: CorrectionRule | null;
      /** Any correction binds only when the bidder confirms it in writing (87号令 第五十一条, 第五十九条). */
      requiresConfirmation: boolean;
      /** The lines after correction (a misplaced unit price fixed). */
      lines: PriceSheetLine[];
      wordsIssues: CapitalIssue[];
      text: Bilingual;
      sources: readonly Citation[];
    }
  | { ok: false; problems: PriceCorrectionProblem[] };

const yuan = (fen: number) => formatFen(fen);

function checkSheet(sheet: PriceSheet): PriceCorrectionProblem[] {
  const problems: PriceCorrectionProblem[] = [];
  for (const field of ['sheetTotalFen', 'bodyTotalFen'] as const) {
    const v = sheet[field];
    if (v !== null && v !== undefined && !isFen(v)) {
      problems.push({
        code: 'AMOUNT_INVALID',
        field,
        message: { zh: '金额须为非负整数（分）', en: 'Amounts are non-negative whole fen' },
      });
    }
  }
  (sheet.lines ?? []).forEach((l, i) => {
    const q = toScaledInteger(l.quantity, 3);
    if (!isFen(l.unitPriceFen) || q === null || q === 0) {
      problems.push({
        code: 'LINE_INVALID',
        field: `lines[${i}]`,
        message: {
          zh: `第 ${i + 1} 行：单价须为金额（分），数量须大于0且最多三位小数`,
          en: `Line ${i + 1}: the unit price must be an amount in fen and the quantity positive with at most three decimals`,
        },
      });
    }
  });
  return problems;
}

/** Applies 87号令 第五十九条 to a price sheet. */
export function correctBidPrice(sheet: PriceSheet): PriceCorrection {
  const problems = checkSheet(sheet);
  if (problems.length > 0) return { ok: false, problems };
  const steps: CorrectionStep[] = [];
  let price = sheet.sheetTotalFen;
  let wordsIssues: CapitalIssue[] = [];

  if (sheet.bodyTotalFen !== null && sheet.bodyTotalFen !== undefined && sheet.bodyTotalFen !== price) {
    steps.push({
      rule: 'SHEET_OVER_BODY',
      fromFen: sheet.bodyTotalFen,
      toFen: price,
      explanation: {
        zh: `投标文件正文报价 ${yuan(sheet.bodyTotalFen)} 元与开标一览表 ${yuan(price)} 元不一致，以开标一览表为准`,
        en: `The body of the bid states CNY ${yuan(sheet.bodyTotalFen)}, the price sheet CNY ${yuan(price)}: the price sheet prevails`,
      },
    });
  }
  if (sheet.sheetTotalInWords) {
    const words = parseChineseCapital(sheet.sheetTotalInWords);
    if (!words.ok) {
      return {
        ok: false,
        problems: [{ code: 'WORDS_UNREADABLE', field: 'sheetTotalInWords', message: words.message }],
      };
    }
    wordsIssues = words.issues;
    if (words.fen !== price) {
      steps.push({
        rule: 'WORDS_OVER_FIGURES',
        fromFen: price,
        toFen: words.fen,
        explanation: {
          zh: `大写金额"${sheet.sheetTotalInWords}"（${yuan(words.fen)} 元）与小写金额 ${yuan(price)} 元不一致，以大写金额为准`,
          en: `The amount in words "${sheet.sheetTotalInWords}" (CNY ${yuan(words.fen)}) differs from the figures CNY ${yuan(price)}: the words prevail`,
        },
      });
      price = words.fen;
    }
  }
  const lines = [...(sheet.lines ?? [])];
  if (lines.length > 0) {
    const amounts = lines.map(lineAmountFen);
    const sum = amounts.reduce((t, a) => t + a, 0);
    if (sum !== price) {
      const slip = findMisplacedDecimal(lines, amounts, price, sheet.misplacedDecimalLine ?? null);
      if (slip) {
        const line = lines[slip.index] as PriceSheetLine;
        lines[slip.index] = { ...line, unitPriceFen: slip.unitPriceFen };
        steps.push({
          rule: 'TOTAL_OVER_MISPLACED_UNIT_PRICE',
          fromFen: line.unitPriceFen,
          toFen: slip.unitPriceFen,
          lineIndex: slip.index,
          explanation: {
            zh: `第 ${slip.index + 1} 行单价 ${yuan(line.unitPriceFen)} 元小数点明显错位，以开标一览表总价 ${yuan(price)} 元为准，单价修正为 ${yuan(slip.unitPriceFen)} 元`,
            en: `Line ${slip.index + 1}'s unit price CNY ${yuan(line.unitPriceFen)} has an obviously misplaced decimal point: the sheet total CNY ${yuan(price)} prevails and the unit price becomes CNY ${yuan(slip.unitPriceFen)}`,
          },
        });
      } else {
        steps.push({
          rule: 'UNIT_PRICES_OVER_TOTAL',
          fromFen: price,
          toFen: sum,
          explanation: {
            zh: `总价 ${yuan(price)} 元与单价乘数量汇总 ${yuan(sum)} 元不一致，以单价计算结果为准`,
            en: `The total CNY ${yuan(price)} differs from Σ unit price × quantity CNY ${yuan(sum)}: the unit prices prevail`,
          },
        });
        price = sum;
      }
    }
  }
  const last = steps[steps.length - 1];
  const changed = price !== sheet.sheetTotalFen;
  const text: Bilingual =
    steps.length === 0
      ? {
          zh: `报价 ${yuan(price)} 元前后一致，无需修正`,
          en: `The price CNY ${yuan(price)} is consistent: no correction`,
        }
      : {
          zh: `${steps.map((s) => s.explanation.zh).join('；')}。修正后报价 ${yuan(price)} 元，经投标人确认后产生约束力（${CITE.mof87Art59.zh}）`,
          en: `${steps.map((s) => s.explanation.en).join('; ')}. Corrected price CNY ${yuan(price)}, binding once the bidder confirms it (${CITE.mof87Art59.en})`,
        };
  return {
    ok: true,
    originalFen: sheet.sheetTotalFen,
    correctedFen: price,
    changed,
    steps,
    decidedBy: last?.rule ?? null,
    requiresConfirmation: steps.length > 0,
    lines,
    wordsIssues,
    text,
    sources: [CITE.mof87Art59],
  };
}

export type ConfirmedPrice =
  { status: 'binding'; priceFen: number; message: Bilingual } | { status: 'bid-invalid'; message: Bilingual };

/** What the bidder's answer means: the corrected price binds, or the bid is invalid (87号令 第五十九条). */
export function confirmCorrection(
  correction: { correctedFen: number; requiresConfirmation: boolean },
  confirmed: boolean,
): ConfirmedPrice {
  if (!correction.requiresConfirmation || confirmed) {
    return {
      status: 'binding',
      priceFen: correction.correctedFen,
      message: { zh: `报价 ${yuan(correction.correctedFen)} 元`, en: `Price CNY ${yuan(correction.correctedFen)}` },
    };
  }
  return {
    status: 'bid-invalid',
    message: {
      zh: `投标人不确认修正后的报价，其投标无效（${CITE.mof87Art59.zh}）`,
      en: `The bidder does not confirm the corrected price, so the bid is invalid (${CITE.mof87Art59.en})`,
    },
  };
}
