import type { Citation } from '../rules/rule-types';

/**
 * The sources the expert draw quotes (C11). Full titles:
 * - 《中华人民共和国政府采购法》 — "政府采购法"
 * - 《中华人民共和国政府采购法实施条例》(国务院令第658号) — "实施条例"
 * - 《政府采购货物和服务招标投标管理办法》(财政部令第87号) — "87号令"
 * - 《政府采购评审专家管理办法》(财库〔2016〕198号)
 *
 * Article numbers were written from knowledge of the texts, as in `rules/citations.ts`; the 198号 article numbers
 * are the ones a reviewer should check first.
 */
const c = (zh: string, en: string): Citation => ({ zh, en });

export const EXPERT_CITE = {
  /** 采购人员及相关人员与供应商有利害关系的，必须回避. */
  gplArt12: c('《政府采购法》第十二条', 'Government Procurement Law, art. 12'),
  /** The interests that oblige a person to withdraw (labour relation within 3 years, director, controller, kin …). */
  regArt9: c('《政府采购法实施条例》第九条', 'Implementing Regulation of the GPL, art. 9'),
  /** Experts are drawn at random from the expert library. */
  regArt39: c('《政府采购法实施条例》第三十九条', 'Implementing Regulation of the GPL, art. 39'),
  /**
   * The committee: purchaser's representatives and experts, 5 or more and odd, experts at least two thirds; 7 or more
   * for budgets of 10 million yuan and above, technically complex or high-impact projects; an expert sits for their
   * own unit's project only as the purchaser's representative; an agency's staff never evaluate its own projects.
   */
  mof87Art47: c('财政部令第87号第四十七条', 'MOF Order No. 87, art. 47'),
  /** Experts drawn at random from a library set up by a finance department at provincial level or above. */
  mof87Art48: c('财政部令第87号第四十八条', 'MOF Order No. 87, art. 48'),
  /** An expert with an interest in a participating supplier must withdraw (check the article number). */
  czk2016n198Art16: c('财库〔2016〕198号第十六条', 'Caiku [2016] No. 198, art. 16'),
  /** Not a national rule: the recent-draw period and the region filters are the platform's, set per draw. */
  platform: c('平台规则（每次抽取可配置）', 'platform rule (set per draw)'),
} as const satisfies Record<string, Citation>;
