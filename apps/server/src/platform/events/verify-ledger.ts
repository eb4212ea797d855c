import { GENESIS_CHAIN_HASH, chainHash } from '@zhengcai/seal';
import { asc, eq, gt } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { events, ledgerHead } from '../../db/schema';
import { entryLeafHash } from './entry';

export type LedgerProblemKind =
  /** A row's content no longer matches its leaf hash: it was edited. */
  | 'content_altered'
  /** A row's chain hash does not follow from the row before: a row was inserted, replaced or re-hashed. */
  | 'chain_broken'
  /** Sequence numbers jump: rows were deleted. */
  | 'rows_missing'
  /** The head (size and last chain hash) disagrees with the last row: the tail was cut off or rows were added. */
  | 'head_mismatch';

export interface LedgerProblem {
  seq: number;
  kind: LedgerProblemKind;
  detail: string;
}

export interface LedgerReport {
  ok: boolean;
  size: number;
  head: { seq: number; hash: string };
  checked: number;
  problems: LedgerProblem[];
}

const BATCH = 2000;

/**
 * Recomputes every leaf and chain hash. After a problem it continues from the stored hash, so each tampered row is
 * reported once rather than every row after it.
 */
export async function verifyLedger(db: Executor): Promise<LedgerReport> {
  const problems: LedgerProblem[] = [];
  let previousChain = GENESIS_CHAIN_HASH;
  let expectedSeq = 1;
  let checked = 0;
  let lastSeq = 0;
  for (;;) {
    const rows = await db.select().from(events).where(gt(events.seq, lastSeq)).orderBy(asc(events.seq)).limit(BATCH);
    for (const row of rows) {
      if (row.seq !== expectedSeq) {
        problems.push({
          seq: expectedSeq,
          kind: 'rows_missing',
          detail: `events ${expectedSeq}…${row.seq - 1} are missing`,
        });
      }
      const leaf = entryLeafHash(row);
      if (leaf !== row.leafHash) {
        problems.push({
          seq: row.seq,
          kind: 'content_altered',
          detail: `content hashes to ${leaf}, stored ${row.leafHash}`,
        });
      }
      const chain = chainHash(previousChain, row.leafHash);
      if (chain !== row.chainHash) {
        problems.push({
          seq: row.seq,
          kind: 'chain_broken',
          detail: `chain should be ${chain}, stored ${row.chainHash}`,
        });
      }
      previousChain = row.chainHash;
      expectedSeq = row.seq + 1;
      lastSeq = row.seq;
      checked++;
    }
    if (rows.length < BATCH) break;
  }
  const [head] = await db.select().from(ledgerHead).where(eq(ledgerHead.id, 1));
  const headSize = head?.size ?? 0;
  const headHash = head?.chainHash ?? GENESIS_CHAIN_HASH;
  if (headSize !== lastSeq || headHash !== previousChain) {
    problems.push({
      seq: headSize,
      kind: 'head_mismatch',
      detail: `head says ${headSize} events ending ${headHash.slice(0, 16)}…, the log has ${lastSeq} ending ${previousChain.slice(0, 16)}…`,
    });
  }
  return { ok: problems.length === 0, size: headSize, head: { seq: headSize, hash: headHash }, checked, problems };
}
