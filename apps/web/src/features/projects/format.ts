import { formatFen, parseYuan, toChineseCapital } from '@zhengcai/domain';
import dayjs, { type Dayjs } from 'dayjs';

const BEIJING_MS = 8 * 3600_000;

/** An instant as Beijing wall-clock time: `2026-03-23 09:30`. Legal deadlines are read in Beijing time. */
export function beijingText(iso: string | null | undefined): string {
  if (!iso) return '—';
  return new Date(Date.parse(iso) + BEIJING_MS).toISOString().slice(0, 16).replace('T', ' ');
}

/**
 * Pickers show Beijing wall-clock time whatever the browser's time zone: the picker value is that wall-clock time
 * as a local Dayjs, and going back appends +08:00.
 */
export function toPicker(iso: string | null | undefined): Dayjs | null {
  return iso ? dayjs(beijingText(iso)) : null;
}

export function fromPicker(value: Dayjs | null | undefined): string | null {
  return value ? `${value.format('YYYY-MM-DDTHH:mm')}:00+08:00` : null;
}

export function toDatePicker(date: string | null | undefined): Dayjs | null {
  return date ? dayjs(date) : null;
}

export function fromDatePicker(value: Dayjs | null | undefined): string | null {
  return value ? value.format('YYYY-MM-DD') : null;
}

/** `1,200,000.00 元`. */
export function yuanText(fen: number | null | undefined): string {
  return fen === null || fen === undefined ? '—' : `${formatFen(fen)} 元`;
}

/** `壹佰贰拾万元整`, or '' for nothing. */
export function capitalText(fen: number | null | undefined): string {
  return fen === null || fen === undefined ? '' : toChineseCapital(fen);
}

/** Yuan typed by a person → fen, or null when empty; undefined when it is not an amount. */
export function yuanToFen(value: string | number | null | undefined): number | null | undefined {
  if (value === null || value === undefined || value === '') return null;
  const parsed = parseYuan(String(value));
  return parsed.ok ? parsed.fen : undefined;
}

export function fenToYuan(fen: number | null | undefined): string | null {
  return fen === null || fen === undefined ? null : formatFen(fen, { grouping: false });
}

export function bytesText(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * Where a server field error goes on the project form: `body.lots.0.budgetFen` and `lots[0].depositFen` →
 * `['lots', 0, 'budgetYuan']`.
 */
const FORM_NAMES: Record<string, string> = {
  budgetFen: 'budgetYuan',
  ceilingPriceFen: 'ceilingYuan',
  depositFen: 'depositYuan',
};
export function toFormPath(field: string): (string | number)[] {
  return field
    .replace(/^body\.?/, '')
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.')
    .filter((p) => p.length > 0)
    .map((p) => (/^\d+$/.test(p) ? Number(p) : (FORM_NAMES[p] ?? p)));
}
