import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, StandardFonts, rgb, type Color, type PDFFont, type PDFPage } from 'pdf-lib';

/**
 * Printable records (receipts now; the opening record and certificates later) as A4 PDFs with Chinese text. The
 * font is Noto Sans SC (SIL OFL 1.1) from the `@expo-google-fonts/noto-sans-sc` npm package, so it is there after a
 * plain `npm ci` on a machine without system fonts. Only the glyphs used are embedded: the font is cut down with
 * HarfBuzz's hb-subset (`subset-font`) before pdf-lib embeds it, because fontkit's own subsetter loses the glyphs of
 * this font. ASCII (codes, hashes, numbers) is set in the standard Helvetica: the CJK font's Latin glyphs came out
 * with wrong advances in viewers (digits spaced apart), and Helvetica needs no embedding.
 */
export interface PdfRecord {
  title: string;
  subtitle?: string;
  /** Label / value lines; long values wrap. */
  rows: Array<[string, string]>;
  /** Small print at the bottom (e.g. how to verify the signature). */
  notes?: string[];
  /** Document metadata. */
  author?: string;
}

const require = createRequire(import.meta.url);
type SubsetFont = (
  font: Buffer,
  text: string,
  options: { targetFormat: 'truetype'; noLayoutClosure?: boolean },
) => Promise<Buffer>;
// subset-font (HarfBuzz hb-subset, wasm) ships no type declarations.
const subsetFont = require('subset-font') as SubsetFont;
let fontBytes: Promise<Uint8Array> | null = null;

function loadFont(): Promise<Uint8Array> {
  fontBytes ??= readFile(require.resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf'));
  return fontBytes;
}

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 56;
const LABEL_WIDTH = 130;

interface Fonts {
  cjk: PDFFont;
  latin: PDFFont;
}

/** The text cut into runs of printable ASCII (Helvetica) and everything else (the CJK font). */
function runs(fonts: Fonts, text: string): { font: PDFFont; text: string }[] {
  const out: { font: PDFFont; text: string }[] = [];
  for (const ch of text) {
    const font = ch >= ' ' && ch <= '~' ? fonts.latin : fonts.cjk;
    const last = out.at(-1);
    if (last && last.font === font) last.text += ch;
    else out.push({ font, text: ch });
  }
  return out;
}

function measure(fonts: Fonts, text: string, size: number): number {
  return runs(fonts, text).reduce((sum, r) => sum + r.font.widthOfTextAtSize(r.text, size), 0);
}

function draw(page: PDFPage, fonts: Fonts, text: string, at: { x: number; y: number; size: number; color: Color }) {
  let x = at.x;
  for (const r of runs(fonts, text)) {
    page.drawText(r.text, { x, y: at.y, size: at.size, font: r.font, color: at.color });
    x += r.font.widthOfTextAtSize(r.text, at.size);
  }
}

/** A bilingual label ("密文摘要算法 Hash algorithm") too wide for its column: Chinese on one line, English below. */
function labelLines(fonts: Fonts, label: string): string[] {
  const width = LABEL_WIDTH - 8;
  if (measure(fonts, label, 10) <= width) return [label];
  const split = label.search(/\s[A-Za-z]/);
  const parts = split > 0 ? [label.slice(0, split), label.slice(split + 1)] : [label];
  return parts.flatMap((part) => wrap(fonts, part, 10, width));
}

function wrap(fonts: Fonts, text: string, size: number, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const ch of paragraph) {
      if (measure(fonts, line + ch, size) > width && line.length > 0) {
        lines.push(line);
        line = ch;
      } else line += ch;
    }
    lines.push(line);
  }
  return lines;
}

export async function renderRecordPdf(record: PdfRecord): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const text = [record.title, record.subtitle ?? '', ...record.rows.flat(), ...(record.notes ?? [])].join('');
  const subset = await subsetFont(Buffer.from(await loadFont()), text, {
    targetFormat: 'truetype',
    noLayoutClosure: true,
  });
  const fonts: Fonts = {
    cjk: await doc.embedFont(subset, { subset: false, features: { liga: false, kern: false, palt: false } }),
    latin: await doc.embedFont(StandardFonts.Helvetica),
  };
  doc.setTitle(record.title);
  if (record.author) doc.setAuthor(record.author);
  doc.setCreator('Zhengcai 政采');
  let page: PDFPage = doc.addPage(A4);
  let y = A4[1] - MARGIN;
  const ink = rgb(0.1, 0.1, 0.1);
  const grey = rgb(0.4, 0.4, 0.4);
  const ensure = (height: number) => {
    if (y - height < MARGIN) {
      page = doc.addPage(A4);
      y = A4[1] - MARGIN;
    }
  };

  for (const line of wrap(fonts, record.title, 18, A4[0] - 2 * MARGIN)) {
    draw(page, fonts, line, { x: MARGIN, y: y - 18, size: 18, color: ink });
    y -= 26;
  }
  if (record.subtitle) {
    for (const line of wrap(fonts, record.subtitle, 10, A4[0] - 2 * MARGIN)) {
      draw(page, fonts, line, { x: MARGIN, y: y - 10, size: 10, color: grey });
      y -= 14;
    }
  }
  y -= 10;
  page.drawLine({ start: { x: MARGIN, y }, end: { x: A4[0] - MARGIN, y }, thickness: 0.8, color: grey });
  y -= 14;

  const valueWidth = A4[0] - 2 * MARGIN - LABEL_WIDTH;
  for (const [label, value] of record.rows) {
    const lines = wrap(fonts, value, 10, valueWidth);
    const labels = labelLines(fonts, label);
    const height = Math.max(lines.length, labels.length) * 14;
    ensure(height + 6);
    labels.forEach((line, i) => draw(page, fonts, line, { x: MARGIN, y: y - 10 - i * 14, size: 10, color: grey }));
    lines.forEach((line, i) =>
      draw(page, fonts, line, { x: MARGIN + LABEL_WIDTH, y: y - 10 - i * 14, size: 10, color: ink }),
    );
    y -= height + 6;
  }
  if (record.notes?.length) {
    y -= 10;
    for (const note of record.notes) {
      const lines = wrap(fonts, note, 8, A4[0] - 2 * MARGIN);
      ensure(lines.length * 11 + 4);
      for (const line of lines) {
        draw(page, fonts, line, { x: MARGIN, y: y - 8, size: 8, color: grey });
        y -= 11;
      }
      y -= 4;
    }
  }
  return doc.save();
}
