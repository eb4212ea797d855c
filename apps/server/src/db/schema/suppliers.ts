import { ENTERPRISE_SCALES, INDUSTRY_CODES, QUALIFICATION_KIND_CODES, type Bilingual } from '@zhengcai/domain';
import { bigint, boolean, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organisations, users } from './identity';

/**
 * A supplier's profile (C1): the figures its enterprise scale is derived from (工信部联企业〔2011〕300号). The scale
 * is never typed in: it is computed by the domain and stored here with its working, and copied to
 * `organisations.scale` for lists. `usccPilot` marks a registration whose credit code failed the check character and
 * was submitted as an early pilot code: approving it needs a reason (`usccOverrideReason`).
 */
export const supplierProfiles = pgTable('supplier_profiles', {
  organisationId: uuid('organisation_id')
    .primaryKey()
    .references(() => organisations.id),
  industry: text('industry', { enum: INDUSTRY_CODES }).notNull(),
  employees: integer('employees'),
  revenueFen: bigint('revenue_fen', { mode: 'number' }),
  assetsFen: bigint('assets_fen', { mode: 'number' }),
  derivedScale: text('derived_scale', { enum: ENTERPRISE_SCALES }).notNull(),
  /** Which thresholds decided the scale, as shown to the supplier and the centre. */
  scaleWorking: jsonb('scale_working').$type<Bilingual>().notNull(),
  usccPilot: boolean('uscc_pilot').notNull().default(false),
  usccOverrideReason: text('uscc_override_reason'),
  /** Set when the supplier changes its profile after approval, so the centre sees it (cleared by nobody: evidence). */
  changedAfterApprovalAt: timestamp('changed_after_approval_at', { withTimezone: true, mode: 'date' }),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
  updatedBy: uuid('updated_by').references(() => users.id),
});

/**
 * SME declarations (中小企业声明函, 财库〔2020〕46号): every one kept; the latest is the one in force. `seq` orders
 * them: two declarations can carry the same millisecond, and a random id would then pick the one in force by chance.
 */
export const smeDeclarations = pgTable(
  'sme_declarations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    seq: bigint('seq', { mode: 'number' }).generatedAlwaysAsIdentity(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    declaredScale: text('declared_scale', { enum: ENTERPRISE_SCALES }).notNull(),
    /** The declaration exactly as the supplier confirmed it. */
    text: text('text').notNull(),
    declaredAt: timestamp('declared_at', { withTimezone: true, mode: 'date' }).notNull(),
    declaredBy: uuid('declared_by')
      .notNull()
      .references(() => users.id),
  },
  (t) => [index('sme_declarations_organisation').on(t.organisationId, t.declaredAt)],
);

/** Qualification documents (资质证书) with their scanned copy in the blob store; withdrawn ones stay as evidence. */
export const supplierQualifications = pgTable(
  'supplier_qualifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    kind: text('kind', { enum: QUALIFICATION_KIND_CODES as [string, ...string[]] }).notNull(),
    /** The certificate's own title (e.g. 建筑工程施工总承包贰级). */
    title: text('title').notNull(),
    number: text('number').notNull(),
    issuer: text('issuer').notNull(),
    /** Beijing dates, YYYY-MM-DD; no `validUntil` means 长期有效. */
    validFrom: text('valid_from'),
    validUntil: text('valid_until'),
    fileHash: text('file_hash').notNull(),
    fileName: text('file_name').notNull(),
    fileType: text('file_type').notNull(),
    fileSize: integer('file_size').notNull(),
    addedAt: timestamp('added_at', { withTimezone: true, mode: 'date' }).notNull(),
    addedBy: uuid('added_by')
      .notNull()
      .references(() => users.id),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true, mode: 'date' }),
    withdrawnBy: uuid('withdrawn_by').references(() => users.id),
  },
  (t) => [index('supplier_qualifications_organisation').on(t.organisationId)],
);
