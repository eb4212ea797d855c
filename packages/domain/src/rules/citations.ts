import type { Citation } from './rule-types';

/**
 * The legal sources the rules quote, in the short form used in messages. Full titles:
 * - 《中华人民共和国政府采购法》(2002, amended 2014) — "政府采购法"
 * - 《中华人民共和国政府采购法实施条例》(国务院令第658号, in force 2015-03-01) — "实施条例"
 * - 《政府采购货物和服务招标投标管理办法》(财政部令第87号, in force 2017-10-01) — "87号令"
 * - 《政府采购非招标采购方式管理办法》(财政部令第74号, in force 2014-02-01) — "74号令"
 * - 《政府采购竞争性磋商采购方式管理暂行办法》(财库〔2014〕214号)
 * - 《政府采购框架协议采购方式管理暂行办法》(财政部令第110号, in force 2022-03-01)
 * - 《关于开展政府采购意向公开工作的通知》(财库〔2020〕10号)
 * - 《政府采购促进中小企业发展暂行办法》(财库〔2011〕181号), 《政府采购促进中小企业发展管理办法》(财库〔2020〕46号),
 *   《关于进一步加大政府采购支持中小企业力度的通知》(财库〔2022〕19号)
 * - 《关于政府采购支持监狱企业发展有关问题的通知》(财库〔2014〕68号), 《关于促进残疾人就业政府采购政策的通知》
 *   (财库〔2017〕141号): prison enterprises and welfare units for the disabled count as small/micro enterprises
 * - 《中华人民共和国招标投标法》, 《中华人民共和国招标投标法实施条例》 (works tendered under the Bidding Law)
 * - 《中华人民共和国民法典》 (how periods are counted)
 *
 * Article numbers were written from knowledge of the texts, not copied from an official database: the ones marked
 * "check" in the rule notes are those a reviewer should verify first.
 */
const c = (zh: string, en: string): Citation => ({ zh, en });

export const CITE = {
  gplArt2: c('《政府采购法》第二条', 'Government Procurement Law, art. 2'),
  gplArt35: c('《政府采购法》第三十五条', 'Government Procurement Law, art. 35'),
  gplArt36: c('《政府采购法》第三十六条', 'Government Procurement Law, art. 36'),
  gplArt38: c('《政府采购法》第三十八条', 'Government Procurement Law, art. 38'),
  gplArt39: c('《政府采购法》第三十九条', 'Government Procurement Law, art. 39'),
  gplArt40: c('《政府采购法》第四十条', 'Government Procurement Law, art. 40'),
  regArt31: c('《政府采购法实施条例》第三十一条', 'Implementing Regulation of the GPL, art. 31'),
  regArt33: c('《政府采购法实施条例》第三十三条', 'Implementing Regulation of the GPL, art. 33'),
  regArt38: c('《政府采购法实施条例》第三十八条', 'Implementing Regulation of the GPL, art. 38'),
  mof87Art14: c('财政部令第87号第十四条', 'MOF Order No. 87, art. 14'),
  mof87Art18: c('财政部令第87号第十八条', 'MOF Order No. 87, art. 18'),
  mof87Art27: c('财政部令第87号第二十七条', 'MOF Order No. 87, art. 27'),
  mof87Art52: c('财政部令第87号第五十二条', 'MOF Order No. 87, art. 52'),
  mof87Art53: c('财政部令第87号第五十三条', 'MOF Order No. 87, art. 53'),
  mof87Art54: c('财政部令第87号第五十四条', 'MOF Order No. 87, art. 54'),
  mof87Art55: c('财政部令第87号第五十五条', 'MOF Order No. 87, art. 55'),
  mof87Art56: c('财政部令第87号第五十六条', 'MOF Order No. 87, art. 56'),
  mof87Art59: c('财政部令第87号第五十九条', 'MOF Order No. 87, art. 59'),
  mof87Art60: c('财政部令第87号第六十条', 'MOF Order No. 87, art. 60'),
  mof87Art68: c('财政部令第87号第六十八条', 'MOF Order No. 87, art. 68'),
  mof87Art85: c('财政部令第87号第八十五条', 'MOF Order No. 87, art. 85'),
  mof74Art29: c('财政部令第74号第二十九条', 'MOF Order No. 74, art. 29'),
  mof74Art38: c('财政部令第74号第三十八条', 'MOF Order No. 74, art. 38'),
  mof74Art45: c('财政部令第74号第四十五条', 'MOF Order No. 74, art. 45'),
  czk2014n214: c('财库〔2014〕214号', 'Caiku [2014] No. 214'),
  czk2014n214Art6: c('财库〔2014〕214号第六条', 'Caiku [2014] No. 214, art. 6'),
  czk2014n214Art10: c('财库〔2014〕214号第十条', 'Caiku [2014] No. 214, art. 10'),
  czk2014n214Art24: c('财库〔2014〕214号第二十四条', 'Caiku [2014] No. 214, art. 24'),
  mof110: c('财政部令第110号', 'MOF Order No. 110'),
  czk2020n10: c('财库〔2020〕10号', 'Caiku [2020] No. 10'),
  czk2011n181Art5: c('财库〔2011〕181号第五条', 'Caiku [2011] No. 181, art. 5'),
  czk2011n181Art6: c('财库〔2011〕181号第六条', 'Caiku [2011] No. 181, art. 6'),
  czk2020n46Art4: c('财库〔2020〕46号第四条', 'Caiku [2020] No. 46, art. 4'),
  czk2020n46Art9: c('财库〔2020〕46号第九条', 'Caiku [2020] No. 46, art. 9'),
  czk2020n46Art12: c('财库〔2020〕46号第十二条', 'Caiku [2020] No. 46, art. 12'),
  czk2014n68: c('财库〔2014〕68号', 'Caiku [2014] No. 68'),
  czk2017n141: c('财库〔2017〕141号', 'Caiku [2017] No. 141'),
  czk2022n19: c('财库〔2022〕19号', 'Caiku [2022] No. 19'),
  biddingLawArt23: c('《招标投标法》第二十三条', 'Bidding Law, art. 23'),
  biddingLawArt24: c('《招标投标法》第二十四条', 'Bidding Law, art. 24'),
  biddingRegArt16: c('《招标投标法实施条例》第十六条', 'Implementing Regulation of the Bidding Law, art. 16'),
  biddingRegArt21: c('《招标投标法实施条例》第二十一条', 'Implementing Regulation of the Bidding Law, art. 21'),
  civilCodeArt201: c('《民法典》第二百零一条', 'Civil Code, art. 201'),
  civilCodeArt203: c('《民法典》第二百零三条', 'Civil Code, art. 203'),
  platform: c('平台规则', 'platform rule'),
  platformDefault: c('平台默认值（采购文件可另行规定）', 'platform default (the documents may set another value)'),
} as const satisfies Record<string, Citation>;
