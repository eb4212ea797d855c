import type { Bilingual } from '../bilingual';
import { fenToWanString, ENTERPRISE_SCALE_LABELS, type ScaleFigures } from '../enterprise-scale';
import { INDUSTRY_SCALE_STANDARDS } from '../enterprise-scale-standard';
import type { EnterpriseScale } from '../roles';

/**
 * The SME declaration (中小企业声明函) a supplier makes when it registers, in the wording of the annex of
 * 《政府采购促进中小企业发展管理办法》(财库〔2020〕46号, 附件 中小企业声明函). The annex is written per procurement
 * (标的名称, 采购人, 项目); at registration the platform records the enterprise's own part of it — its industry,
 * 从业人员, 营业收入, 资产总额 and scale — and the three statements on large-enterprise ties and truthfulness,
 * which every later declaration in a bid repeats.
 */
export interface SmeDeclarationInput extends ScaleFigures {
  supplierName: string;
  scale: EnterpriseScale;
  /** Beijing date of the declaration, YYYY-MM-DD. */
  date: string;
}

const figure = (fen: number | null | undefined) => (fen === null || fen === undefined ? '—' : fenToWanString(fen));

/** The text of the declaration (Chinese, as signed), one paragraph per line. */
export function smeDeclarationText(input: SmeDeclarationInput): string {
  const industry = INDUSTRY_SCALE_STANDARDS[input.industry].label.zh;
  const scale = ENTERPRISE_SCALE_LABELS[input.scale].zh;
  const [y, m, d] = input.date.split('-');
  return [
    '中小企业声明函',
    `本企业郑重声明，根据《政府采购促进中小企业发展管理办法》（财库〔2020〕46号）的规定，本企业参加政府采购活动时的相关情况如下：`,
    `${input.supplierName}，属于${industry.endsWith('行业') ? industry : `${industry}行业`}；从业人员${input.employees ?? '—'}人，营业收入为${figure(input.revenueFen)}万元，资产总额为${figure(input.assetsFen)}万元，属于${scale}。`,
    '本企业不属于大企业的分支机构，不存在控股股东为大企业的情形，也不存在与大企业的负责人为同一人的情形。',
    '本企业对上述声明内容的真实性负责。如有虚假，将依法承担相应责任。',
    `企业名称：${input.supplierName}`,
    `日期：${y}年${Number(m)}月${Number(d)}日`,
  ].join('\n');
}

export type DeclarationCheck = { ok: true } | { ok: false; code: 'SME_DECLARATION_MISMATCH'; message: Bilingual };

/**
 * The declared scale must be the one the standard gives for the supplier's figures: a declaration that says
 * otherwise is false (财库〔2020〕46号 第二十条: 提供虚假声明函 is dealt with under the procurement law), so it is refused.
 */
export function checkDeclaredScale(declared: EnterpriseScale, derived: EnterpriseScale): DeclarationCheck {
  if (declared === derived) return { ok: true };
  const d = ENTERPRISE_SCALE_LABELS[declared];
  const r = ENTERPRISE_SCALE_LABELS[derived];
  return {
    ok: false,
    code: 'SME_DECLARATION_MISMATCH',
    message: {
      zh: `声明的企业规模（${d.zh}）与按所填数据划型的结果（${r.zh}）不一致，请核对行业、从业人员、营业收入和资产总额`,
      en: `The declared scale (${d.en}) differs from the scale the figures give (${r.en}); check the industry, employees, revenue and total assets`,
    },
  };
}

/** An amount typed in 万元 (up to six decimals, i.e. to the fen) as integer fen, or null if it is not one. */
export function wanToFen(input: string): number | null {
  const m = /^(\d{1,9})(?:\.(\d{1,6}))?$/.exec(input.trim());
  if (!m) return null;
  return Number(m[1]) * 1_000_000 + Number((m[2] ?? '').padEnd(6, '0'));
}
