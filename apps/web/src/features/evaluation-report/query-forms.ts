import { parseYuan } from '@zhengcai/domain';

export interface PriceLine {
  item?: string;
  unitPriceFen: number;
  quantity: number;
}

/**
 * Parses the detailed price lines as typed: "名称 | 单价（元）| 数量" per line (a bar, a tab or a Chinese comma
 * between the parts; the item may be left out). Amounts may have grouping commas ("6,234.56"). Returns the lines, or
 * the 1-based number of the first line that is not well formed.
 */
export function parsePriceLines(text: string): { ok: true; lines: PriceLine[] } | { ok: false; line: number } {
  const lines: PriceLine[] = [];
  for (const [i, raw] of text.split(/\r?\n/).entries()) {
    if (raw.trim() === '') continue;
    const parts = raw.split(/[|\t，]/).map((p) => p.trim());
    const [item, price, quantity] = parts.length >= 3 ? parts : ['', parts[0] ?? '', parts[1] ?? ''];
    const fen = parseYuan(price ?? '');
    const q = Number(quantity);
    if (!fen.ok || !Number.isFinite(q) || q <= 0 || parts.length > 3) return { ok: false, line: i + 1 };
    lines.push({ ...(item ? { item } : {}), unitPriceFen: fen.fen, quantity: q });
  }
  return { ok: true, lines };
}

/** The question text of an explanation request (`request.question`), or ''. */
export function questionOf(request: Record<string, unknown>): string {
  return typeof request.question === 'string' ? request.question : '';
}
