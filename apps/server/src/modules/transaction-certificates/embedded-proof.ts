import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFRawStream,
  PDFString,
  decodePDFRawStream,
} from 'pdf-lib';
import { certificateProofSchema, type CertificateProof } from './facts';

/** The name of the attached file (PDF "embedded file", ISO 32000-1 §7.11.4) that carries the proof. */
export const PROOF_FILE_NAME = 'transaction-certificate-proof.json';

/** Attaches the proof (facts, hash, signature, key) to the document, so that every copy carries it. */
export async function attachProof(doc: PDFDocument, proof: CertificateProof, at: Date): Promise<void> {
  await doc.attach(new TextEncoder().encode(JSON.stringify(proof, null, 2)), PROOF_FILE_NAME, {
    mimeType: 'application/json',
    description: '交易证明书事实数据与平台签名 / Transaction certificate facts and platform signature',
    creationDate: at,
    modificationDate: at,
  });
}

export type ExtractedProof =
  /** `rawFacts`: the facts exactly as embedded (hashed as they are: parsing drops keys it does not know). */
  | { kind: 'found'; proof: CertificateProof; rawFacts: unknown }
  | { kind: 'not_pdf' }
  | { kind: 'missing' }
  | { kind: 'malformed' };

const text = (value: unknown): string | null =>
  value instanceof PDFString || value instanceof PDFHexString ? value.decodeText() : null;

/** The `Names` arrays of a name tree (ISO 32000-1 §7.9.6), following `Kids` a few levels deep. */
function nameTreeEntries(node: PDFDict, depth = 0): Array<[string, PDFDict]> {
  const out: Array<[string, PDFDict]> = [];
  const names = node.lookupMaybe(PDFName.of('Names'), PDFArray);
  if (names) {
    for (let i = 0; i + 1 < names.size(); i += 2) {
      const key = text(names.lookup(i));
      const value = names.lookup(i + 1);
      if (key !== null && value instanceof PDFDict) out.push([key, value]);
    }
  }
  const kids = depth < 4 ? node.lookupMaybe(PDFName.of('Kids'), PDFArray) : undefined;
  for (let i = 0; kids && i < kids.size(); i++) {
    const kid = kids.lookup(i);
    if (kid instanceof PDFDict) out.push(...nameTreeEntries(kid, depth + 1));
  }
  return out;
}

/**
 * Reads the proof out of any PDF (ours or anyone's): never throws for what a visitor uploads. A file that is not
 * a PDF, has no such attachment, or whose attachment is not a well-formed proof says so.
 */
export async function extractProof(bytes: Uint8Array): Promise<ExtractedProof> {
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(bytes, { updateMetadata: false, ignoreEncryption: true, throwOnInvalidObject: false });
  } catch {
    return { kind: 'not_pdf' };
  }
  try {
    const tree = doc.catalog
      .lookupMaybe(PDFName.of('Names'), PDFDict)
      ?.lookupMaybe(PDFName.of('EmbeddedFiles'), PDFDict);
    if (!tree) return { kind: 'missing' };
    const entry = nameTreeEntries(tree).find(([name]) => name === PROOF_FILE_NAME);
    const stream = entry?.[1].lookupMaybe(PDFName.of('EF'), PDFDict)?.lookup(PDFName.of('F'));
    if (!(stream instanceof PDFRawStream)) return { kind: 'missing' };
    const json: unknown = JSON.parse(
      new TextDecoder('utf-8', { fatal: true }).decode(decodePDFRawStream(stream).decode()),
    );
    const parsed = certificateProofSchema.safeParse(json);
    if (!parsed.success || typeof json !== 'object' || json === null || !('facts' in json))
      return { kind: 'malformed' };
    return { kind: 'found', proof: parsed.data, rawFacts: json.facts };
  } catch {
    return { kind: 'malformed' };
  }
}
