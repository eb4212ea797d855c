import { dayNumber, type IsoDate } from '../calendar/civil-date';
import type { Bilingual } from '../bilingual';
import { NATIONAL_EVALUATION_RULES } from './national-evaluation-rules';
import { NATIONAL_PERIOD_RULES } from './national-period-rules';
import { ruleVersionKey, type AnyRuleVersion, type Jurisdiction, type RuleId, type RuleVersion } from './rule-types';

/** Every national rule version shipped with the platform. Regional overrides are added to a copy of this list. */
export const NATIONAL_RULES: readonly AnyRuleVersion[] = [...NATIONAL_PERIOD_RULES, ...NATIONAL_EVALUATION_RULES];

/**
 * The earliest publication date the rule data describes: 财政部令第87号 came into force on 2017-10-01 and replaced
 * 财政部令第18号, whose rules are not in the data. Earlier dates are refused rather than answered wrongly.
 */
export const RULES_COVERAGE_FROM: IsoDate = '2017-10-01';

export type RuleMap = { [K in RuleId]?: RuleVersion<K> };

export interface RuleSet {
  /** The Beijing date the rules were taken for (the notice's publication date). */
  date: IsoDate;
  jurisdiction: Jurisdiction;
  rules: RuleMap;
}

const DIVISION = /^\d{6}$/;

export function isJurisdiction(value: string): boolean {
  return value === 'CN' || (DIVISION.test(value) && !value.startsWith('00'));
}

/**
 * From the most specific to the national level: `520201` (a district) → `520200` (its city) → `520000` (its province)
 * → `CN`. Codes follow GB/T 2260: two digits of province, two of city, two of county.
 */
export function jurisdictionChain(jurisdiction: Jurisdiction): Jurisdiction[] {
  if (!isJurisdiction(jurisdiction))
    throw new RangeError(`not a jurisdiction (CN or a 6-digit division code): ${jurisdiction}`);
  if (jurisdiction === 'CN') return ['CN'];
  const chain: Jurisdiction[] = [];
  const province = `${jurisdiction.slice(0, 2)}0000`;
  const city = `${jurisdiction.slice(0, 4)}00`;
  for (const code of [jurisdiction, city, province]) if (!chain.includes(code)) chain.push(code);
  chain.push('CN');
  return chain;
}

function inForce(v: AnyRuleVersion, day: number): boolean {
  return dayNumber(v.effectiveFrom) <= day && (v.effectiveUntil === null || day < dayNumber(v.effectiveUntil));
}

/**
 * The rules that applied on `date` in `jurisdiction`: for each rule, the version in force for the most specific level
 * of the jurisdiction that has one (a city's override beats its province's, which beats the national rule).
 */
export function rulesInForce(
  date: IsoDate,
  jurisdiction: Jurisdiction = 'CN',
  catalogue: readonly AnyRuleVersion[] = NATIONAL_RULES,
): RuleSet {
  const day = dayNumber(date);
  if (day < dayNumber(RULES_COVERAGE_FROM)) {
    throw new RangeError(`no rule data before ${RULES_COVERAGE_FROM} (财政部令第87号): ${date}`);
  }
  const chain = jurisdictionChain(jurisdiction);
  const chosen = new Map<RuleId, { version: AnyRuleVersion; level: number }>();
  for (const version of catalogue) {
    const level = chain.indexOf(version.jurisdiction);
    if (level < 0 || !inForce(version, day)) continue;
    const current = chosen.get(version.id);
    if (!current || level < current.level) chosen.set(version.id, { version, level });
  }
  const rules: Partial<Record<RuleId, AnyRuleVersion>> = {};
  for (const [id, { version }] of chosen) rules[id] = version;
  // Sound: each entry was stored under its own id, which is what RuleMap's key/value correlation says.
  return { date, jurisdiction, rules: rules as RuleMap };
}

/** A rule that must be in force (a project setup cannot be judged without it). */
export function requireRule<K extends RuleId>(set: RuleSet, id: K): RuleVersion<K> {
  const rule = set.rules[id];
  if (!rule) throw new Error(`rule ${id} is not in force on ${set.date} in ${set.jurisdiction}`);
  return rule;
}

/** The audit trail of a rule set: `RULE@jurisdiction@effectiveFrom` for every rule applied. */
export function ruleSetKeys(set: RuleSet): string[] {
  return Object.values(set.rules)
    .map((v) => ruleVersionKey(v))
    .sort();
}

/**
 * Checks a catalogue: known jurisdictions, sane dates, no two versions of a rule in force on the same day for the same
 * jurisdiction. Returns the problems found (empty when sound).
 */
export function checkCatalogue(catalogue: readonly AnyRuleVersion[]): string[] {
  const problems: string[] = [];
  for (const v of catalogue) {
    const key = ruleVersionKey(v);
    if (!isJurisdiction(v.jurisdiction)) problems.push(`${key}: bad jurisdiction`);
    if (v.effectiveUntil !== null && dayNumber(v.effectiveUntil) <= dayNumber(v.effectiveFrom)) {
      problems.push(`${key}: ends before it starts`);
    }
    if (v.sources.length === 0) problems.push(`${key}: no source`);
    if (!v.text.zh || !v.text.en) problems.push(`${key}: text missing`);
  }
  for (let i = 0; i < catalogue.length; i++) {
    for (let j = i + 1; j < catalogue.length; j++) {
      const a = catalogue[i];
      const b = catalogue[j];
      if (!a || !b || a.id !== b.id || a.jurisdiction !== b.jurisdiction) continue;
      const aEnd = a.effectiveUntil === null ? Infinity : dayNumber(a.effectiveUntil);
      const bEnd = b.effectiveUntil === null ? Infinity : dayNumber(b.effectiveUntil);
      if (dayNumber(a.effectiveFrom) < bEnd && dayNumber(b.effectiveFrom) < aEnd) {
        problems.push(`${ruleVersionKey(a)} overlaps ${ruleVersionKey(b)}`);
      }
    }
  }
  return problems;
}

/** Fills `{name}` placeholders of a rule's text. */
export function fillText(text: Bilingual, params: Readonly<Record<string, string | number | Bilingual>>): Bilingual {
  const fill = (s: string, lang: 'zh' | 'en'): string =>
    s.replace(/\{(\w+)\}/g, (whole, name: string) => {
      const value = params[name];
      if (value === undefined) return whole;
      return typeof value === 'object' ? value[lang] : String(value);
    });
  return { zh: fill(text.zh, 'zh'), en: fill(text.en, 'en') };
}
