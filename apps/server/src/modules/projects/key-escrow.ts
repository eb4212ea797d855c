import { and, asc, eq, inArray, or } from 'drizzle-orm';
import type { Executor, Tx } from '../../db/client';
import { organisations, projectKeyHolders, projects, users } from '../../db/schema';
import { fieldError, type FieldError } from '../../platform/errors/app-error';
import { appendEvent } from '../../platform/events/append-event';
import { actorOf, type UserViewer } from '../../platform/policy/actor';
import type { Services } from '../../services';
import { findUsableCertificates } from '../certificates/repo';
import { loadForChange } from './load-draft';
import { runningOrganisationId } from './policy';
import type { KeyEscrowBody } from './schemas';

type ProjectRow = typeof projects.$inferSelect;

/** Roles whose users may hold an escrow share: oversight always, the purchaser's and the agency's own users. */
const HOLDER_ROLES = ['centre', 'supervisor', 'agency', 'purchaser'] as const;

export interface KeyHolder {
  userId: string;
  name: string;
  role: string;
  organisationName: string | null;
  roleLabel: string;
  position: number;
}

/** The project's key holders in share order, with who they are. */
export async function listKeyHolders(db: Executor, projectId: string): Promise<KeyHolder[]> {
  const rows = await db
    .select({
      userId: projectKeyHolders.userId,
      position: projectKeyHolders.position,
      roleLabel: projectKeyHolders.roleLabel,
      name: users.displayName,
      role: users.role,
      organisationName: organisations.name,
    })
    .from(projectKeyHolders)
    .innerJoin(users, eq(users.id, projectKeyHolders.userId))
    .leftJoin(organisations, eq(organisations.id, users.organisationId))
    .where(eq(projectKeyHolders.projectId, projectId))
    .orderBy(asc(projectKeyHolders.position));
  return rows;
}

/** Users who may be named: active, of an eligible role, and for purchaser/agency users of this project's parties. */
export async function keyHolderCandidates(db: Executor, project: ProjectRow, at: Date) {
  const parties = [
    project.purchaserOrganisationId,
    ...(project.agencyOrganisationId ? [project.agencyOrganisationId] : []),
  ];
  const rows = await db
    .select({
      userId: users.id,
      name: users.displayName,
      role: users.role,
      organisationName: organisations.name,
    })
    .from(users)
    .leftJoin(organisations, eq(organisations.id, users.organisationId))
    .where(
      and(
        eq(users.status, 'active'),
        or(inArray(users.role, ['centre', 'supervisor']), inArray(users.organisationId, parties)),
        inArray(users.role, [...HOLDER_ROLES]),
      ),
    )
    .orderBy(asc(users.role), asc(users.displayName));
  const result = [];
  for (const r of rows) {
    result.push({ ...r, encryptionCertificate: (await findUsableCertificates(db, r.userId, at)) !== null });
  }
  return result;
}

/**
 * Sets (or clears) a draft's emergency-recovery escrow: the key holders in share order and k. Only while a draft;
 * each holder an active user the project may name; 2 ≤ k ≤ n. Certificates are checked at publication (a holder
 * may still be enrolling while the draft is edited) and again at every submission start.
 */
export async function setKeyEscrow(s: Services, viewer: UserViewer, projectId: string, body: KeyEscrowBody) {
  await s.db.transaction(async (tx) => {
    const project = await loadForChange(tx, viewer, projectId, 'edit');
    const ids = body.holders.map((h) => h.userId);
    if (new Set(ids).size !== ids.length) {
      throw fieldError('body.holders', '同一用户不能重复指定为密钥保管人', 'A user can be named only once');
    }
    if (body.holders.length === 0 ? body.threshold !== null : body.threshold === null) {
      throw fieldError(
        'body.threshold',
        '指定密钥保管人时须设门限 k；不指定时门限须为空',
        'Set k when naming key holders, and leave it empty when naming none',
      );
    }
    if (body.threshold !== null && body.threshold > body.holders.length) {
      throw fieldError(
        'body.threshold',
        `门限 k 须满足 2 ≤ k ≤ ${body.holders.length}（保管人数）`,
        `k must be between 2 and ${body.holders.length} (the number of holders)`,
      );
    }
    const candidates = new Set((await keyHolderCandidates(tx, project, s.clock.now())).map((c) => c.userId));
    for (const [i, id] of ids.entries()) {
      if (!candidates.has(id)) {
        throw fieldError(
          `body.holders.${i}.userId`,
          '不是可指定的密钥保管人（须为交易中心、监督部门或本项目采购人、代理机构的有效用户）',
          "Not a user who may hold a key share (an active user of the centre, the supervisor, or this project's purchaser or agency)",
        );
      }
    }
    await tx.delete(projectKeyHolders).where(eq(projectKeyHolders.projectId, project.id));
    if (body.holders.length) {
      await tx.insert(projectKeyHolders).values(
        body.holders.map((h, position) => ({
          projectId: project.id,
          userId: h.userId,
          position,
          roleLabel: h.roleLabel,
        })),
      );
    }
    const now = s.clock.now();
    await tx
      .update(projects)
      .set({ keyEscrowThreshold: body.threshold, updatedAt: now })
      .where(eq(projects.id, project.id));
    const holders = await listKeyHolders(tx, project.id);
    await appendEvent(tx, s.clock, {
      type: 'project.key_escrow_set',
      payload: {
        projectId: project.id,
        code: project.code,
        title: project.title,
        threshold: body.threshold,
        holders: holders.map((h) => ({ userId: h.userId, name: h.name, roleLabel: h.roleLabel })),
      },
      actor: actorOf(viewer),
      subject: { type: 'project', id: project.id },
      audience: { kind: 'organisation', organisationId: runningOrganisationId(project) },
    });
  });
}

/** Publication refuses a project whose escrow cannot work: k out of range, or a holder without a usable key. */
export async function keyEscrowProblems(tx: Tx, project: ProjectRow, at: Date): Promise<FieldError[]> {
  const holders = await listKeyHolders(tx, project.id);
  const k = project.keyEscrowThreshold;
  if (holders.length === 0 && k === null) return [];
  const problems: FieldError[] = [];
  if (k === null || k < 2 || k > holders.length) {
    problems.push({
      field: 'keyEscrow.threshold',
      reason: {
        zh: `密钥托管门限 k 须满足 2 ≤ k ≤ ${holders.length}（保管人数）`,
        en: `The key escrow threshold k must be between 2 and ${holders.length} (the number of holders)`,
      },
      ruleId: 'KEY_ESCROW_THRESHOLD',
    });
  }
  for (const h of holders) {
    if (!(await findUsableCertificates(tx, h.userId, at))) {
      problems.push({
        field: `keyEscrow.holders.${h.position}`,
        reason: {
          zh: `密钥保管人“${h.name}”没有可用的加密证书（未申领、已过期或已吊销）`,
          en: `Key holder "${h.name}" has no usable encryption certificate (none issued, expired or revoked)`,
        },
        ruleId: 'KEY_HOLDER_CERTIFICATE',
      });
    }
  }
  return problems;
}
