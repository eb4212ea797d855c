import { degrees, rgb, type PDFPage } from 'pdf-lib';
import type { Fonts } from '../../platform/pdf/cjk-text';

/** The red of official seals (印泥红). */
export const SEAL_RED = rgb(0.86, 0.09, 0.11);
const OPACITY = 0.9;

/** Every character the seal prints (for the font subset). */
export function sealText(centreName: string, purpose: string): string {
  return centreName + purpose;
}

/**
 * The visible electronic seal (电子印章 image) of the issuing centre, drawn with vector operations in the manner of a
 * Chinese official round seal (GA 241 style): a thick ring, a five-pointed star in the middle, the centre's name
 * around the upper arc read clockwise, and the seal's purpose (交易证明专用章) straight across below the star. The
 * picture is only what a reader sees; what proves the certificate is the platform's signature (ADR 0020).
 */
export function drawRoundSeal(
  page: PDFPage,
  fonts: Fonts,
  at: { x: number; y: number; radius: number },
  text: { centreName: string; purpose: string },
): void {
  const { x: cx, y: cy, radius: r } = at;
  page.drawCircle({
    x: cx,
    y: cy,
    size: r,
    borderColor: SEAL_RED,
    borderWidth: r * 0.055,
    opacity: 0,
    borderOpacity: OPACITY,
  });
  page.drawCircle({
    x: cx,
    y: cy,
    size: r * 0.9,
    borderColor: SEAL_RED,
    borderWidth: r * 0.012,
    opacity: 0,
    borderOpacity: OPACITY,
  });
  drawStar(page, cx, cy + r * 0.04, r * 0.3);
  drawArcText(page, fonts, cx, cy, r, [...text.centreName]);
  const purposeSize = r * 0.15;
  const purposeWidth = width(fonts, text.purpose, purposeSize);
  drawGlyphs(page, fonts, text.purpose, cx - purposeWidth / 2, cy - r * 0.52, purposeSize);
}

function fontOf(fonts: Fonts, ch: string) {
  return ch >= ' ' && ch <= '~' ? fonts.latin : fonts.cjk;
}

function width(fonts: Fonts, text: string, size: number): number {
  return [...text].reduce((sum, ch) => sum + fontOf(fonts, ch).widthOfTextAtSize(ch, size), 0);
}

function drawGlyphs(page: PDFPage, fonts: Fonts, text: string, x: number, y: number, size: number) {
  let at = x;
  for (const ch of text) {
    const font = fontOf(fonts, ch);
    page.drawText(ch, { x: at, y, size, font, color: SEAL_RED, opacity: OPACITY });
    at += font.widthOfTextAtSize(ch, size);
  }
}

/** A filled five-pointed star, one point up, centred on (cx, cy) with outer radius `outer`. */
function drawStar(page: PDFPage, cx: number, cy: number, outer: number) {
  const inner = outer * 0.382; // the regular star's ratio (sin 18° / sin 54°)
  const points: string[] = [];
  for (let i = 0; i < 10; i++) {
    const angle = Math.PI / 2 + (i * Math.PI) / 5;
    const radius = i % 2 === 0 ? outer : inner;
    // drawSvgPath uses SVG coordinates (y grows downwards) from the given origin.
    points.push(`${(radius * Math.cos(angle)).toFixed(3)} ${(-radius * Math.sin(angle)).toFixed(3)}`);
  }
  page.drawSvgPath(`M ${points.join(' L ')} Z`, { x: cx, y: cy, color: SEAL_RED, opacity: OPACITY, borderWidth: 0 });
}

/**
 * The characters around the upper arc, clockwise, each upright towards the rim: a glyph at angle φ is rotated by
 * φ − 90° so that its baseline is the tangent and its top points outwards, and is centred on its angle.
 */
function drawArcText(page: PDFPage, fonts: Fonts, cx: number, cy: number, r: number, chars: string[]) {
  const n = chars.length;
  if (n === 0) return;
  const span = Math.min(220, Math.max(60, n * 22)); // degrees of arc used
  const step = n > 1 ? span / (n - 1) : 0;
  const rim = r * 0.84; // where the tops of the glyphs are
  const size = Math.max(6, Math.min(r * 0.21, ((rim * ((step || 30) * Math.PI)) / 180) * 0.82));
  const baseline = rim - size * 0.86;
  chars.forEach((ch, i) => {
    const phi = ((90 + span / 2 - i * step) * Math.PI) / 180;
    const font = fontOf(fonts, ch);
    const w = font.widthOfTextAtSize(ch, size);
    const u = { x: Math.cos(phi), y: Math.sin(phi) }; // outwards
    const t = { x: Math.sin(phi), y: -Math.cos(phi) }; // reading direction (clockwise)
    page.drawText(ch, {
      x: cx + baseline * u.x - (w / 2) * t.x,
      y: cy + baseline * u.y - (w / 2) * t.y,
      size,
      font,
      color: SEAL_RED,
      opacity: OPACITY,
      rotate: degrees((phi * 180) / Math.PI - 90),
    });
  });
}
