import { invalidBidReasonText, ORGANISATION_KINDS, ROLES } from '@zhengcai/domain';
import { z } from 'zod';
import { define, type EventDefinition, type Text } from './define';
import { AWARD_EVENTS } from './award-events';
import { EVALUATION_RESULT_EVENTS } from './evaluation-result-events';
import { EVALUATION_REVIEW_EVENTS } from './evaluation-review-events';
import { EXPERT_DRAW_EVENTS } from './expert-draw-events';

/**
 * The event vocabulary: every state change of the platform is one of these events, written in the same
 * transaction as the change (ENGINEERING.md §2). One payload schema and one comment per event. Payloads never carry
 * secrets (passwords, tokens, keys, sealed prices): the log is evidence that others may read.
 *
 * Adding an event: add it here (or in a context's own file spread in below) with `version: 1`. Changing a payload's meaning: add a new version, never edit one
 * that has been written, because the ledger hashes what was written.
 */

const orgRef = { organisationId: z.string().uuid(), name: z.string() };
const ROLE = z.enum(ROLES);
const KIND = z.enum(ORGANISATION_KINDS);
const bidRef = {
  submissionId: z.string().uuid(),
  projectId: z.string().uuid(),
  lotId: z.string().uuid(),
  organisationId: z.string().uuid(),
};

const lotRef = { projectId: z.string().uuid(), lotId: z.string().uuid() };
const VIA = z.enum(['bidder', 'recovery']);

const HALL_ROLE_ZH = { host: '主持人', bidder: '投标人', supervisor: '监督人' } as const;

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
  /**
   * Centre staff approved a registration; its users may now log in. Version 2 adds `usccOverride`: the credit code
   * failed its check character, the supplier declared it an early pilot code, and the reviewer accepted it for the
   * reason given (version 1 events have no such field).
   */
  'organisation.approved': define({
    version: 2,
    payload: z.object({
      ...orgRef,
      usccOverride: z.object({ uscc: z.string(), expected: z.string(), reason: z.string() }).optional(),
    }),
    summary: (p) =>
      p.usccOverride
        ? {
            zh: `“${p.name}”注册审核通过（信用代码校验未通过，按早期试点代码认可：${p.usccOverride.reason}）`,
            en: `Registration of "${p.name}" approved (credit code accepted as an early pilot code: ${p.usccOverride.reason})`,
          }
        : { zh: `“${p.name}”注册审核通过`, en: `Registration of "${p.name}" approved` },
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
  /** A user logged in (by password or by certificate) and a session started. */
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
  /** The platform CA issued a user's signing and encryption certificates (one bundle, keys made in their browser). */
  'certificate.issued': define({
    version: 1,
    payload: z.object({
      bundleId: z.string().uuid(),
      userId: z.string().uuid(),
      suite: z.enum(['gm', 'intl']),
      signingSerial: z.string(),
      encryptionSerial: z.string(),
      notAfter: z.string(),
    }),
    summary: () => ({ zh: '签发数字证书', en: 'Certificates issued' }),
  }),
  /** A certificate bundle was revoked (by its holder, centre staff or the administrator); it is refused everywhere. */
  'certificate.revoked': define({
    version: 1,
    payload: z.object({
      bundleId: z.string().uuid(),
      userId: z.string().uuid(),
      serials: z.array(z.string()),
      reason: z.string(),
      note: z.string().nullable(),
      byHolder: z.boolean(),
    }),
    summary: (p) => ({ zh: `吊销数字证书（${p.reason}）`, en: `Certificates revoked (${p.reason})` }),
  }),
  /**
   * A supplier organisation obtained a project's procurement documents (C8), free. Seen by that organisation and
   * oversight only: who obtained is confidential from other suppliers (87号令 第二十六条).
   */
  'documents.obtained': define({
    version: 1,
    payload: z.object({
      projectId: z.string().uuid(),
      projectCode: z.string(),
      organisationId: z.string().uuid(),
      userId: z.string().uuid(),
    }),
    summary: (p) => ({
      zh: `获取采购文件（${p.projectCode}）`,
      en: `Procurement documents obtained (${p.projectCode})`,
    }),
  }),
  /** A supplier asked a question about the documents; the asker is known to oversight (and the project's staff). */
  'question.asked': define({
    version: 1,
    payload: z.object({
      questionId: z.string().uuid(),
      projectId: z.string().uuid(),
      organisationId: z.string().uuid(),
    }),
    summary: () => ({ zh: '供应商就采购文件提问', en: 'A supplier asked a question about the documents' }),
  }),
  /**
   * The purchaser or agency published a clarification or amendment (澄清或者修改) to every supplier that obtained the
   * documents, without naming who asked. `deadlineAfter` differs from `deadlineBefore` when it moved the deadline.
   */
  'clarification.published': define({
    version: 1,
    payload: z.object({
      clarificationId: z.string().uuid(),
      projectId: z.string().uuid(),
      projectCode: z.string(),
      affectsPreparation: z.boolean(),
      attachmentSha256: z.string().nullable(),
      deadlineBefore: z.string(),
      deadlineAfter: z.string(),
      recipients: z.number().int(),
    }),
    summary: (p) => ({ zh: `发布澄清（${p.projectCode}）`, en: `Clarification published (${p.projectCode})` }),
  }),
  /**
   * The bid deadline (= opening time) moved: by the clarification rule (87号令 第二十七条, `ruleId` named) or
   * explicitly by the agency with a clarification.
   */
  'project.deadline_moved': define({
    version: 1,
    payload: z.object({
      projectId: z.string().uuid(),
      projectCode: z.string(),
      clarificationId: z.string().uuid(),
      previous: z.string(),
      deadline: z.string(),
      cause: z.enum(['rule', 'explicit']),
      ruleId: z.string().nullable(),
    }),
    summary: (p) => ({
      zh: `投标截止时间由 ${p.previous} 顺延至 ${p.deadline}（${p.projectCode}）`,
      en: `Bid deadline moved from ${p.previous} to ${p.deadline} (${p.projectCode})`,
    }),
  }),
  /** The supervisor barred a supplier from government procurement for a period (a published decision). */
  'supplier.barred': define({
    version: 1,
    payload: z.object({
      barId: z.string().uuid(),
      ...orgRef,
      uscc: z.string().nullable(),
      reason: z.string(),
      decisionReference: z.string(),
      from: z.string(),
      until: z.string().nullable(),
    }),
    summary: (p) => ({
      zh: `“${p.name}”被禁止参加政府采购活动（${p.decisionReference}）`,
      en: `"${p.name}" barred from government procurement (${p.decisionReference})`,
    }),
  }),
  /** The supervisor lifted a bar before its end (e.g. the decision was revoked on review). */
  'supplier.bar_lifted': define({
    version: 1,
    payload: z.object({ barId: z.string().uuid(), ...orgRef, reason: z.string() }),
    summary: (p) => ({ zh: `撤销对“${p.name}”的禁入记录`, en: `Bar on "${p.name}" lifted` }),
  }),
  /** A purchaser or its agency registered a project as a draft (C5); seen by both organisations and oversight. */
  'project.created': define({
    version: 1,
    payload: z.object({
      projectId: z.string().uuid(),
      code: z.string(),
      title: z.string(),
      method: z.string(),
      category: z.string(),
      purchaserOrganisationId: z.string().uuid(),
      agencyOrganisationId: z.string().uuid().nullable(),
      lots: z.number().int(),
    }),
    summary: (p) => ({
      zh: `登记采购项目“${p.title}”（${p.code}）`,
      en: `Project "${p.title}" (${p.code}) registered`,
    }),
  }),
  /** A draft project's data, lots or timeline were changed. */
  'project.updated': define({
    version: 1,
    payload: z.object({ projectId: z.string().uuid(), code: z.string(), title: z.string(), lots: z.number().int() }),
    summary: (p) => ({ zh: `修改采购项目“${p.title}”（${p.code}）`, en: `Project "${p.title}" (${p.code}) updated` }),
  }),
  /** A draft's emergency recovery was set (ADR 0015): k and the key holders in share order; null k and no holders: none. */
  'project.key_escrow_set': define({
    version: 1,
    payload: z.object({
      projectId: z.string().uuid(),
      code: z.string(),
      title: z.string(),
      threshold: z.number().int().nullable(),
      holders: z.array(z.object({ userId: z.string().uuid(), name: z.string(), roleLabel: z.string() })),
    }),
    summary: (p) =>
      p.threshold === null
        ? { zh: `项目“${p.title}”（${p.code}）不托管投标密钥`, en: `Project "${p.title}" (${p.code}): no key escrow` }
        : {
            zh: `项目“${p.title}”（${p.code}）设定应急密钥恢复：${p.holders.length} 名保管人中任 ${p.threshold} 名`,
            en: `Project "${p.title}" (${p.code}): emergency key recovery by any ${p.threshold} of ${p.holders.length} key holders`,
          },
  }),
  /** A draft project was deleted before publication (its code is not reused). */
  'project.deleted': define({
    version: 1,
    payload: z.object({ projectId: z.string().uuid(), code: z.string(), title: z.string() }),
    summary: (p) => ({
      zh: `删除项目草稿“${p.title}”（${p.code}）`,
      en: `Draft project "${p.title}" (${p.code}) deleted`,
    }),
  }),
  /** A procurement document (采购文件) was attached to a draft; the hash lets anyone check a copy later. */
  'project.document_added': define({
    version: 1,
    payload: z.object({
      projectId: z.string().uuid(),
      documentId: z.string().uuid(),
      fileName: z.string(),
      sizeBytes: z.number().int(),
      sha256: z.string(),
    }),
    summary: (p) => ({ zh: `上传采购文件“${p.fileName}”`, en: `Procurement document "${p.fileName}" uploaded` }),
  }),
  /** A procurement document was removed from a draft. */
  'project.document_removed': define({
    version: 1,
    payload: z.object({ projectId: z.string().uuid(), documentId: z.string().uuid(), fileName: z.string() }),
    summary: (p) => ({ zh: `移除采购文件“${p.fileName}”`, en: `Procurement document "${p.fileName}" removed` }),
  }),
  /**
   * The project was published with its documents: the timeline and set-up were checked at the server clock against
   * the rules in force (B4), listed in `rulesApplied`. Public.
   */
  'project.published': define({
    version: 1,
    payload: z.object({
      projectId: z.string().uuid(),
      code: z.string(),
      title: z.string(),
      noticeId: z.string().uuid(),
      publishedAt: z.string(),
      documentsAvailableFrom: z.string(),
      documentsAvailableUntil: z.string(),
      bidDeadline: z.string(),
      rulesApplied: z.array(z.string()),
      documents: z.array(z.object({ documentId: z.string().uuid(), fileName: z.string(), sha256: z.string() })),
    }),
    summary: (p) => ({ zh: `发布采购项目“${p.title}”（${p.code}）`, en: `Project "${p.title}" (${p.code}) published` }),
  }),
  /** A notice (tender, clarification, result…) was published on the portal; the hash of its text is on the record. */
  'notice.published': define({
    version: 1,
    payload: z.object({
      noticeId: z.string().uuid(),
      projectId: z.string().uuid(),
      kind: z.string(),
      title: z.string(),
      bodySha256: z.string(),
    }),
    summary: (p) => ({ zh: `发布公告：${p.title}`, en: `Notice published: ${p.title}` }),
  }),
  /**
   * A supplier set its profile (at sign-up or later): industry and the figures of 工信部联企业〔2011〕300号, and the
   * scale derived from them. `afterApproval` marks a change made while the registration was already approved.
   */
  'supplier.profile_set': define({
    version: 1,
    payload: z.object({
      organisationId: z.string().uuid(),
      industry: z.string(),
      employees: z.number().int().nullable(),
      revenueFen: z.number().int().nullable(),
      assetsFen: z.number().int().nullable(),
      derivedScale: z.string(),
      afterApproval: z.boolean(),
    }),
    summary: (p) => ({
      zh: p.afterApproval ? '供应商在审核通过后修改了企业信息' : '供应商填写了企业信息',
      en: p.afterApproval ? 'Supplier changed its profile after approval' : 'Supplier profile set',
    }),
  }),
  /** A supplier confirmed its SME declaration (中小企业声明函, 财库〔2020〕46号); the text is as confirmed. */
  'supplier.sme_declared': define({
    version: 1,
    payload: z.object({
      organisationId: z.string().uuid(),
      declarationId: z.string().uuid(),
      declaredScale: z.string(),
      text: z.string(),
    }),
    summary: () => ({ zh: '供应商确认了中小企业声明函', en: 'Supplier confirmed its SME declaration' }),
  }),
  /** A supplier added a qualification document (资质证书) with its scanned copy (content hash). */
  'supplier.qualification_added': define({
    version: 1,
    payload: z.object({
      organisationId: z.string().uuid(),
      qualificationId: z.string().uuid(),
      kind: z.string(),
      title: z.string(),
      number: z.string(),
      issuer: z.string(),
      validFrom: z.string().nullable(),
      validUntil: z.string().nullable(),
      fileHash: z.string(),
      fileSize: z.number().int(),
    }),
    summary: (p) => ({ zh: `供应商添加资质：${p.title}`, en: `Supplier added a qualification: ${p.title}` }),
  }),
  /** A supplier withdrew a qualification; the record and its file stay as evidence. */
  'supplier.qualification_withdrawn': define({
    version: 1,
    payload: z.object({ organisationId: z.string().uuid(), qualificationId: z.string().uuid(), title: z.string() }),
    summary: (p) => ({ zh: `供应商撤回资质：${p.title}`, en: `Supplier withdrew a qualification: ${p.title}` }),
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
  /**
   * A consortium bid (联合体投标) was sealed and verified for its lead; it now waits for every other member to co-sign
   * the same statement. Seen by the member organisations and oversight. Ids and hashes only.
   */
  'bid.consortium_awaiting': define({
    version: 1,
    payload: z.object({
      ...bidRef,
      ciphertextHash: z.string(),
      memberOrganisationIds: z.array(z.string().uuid()),
    }),
    summary: (p) => ({
      zh: `联合体投标文件已由牵头人密封，等待 ${p.memberOrganisationIds.length - 1} 个成员签署`,
      en: `Consortium bid sealed by its lead; waiting for ${p.memberOrganisationIds.length - 1} member(s) to sign`,
    }),
  }),
  /** A consortium member co-signed the lead's statement with its own certificate. */
  'bid.consortium_signed': define({
    version: 1,
    payload: z.object({ ...bidRef, memberOrganisationId: z.string().uuid() }),
    summary: () => ({ zh: '联合体成员已签署投标声明', en: 'A consortium member signed the bid statement' }),
  }),
  /** A consortium member refused to sign: the bid is cancelled and never counted. */
  'bid.consortium_declined': define({
    version: 1,
    payload: z.object({ ...bidRef, memberOrganisationId: z.string().uuid() }),
    summary: () => ({ zh: '联合体成员拒绝签署，投标已取消', en: 'A consortium member declined; the bid is cancelled' }),
  }),
  /** The lead withdrew a consortium bid still waiting for its members (it was never counted). */
  'bid.cancelled': define({
    version: 1,
    payload: z.object(bidRef),
    summary: () => ({
      zh: '等待成员签署的联合体投标已由牵头人撤回',
      en: 'The lead withdrew a consortium bid awaiting its members',
    }),
  }),
  /** The bid deadline passed before every member of a consortium had signed: the bid is not counted. */
  'bid.consortium_expired': define({
    version: 1,
    payload: z.object(bidRef),
    summary: () => ({
      zh: '投标截止时联合体成员未全部签署，该投标不予接收',
      en: 'The deadline passed before every consortium member signed; the bid is not accepted',
    }),
  }),
  /**
   * The opening hall of a lot opened at the bid deadline (ADR 0016): the `submitted` bids were snapshot into it.
   * Public, as at a physical opening: from now on everyone sees who bid (not what).
   */
  'opening.hall_opened': define({
    version: 1,
    payload: z.object({
      ...lotRef,
      bidDeadline: z.string(),
      bids: z.array(z.object({ submissionId: z.string().uuid(), organisationId: z.string().uuid(), name: z.string() })),
    }),
    summary: (p) => ({
      zh: `开标大厅已开启（${p.bids.length} 家投标）`,
      en: `Opening hall opened (${p.bids.length} bids)`,
    }),
  }),
  /** Someone signed in to the hall (签到): a bidder or a supervisor with a signature over the sign-in statement. */
  'opening.signed_in': define({
    version: 1,
    payload: z.object({
      ...lotRef,
      userId: z.string().uuid(),
      organisationId: z.string().uuid().nullable(),
      role: z.enum(['host', 'bidder', 'supervisor']),
      certificateId: z.string().uuid().nullable(),
    }),
    summary: (p) => ({ zh: `签到（${HALL_ROLE_ZH[p.role]}）`, en: `Signed in (${p.role})` }),
  }),
  /** The host started decryption: bidders may release their keys until `decryptionEndsAt`. */
  'opening.decryption_started': define({
    version: 1,
    payload: z.object({ ...lotRef, decryptionStartedAt: z.string(), decryptionEndsAt: z.string() }),
    summary: (p) => ({
      zh: `开始解密，截止 ${p.decryptionEndsAt}`,
      en: `Decryption started; it ends at ${p.decryptionEndsAt}`,
    }),
  }),
  /**
   * Emergency recovery (ADR 0015): a key holder named by the project released its escrow share of a sealed bid, on
   * the record, with its reason. Never the share itself.
   */
  'opening.recovery_share_released': define({
    version: 1,
    payload: z.object({
      ...lotRef,
      submissionId: z.string().uuid(),
      organisationId: z.string().uuid(),
      holderUserId: z.string().uuid(),
      holderName: z.string(),
      roleLabel: z.string(),
      reason: z.string(),
      released: z.number().int(),
      threshold: z.number().int(),
    }),
    summary: (p) => ({
      zh: `密钥保管人“${p.holderName}”释放应急恢复份额（${p.released}/${p.threshold}）：${p.reason}`,
      en: `Key holder "${p.holderName}" released a recovery share (${p.released} of ${p.threshold}): ${p.reason}`,
    }),
  }),
  /** k holders' shares recombined to the committed key and the bid was opened with it; the shares were deleted. */
  'opening.bid_recovered': define({
    version: 1,
    payload: z.object({
      ...lotRef,
      submissionId: z.string().uuid(),
      organisationId: z.string().uuid(),
      holderUserIds: z.array(z.string().uuid()),
      threshold: z.number().int(),
    }),
    summary: (p) => ({
      zh: `${p.holderUserIds.length} 名密钥保管人共同恢复内容密钥，投标经应急恢复解密`,
      en: `${p.holderUserIds.length} key holders recovered the content key together; the bid was opened by emergency recovery`,
    }),
  }),
  /** k shares were in but the bid could not be opened with them (bad escrow, window closed…); the shares were deleted. */
  'opening.recovery_failed': define({
    version: 1,
    payload: z.object({
      ...lotRef,
      submissionId: z.string().uuid(),
      organisationId: z.string().uuid(),
      reason: z.string(),
      threshold: z.number().int(),
    }),
    summary: (p) => ({ zh: `应急密钥恢复失败（${p.reason}）`, en: `Emergency key recovery failed (${p.reason})` }),
  }),
  /** A bid's content key was released (by its bidder, or recombined by key holders). Never the key itself. */
  'opening.key_released': define({
    version: 1,
    payload: z.object({ ...lotRef, submissionId: z.string().uuid(), organisationId: z.string().uuid(), via: VIA }),
    summary: () => ({ zh: '投标人已提交解密密钥', en: 'A bidder released its content key' }),
  }),
  /**
   * A bid was decrypted and verified: the read-out (唱标). Public: bidder, price in figures and in 大写 (as declared
   * and as computed from the figures), delivery period and the documents' declared fields.
   */
  'opening.bid_decrypted': define({
    version: 1,
    payload: z.object({
      ...lotRef,
      submissionId: z.string().uuid(),
      organisationId: z.string().uuid(),
      bidderName: z.string(),
      readOutSeq: z.number().int(),
      via: VIA,
      priceFen: z.number().int(),
      priceFigures: z.string(),
      priceInWords: z.string(),
      priceCapital: z.string(),
      deliveryPeriod: z.string(),
      fields: z.record(z.string(), z.string()),
    }),
    summary: (p) => ({
      zh: `唱标：${p.bidderName}，投标报价 ¥${p.priceFigures}（${p.priceCapital}），${p.deliveryPeriod}`,
      en: `Read-out: ${p.bidderName}, price CNY ${p.priceFigures}, ${p.deliveryPeriod}`,
    }),
  }),
  /** A bid became invalid in the hall, with the reason (not decrypted in the window, integrity failure…). */
  'opening.bid_invalid': define({
    version: 1,
    payload: z.object({
      ...lotRef,
      submissionId: z.string().uuid(),
      organisationId: z.string().uuid(),
      bidderName: z.string(),
      reason: z.string(),
    }),
    summary: (p) => ({
      zh: `${p.bidderName} 的投标无效（${invalidBidReasonText(p.reason).zh}）`,
      en: `${p.bidderName}'s bid is invalid (${invalidBidReasonText(p.reason).en})`,
    }),
  }),
  /** Decryption ended (window over, or the host closed it with no bid sealed): counts and the lot's outcome. */
  'opening.decryption_closed': define({
    version: 1,
    payload: z.object({
      ...lotRef,
      by: z.enum(['job', 'host']),
      decrypted: z.number().int(),
      invalid: z.number().int(),
      outcome: z.enum(['valid', 'failed']),
      failureReason: z.string().nullable(),
    }),
    summary: (p) => ({
      zh: `解密结束：有效 ${p.decrypted} 家，无效 ${p.invalid} 家${p.outcome === 'failed' ? '，流标' : ''}`,
      en: `Decryption closed: ${p.decrypted} valid, ${p.invalid} invalid${p.outcome === 'failed' ? '; the lot fails' : ''}`,
    }),
  }),
  /** The lot failed at the opening (流标): fewer than three valid bids. A failure notice draft went to the agency. */
  'opening.lot_failed': define({
    version: 1,
    payload: z.object({ ...lotRef, reason: z.string(), validBids: z.number().int() }),
    summary: (p) => ({
      zh: `本包流标（有效投标 ${p.validBids} 家）`,
      en: `The lot failed (${p.validBids} valid bids)`,
    }),
  }),
  /** A bidder confirmed the read-out of its bid (确认唱标结果). */
  'opening.bid_confirmed': define({
    version: 1,
    payload: z.object({ ...lotRef, submissionId: z.string().uuid(), organisationId: z.string().uuid() }),
    summary: () => ({ zh: '投标人确认开标结果', en: 'A bidder confirmed the read-out' }),
  }),
  /** A bidder objected to the opening (异议), on the record. */
  'opening.objection_raised': define({
    version: 1,
    payload: z.object({
      ...lotRef,
      submissionId: z.string().uuid(),
      organisationId: z.string().uuid(),
      text: z.string(),
    }),
    summary: () => ({ zh: '投标人对开标提出异议', en: 'A bidder raised an objection' }),
  }),
  /** The host answered an objection on the record. */
  'opening.objection_answered': define({
    version: 1,
    payload: z.object({ ...lotRef, submissionId: z.string().uuid(), text: z.string() }),
    summary: () => ({ zh: '主持人已答复异议', en: 'The host answered an objection' }),
  }),
  /** The host or a supervisor signed the opening record's hash (开标记录签署). */
  'opening.record_signed': define({
    version: 1,
    payload: z.object({
      ...lotRef,
      userId: z.string().uuid(),
      role: z.enum(['host', 'supervisor']),
      recordHash: z.string(),
      certificateId: z.string().uuid(),
    }),
    summary: (p) => ({ zh: `开标记录已签署（${HALL_ROLE_ZH[p.role]}）`, en: `Opening record signed (${p.role})` }),
  }),
  /** The signed opening record was published with its PDF. */
  'opening.record_published': define({
    version: 1,
    payload: z.object({
      ...lotRef,
      recordHash: z.string(),
      pdfSha256: z.string(),
      outcome: z.enum(['valid', 'failed']),
    }),
    summary: () => ({ zh: '开标记录已公布', en: 'Opening record published' }),
  }),
  /**
   * The host began recording a lot's opening (开标过程录像, issue 4 point 8). Subject `opening:<lotId>`; oversight
   * audience (supervisors, centre and administrators play recordings back).
   */
  'opening.recording_started': define({
    version: 1,
    payload: z.object({
      recordingId: z.string().uuid(),
      projectId: z.string().uuid(),
      lotId: z.string().uuid(),
      mimeType: z.string(),
    }),
    summary: () => ({ zh: '开标过程开始录像', en: 'Recording of the opening started' }),
  }),
  /**
   * One chunk of an opening's recording reached the blob store: its SHA-256 (= blob key), size and sequence number,
   * so any copy of the recording can be checked chunk by chunk against the ledger.
   */
  'opening.recording_chunk': define({
    version: 1,
    payload: z.object({
      recordingId: z.string().uuid(),
      lotId: z.string().uuid(),
      seq: z.number().int().nonnegative(),
      sha256: z.string(),
      size: z.number().int().nonnegative(),
    }),
    summary: (p) => ({
      zh: `开标录像第 ${p.seq + 1} 段已保存（摘要 ${p.sha256.slice(0, 16)}…）`,
      en: `Opening recording chunk ${p.seq + 1} stored (hash ${p.sha256.slice(0, 16)}…)`,
    }),
  }),
  /** The host stopped recording; the recording is the chunks 0…chunkCount−1. */
  'opening.recording_stopped': define({
    version: 1,
    payload: z.object({
      recordingId: z.string().uuid(),
      lotId: z.string().uuid(),
      chunkCount: z.number().int().nonnegative(),
      totalBytes: z.number().int().nonnegative(),
    }),
    summary: (p) => ({
      zh: `开标录像结束，共 ${p.chunkCount} 段`,
      en: `Recording of the opening stopped (${p.chunkCount} chunks)`,
    }),
  }),
  /**
   * A transaction certificate (交易证明书, C13/B8, ADR 0020) was issued for a lot's award: its number, the winner and
   * amount, the hash of the signed facts and the SHA-256 of the PDF, so anyone holding a copy can match it against
   * the ledger. Subject `project:<projectId>`; public.
   */
  'award.certificate_issued': define({
    version: 1,
    payload: z.object({
      certificateId: z.string().uuid(),
      number: z.string(),
      ...lotRef,
      winner: z.object(orgRef),
      contractAmountFen: z.number().int().positive(),
      factsHashAlgorithm: z.enum(['SM3', 'SHA-256']),
      factsHash: z.string(),
      pdfSha256: z.string(),
    }),
    summary: (p) => ({
      zh: `交易证明书 ${p.number} 已签发（成交供应商：${p.winner.name}）`,
      en: `Transaction certificate ${p.number} issued (winner: ${p.winner.name})`,
    }),
  }),
  /** Centre staff revoked a transaction certificate, with the reason shown on its public verification page. */
  'award.certificate_revoked': define({
    version: 1,
    payload: z.object({
      certificateId: z.string().uuid(),
      number: z.string(),
      ...lotRef,
      reason: z.string(),
    }),
    summary: (p) => ({
      zh: `交易证明书 ${p.number} 已撤销：${p.reason}`,
      en: `Transaction certificate ${p.number} revoked: ${p.reason}`,
    }),
  }),
  ...EXPERT_DRAW_EVENTS,
  ...AWARD_EVENTS,
  ...EVALUATION_RESULT_EVENTS,
  ...EVALUATION_REVIEW_EVENTS,
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
