import type { Instant, IsoDate } from '../calendar/civil-date';
import type { Bilingual } from '../bilingual';
import type { CalendarCoverage } from '../calendar/working-calendar';
import type { TimelinePoint, ProcurementMethod } from '../rules/procurement-methods';
import type { CategoryKind, PeriodRuleId, RuleViolation } from '../rules/rule-types';

/** A clarification or amendment published after the documents (澄清或者修改). */
export interface Clarification {
  at: Instant;
  /** Whether it may affect the preparation of bids (可能影响投标文件编制); only those move the deadline. */
  affectsPreparation: boolean;
}

/**
 * A project's timeline as entered by the agency. Instants are judged by their Beijing date. Which fields are required
 * depends on the method (a single-source project has a publicity period and no bid deadline).
 */
export interface TimelineInput {
  method: ProcurementMethod;
  category: CategoryKind;
  /** The notice (公告) publication: the start of the procurement activity. */
  publishedAt: Instant;
  documentsAvailableFrom?: Instant | null;
  documentsAvailableUntil?: Instant | null;
  /** The bid deadline, which is also the opening time (投标截止时间 = 开标时间); the response deadline of other methods. */
  bidDeadline?: Instant | null;
  /** The day the procurement intention (采购意向) was published. */
  intentionPublishedOn?: IsoDate | null;
  /** 财库〔2020〕10号: an urgent purchase for reasons the budget unit could not foresee may skip the intention. */
  intentionExempt?: boolean;
  /** End of the single-source publicity (单一来源公示). */
  publicityEndsAt?: Instant | null;
  clarifications?: readonly Clarification[];
}

/** The input field that holds each timeline point. */
export const TIMELINE_FIELDS = {
  intentionPublished: 'intentionPublishedOn',
  published: 'publishedAt',
  documentsAvailableFrom: 'documentsAvailableFrom',
  documentsAvailableUntil: 'documentsAvailableUntil',
  bidDeadline: 'bidDeadline',
  publicityEnds: 'publicityEndsAt',
} as const satisfies Record<TimelinePoint, keyof TimelineInput>;

export type TimelineField = (typeof TIMELINE_FIELDS)[TimelinePoint] | 'clarifications';

export const TIMELINE_FIELD_LABELS = {
  intentionPublishedOn: { zh: '采购意向公开日期', en: 'intention publication date' },
  publishedAt: { zh: '公告发布时间', en: 'notice publication time' },
  documentsAvailableFrom: { zh: '采购文件获取开始时间', en: 'documents available from' },
  documentsAvailableUntil: { zh: '采购文件获取截止时间', en: 'documents available until' },
  bidDeadline: { zh: '投标（响应）截止时间', en: 'bid (response) deadline' },
  publicityEndsAt: { zh: '公示截止时间', en: 'end of publicity' },
  clarifications: { zh: '澄清或者修改', en: 'clarifications' },
} as const satisfies Record<TimelineField, Bilingual>;

/** Checks that are not statutory periods: the order of the moments and the presence of required fields. */
export type TimelineCheckId = 'TIMELINE_SEQUENCE' | 'TIMELINE_FIELD_MISSING';

export type TimelineViolation = RuleViolation<PeriodRuleId | TimelineCheckId> & {
  /** For a period: the first Beijing date its end point may fall on. */
  earliestDate?: IsoDate;
};

export type TimelineWarning =
  | { code: 'CALENDAR_NOT_OFFICIAL'; coverage: CalendarCoverage; message: Bilingual }
  | { code: 'DEADLINE_ON_REST_DAY'; date: IsoDate; message: Bilingual };

export interface TimelineCheck {
  ok: boolean;
  violations: TimelineViolation[];
  warnings: TimelineWarning[];
  /** `RULE@jurisdiction@effectiveFrom` of every rule version that was applied, for the audit record. */
  rulesApplied: string[];
}
