import { hashPoolSnapshot, parsePoolSnapshot, verifyDraw } from '@zhengcai/domain';
import type { Verification } from './types';

export interface BrowserCheck {
  /** null: the draw has not run (no seed yet), nothing to compare. */
  ok: boolean | null;
  /** What failed, in both languages. */
  mismatches: { code: string; message: { zh: string; en: string } }[];
  /** The snapshot's SHA-256 as computed here (null when the snapshot could not be read). */
  snapshotHash: string | null;
}

/**
 * Re-runs the draw in the browser from the downloaded material (ADR 0018/0019): the same `verifyDraw` the server
 * runs, from the same package, on the bytes received — the server's own verdict is not used.
 */
export function verifyInBrowser(material: Verification): BrowserCheck {
  const parsed = parsePoolSnapshot(material.poolSnapshot);
  if (!parsed.ok) {
    const detail = parsed.problems.slice(0, 5).join('; ');
    return {
      ok: false,
      snapshotHash: null,
      mismatches: [
        {
          code: 'SNAPSHOT_MALFORMED',
          message: { zh: `专家库快照格式不正确：${detail}`, en: `The pool snapshot is malformed: ${detail}` },
        },
      ],
    };
  }
  const snapshotHash = hashPoolSnapshot(parsed.snapshot);
  if (material.seed === null || material.committee === null) return { ok: null, mismatches: [], snapshotHash };
  const result = verifyDraw({
    seed: material.seed,
    commitment: material.draw.seedCommitment,
    snapshot: parsed.snapshot,
    poolSnapshotHash: material.draw.poolSnapshotHash,
    request: material.request,
    claimedCommittee: material.committee,
  });
  return result.ok
    ? { ok: true, mismatches: [], snapshotHash }
    : {
        ok: false,
        mismatches: result.mismatches.map((m) => ({ code: m.code, message: m.message })),
        snapshotHash,
      };
}
