import { ORGANISATION_KINDS, ROLES } from '@zhengcai/domain';
import { z } from 'zod';

/**
 * The event vocabulary: every state change of the platform is one of these events, written in the same
 * transaction as the change (ENGINEERING.md §2). One payload schema and one comment per event. Payloads never carry
 * secrets (passwords, tokens, keys, sealed prices): the log is evidence that others may read.
 *
 * Adding an event: add it here with `version: 1`. Changing a payload's meaning: add a new version, never edit one
 * that has been written, because the ledger hashes what was written.
 */
type Text = { zh: string; en: string };

interface EventDefinition<S extends z.ZodType> {
  version: number;
  payload: S;
  /** One line for activity feeds, in both languages. */
  summary: (payload: z.infer<S>) => Text;
}

function define<S extends z.ZodType>(def: EventDefinition<S>): EventDefinition<S> {
  return def;
}

const orgRef = { organisationId: z.string().uuid(), name: z.string() };
const ROLE = z.enum(ROLES);
const KIND = z.enum(ORGANISATION_KINDS);
const bidRef = {
  submissionId: z.string().uuid(),
  projectId: z.string().uuid(),
  lotId: z.string().uuid(),
  organisationId: z.string().uuid(),
};

export const EVENTS = {
  /** A supplier registered itself; it waits for the centre's approval (C1). */
  'organisation.registered': define({
    version: 1,
    payload: z.object({ ...orgRef, kind: KIND, uscc: z.string(), scale: z.string().nullable() }),
    summary: (p) => ({ zh: `供应商“${p.name}”提交注册`, en: `Supplier "${p.name}" registered` }),
  }),
  /** An administrator created an organisation directly (non-supplier roles, or a supplier on paper). */
  'organisation.created': define({
    version: 1,
    payload: z.object({ ...orgRef, kind: KIND, uscc: z.string().nullable() }),
    summary: (p) => ({ zh: `创建机构“${p.name}”`, en: `Organisation "${p.name}" created` }),
  }),
  /** Centre staff approved a registration; its users may now log in. */
  'organisation.approved': define({
    version: 1,
    payload: z.object(orgRef),
    summary: (p) => ({ zh: `“${p.name}”注册审核通过`, en: `Registration of "${p.name}" approved` }),
  }),
  /** Centre staff rejected a registration, with the reason given to the applicant. */
  'organisation.rejected': define({
    version: 1,
    payload: z.object({ ...orgRef, reason: z.string() }),
    summary: (p) => ({
      zh: `“${p.name}”注册被退回：${p.reason}`,
      en: `Registration of "${p.name}" rejected: ${p.reason}`,
    }),
  }),
  /** A user account was created (by sign-up or by an administrator). */
  'user.created': define({
    version: 1,
    payload: z.object({
      userId: z.string().uuid(),
      login: z.string(),
      role: ROLE,
      organisationId: z.string().uuid().nullable(),
    }),
    summary: (p) => ({ zh: `创建账号 ${p.login}`, en: `Account ${p.login} created` }),
  }),
  /** A user logged in (by password) and a session started. */
  'user.logged_in': define({
    version: 1,
    payload: z.object({ userId: z.string().uuid(), method: z.enum(['password', 'certificate']) }),
    summary: () => ({ zh: '登录', en: 'Logged in' }),
  }),
  /** A user logged out; the session is revoked. */
  'user.logged_out': define({
    version: 1,
    payload: z.object({ userId: z.string().uuid() }),
    summary: () => ({ zh: '退出登录', en: 'Logged out' }),
  }),
  /** A login failed for a known account (the counter that leads to a lock-out went up). */
  'user.login_failed': define({
    version: 1,
    payload: z.object({ userId: z.string().uuid(), failures: z.number().int() }),
    summary: (p) => ({ zh: `登录失败（连续 ${p.failures} 次）`, en: `Failed login (${p.failures} in a row)` }),
  }),
  /** Too many failed logins: the account is locked until the given time. */
  'user.locked': define({
    version: 1,
    payload: z.object({ userId: z.string().uuid(), until: z.string() }),
    summary: (p) => ({ zh: `账号锁定至 ${p.until}`, en: `Account locked until ${p.until}` }),
  }),
  /** An administrator lifted a lock-out. */
  'user.unlocked': define({
    version: 1,
    payload: z.object({ userId: z.string().uuid() }),
    summary: () => ({ zh: '账号已解锁', en: 'Account unlocked' }),
  }),
  /** A user changed their password; their other sessions end. */
  'user.password_changed': define({
    version: 1,
    payload: z.object({ userId: z.string().uuid() }),
    summary: () => ({ zh: '修改了密码', en: 'Password changed' }),
  }),
  /** An API token was issued for a machine client (the token itself is never recorded). */
  'api_token.created': define({
    version: 1,
    payload: z.object({ tokenId: z.string().uuid(), userId: z.string().uuid(), name: z.string() }),
    summary: (p) => ({ zh: `签发 API 令牌“${p.name}”`, en: `API token "${p.name}" issued` }),
  }),
  /** An API token was revoked. */
  'api_token.revoked': define({
    version: 1,
    payload: z.object({ tokenId: z.string().uuid(), userId: z.string().uuid() }),
    summary: () => ({ zh: '吊销 API 令牌', en: 'API token revoked' }),
  }),
  /** An expert created or changed their profile (specialties, region, employer, title). */
  'expert.profile_updated': define({
    version: 1,
    payload: z.object({
      userId: z.string().uuid(),
      title: z.string(),
      employerName: z.string(),
      employerUscc: z.string().nullable(),
      region: z.string(),
      specialties: z.array(z.string()),
    }),
    summary: () => ({ zh: '专家更新了个人资料', en: 'Expert profile updated' }),
  }),
  /** An expert declared a conflict of interest with an organisation (used by the avoidance rules of the draw). */
  'expert.conflict_declared': define({
    version: 1,
    payload: z.object({
      conflictId: z.string().uuid(),
      userId: z.string().uuid(),
      organisationName: z.string(),
      organisationUscc: z.string().nullable(),
      reason: z.string(),
    }),
    summary: (p) => ({
      zh: `专家申报回避：${p.organisationName}`,
      en: `Expert declared a conflict with ${p.organisationName}`,
    }),
  }),
  /** An expert withdrew a declared conflict. */
  'expert.conflict_withdrawn': define({
    version: 1,
    payload: z.object({ conflictId: z.string().uuid(), userId: z.string().uuid() }),
    summary: () => ({ zh: '专家撤回回避申报', en: 'Expert withdrew a conflict' }),
  }),
  /** The demo city was seeded (README command 1); marks the seed as done so it runs once. */
  'platform.demo_seeded': define({
    version: 1,
    payload: z.object({ organisations: z.number().int(), users: z.number().int() }),
    summary: (p) => ({
      zh: `演示数据已生成：${p.organisations} 个机构，${p.users} 个账号`,
      en: `Demo city seeded: ${p.organisations} organisations, ${p.users} accounts`,
    }),
  }),
  /** A timed job failed for the last time and needs a person (recorded for supervision). */
  'job.failed': define({
    version: 1,
    payload: z.object({ jobId: z.string().uuid(), kind: z.string(), attempts: z.number().int(), error: z.string() }),
    summary: (p) => ({ zh: `定时任务 ${p.kind} 失败`, en: `Job ${p.kind} failed` }),
  }),
  /** A supplier started a sealed-bid submission for a lot: the server issued its nonce and upload (C9). */
  'bid.upload_started': define({
    version: 1,
    payload: z.object({ ...bidRef }),
    summary: () => ({ zh: '开始上传加密投标文件', en: 'Sealed bid upload started' }),
  }),
  /**
   * A sealed bid was verified and recorded as submitted. Hashes and ids only: never a price, never a key. Seen by
   * the bidder's organisation and oversight, not the public or the purchaser (who bid is confidential until opening).
   */
  'bid.submitted': define({
    version: 1,
    payload: z.object({
      ...bidRef,
      ciphertextHashAlgorithm: z.string(),
      ciphertextHash: z.string(),
      ciphertextLength: z.number().int(),
      replacesSubmissionId: z.string().uuid().nullable(),
    }),
    summary: (p) => ({
      zh: `加密投标文件已递交（摘要 ${p.ciphertextHash.slice(0, 16)}…）`,
      en: `Sealed bid submitted (hash ${p.ciphertextHash.slice(0, 16)}…)`,
    }),
  }),
  /** A submitted bid was superseded by a newer submission of the same bidder for the same lot (修改). */
  'bid.replaced': define({
    version: 1,
    payload: z.object({ ...bidRef, replacedBySubmissionId: z.string().uuid() }),
    summary: () => ({ zh: '投标文件已被新的递交替换', en: 'Sealed bid replaced by a newer submission' }),
  }),
  /** The bidder withdrew its bid before the deadline (撤回). */
  'bid.withdrawn': define({
    version: 1,
    payload: z.object(bidRef),
    summary: () => ({ zh: '投标文件已撤回', en: 'Sealed bid withdrawn' }),
  }),
  /** An unfinished upload passed its expiry: its bytes were removed and it can never be completed. */
  'bid.upload_expired': define({
    version: 1,
    payload: z.object(bidRef),
    summary: () => ({ zh: '未完成的投标上传已过期清除', en: 'Unfinished bid upload expired and removed' }),
  }),
};

export type EventType = keyof typeof EVENTS;
export type EventPayload<T extends EventType> = z.infer<(typeof EVENTS)[T]['payload']>;
export const EVENT_TYPES = Object.keys(EVENTS) as EventType[];

export function isEventType(value: string): value is EventType {
  return Object.hasOwn(EVENTS, value);
}

export function summarise(type: string, payload: unknown): Text {
  if (!isEventType(type)) return { zh: type, en: type };
  const def = EVENTS[type] as EventDefinition<z.ZodType>;
  const parsed = def.payload.safeParse(payload);
  return parsed.success ? def.summary(parsed.data) : { zh: type, en: type };
}
