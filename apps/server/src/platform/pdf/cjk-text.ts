import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import fontkit from '@pdf-lib/fontkit';
import { StandardFonts, type Color, type PDFDocument, type PDFFont, type PDFPage } from 'pdf-lib';

/**
 * Chinese text in our PDFs. The font is Noto Sans SC (SIL OFL 1.1) from the `@expo-google-fonts/noto-sans-sc` npm
 * package, so it is there after a plain `npm ci` on a machine without system fonts. Only the glyphs used are
 * embedded: the font is cut down with HarfBuzz's hb-subset (`subset-font`) before pdf-lib embeds it, because
 * fontkit's own subsetter loses the glyphs of this font. ASCII (codes, hashes, numbers) is set in the standard
 * Helvetica: the CJK font's Latin glyphs came out with wrong advances in viewers (digits spaced apart), and
 * Helvetica needs no embedding.
 */
export interface Fonts {
  cjk: PDFFont;
  latin: PDFFont;
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

/** Embeds the CJK font cut down to the characters of `text`, and Helvetica for ASCII. */
export async function embedFonts(doc: PDFDocument, text: string): Promise<Fonts> {
  doc.registerFontkit(fontkit);
  const subset = await subsetFont(Buffer.from(await loadFont()), text, {
    targetFormat: 'truetype',
    noLayoutClosure: true,
  });
  return {
    cjk: await doc.embedFont(subset, { subset: false, features: { liga: false, kern: false, palt: false } }),
    latin: await doc.embedFont(StandardFonts.Helvetica),
  };
}

/** The text cut into runs of printable ASCII (Helvetica) and everything else (the CJK font). */
export function runs(fonts: Fonts, text: string): { font: PDFFont; text: string }[] {
  const out: { font: PDFFont; text: string }[] = [];
  for (const ch of text) {
    const font = ch >= ' ' && ch <= '~' ? fonts.latin : fonts.cjk;
    const last = out.at(-1);
    if (last && last.font === font) last.text += ch;
    else out.push({ font, text: ch });
  }
  return out;
}

export function measure(fonts: Fonts, text: string, size: number): number {
  return runs(fonts, text).reduce((sum, r) => sum + r.font.widthOfTextAtSize(r.text, size), 0);
}

export function draw(
  page: PDFPage,
  fonts: Fonts,
  text: string,
  at: { x: number; y: number; size: number; color: Color; opacity?: number },
): void {
  let x = at.x;
  for (const r of runs(fonts, text)) {
    page.drawText(r.text, {
      x,
      y: at.y,
      size: at.size,
      font: r.font,
      color: at.color,
      ...(at.opacity === undefined ? {} : { opacity: at.opacity }),
    });
    x += r.font.widthOfTextAtSize(r.text, at.size);
  }
}

/** Lines of at most `width` points; `\n` starts a new paragraph. Breaks anywhere (Chinese has no spaces). */
export function wrap(fonts: Fonts, text: string, size: number, width: number): string[] {
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
