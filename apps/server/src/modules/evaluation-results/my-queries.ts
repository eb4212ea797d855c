import { desc, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { evaluationBidderQueries, lots, projects } from '../../db/schema';
import type { UserViewer } from '../../platform/policy/actor';
import { queryView } from './view';

/**
 * 评审澄清: the questions put to the caller's organisation, open and past, each with its project and lot, the request
 * with its working, the deadline and what it may do. Nothing else about the evaluation reaches a bidder.
 */
export async function myQueries(db: Executor, viewer: UserViewer, now: Date) {
  const org = viewer.organisationId;
  if (!org) return [];
  const rows = await db
    .select({ q: evaluationBidderQueries, project: projects, lot: lots })
    .from(evaluationBidderQueries)
    .innerJoin(lots, eq(lots.id, evaluationBidderQueries.lotId))
    .innerJoin(projects, eq(projects.id, lots.projectId))
    .where(eq(evaluationBidderQueries.organisationId, org))
    .orderBy(desc(evaluationBidderQueries.askedAt), desc(evaluationBidderQueries.id));
  return rows.map(({ q, project, lot }) => {
    const open = q.state === 'open' && q.respondBy > now;
    const actions: ('confirm' | 'refuse' | 'explain')[] = !open
      ? []
      : q.kind === 'arithmetic_correction'
        ? ['confirm', 'refuse']
        : ['explain'];
    return {
      ...queryView(q),
      projectId: project.id,
      projectCode: project.code,
      projectTitle: project.title,
      lotNumber: lot.number,
      lotTitle: lot.title,
      lotId: lot.id,
      actions,
    };
  });
}
