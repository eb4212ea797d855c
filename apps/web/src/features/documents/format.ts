import { NATIONAL_RULES, formatFen } from '@zhengcai/domain';

type Lang = 'zh' | 'en';

/** An instant from the server, in the reader's own time zone and language. */
export function formatTime(iso: string | null | undefined, lang: Lang): string {
  return iso ? new Date(iso).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en', { hour12: false }) : '—';
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

export const formatYuan = (fen: number): string => formatFen(fen, { grouping: true });

/** The legal source of a rule (e.g. 《政府采购货物和服务招标投标管理办法》第二十七条), from the shared rule data. */
export function ruleSource(ruleId: string | null, lang: Lang): string {
  const rule = ruleId ? NATIONAL_RULES.find((r) => r.id === ruleId) : undefined;
  return rule?.sources[0]?.[lang] ?? ruleId ?? '';
}
