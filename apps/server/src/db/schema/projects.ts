import {
  CATEGORY_KINDS,
  EVALUATION_METHODS,
  PROCUREMENT_METHOD_CODES,
  type EvaluationCriterion,
} from '@zhengcai/domain';
import {
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { organisations, users } from './identity';

export const PROJECT_STATES = ['draft', 'published', 'cancelled'] as const;
export type ProjectState = (typeof PROJECT_STATES)[number];

/** What the tender notice says beyond the lots (采购需求, 合同履行期限, 其他补充事宜, 项目联系方式). */
export interface NoticeDetails {
  procurementNeeds: string;
  contractPeriod: string;
  otherMatters: string;
  contactName: string;
  contactPhone: string;
}

/** A field of the price sheet (开标一览表) that the documents define beyond price and delivery period. */
export interface PriceSheetField {
  key: string;
  label: string;
  kind: 'text' | 'number' | 'days';
  required: boolean;
}

/**
 * A procurement project (C5–C7): registered by the purchaser or its agency, one procurement method (C6, as
 * configuration), one category kind, a timeline validated against the rules in force at publication (C7, B4).
 * Lots carry the budgets and evaluation set-up. Times are instants (UTC in the database, judged by Beijing date).
 */
export const projects = pgTable(
  'projects',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** 项目编号, e.g. "ZC-2026-000123", unique. */
    code: text('code').notNull(),
    title: text('title').notNull(),
    method: text('method', { enum: PROCUREMENT_METHOD_CODES }).notNull(),
    category: text('category', { enum: CATEGORY_KINDS }).notNull(),
    purchaserOrganisationId: uuid('purchaser_organisation_id')
      .notNull()
      .references(() => organisations.id),
    /** The procurement agency acting for the purchaser (null when the purchaser runs it itself). */
    agencyOrganisationId: uuid('agency_organisation_id').references(() => organisations.id),
    createdByUserId: uuid('created_by_user_id')
      .notNull()
      .references(() => users.id),
    status: text('status', { enum: PROJECT_STATES }).notNull(),
    /** Free text of the documents' key requirements shown in the notice (资格要求…). */
    qualificationRequirements: text('qualification_requirements').notNull().default(''),
    /** The notice's free-text parts (added for the tender notice template). */
    noticeDetails: jsonb('notice_details')
      .$type<NoticeDetails>()
      .notNull()
      .default({ procurementNeeds: '', contractPeriod: '', otherMatters: '', contactName: '', contactPhone: '' }),
    intentionPublishedOn: text('intention_published_on'),
    intentionExempt: boolean('intention_exempt').notNull().default(false),
    /** Planned publication time while a draft; the real publication time once published. */
    publishedAt: timestamp('published_at', { withTimezone: true, mode: 'date' }),
    documentsAvailableFrom: timestamp('documents_available_from', { withTimezone: true, mode: 'date' }),
    documentsAvailableUntil: timestamp('documents_available_until', { withTimezone: true, mode: 'date' }),
    /** 投标截止时间 = 开标时间; moved by clarifications (C8). */
    bidDeadline: timestamp('bid_deadline', { withTimezone: true, mode: 'date' }),
    /** How long bidders have to decrypt at the opening (解密时限), minutes. */
    decryptionWindowMinutes: integer('decryption_window_minutes').notNull().default(30),
    /** Emergency recovery (ADR 0015): k of the project's key holders (project_key_holders); null when none. */
    keyEscrowThreshold: integer('key_escrow_threshold'),
    /** `RULE@jurisdiction@effectiveFrom` of every rule version applied when the timeline was validated (B4). */
    rulesApplied: jsonb('rules_applied').$type<string[]>().notNull().default([]),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    uniqueIndex('projects_code_key').on(t.code),
    index('projects_purchaser').on(t.purchaserOrganisationId),
    index('projects_agency').on(t.agencyOrganisationId),
    index('projects_status_published').on(t.status, t.publishedAt),
  ],
);

/** A lot (包/标段): what bids are made on. Money is integer fen (分). */
export const lots = pgTable(
  'lots',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id),
    /** 1, 2, 3… within the project. */
    number: integer('number').notNull(),
    title: text('title').notNull(),
    /** Code of the procurement category tree (政府采购品目分类目录), e.g. "A0201". */
    categoryCode: text('category_code').notNull(),
    budgetFen: bigint('budget_fen', { mode: 'number' }).notNull(),
    /** 最高限价, when the documents set one (≤ budget). */
    ceilingPriceFen: bigint('ceiling_price_fen', { mode: 'number' }),
    evaluationMethod: text('evaluation_method', { enum: EVALUATION_METHODS }).notNull(),
    criteria: jsonb('criteria').$type<EvaluationCriterion[]>().notNull(),
    priceNotScored: boolean('price_not_scored').notNull().default(false),
    /** Reserved for small and medium enterprises (专门面向中小企业采购): no price deduction then. */
    smeReserved: boolean('sme_reserved').notNull().default(false),
    /**
     * The documents' SME price deduction (or, for works under the Bidding Law, price-score bonus) in basis points
     * (1000 = 10%): for small/micro enterprises, and for consortia/subcontracts giving them their share
     * (财库〔2020〕46号 第九条); null when not fixed. Checked against the rules in force at publication.
     */
    smeSmallMicroBp: integer('sme_small_micro_bp'),
    smeConsortiumBp: integer('sme_consortium_bp'),
    /** 投标保证金, ≤ 2% of the budget; null when none is asked. */
    depositFen: bigint('deposit_fen', { mode: 'number' }),
    /** Whether consortium bids (联合体投标) are accepted on this lot. */
    consortiumAllowed: boolean('consortium_allowed').notNull().default(false),
    priceSheetFields: jsonb('price_sheet_fields').$type<PriceSheetField[]>().notNull().default([]),
  },
  (t) => [uniqueIndex('lots_project_number_key').on(t.projectId, t.number)],
);

/**
 * The procurement documents (采购文件) attached to a project and published with its notice; suppliers obtain them
 * online, free (C8). The bytes are in the blob store under `blobKey`; `sha256` lets anyone check a copy.
 */
export const projectDocuments = pgTable(
  'project_documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull(),
    sha256: text('sha256').notNull(),
    blobKey: text('blob_key').notNull(),
    uploadedByUserId: uuid('uploaded_by_user_id')
      .notNull()
      .references(() => users.id),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true, mode: 'date' }).notNull(),
    /** Set when removed from a draft; published documents are never removed (clarifications add new ones). */
    removedAt: timestamp('removed_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [index('project_documents_project').on(t.projectId)],
);
