import { beijingText } from '../projects/format';

const BEIJING_MS = 8 * 3_600_000;

/**
 * A period's end in Beijing time: an end at midnight reads as the last day's 24:00 (how legal periods are stated),
 * e.g. "2026-12-11 24:00（北京时间）".
 */
export function deadlineText(iso: string | null | undefined, lang: 'zh' | 'en'): string {
  if (!iso) return '—';
  const suffix = lang === 'en' ? ' (Beijing)' : '（北京时间）';
  const text = beijingText(iso);
  if (!text.endsWith(' 00:00')) return text + suffix;
  const lastDay = new Date(Date.parse(iso) + BEIJING_MS - 1).toISOString().slice(0, 10);
  return `${lastDay} 24:00${suffix}`;
}
