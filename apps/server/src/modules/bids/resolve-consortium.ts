import { normaliseUscc, validateConsortium, type ConsortiumMemberInput, type EnterpriseScale } from '@zhengcai/domain';
import type { ConsortiumComposition } from '@zhengcai/seal';
import { and, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { organisations, users } from '../../db/schema';
import { AppError } from '../../platform/errors/app-error';
import { barRefusal } from '../barred/bar-refusal';
import { findUsableCertificates } from '../certificates/repo';

export interface ResolvedMember {
  organisationId: string;
  uscc: string;
  name: string;
  scale: EnterpriseScale | null;
  role: 'lead' | 'member';
  shareBasisPoints: number;
}

export interface ResolvedConsortium {
  members: ResolvedMember[];
  /** What every member signs (seal ConsortiumComposition), in the order the lead gave. */
  composition: ConsortiumComposition;
}

/** Whether some active user of the organisation holds usable signing and encryption certificates now. */
async function hasUsableCertificates(db: Executor, organisationId: string, now: Date): Promise<boolean> {
  const people = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.organisationId, organisationId), eq(users.status, 'active'), eq(users.role, 'supplier')));
  for (const p of people) if (await findUsableCertificates(db, p.id, now)) return true;
  return false;
}

/**
 * The lead's declared consortium, checked: the composition rules (packages/domain, each problem on its field), every
 * member a registered, active supplier not on the barred list with a user holding usable certificates (政府采购法
 * 第二十四条: each party meets the supplier conditions). The lead is the caller's organisation.
 */
export async function resolveConsortium(
  db: Executor,
  lead: { id: string; uscc: string | null },
  input: readonly ConsortiumMemberInput[],
  now: Date,
): Promise<ResolvedConsortium> {
  const problems = validateConsortium(input, lead.uscc ?? '');
  if (problems.length) {
    throw new AppError(
      'VALIDATION_FAILED',
      {},
      problems.map((p) => ({
        field: p.index === undefined ? 'body.consortium.members' : `body.consortium.members.${p.index}`,
        reason: p.message,
        ruleId: `CONSORTIUM_${p.code}`,
      })),
    );
  }
  const codes = input.map((m) => normaliseUscc(m.uscc));
  const found = await db.select().from(organisations).where(inArray(organisations.uscc, codes));
  const members: ResolvedMember[] = [];
  for (const [index, m] of input.entries()) {
    const uscc = codes[index] ?? '';
    const org = found.find((o) => o.uscc === uscc);
    if (!org || org.kind !== 'supplier') throw new AppError('CONSORTIUM_MEMBER_UNKNOWN', { uscc });
    const ineligible = (reasonZh: string, reasonEn: string) =>
      new AppError('CONSORTIUM_MEMBER_INELIGIBLE', { name: org.name, uscc, reasonZh, reasonEn });
    if (org.status !== 'active')
      throw ineligible('注册未审核通过或已停用', 'its registration is not approved or is suspended');
    if (await barRefusal(db, org.id, now)) {
      throw ineligible('在禁止参加政府采购活动期间', 'it is barred from government procurement');
    }
    if (org.id !== lead.id && !(await hasUsableCertificates(db, org.id, now))) {
      throw ineligible('没有可用的数字证书，无法签署', 'it has no usable certificate to sign with');
    }
    members.push({
      organisationId: org.id,
      uscc,
      name: org.name,
      scale: org.scale,
      role: m.role,
      shareBasisPoints: m.shareBasisPoints,
    });
  }
  return {
    members,
    composition: {
      members: members.map((m) => ({
        organisationId: m.organisationId,
        uscc: m.uscc,
        role: m.role,
        shareBasisPoints: m.shareBasisPoints,
      })),
    },
  };
}
