import { PDFDocument, rgb, type PDFPage } from 'pdf-lib';
import { draw, embedFonts, measure, wrap, type Fonts } from '../../platform/pdf/cjk-text';
import { attachProof } from './embedded-proof';
import type { CertificateFacts, CertificateProof } from './facts';
import { drawQrCode } from './qr-drawing';
import { drawRoundSeal } from './seal-drawing';

const A4: [number, number] = [595.28, 841.89];
const LEFT = 62;
const RIGHT = A4[0] - 62;
const LABEL_WIDTH = 150;
const INK = rgb(0.1, 0.1, 0.12);
const GREY = rgb(0.42, 0.42, 0.45);
const RULE = rgb(0.82, 0.8, 0.78);
const FRAME = rgb(0.55, 0.1, 0.1);
export const SEAL_PURPOSE = '交易证明专用章';

const beijing = (iso: string, withTime: 'minutes' | 'seconds' | 'date') => {
  const options: Intl.DateTimeFormatOptions = {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    ...(withTime === 'date'
      ? {}
      : {
          hour: '2-digit',
          minute: '2-digit',
          hourCycle: 'h23',
          ...(withTime === 'seconds' ? { second: '2-digit' } : {}),
        }),
  };
  const text = new Intl.DateTimeFormat('zh-CN', options).format(new Date(iso));
  return withTime === 'date' ? text : `${text}（北京时间）`;
};

const party = (p: { name: string; uscc: string | null }) => (p.uscc ? `${p.name}（${p.uscc}）` : p.name);

/** The certificate's rows: a bilingual label and the value, as printed. */
function factRows(f: CertificateFacts): Array<{ zh: string; en: string; value: string; strong?: boolean }> {
  return [
    { zh: '项目编号', en: 'Project code', value: f.project.code },
    { zh: '项目名称', en: 'Project', value: f.project.title },
    { zh: '采购包', en: 'Lot', value: `第 ${f.lot.number} 包：${f.lot.title}` },
    { zh: '采购方式', en: 'Procurement method', value: `${f.project.methodName.zh}（${f.project.methodName.en}）` },
    { zh: '采购人', en: 'Purchaser', value: party(f.purchaser) },
    { zh: '采购代理机构', en: 'Procurement agency', value: f.agency ? party(f.agency) : '无（采购人自行组织）' },
    { zh: '中标（成交）供应商', en: 'Winning supplier', value: f.winner.name, strong: true },
    { zh: '统一社会信用代码', en: 'Unified social credit code', value: f.winner.uscc ?? '—' },
    {
      zh: '中标（成交）金额',
      en: 'Contract amount',
      value: `人民币 ¥${f.contractAmount.figures} 元\n大写：${f.contractAmount.capital}`,
      strong: true,
    },
    { zh: '开标时间', en: 'Bid opening', value: f.bidDeadline ? beijing(f.bidDeadline, 'minutes') : '—' },
    {
      zh: '结果公告日期',
      en: 'Result notice published',
      value: f.resultNotice ? beijing(f.resultNotice.publishedAt, 'date') : '—',
    },
    { zh: '签发时间', en: 'Issued', value: beijing(f.issuedAt, 'seconds') },
  ];
}

function intro(f: CertificateFacts): { zh: string; en: string } {
  return {
    zh: `兹证明，下列政府采购项目已通过${f.issuer.name}政府采购电子交易平台依法完成交易${f.resultNotice ? '，中标（成交）结果已依法公告' : ''}。特发此证。`,
    en: `This is to certify that the government procurement below was transacted on the electronic trading platform of ${f.issuer.name}${f.resultNotice ? ' and its result was published as the law requires' : ''}.`,
  };
}

function smallPrint(proof: CertificateProof): string[] {
  const { facts: f, factsHash: h, signature: s } = proof;
  return [
    `电子签章说明：平台以服务签名密钥（${s.algorithm}）对本证明书事实数据（RFC 8785 规范化 JSON）的 ${h.algorithm} 摘要签名；事实数据与签名作为附件 transaction-certificate-proof.json 嵌入本文件。扫码或访问下列地址核验，亦可上传本文件比对是否被篡改。`,
    `Electronic seal: the platform signs the ${h.algorithm} hash of the facts (RFC 8785 canonical JSON) with its service key (${s.algorithm}); facts and signature are attached to this file. Verify at ${f.verifyUrl}`,
    `事实摘要 Facts ${h.algorithm}: ${h.value}`,
    `签名值 Signature: ${s.value}`,
    `签名密钥指纹 Key fingerprint: ${s.keyFingerprint}`,
    `账本链头 Ledger head: #${f.ledger.size} ${f.ledger.chainHash}`,
  ];
}

function centred(page: PDFPage, fonts: Fonts, text: string, y: number, size: number, color = INK) {
  draw(page, fonts, text, { x: (A4[0] - measure(fonts, text, size)) / 2, y, size, color });
}

function drawFrame(page: PDFPage) {
  page.drawRectangle({ x: 26, y: 26, width: A4[0] - 52, height: A4[1] - 52, borderColor: FRAME, borderWidth: 2.2 });
  page.drawRectangle({ x: 32, y: 32, width: A4[0] - 64, height: A4[1] - 64, borderColor: FRAME, borderWidth: 0.6 });
}

/** Title, number and the introduction; returns where the table starts. */
function drawHead(page: PDFPage, fonts: Fonts, f: CertificateFacts): number {
  const title = '交 易 证 明 书';
  const titleX = (A4[0] - measure(fonts, title, 30)) / 2;
  // Noto Sans SC is embedded in one weight: the title is struck twice, a hair apart, to look bold.
  for (const dx of [0, 0.45]) draw(page, fonts, title, { x: titleX + dx, y: 752, size: 30, color: FRAME });
  centred(page, fonts, 'TRANSACTION CERTIFICATE OF GOVERNMENT PROCUREMENT', 732, 9, GREY);
  const number = `编号 No. ${f.number}`;
  draw(page, fonts, number, { x: RIGHT - measure(fonts, number, 10), y: 704, size: 10, color: INK });
  let y = 684;
  const text = intro(f);
  for (const line of wrap(fonts, text.zh, 11, RIGHT - LEFT - 22)) {
    draw(page, fonts, line, { x: LEFT + (y === 684 ? 22 : 0), y, size: 11, color: INK });
    y -= 17;
  }
  for (const line of wrap(fonts, text.en, 8, RIGHT - LEFT)) {
    draw(page, fonts, line, { x: LEFT, y, size: 8, color: GREY });
    y -= 11;
  }
  return y - 6;
}

interface TableStyle {
  size: number;
  strongSize: number;
  minHeight: number;
}
const ROOMY: TableStyle = { size: 10.5, strongSize: 11.5, minHeight: 28 };
const COMPACT: TableStyle = { size: 9.5, strongSize: 10.5, minHeight: 23 };

function rowLayout(fonts: Fonts, f: CertificateFacts, style: TableStyle) {
  return factRows(f).map((row) => {
    const size = row.strong ? style.strongSize : style.size;
    const lines = wrap(fonts, row.value, size, RIGHT - LEFT - LABEL_WIDTH - 6);
    return { ...row, size, lines, height: Math.max(style.minHeight, lines.length * (size + 5) + 10) };
  });
}

function drawTable(page: PDFPage, fonts: Fonts, rows: ReturnType<typeof rowLayout>, top: number): number {
  let y = top;
  page.drawLine({ start: { x: LEFT, y }, end: { x: RIGHT, y }, thickness: 0.9, color: FRAME });
  for (const row of rows) {
    draw(page, fonts, row.zh, { x: LEFT + 4, y: y - 13, size: 10, color: INK });
    draw(page, fonts, row.en, { x: LEFT + 4, y: y - 22.5, size: 6.5, color: GREY });
    row.lines.forEach((line, i) =>
      draw(page, fonts, line, { x: LEFT + LABEL_WIDTH, y: y - 14 - i * (row.size + 5), size: row.size, color: INK }),
    );
    y -= row.height;
    page.drawLine({ start: { x: LEFT, y }, end: { x: RIGHT, y }, thickness: 0.4, color: RULE });
  }
  page.drawLine({ start: { x: LEFT, y }, end: { x: RIGHT, y }, thickness: 0.9, color: FRAME });
  return y;
}

/** Height of the certify line and the block under it (the seal reaches lowest). */
const SIGNATURE_BLOCK_HEIGHT = 40 + 52 + 56 + 4;

/** The certify line, the issuer with its seal on the right, the QR code on the left. */
function drawSignatureBlock(page: PDFPage, fonts: Fonts, f: CertificateFacts, top: number): void {
  draw(page, fonts, '特此证明。 This is to certify the above.', { x: LEFT, y: top - 22, size: 10.5, color: INK });
  const blockTop = top - 40;
  const qrSize = 92;
  drawQrCode(page, f.verifyUrl, { x: LEFT, y: blockTop - qrSize, size: qrSize });
  draw(page, fonts, '扫码核验真伪', { x: LEFT + qrSize + 10, y: blockTop - 30, size: 10, color: INK });
  draw(page, fonts, 'Scan to verify', { x: LEFT + qrSize + 10, y: blockTop - 43, size: 8, color: GREY });
  const issuerX = RIGHT - 190;
  draw(page, fonts, '签发机构 Issued by', { x: issuerX, y: blockTop - 20, size: 8, color: GREY });
  wrap(fonts, f.issuer.name, 12, 190).forEach((line, i) =>
    draw(page, fonts, line, { x: issuerX, y: blockTop - 38 - i * 16, size: 12, color: INK }),
  );
  draw(page, fonts, beijing(f.issuedAt, 'date'), { x: issuerX, y: blockTop - 76, size: 11, color: INK });
  drawRoundSeal(
    page,
    fonts,
    { x: issuerX + 92, y: blockTop - 52, radius: 56 },
    { centreName: f.issuer.name, purpose: SEAL_PURPOSE },
  );
}

const SMALL = 6.2;
const SMALL_LEADING = 8.2;
const BOTTOM = 42;

/** The small print, set from the bottom of the frame upwards; returns its top. */
function smallPrintLines(fonts: Fonts, proof: CertificateProof): string[] {
  return smallPrint(proof).flatMap((note) => wrap(fonts, note, SMALL, RIGHT - LEFT));
}

function drawSmallPrint(page: PDFPage, fonts: Fonts, lines: string[]) {
  let y = BOTTOM + (lines.length - 1) * SMALL_LEADING;
  page.drawLine({ start: { x: LEFT, y: y + 9 }, end: { x: RIGHT, y: y + 9 }, thickness: 0.4, color: RULE });
  for (const line of lines) {
    draw(page, fonts, line, { x: LEFT, y, size: SMALL, color: GREY });
    y -= SMALL_LEADING;
  }
}

/**
 * The certificate as an A4 PDF: the facts in Chinese with English labels, the centre's red round seal, a QR code to
 * the public verification page, the signature and key fingerprint in small print, and the proof attached inside.
 * Dates in the document's metadata are the issue time, so a render depends only on the proof.
 */
export async function renderCertificatePdf(proof: CertificateProof): Promise<Uint8Array> {
  const f = proof.facts;
  const doc = await PDFDocument.create({ updateMetadata: false });
  const printed = [
    '交 易 证 明 书特此证明。扫码核验真伪签发机构',
    SEAL_PURPOSE,
    intro(f).zh,
    ...factRows(f).flatMap((r) => [r.zh, r.value]),
    ...smallPrint(proof),
    f.issuer.name,
    beijing(f.issuedAt, 'date'),
  ].join('');
  const fonts = await embedFonts(doc, printed);
  doc.setTitle(`交易证明书 ${f.number} / Transaction certificate`);
  doc.setAuthor(f.issuer.name);
  doc.setSubject(`${f.project.code} ${f.project.title} 第 ${f.lot.number} 包`);
  doc.setKeywords([f.number, proof.factsHash.algorithm, proof.factsHash.value, f.verifyUrl]);
  doc.setCreator('Zhengcai 政采');
  doc.setProducer('Zhengcai 政采 (pdf-lib)');
  doc.setCreationDate(new Date(f.issuedAt));
  doc.setModificationDate(new Date(f.issuedAt));
  const page = doc.addPage(A4);
  drawFrame(page);
  const tableTop = drawHead(page, fonts, f);
  const notes = smallPrintLines(fonts, proof);
  const notesTop = BOTTOM + notes.length * SMALL_LEADING + 12;
  // Roomy rows when everything fits on the page above the small print, compact ones otherwise (long titles).
  const roomy = rowLayout(fonts, f, ROOMY);
  const height = (rows: typeof roomy) => rows.reduce((sum, r) => sum + r.height, 0);
  const rows = tableTop - height(roomy) - SIGNATURE_BLOCK_HEIGHT >= notesTop ? roomy : rowLayout(fonts, f, COMPACT);
  const tableBottom = drawTable(page, fonts, rows, tableTop);
  drawSignatureBlock(page, fonts, f, Math.max(tableBottom, notesTop + SIGNATURE_BLOCK_HEIGHT));
  drawSmallPrint(page, fonts, notes);
  await attachProof(doc, proof, new Date(f.issuedAt));
  return doc.save();
}
