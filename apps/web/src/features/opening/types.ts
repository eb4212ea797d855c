/**
 * The hall as the browser sees it (ADR 0016, GET /api/openings/:lotId), written from the server's zod schemas
 * (modules/opening/schemas.ts) until the generated client has them; then these become aliases of its types.
 */
export type HallState = 'open' | 'decrypting' | 'read_out' | 'signed' | 'published';
export type HallRole = 'host' | 'bidder' | 'supervisor' | 'public';
export type OpeningBidState = 'sealed' | 'decrypted' | 'invalid';
export type InvalidReason =
  | 'NOT_DECRYPTED_IN_WINDOW'
  | 'CIPHERTEXT_MISSING'
  | 'CIPHERTEXT_HASH_MISMATCH'
  | 'PACKAGE_CORRUPT'
  | 'PACKAGE_SIGNATURE_INVALID';
export type HallAction = 'sign_in' | 'start' | 'close' | 'sign_record';
export type BidAction = 'fetch_envelope' | 'release_key' | 'confirm' | 'object' | 'answer';

export interface ReadOut {
  priceFen: number;
  priceFigures: string;
  priceInWords: string;
  priceCapital: string;
  deliveryPeriod: string;
  /** Declared extra fields of the price sheet. */
  fields: Record<string, string>;
}

export interface HallBid {
  submissionId: string;
  organisationId: string;
  bidderName: string;
  state: OpeningBidState;
  invalidReason: InvalidReason | null;
  openedVia: 'bidder' | 'recovery' | null;
  decryptedAt: string | null;
  readOutSeq: number | null;
  readOut: ReadOut | null;
  files: { name: string; size: number; digest: string }[];
  confirmation: 'confirmed' | 'objected' | null;
  objection: string | null;
  answer: string | null;
  answeredAt: string | null;
  /** Whether the caller's organisation owns this bid. */
  mine: boolean;
  actions: BidAction[];
}

export interface HallView {
  lotId: string;
  project: { id: string; code: string; title: string; bidDeadline: string | null };
  lot: { number: number; title: string };
  state: HallState;
  serverTime: string;
  openedAt: string;
  decryptionWindowMinutes: number;
  decryptionStartedAt: string | null;
  decryptionEndsAt: string | null;
  closedAt: string | null;
  outcome: 'valid' | 'failed' | null;
  failureReason: string | null;
  failureNoticeDraft: { title: { zh: string; en: string }; body: { zh: string; en: string } } | null;
  attendance: {
    userId: string;
    displayName: string;
    organisationId: string | null;
    organisationName: string | null;
    role: 'host' | 'bidder' | 'supervisor';
    signedInAt: string;
  }[];
  bids: HallBid[];
  signatures: { userId: string; displayName: string; role: 'host' | 'supervisor'; signedAt: string }[];
  recordHash: string | null;
  publishedAt: string | null;
  recordPdfUrl: string | null;
  myRole: HallRole;
  signedIn: boolean;
  actions: HallAction[];
}

export type OpenResult = { state: 'decrypted'; readOutSeq: number } | { state: 'invalid'; reason: string };
