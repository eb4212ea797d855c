import { beijingDateOf, type Instant, type IsoDate } from './calendar/civil-date';
import { CN_WORKING_CALENDAR, type WorkingCalendar } from './calendar/working-calendar';
import type { Bilingual } from './bilingual';
import { validateLotSetup, type LotSetup } from './procurement-setup';
import { resolveSmePolicy } from './evaluation/sme-policy';
import { CITE } from './rules/citations';
import type { ProcurementMethod } from './rules/procurement-methods';
import type { CategoryKind, MeasureUnit } from './rules/rule-types';
import { ruleSetKeys, rulesInForce, type RuleSet } from './rules/rules-in-force';
import { minimumLegalTimeline } from './timeline/minimum-legal-timeline';
import type { TimelineWarning } from './timeline/timeline-types';
import { validateTimeline } from './timeline/validate-timeline';

/**
 * Everything that must hold before a project's notice is published (C5–C7): the timeline against the statutory
 * periods, each lot's evaluation set-up and deposit, and the platform's own conditions (at least one lot, the
 * procurement documents attached). Judged at the publication instant by the rules in force on that Beijing date
 * (B4). Fields are named as the project form names them: `bidDeadline`, `lots[1].depositFen`,
 * `lots[0].criteria[2].weight`.
 */
export interface ProjectForCheck {
  method: ProcurementMethod;
  category: CategoryKind;
  intentionPublishedOn: IsoDate | null;
  intentionExempt: boolean;
  /** null: the documents are available from the publication. */
  documentsAvailableFrom: Instant | null;
  documentsAvailableUntil: Instant | null;
  bidDeadline: Instant | null;
  lots: readonly (Omit<LotSetup, 'method' | 'category'> & LotSmeSetup)[];
  documentCount: number;
}

/**
 * The documents' SME price policy of a lot (财库〔2020〕46号 第九条、第十二条): reserved for SMEs, or the one ratio
 * the documents fix for small/micro enterprises and, optionally, for consortia and subcontracts.
 */
export interface LotSmeSetup {
  smeReserved?: boolean;
  /** Percent, at most two decimals; null when not fixed (refused for a non-reserved lot where a rule is in force). */
  smallMicroPercent?: number | null;
  consortiumPercent?: number | null;
}

export interface PublicationViolation {
  ruleId: string;
  fields: string[];
  message: Bilingual;
  required: number | string | null;
  actual: number | string | null;
  unit: MeasureUnit;
  /** For a period: the first Beijing date its end may fall on. */
  earliestDate: IsoDate | null;
}

export interface PublicationCheck {
  ok: boolean;
  /** The instant the check was made for (the publication time). */
  publishedAt: Date;
  violations: PublicationViolation[];
  warnings: TimelineWarning[];
  /** The shortest legal timeline for a notice published at that instant (proposed dates for the form). */
  minimum: { intentionPublishedOn: IsoDate | null; documentsAvailableUntil: Date | null; bidDeadline: Date | null };
  /** `RULE@jurisdiction@effectiveFrom` of every rule version in force, for the audit record (B4). */
  rulesApplied: string[];
}

function platformViolation(ruleId: string, fields: string[], message: Bilingual): PublicationViolation {
  return { ruleId, fields, message, required: 1, actual: 0, unit: 'count', earliestDate: null };
}

export function checkProjectForPublication(
  project: ProjectForCheck,
  publishedAt: Date,
  options: { jurisdiction?: string; rules?: RuleSet; calendar?: WorkingCalendar } = {},
): PublicationCheck {
  const calendar = options.calendar ?? CN_WORKING_CALENDAR;
  const rules = options.rules ?? rulesInForce(beijingDateOf(publishedAt), options.jurisdiction ?? 'CN');
  const timeline = validateTimeline(
    {
      method: project.method,
      category: project.category,
      publishedAt,
      documentsAvailableFrom: project.documentsAvailableFrom ?? publishedAt,
      documentsAvailableUntil: project.documentsAvailableUntil,
      bidDeadline: project.bidDeadline,
      intentionPublishedOn: project.intentionPublishedOn,
      intentionExempt: project.intentionExempt,
    },
    rules,
    calendar,
  );
  const violations: PublicationViolation[] = timeline.violations.map((v) => ({
    ruleId: v.ruleId,
    fields: [...v.fields],
    message: v.message,
    required: v.required,
    actual: v.actual,
    unit: v.unit,
    earliestDate: v.earliestDate ?? null,
  }));

  if (project.lots.length === 0) {
    violations.push(
      platformViolation('LOTS_REQUIRED', ['lots'], {
        zh: `项目至少须有一个采购包（${CITE.platform.zh}）`,
        en: `A project needs at least one lot (${CITE.platform.en})`,
      }),
    );
  }
  project.lots.forEach((lot, i) => {
    for (const v of validateLotSetup({ ...lot, method: project.method, category: project.category }, rules)) {
      violations.push({
        ruleId: v.ruleId,
        fields: v.fields.map((f) => `lots[${i}].${f}`),
        message: { zh: `包${i + 1}：${v.message.zh}`, en: `Lot ${i + 1}: ${v.message.en}` },
        required: v.required,
        actual: v.actual,
        unit: v.unit,
        earliestDate: null,
      });
    }
  });
  if (project.method !== 'single-source') {
    // One supplier, no price comparison: the SME deduction has nothing to act on in single-source procurement.
    project.lots.forEach((lot, i) => {
      const sme = resolveSmePolicy({
        publishedOn: beijingDateOf(publishedAt),
        jurisdiction: options.jurisdiction,
        category: project.category,
        smeReserved: lot.smeReserved ?? false,
        evaluationMethod: lot.evaluationMethod,
        smallMicroPercent: lot.smallMicroPercent ?? null,
        consortiumPercent: lot.consortiumPercent ?? null,
      });
      if (sme.ok) return;
      for (const v of sme.problems) {
        violations.push({
          ruleId: v.ruleId,
          fields: v.fields.map((f) => `lots[${i}].${f}`),
          message: { zh: `包${i + 1}：${v.message.zh}`, en: `Lot ${i + 1}: ${v.message.en}` },
          required: v.required,
          actual: v.actual,
          unit: v.unit,
          earliestDate: null,
        });
      }
    });
  }
  if (project.documentCount === 0) {
    violations.push(
      platformViolation('DOCUMENTS_REQUIRED', ['documents'], {
        zh: '发布公告前须上传采购文件（招标文件随公告一并发布）',
        en: 'Upload the procurement documents before publishing: they are published with the notice',
      }),
    );
  }

  const minimum = minimumLegalTimeline({ method: project.method, category: project.category, publishedAt, rules });
  const asDate = (v: Instant | null | undefined) => (v ? new Date(v) : null);
  return {
    ok: violations.length === 0,
    publishedAt,
    violations,
    warnings: timeline.warnings,
    minimum: {
      intentionPublishedOn: minimum.intentionPublishedOn ?? null,
      documentsAvailableUntil: asDate(minimum.documentsAvailableUntil),
      bidDeadline: asDate(minimum.bidDeadline),
    },
    rulesApplied: [...new Set([...timeline.rulesApplied, ...ruleSetKeys(rules)])].sort(),
  };
}
