import { PROCUREMENT_CATEGORIES } from '@zhengcai/domain';

/** The category tree as select options, indented by level (shared rule data from packages/domain). */
export function CATEGORY_OPTIONS(lang: 'zh' | 'en'): { value: string; label: string }[] {
  return PROCUREMENT_CATEGORIES.map((c) => ({
    value: c.code,
    label: `${'　'.repeat(Math.max(0, (c.code.length - 1) / 2))}${c.code} ${c[lang]}`,
  }));
}
