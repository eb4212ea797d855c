import { rgb, type PDFPage } from 'pdf-lib';
import QRCode from 'qrcode';

/**
 * A QR code drawn as vector squares (no image): the matrix comes from `qrcode` (ISO/IEC 18004, error correction M,
 * which survives a crease or a stamp over a corner), each row's runs of dark modules are one rectangle. The quiet
 * zone of four modules (the standard's minimum) is kept white.
 */
export function drawQrCode(page: PDFPage, text: string, at: { x: number; y: number; size: number }): void {
  const matrix = QRCode.create(text, { errorCorrectionLevel: 'M' }).modules;
  const n = matrix.size;
  const quiet = 4;
  const cell = at.size / (n + 2 * quiet);
  page.drawRectangle({ x: at.x, y: at.y, width: at.size, height: at.size, color: rgb(1, 1, 1) });
  const dark = rgb(0, 0, 0);
  for (let row = 0; row < n; row++) {
    const y = at.y + at.size - (quiet + row + 1) * cell;
    let col = 0;
    while (col < n) {
      if (!matrix.get(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < n && matrix.get(row, col)) col++;
      // A hair wider than the cells, so viewers that anti-alias do not draw seams between neighbouring rows.
      page.drawRectangle({
        x: at.x + (quiet + start) * cell,
        y: y - 0.02,
        width: (col - start) * cell + 0.02,
        height: cell + 0.04,
        color: dark,
      });
    }
  }
}
