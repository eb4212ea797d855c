import type { Dayjs } from 'dayjs';
import type { paths } from '../../api/schema';
import { fenToYuan, fromDatePicker, fromPicker, toDatePicker, toPicker, yuanToFen } from './format';

export type Project = paths['/api/projects/{id}']['get']['responses'][200]['content']['application/json'];
export type ProjectBody = paths['/api/projects']['post']['requestBody']['content']['application/json'];
type LotBody = ProjectBody['lots'][number];
export type Violation = NonNullable<Project['check']>['violations'][number];

export interface LotValues {
  title: string;
  categoryCode: string;
  budgetYuan: string | null;
  ceilingYuan: string | null;
  evaluationMethod: LotBody['evaluationMethod'];
  criteria: NonNullable<LotBody['criteria']>;
  priceNotScored: boolean;
  smeReserved: boolean;
  /** The documents' SME price deduction in percent (46号 第九条); ignored on a reserved lot. */
  smallMicroPercent: number | null;
  consortiumPercent: number | null;
  depositYuan: string | null;
  consortiumAllowed: boolean;
  priceSheetFields: NonNullable<LotBody['priceSheetFields']>;
}

export interface ProjectValues {
  title: string;
  category: ProjectBody['category'];
  purchaserOrganisationId?: string;
  qualificationRequirements: string;
  noticeDetails: {
    procurementNeeds: string;
    contractPeriod: string;
    otherMatters: string;
    contactName: string;
    contactPhone: string;
  };
  intentionPublishedOn: Dayjs | null;
  intentionExempt: boolean;
  documentsAvailableFrom: Dayjs | null;
  documentsAvailableUntil: Dayjs | null;
  bidDeadline: Dayjs | null;
  decryptionWindowMinutes: number;
  lots: LotValues[];
}

/** A goods lot scored on price (30%, the legal minimum for goods), technical merit and service. */
export function newLot(n: number, categoryCode = ''): LotValues {
  return {
    title: `第${n}包`,
    categoryCode,
    budgetYuan: null,
    ceilingYuan: null,
    evaluationMethod: 'comprehensive-scoring',
    criteria: [
      { key: 'price', label: '价格', kind: 'price', weight: 30, maxScore: 30 },
      { key: 'technical', label: '技术', kind: 'technical', weight: 50, maxScore: 50 },
      { key: 'service', label: '服务', kind: 'service', weight: 20, maxScore: 20 },
    ],
    priceNotScored: false,
    smeReserved: false,
    smallMicroPercent: 10,
    consortiumPercent: null,
    depositYuan: null,
    consortiumAllowed: false,
    priceSheetFields: [],
  };
}

export function emptyValues(): ProjectValues {
  return {
    title: '',
    category: 'goods',
    qualificationRequirements: '',
    noticeDetails: { procurementNeeds: '', contractPeriod: '', otherMatters: '', contactName: '', contactPhone: '' },
    intentionPublishedOn: null,
    intentionExempt: false,
    documentsAvailableFrom: null,
    documentsAvailableUntil: null,
    bidDeadline: null,
    decryptionWindowMinutes: 30,
    lots: [newLot(1)],
  };
}

export function toValues(p: Project): ProjectValues {
  return {
    title: p.title,
    category: p.category,
    purchaserOrganisationId: p.purchaser.id,
    qualificationRequirements: p.qualificationRequirements,
    noticeDetails: p.noticeDetails,
    intentionPublishedOn: toDatePicker(p.intentionPublishedOn),
    intentionExempt: p.intentionExempt,
    documentsAvailableFrom: toPicker(p.documentsAvailableFrom),
    documentsAvailableUntil: toPicker(p.documentsAvailableUntil),
    bidDeadline: toPicker(p.bidDeadline),
    decryptionWindowMinutes: p.decryptionWindowMinutes,
    lots: p.lots.map((l) => ({
      title: l.title,
      categoryCode: l.categoryCode,
      budgetYuan: fenToYuan(l.budgetFen),
      ceilingYuan: fenToYuan(l.ceilingPriceFen),
      evaluationMethod: l.evaluationMethod,
      criteria: l.criteria,
      priceNotScored: l.priceNotScored,
      smeReserved: l.smeReserved,
      smallMicroPercent: l.smallMicroPercent,
      consortiumPercent: l.consortiumPercent,
      depositYuan: fenToYuan(l.depositFen),
      consortiumAllowed: l.consortiumAllowed,
      priceSheetFields: l.priceSheetFields,
    })),
  };
}

/** Form values → request body; amounts the person typed that are not amounts come back as form errors. */
export function toBody(
  v: ProjectValues,
  isAgency: boolean,
): { body: ProjectBody; errors: { name: (string | number)[]; errors: string[] }[] } {
  const errors: { name: (string | number)[]; errors: string[] }[] = [];
  const fen = (value: string | null, name: (string | number)[], required: boolean): number | null => {
    const f = yuanToFen(value);
    if (f === undefined || (required && f === null)) {
      errors.push({ name, errors: ['请输入以元为单位的金额（最多两位小数）/ Enter an amount in yuan'] });
      return null;
    }
    return f;
  };
  const body: ProjectBody = {
    title: v.title,
    method: 'open-tender',
    category: v.category,
    ...(isAgency && v.purchaserOrganisationId ? { purchaserOrganisationId: v.purchaserOrganisationId } : {}),
    qualificationRequirements: v.qualificationRequirements,
    noticeDetails: v.noticeDetails,
    intentionPublishedOn: v.intentionExempt ? null : fromDatePicker(v.intentionPublishedOn),
    intentionExempt: v.intentionExempt,
    documentsAvailableFrom: fromPicker(v.documentsAvailableFrom),
    documentsAvailableUntil: fromPicker(v.documentsAvailableUntil),
    bidDeadline: fromPicker(v.bidDeadline),
    decryptionWindowMinutes: v.decryptionWindowMinutes,
    lots: v.lots.map((l, i) => ({
      title: l.title,
      categoryCode: l.categoryCode,
      budgetFen: fen(l.budgetYuan, ['lots', i, 'budgetYuan'], true) ?? 0,
      ceilingPriceFen: fen(l.ceilingYuan, ['lots', i, 'ceilingYuan'], false),
      evaluationMethod: l.evaluationMethod,
      criteria: l.evaluationMethod === 'comprehensive-scoring' ? l.criteria : [],
      priceNotScored: l.priceNotScored,
      smeReserved: l.smeReserved,
      smallMicroPercent: l.smeReserved ? null : (l.smallMicroPercent ?? null),
      consortiumPercent: l.smeReserved ? null : (l.consortiumPercent ?? null),
      depositFen: fen(l.depositYuan, ['lots', i, 'depositYuan'], false),
      consortiumAllowed: l.consortiumAllowed,
      priceSheetFields: l.priceSheetFields,
    })),
  };
  return { body, errors };
}
