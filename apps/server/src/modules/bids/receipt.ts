import { formatShare } from '@zhengcai/domain';
import { canonicalBytes } from '@zhengcai/seal';
import type { ServiceSignature } from '../../platform/keys/platform-keys';
import type { PdfRecord } from '../../platform/pdf/render-record';
import type { LotRow, ProjectRow, SubmissionRow } from './repo';

export const RECEIPT_TYPE = 'zhengcai-bid-receipt';

/** What the platform attests at completion (回执): where, who, which ciphertext, when, and where in the ledger. */
export interface ReceiptPayload {
  type: typeof RECEIPT_TYPE;
  version: 1;
  submissionId: string;
  project: { id: string; code: string; title: string };
  lot: { id: string; number: number; title: string };
  bidder: { organisationId: string; name: string; userId: string };
  /** A consortium bid only: every party (the lead is `bidder`) with its role and share, each of whom co-signed. */
  consortium?: { members: ReceiptMember[] };
  ciphertext: { hashAlgorithm: string; hash: string; length: number; blobSha256: string };
  /** The submission this one replaced (修改), if any. */
  replacesSubmissionId: string | null;
  /** Server time of the recording, ISO 8601 UTC. */
  serverTime: string;
  eventSeq: number;
  ledgerChainHash: string;
}

export interface ReceiptMember {
  organisationId: string;
  name: string;
  uscc: string;
  role: 'lead' | 'member';
  shareBasisPoints: number;
  signedAt: string;
}

export interface SignedReceipt {
  receipt: ReceiptPayload;
  signature: ServiceSignature;
}

export function receiptPayload(input: {
  row: SubmissionRow;
  project: ProjectRow;
  lot: LotRow;
  bidderName: string;
  members: ReadonlyArray<{
    organisationId: string;
    name: string;
    uscc: string;
    role: 'lead' | 'member';
    shareBasisPoints: number;
    signedAt: Date | null;
  }>;
  blobSha256: string;
  replacesSubmissionId: string | null;
  at: Date;
  seq: number;
  chainHash: string;
}): ReceiptPayload {
  const { row, project, lot } = input;
  if (!row.ciphertextHash || row.ciphertextLength === null || !row.ciphertextHashAlgorithm) {
    throw new Error('receipt for a submission without ciphertext');
  }
  return {
    type: RECEIPT_TYPE,
    version: 1,
    submissionId: row.id,
    project: { id: project.id, code: project.code, title: project.title },
    lot: { id: lot.id, number: lot.number, title: lot.title },
    bidder: { organisationId: row.organisationId, name: input.bidderName, userId: row.userId },
    ...(input.members.length
      ? {
          consortium: {
            members: input.members.map((m) => ({
              organisationId: m.organisationId,
              name: m.name,
              uscc: m.uscc,
              role: m.role,
              shareBasisPoints: m.shareBasisPoints,
              signedAt: m.signedAt?.toISOString() ?? input.at.toISOString(),
            })),
          },
        }
      : {}),
    ciphertext: {
      hashAlgorithm: row.ciphertextHashAlgorithm,
      hash: row.ciphertextHash,
      length: row.ciphertextLength,
      blobSha256: input.blobSha256,
    },
    replacesSubmissionId: input.replacesSubmissionId,
    serverTime: input.at.toISOString(),
    eventSeq: input.seq,
    ledgerChainHash: input.chainHash,
  };
}

export function receiptBytes(receipt: ReceiptPayload): Uint8Array {
  return canonicalBytes(receipt);
}

const beijing = (iso: string) =>
  new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }) + '（北京时间）';

/** The printable receipt: the same facts as the JSON, the signature, and how to check it. */
export function receiptRecord(signed: SignedReceipt): PdfRecord {
  const r = signed.receipt;
  return {
    title: '投标文件递交回执 / Sealed bid receipt',
    subtitle: `${r.project.code} ${r.project.title}`,
    author: '政采平台 Zhengcai',
    rows: [
      ['项目 Project', `${r.project.code} ${r.project.title}`],
      ['包 Lot', `第 ${r.lot.number} 包 ${r.lot.title}`],
      [r.consortium ? '牵头人 Lead' : '投标人 Bidder', r.bidder.name],
      ...(r.consortium?.members ?? []).map((m, i): [string, string] => [
        `联合体成员 ${i + 1} Member`,
        `${m.name}（${m.uscc}）${m.role === 'lead' ? '牵头人 lead' : '成员 member'}，分工比例 share ${formatShare(m.shareBasisPoints)}，签署 signed ${beijing(m.signedAt)}`,
      ]),
      ['递交编号 Submission', r.submissionId],
      ['服务器时间 Server time', `${beijing(r.serverTime)} ${r.serverTime}`],
      ['密文摘要算法 Hash algorithm', r.ciphertext.hashAlgorithm],
      ['密文摘要 Ciphertext hash', r.ciphertext.hash],
      ['密文长度 Length', `${r.ciphertext.length.toLocaleString('en-US')} 字节 bytes`],
      ['存储名 Blob SHA-256', r.ciphertext.blobSha256],
      ['替换的递交 Replaces', r.replacesSubmissionId ?? '—'],
      ['事件序号 Event seq', String(r.eventSeq)],
      ['账本链哈希 Ledger chain hash', r.ledgerChainHash],
      ['平台签名 Signature', `${signed.signature.suite} ${signed.signature.signature}`],
      ['服务证书指纹 Certificate', signed.signature.certificateFingerprint],
    ],
    notes: [
      '本回执证明平台在上述时间收到并验证了该加密投标文件；平台只保存密文，开标前任何人（含平台管理员）都无法读取报价。',
      'This receipt attests that the platform received and verified the sealed bid above at the time shown; the platform holds ciphertext only and nobody, administrators included, can read the price before the opening.',
      '核验：将 JSON 回执提交至 POST /api/bids/receipts/verify，或用服务证书公钥验证 RFC 8785 规范化 JSON 的签名。',
      'To verify: POST the JSON receipt to /api/bids/receipts/verify, or check the signature over its RFC 8785 canonical JSON with the service certificate.',
    ],
  };
}
