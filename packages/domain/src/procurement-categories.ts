/**
 * The procurement category tree experts declare specialties from and projects are classified by: the top levels of
 * 《政府采购品目分类目录》(财库〔2022〕31号) — A 货物 goods, B 工程 works, C 服务 services — with the branches the demo
 * city and the tests use. It is data: the full catalogue (several thousand entries) is loaded the same way; codes
 * below the second level here are illustrative and must be checked against the published catalogue before use.
 */
export interface ProcurementCategory {
  code: string;
  zh: string;
  en: string;
}

export const PROCUREMENT_CATEGORIES: readonly ProcurementCategory[] = [
  { code: 'A', zh: '货物', en: 'Goods' },
  { code: 'A02', zh: '通用设备', en: 'General equipment' },
  { code: 'A0201', zh: '计算机设备及软件', en: 'Computers and software' },
  { code: 'A0202', zh: '办公设备', en: 'Office equipment' },
  { code: 'A03', zh: '专用设备', en: 'Special equipment' },
  { code: 'A0320', zh: '医疗设备', en: 'Medical equipment' },
  { code: 'A05', zh: '家具和用具', en: 'Furniture and fittings' },
  { code: 'A07', zh: '物资', en: 'Materials' },
  { code: 'B', zh: '工程', en: 'Works' },
  { code: 'B01', zh: '房屋施工', en: 'Building construction' },
  { code: 'B06', zh: '装修工程', en: 'Decoration works' },
  { code: 'B08', zh: '修缮工程', en: 'Repair works' },
  { code: 'C', zh: '服务', en: 'Services' },
  { code: 'C01', zh: '科学研究和试验开发', en: 'Research and development' },
  { code: 'C02', zh: '教育服务', en: 'Education services' },
  { code: 'C16', zh: '信息技术服务', en: 'Information technology services' },
  { code: 'C21', zh: '物业管理服务', en: 'Property management' },
  { code: 'C23', zh: '医疗卫生服务', en: 'Medical and health services' },
];

const BY_CODE = new Map(PROCUREMENT_CATEGORIES.map((c) => [c.code, c]));

export function findCategory(code: string): ProcurementCategory | undefined {
  return BY_CODE.get(code);
}

/** The parent's code: the code without its last level (1 letter, then 2 digits per level). */
export function parentCategory(code: string): string | null {
  if (code.length <= 1) return null;
  return code.length === 3 ? code.slice(0, 1) : code.slice(0, -2);
}

/** Goods, works or services: the first letter. */
export function categoryKind(code: string): 'goods' | 'works' | 'services' | null {
  return code.startsWith('A') ? 'goods' : code.startsWith('B') ? 'works' : code.startsWith('C') ? 'services' : null;
}

/** True when `code` is `ancestor` or below it (an expert in A02 may evaluate A0201). */
export function categoryWithin(code: string, ancestor: string): boolean {
  return code.startsWith(ancestor);
}
