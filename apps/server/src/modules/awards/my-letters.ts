import { challengeWindow } from '@zhengcai/domain';
import type { z } from 'zod';
import type { Db } from '../../db/client';
import type { UserViewer } from '../../platform/policy/actor';
import { findProjectAndLot } from '../opening/repo';
import { certificateNumberOf } from './present-award';
import { findAward, lettersOfOrganisation } from './repo';
import type { letterListView } from './schemas';

/** The caller's organisation's notification letters (中标/成交通知书, 结果通知书), newest first. */
export async function myLetters(db: Db, viewer: UserViewer): Promise<z.infer<typeof letterListView>> {
  if (!viewer.organisationId) return { items: [] };
  const rows = await lettersOfOrganisation(db, viewer.organisationId);
  const items = [];
  for (const l of rows) {
    const where = await findProjectAndLot(db, l.lotId);
    const award = await findAward(db, l.lotId);
    if (!where || !award?.publishedAt) continue;
    items.push({
      id: l.id,
      lotId: l.lotId,
      project: { id: where.project.id, code: where.project.code, title: where.project.title },
      lot: { number: where.lot.number, title: where.lot.title },
      kind: l.kind,
      rank: l.rank,
      total: l.total,
      bidPriceFen: l.bidPriceFen,
      exclusionReason: l.exclusionReason,
      title: l.title,
      body: l.body,
      issuedAt: l.issuedAt.toISOString(),
      certificateNumber: l.kind === 'award' ? await certificateNumberOf(db, award.certificateId) : null,
      challengeBy: challengeWindow(award.publishedAt).endsAt.toISOString(),
    });
  }
  return { items };
}
