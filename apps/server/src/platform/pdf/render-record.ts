import { PDFDocument, rgb, type PDFPage } from 'pdf-lib';
import { draw, embedFonts, measure, wrap, type Fonts } from './cjk-text';

/**
 * Printable records (bid receipts, the opening record) as A4 PDFs with Chinese text (fonts: cjk-text.ts). The
 * transaction certificate has its own layout (modules/transaction-certificates/certificate-pdf.ts).
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

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 56;
const LABEL_WIDTH = 130;

/** A bilingual label ("密文摘要算法 Hash algorithm") too wide for its column: Chinese on one line, English below. */
function labelLines(fonts: Fonts, label: string): string[] {
  const width = LABEL_WIDTH - 8;
  if (measure(fonts, label, 10) <= width) return [label];
  const split = label.search(/\s[A-Za-z]/);
  const parts = split > 0 ? [label.slice(0, split), label.slice(split + 1)] : [label];
  return parts.flatMap((part) => wrap(fonts, part, 10, width));
}

export async function renderRecordPdf(record: PdfRecord): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const text = [record.title, record.subtitle ?? '', ...record.rows.flat(), ...(record.notes ?? [])].join('');
  const fonts = await embedFonts(doc, text);
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
