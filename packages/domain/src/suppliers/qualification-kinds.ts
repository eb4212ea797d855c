import type { Bilingual } from '../bilingual';

/** Kinds of qualification documents (资质证书) suppliers commonly hold; `other` takes a free name. */
export const QUALIFICATION_KINDS = {
  'business-licence': { zh: '营业执照', en: 'Business licence' },
  iso9001: { zh: 'ISO 9001 质量管理体系认证证书', en: 'ISO 9001 quality management certificate' },
  iso14001: { zh: 'ISO 14001 环境管理体系认证证书', en: 'ISO 14001 environmental management certificate' },
  iso45001: {
    zh: 'ISO 45001 职业健康安全管理体系认证证书',
    en: 'ISO 45001 occupational health and safety certificate',
  },
  'safety-production-licence': { zh: '安全生产许可证', en: 'Work safety licence' },
  'construction-qualification': { zh: '建筑业企业资质证书', en: 'Construction enterprise qualification' },
  'medical-device-licence': { zh: '医疗器械经营许可证', en: 'Medical device trading licence' },
  'software-enterprise': { zh: '软件企业证书', en: 'Software enterprise certificate' },
  other: { zh: '其他资质', en: 'Other qualification' },
} as const satisfies Record<string, Bilingual>;

export type QualificationKind = keyof typeof QUALIFICATION_KINDS;
export const QUALIFICATION_KIND_CODES = Object.keys(QUALIFICATION_KINDS) as QualificationKind[];

/** Scanned copies: PDF or images, at most 10 MB. */
export const QUALIFICATION_FILE_TYPES = ['application/pdf', 'image/png', 'image/jpeg'] as const;
export const QUALIFICATION_FILE_MAX_BYTES = 10 * 1024 * 1024;
