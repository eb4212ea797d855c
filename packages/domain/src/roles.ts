/**
 * Who uses the platform (PRODUCT.md §1). A user has exactly one role; every role but `expert` belongs to an
 * organisation of the matching kind (the administrator belongs to the trading centre that runs the platform).
 */
export const ROLES = ['purchaser', 'agency', 'centre', 'supplier', 'expert', 'supervisor', 'finance', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const ORGANISATION_KINDS = ['purchaser', 'agency', 'centre', 'supplier', 'supervisor', 'finance'] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

/** The organisation kind a user of each role belongs to; experts are natural persons and belong to none. */
export const ROLE_ORGANISATION_KIND = {
  purchaser: 'purchaser',
  agency: 'agency',
  centre: 'centre',
  supplier: 'supplier',
  expert: null,
  supervisor: 'supervisor',
  finance: 'finance',
  admin: 'centre',
} as const satisfies Record<Role, OrganisationKind | null>;

/** Roles whose staff watch every project (the trading centre, the supervisor, the platform administrator). */
export const OVERSIGHT_ROLES: readonly Role[] = ['centre', 'supervisor', 'admin'];

export const ROLE_LABELS = {
  purchaser: { zh: '采购人', en: 'Purchaser' },
  agency: { zh: '采购代理机构', en: 'Procurement agency' },
  centre: { zh: '交易中心', en: 'Trading centre' },
  supplier: { zh: '供应商', en: 'Supplier' },
  expert: { zh: '评审专家', en: 'Expert' },
  supervisor: { zh: '监管部门', en: 'Supervisor' },
  finance: { zh: '金融机构', en: 'Financial institution' },
  admin: { zh: '平台管理员', en: 'Administrator' },
} as const satisfies Record<Role, { zh: string; en: string }>;

export const ENTERPRISE_SCALES = ['large', 'medium', 'small', 'micro'] as const;
export type EnterpriseScale = (typeof ENTERPRISE_SCALES)[number];

/**
 * Role-level permissions: who may do a kind of thing at all. Routes declare access with these lists, policies use
 * them, and `/api/me` sends the caller's abilities from them, so the web app shows only what the server accepts.
 */
export const PERMISSIONS = {
  reviewRegistrations: ['centre', 'admin'],
  manageAccounts: ['admin'],
  verifyLedger: ['centre', 'supervisor', 'admin'],
  /** Revoke anyone's certificates (C2); holders revoke their own. */
  revokeCertificates: ['centre', 'admin'],
  /** See every certificate the platform CA issued. */
  listCertificates: ['centre', 'supervisor', 'admin'],
  /** Play back the recordings of openings (issue 4 point 8). */
  watchRecordings: ['centre', 'supervisor', 'admin'],
  /** See the list of transaction certificates issued (交易证明书, ADR 0020); verifying one is public. */
  listTransactionCertificates: ['centre', 'supervisor', 'admin'],
  /** Revoke a transaction certificate, with a public reason. */
  revokeTransactionCertificates: ['centre'],
  /**
   * Read expert draws with the experts' names, seeds and pool snapshots, and verify them (C11, ADR 0019). Not the
   * administrator: the committee stays confidential until the result, so only the supervisor and the centre know it.
   */
  verifyExpertDraws: ['centre', 'supervisor'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function roleMay(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}
