import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organisations, users } from './identity';

/**
 * The supervisor's list of suppliers barred from government procurement (禁止参加政府采购活动, 政府采购法 第七十七条,
 * 实施条例 第七十二条): a decision with a reference, a reason and a period (`until` null: until lifted). A record is
 * never deleted: lifting it early sets `liftedAt`. The minimal C3 list; the credit platform builds on it.
 */
export const barredSuppliers = pgTable(
  'barred_suppliers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    reason: text('reason').notNull(),
    /** 处罚决定书文号, e.g. "六财采处〔2026〕3号". */
    decisionReference: text('decision_reference').notNull(),
    barredFrom: timestamp('barred_from', { withTimezone: true, mode: 'date' }).notNull(),
    barredUntil: timestamp('barred_until', { withTimezone: true, mode: 'date' }),
    recordedByUserId: uuid('recorded_by_user_id')
      .notNull()
      .references(() => users.id),
    recordedAt: timestamp('recorded_at', { withTimezone: true, mode: 'date' }).notNull(),
    liftedAt: timestamp('lifted_at', { withTimezone: true, mode: 'date' }),
    liftedByUserId: uuid('lifted_by_user_id').references(() => users.id),
    liftReason: text('lift_reason'),
  },
  (t) => [index('barred_suppliers_org').on(t.organisationId)],
);
