/**
 * Every error the API returns has one of these stable codes. Clients switch on the code; people read the message,
 * in their language. `{name}` placeholders are filled from the error's params.
 */
export const ERROR_CODES = {
  VALIDATION_FAILED: {
    status: 400,
    zh: '提交的内容有误，请检查标出的字段',
    en: 'Some fields are invalid; see the fields listed',
  },
  BAD_URL: { status: 400, zh: '请求地址格式错误', en: 'The request URL is malformed' },
  BAD_JSON: { status: 400, zh: '请求体不是有效的 JSON', en: 'The request body is not valid JSON' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, zh: '不支持的内容类型', en: 'Unsupported content type' },
  PAYLOAD_TOO_LARGE: {
    status: 413,
    zh: '请求体过大（上限 {limit} 字节）',
    en: 'The request body is too large (limit {limit} bytes)',
  },
  UNAUTHENTICATED: { status: 401, zh: '请先登录', en: 'Please log in' },
  SESSION_EXPIRED: { status: 401, zh: '登录已过期，请重新登录', en: 'Your session has expired; please log in again' },
  INVALID_CREDENTIALS: { status: 401, zh: '账号或密码错误', en: 'Wrong login or password' },
  INVALID_TOKEN: {
    status: 401,
    zh: 'API 令牌无效、已过期或已吊销',
    en: 'The API token is invalid, expired or revoked',
  },
  ACCOUNT_LOCKED: {
    status: 423,
    zh: '连续登录失败次数过多，账号已锁定至 {until}',
    en: 'Too many failed logins; the account is locked until {until}',
  },
  ACCOUNT_PENDING: {
    status: 403,
    zh: '注册尚待交易中心审核，审核通过后方可登录',
    en: 'Your registration awaits approval by the trading centre',
  },
  ACCOUNT_DISABLED: { status: 403, zh: '账号已停用', en: 'This account is disabled' },
  CSRF_FAILED: {
    status: 403,
    zh: '请求缺少有效的 CSRF 令牌，请刷新页面后重试',
    en: 'Missing or wrong CSRF token; reload the page and try again',
  },
  FORBIDDEN: { status: 403, zh: '您无权执行此操作', en: 'You are not allowed to do this' },
  NOT_FOUND: { status: 404, zh: '未找到', en: 'Not found' },
  ROUTE_NOT_FOUND: { status: 404, zh: '接口不存在：{method} {url}', en: 'No such endpoint: {method} {url}' },
  METHOD_NOT_ALLOWED: { status: 405, zh: '不支持该请求方法', en: 'Method not allowed' },
  RATE_LIMITED: {
    status: 429,
    zh: '请求过于频繁，请 {retryAfter} 秒后再试',
    en: 'Too many requests; try again in {retryAfter} seconds',
  },
  LOGIN_TAKEN: { status: 409, zh: '账号名“{login}”已被使用', en: 'The login "{login}" is already taken' },
  USCC_TAKEN: {
    status: 409,
    zh: '统一社会信用代码 {uscc} 已注册',
    en: 'The unified social credit code {uscc} is already registered',
  },
  INVALID_STATE: {
    status: 409,
    zh: '当前状态（{state}）不允许此操作',
    en: 'Not allowed in the current state ({state})',
  },
  WRONG_PASSWORD: { status: 400, zh: '当前密码不正确', en: 'The current password is wrong' },
  ROLE_ORGANISATION_MISMATCH: {
    status: 400,
    zh: '角色“{role}”的用户必须属于“{kind}”类机构',
    en: 'A user with role "{role}" must belong to an organisation of kind "{kind}"',
  },
  ORGANISATION_NOT_ACTIVE: {
    status: 403,
    zh: '贵单位的注册状态为“{state}”，审核通过（正常）后方可办理',
    en: 'Your organisation is "{state}"; it must be approved (active) first',
  },
  DOCUMENTS_OUTSIDE_WINDOW: {
    status: 409,
    zh: '采购文件获取期为 {from} 至 {until}（以平台服务器时间为准），现在不在获取期内',
    en: 'The documents can be obtained from {from} until {until} (platform server time); it is outside that window now',
  },
  DOCUMENTS_NOT_OBTAINED: {
    status: 403,
    zh: '须先获取本项目的采购文件，方可投标',
    en: "Obtain this project's procurement documents before bidding",
  },
  SUPPLIER_BARRED: {
    status: 403,
    zh: '贵单位被列入禁止参加政府采购活动名单（{reference}）：{reason}；期限 {from} 至 {untilZh}',
    en: 'Your organisation is barred from government procurement ({reference}): {reason}; from {from} until {untilEn}',
  },
  AFTER_BID_DEADLINE: {
    status: 409,
    zh: '投标截止时间 {deadline} 已过（以平台服务器时间为准），不能再{actZh}',
    en: 'The bid deadline {deadline} has passed (platform server time); you can no longer {actEn}',
  },
  DEADLINE_BREAKS_RULE: {
    status: 409,
    zh: '新的截止时间不符合规则：{detailZh}',
    en: 'The new deadline breaks a rule: {detailEn}',
  },
  ALREADY_BARRED: {
    status: 409,
    zh: '该供应商已在禁止参加政府采购活动名单中（{reference}），请先撤销原记录',
    en: 'This supplier is already barred ({reference}); lift that record first',
  },
  PUBLICATION_BLOCKED: {
    status: 409,
    zh: '项目不符合发布条件，违反规则：{rules}（详见各字段说明）',
    en: 'The project cannot be published; rules broken: {rules} (see the fields)',
  },
  SME_DECLARATION_MISMATCH: {
    status: 400,
    zh: '声明的企业规模（{declared}）与按所填数据划型的结果（{derived}）不一致，请核对行业、从业人员、营业收入和资产总额',
    en: 'The declared scale ({declared}) differs from the scale the figures give ({derived}); check the industry, employees, revenue and total assets',
  },
  USCC_OVERRIDE_REASON_REQUIRED: {
    status: 400,
    zh: '该单位的信用代码未通过校验（早期试点代码），审核通过须填写认可理由',
    en: 'This credit code failed its check (declared an early pilot code); approving it needs a reason',
  },
  FILE_TYPE_NOT_ALLOWED: {
    status: 415,
    zh: '不支持的文件类型 {type}，请上传 PDF、PNG 或 JPEG 扫描件',
    en: 'File type {type} is not accepted; upload a PDF, PNG or JPEG scan',
  },
  FILE_TOO_LARGE: {
    status: 413,
    zh: '文件过大（上限 {limit} 字节）',
    en: 'The file is too large (limit {limit} bytes)',
  },
  BAD_MULTIPART: {
    status: 400,
    zh: '上传内容格式错误（multipart/form-data）',
    en: 'The upload is not well-formed multipart/form-data',
  },
  FILE_MISSING: { status: 400, zh: '请附上资质证书扫描件', en: 'Attach the scanned qualification document' },
  SERVICE_UNAVAILABLE: { status: 503, zh: '服务暂不可用，请稍后再试', en: 'Service unavailable; try again shortly' },
  INTERNAL: {
    status: 500,
    zh: '服务器内部错误（请求编号 {requestId}）',
    en: 'Internal server error (request {requestId})',
  },
  CHALLENGE_UNKNOWN: {
    status: 401,
    zh: '签名挑战无效，请重新开始',
    en: 'The challenge is not valid here; please start again',
  },
  CHALLENGE_USED: {
    status: 401,
    zh: '该签名挑战已被使用过，不能重复使用，请重新开始',
    en: 'This challenge has already been used; please start again',
  },
  CHALLENGE_EXPIRED: {
    status: 401,
    zh: '签名挑战已过期，请重新开始',
    en: 'The challenge has expired; please start again',
  },
  SIGNATURE_INVALID: {
    status: 401,
    zh: '签名验证失败：签名不是由该证书对应的私钥生成的',
    en: "The signature does not verify with the certificate's public key",
  },
  CERTIFICATE_UNKNOWN: {
    status: 401,
    zh: '证书不存在或不是本平台签发的',
    en: 'No such certificate was issued by this platform',
  },
  CERTIFICATE_REVOKED: {
    status: 401,
    zh: '证书已于 {revokedAt} 吊销，不能再使用',
    en: 'The certificate was revoked on {revokedAt} and can no longer be used',
  },
  CERTIFICATE_EXPIRED: {
    status: 401,
    zh: '证书不在有效期内（{notBefore} 至 {notAfter}）',
    en: 'The certificate is outside its validity ({notBefore} to {notAfter})',
  },
  CERTIFICATE_SUPERSEDED: {
    status: 401,
    zh: '该证书已被您更新的证书取代，请使用最新的密钥文件',
    en: 'A newer certificate of yours replaced this one; use your newest key file',
  },
  PUBLIC_KEY_CERTIFIED: {
    status: 409,
    zh: '该公钥已签发过证书，请重新生成密钥',
    en: 'A certificate was already issued for this public key; generate new keys',
  },
  UPLOAD_LENGTH_REQUIRED: {
    status: 400,
    zh: '上传须声明文件长度（Upload-Length）',
    en: 'An upload must declare its length (Upload-Length)',
  },
  UPLOAD_METADATA_INVALID: { status: 400, zh: '上传元数据格式错误', en: 'The upload metadata is malformed' },
  BIDDING_CLOSED: {
    status: 409,
    zh: '投标截止时间（{deadline}）已到，不再接受投标、修改或撤回',
    en: 'The bid deadline ({deadline}) has passed; bids can no longer be submitted, replaced or withdrawn',
  },
  LOT_NOT_OPEN: {
    status: 409,
    zh: '该项目或包当前不接受投标（{reason}）',
    en: 'This project or lot does not accept bids now ({reason})',
  },
  SUPPLIER_NOT_ACTIVE: {
    status: 403,
    zh: '只有审核通过的供应商可以投标',
    en: 'Only approved, active suppliers may bid',
  },
  CERTIFICATE_REQUIRED: {
    status: 403,
    zh: '您没有可用的签名和加密证书（未申领、已过期或已吊销），不能投标',
    en: 'You have no usable signing and encryption certificates (none issued, expired or revoked); you cannot bid',
  },
  CERTIFICATE_CHANGED: {
    status: 409,
    zh: '递交过程中您的证书已更换，密文是为旧加密密钥封装的；请重新递交投标文件',
    en: 'Your certificate changed during this submission and the bid was sealed for the old encryption key; submit again',
  },
  UPLOAD_INCOMPLETE: {
    status: 409,
    zh: '密文尚未完整上传（已收到 {received} / {expected} 字节），请继续上传后再提交',
    en: 'The ciphertext upload is not complete ({received} of {expected} bytes); resume the upload, then submit',
  },
  SEALED_BID_REJECTED: {
    status: 422,
    zh: '投标文件校验失败（{reason}）：密文、摘要或签名与提交内容不符，投标未被接受',
    en: 'The sealed bid failed verification ({reason}): ciphertext, hash or signature do not match; it was not accepted',
  },
  BID_SUBMISSION_USED: {
    status: 409,
    zh: '该投标提交（随机数）已使用或已失效（{state}），不能重复提交；请重新开始一次提交',
    en: 'This bid submission (nonce) was already used or has lapsed ({state}); start a new submission',
  },
  CONSORTIUM_NOT_ALLOWED: {
    status: 409,
    zh: '本包不接受联合体投标（以采购文件为准）',
    en: 'This lot does not accept consortium bids (as the procurement documents state)',
  },
  CONSORTIUM_MEMBER_UNKNOWN: {
    status: 422,
    zh: '统一社会信用代码 {uscc} 不是本平台审核通过的供应商，不能作为联合体成员',
    en: 'The credit code {uscc} is not an approved supplier on this platform; it cannot be a consortium member',
  },
  CONSORTIUM_MEMBER_INELIGIBLE: {
    status: 422,
    zh: '联合体成员“{name}”（{uscc}）不能参加投标：{reasonZh}',
    en: 'Consortium member "{name}" ({uscc}) cannot bid: {reasonEn}',
  },
  BID_EXCLUSIVITY: {
    status: 409,
    zh: '供应商“{name}”（{uscc}）已参加本包的另一投标（单独或联合体）。联合体各方不得再单独参加或者与其他供应商另外组成联合体参加同一合同项下的政府采购活动（政府采购法实施条例第二十二条）',
    en: 'Supplier "{name}" ({uscc}) already takes part in another bid on this lot (alone or in a consortium). The parties of a consortium may not also bid alone or in another consortium for the same contract (Regulations on the Implementation of the Government Procurement Law, art. 22)',
  },
  CONSORTIUM_SIGNATURE_REJECTED: {
    status: 422,
    zh: '联合体签名校验失败（{reason}）：签名与投标声明或您的签名证书不符，未被接受',
    en: 'The consortium signature failed verification ({reason}): it does not match the bid statement or your signing certificate; it was not accepted',
  },
  KEY_HOLDER_UNAVAILABLE: {
    status: 409,
    zh: '本项目指定的密钥保管人“{name}”没有可用的加密证书，暂不能密封投标；请联系采购代理机构',
    en: 'The key holder "{name}" named by this project has no usable encryption certificate, so bids cannot be sealed now; contact the agency',
  },
  KEY_ESCROW_CHANGED: {
    status: 409,
    zh: '递交过程中密钥保管人的加密证书已更换，托管份额是为旧密钥封装的；请重新递交投标文件',
    en: "A key holder's encryption certificate changed during this submission and the escrow was made for the old key; submit again",
  },
  KEY_ESCROW_MISMATCH: {
    status: 422,
    zh: '投标文件的密钥托管与本项目要求不符（是否托管、门限或保管人及其公钥），投标未被接受',
    en: "The bid's key escrow does not match what this project requires (whether escrowed, the threshold, or the holders and their keys); it was not accepted",
  },
  RECOVERY_SHARE_REFUSED: {
    status: 422,
    zh: '恢复份额不被接受（{reason}）：它不是本投标、本保管人的份额',
    en: 'The recovery share was refused ({reason}): it is not the share of this bid and this key holder',
  },
  RECOVERY_SHARE_RELEASED: {
    status: 409,
    zh: '您已释放过本投标的恢复份额',
    en: 'You have already released your recovery share of this bid',
  },
  KEY_RECOVERY_FAILED: {
    status: 422,
    zh: '密钥恢复失败：已释放的份额不能重组出承诺的内容密钥，投标未被解密',
    en: 'Key recovery failed: the released shares do not recombine to the committed content key; the bid was not decrypted',
  },
  HALL_ROLE_REQUIRED: {
    status: 403,
    zh: '您在本开标大厅中没有执行此操作的身份（{role}）',
    en: 'Your place in this opening hall does not allow this ({role})',
  },
  HALL_STATE: {
    status: 409,
    zh: '开标大厅当前状态（{state}）不允许此操作',
    en: 'The opening hall is in state {state}; this is not possible now',
  },
  HALL_SIGN_IN_REQUIRED: {
    status: 409,
    zh: '请先在开标大厅签到',
    en: 'Sign in to the opening hall first',
  },
  ALREADY_SIGNED_IN: { status: 409, zh: '您已在本开标大厅签到', en: 'You have already signed in to this hall' },
  DECRYPTION_NOT_STARTED: {
    status: 409,
    zh: '解密尚未开始，请等待主持人开始解密',
    en: 'Decryption has not started; wait for the host to start it',
  },
  DECRYPTION_WINDOW_CLOSED: {
    status: 409,
    zh: '解密时限已于 {endsAt} 结束，不能再提交解密密钥',
    en: 'The decryption window ended at {endsAt}; keys are no longer accepted',
  },
  CONTENT_KEY_WRONG: {
    status: 422,
    zh: '解密密钥不正确（不是该投标文件的密钥），投标文件未被打开，请重试',
    en: 'The content key is wrong (not the key of this bid); the bid was not opened; try again',
  },
  OPENING_BID_NOT_SEALED: {
    status: 409,
    zh: '该投标已不在待解密状态（{state}）',
    en: 'This bid is no longer waiting for decryption ({state})',
  },
  BIDS_STILL_SEALED: {
    status: 409,
    zh: '还有 {count} 份投标未解密，解密时限结束前不能提前结束解密',
    en: '{count} bid(s) are still sealed; decryption cannot end before the window does',
  },
  ALREADY_CONFIRMED: {
    status: 409,
    zh: '您已就本投标的开标结果作出确认或异议（{decision}）',
    en: 'You already confirmed or objected to this read-out ({decision})',
  },
  NO_OBJECTION: {
    status: 409,
    zh: '该投标人没有提出异议，或异议已答复',
    en: 'This bidder raised no objection, or it has been answered',
  },
  OBJECTIONS_UNANSWERED: {
    status: 409,
    zh: '还有 {count} 项异议未答复，答复后方可签署开标记录',
    en: '{count} objection(s) are unanswered; answer them before signing the record',
  },
  HALL_SIGNATURE_INVALID: {
    status: 422,
    zh: '签名验证失败（{reason}）：请使用您有效的签名证书，对当前内容重新签名',
    en: 'The signature failed verification ({reason}); sign the current content again with your usable signing certificate',
  },
  ALREADY_SIGNED: { status: 409, zh: '您已签署本开标记录', en: 'You have already signed this record' },
  RECORDING_CHUNK_OUT_OF_ORDER: {
    status: 409,
    zh: '录像分段须按顺序上传：下一段应为第 {expected} 段，收到第 {seq} 段',
    en: 'Recording chunks must be uploaded in order: the next is {expected}, this was {seq}',
  },
  RECORDING_CHUNK_CONFLICT: {
    status: 409,
    zh: '第 {seq} 段录像已保存且内容不同（摘要不一致），不能覆盖',
    en: 'Chunk {seq} of this recording is already stored with different content (hash differs); it cannot be replaced',
  },
  RECORDING_STOPPED: {
    status: 409,
    zh: '录像已结束，不能再上传新的分段',
    en: 'The recording has stopped; no new chunks can be added',
  },
  TRANSACTION_CERTIFICATE_NOT_FOUND: {
    status: 404,
    zh: '平台未签发编号为 {number} 的交易证明书，请核对编号；此编号的文件不是本平台签发的',
    en: 'The platform has issued no transaction certificate numbered {number}; check the number. A document bearing it was not issued here',
  },
  TRANSACTION_CERTIFICATE_REVOKED: {
    status: 409,
    zh: '交易证明书 {number} 已于 {revokedAt} 撤销',
    en: 'Transaction certificate {number} was revoked at {revokedAt}',
  },
  NO_ISSUING_CENTRE: {
    status: 409,
    zh: '平台尚未登记交易中心（签发机构），不能签发交易证明书',
    en: 'No trading centre (the issuing body) is registered on the platform; certificates cannot be issued',
  },
  AWARD_NOT_POSSIBLE: {
    status: 409,
    zh: '不能为该包签发交易证明书：{reasonZh}',
    en: 'A transaction certificate cannot be issued for this lot: {reasonEn}',
  },
  EXPERT_DRAW_HOST_ONLY: {
    status: 403,
    zh: '只有本项目的组织方（采购代理机构；未委托代理的，为采购人）可以抽取评审专家',
    en: "Only the project's organiser (its agency, or the purchaser when there is none) may draw experts",
  },
  EXPERT_DRAW_LOT_UNAVAILABLE: {
    status: 409,
    zh: '本包当前不能抽取评审专家：{reasonZh}',
    en: 'Experts cannot be drawn for this lot now: {reasonEn}',
  },
  EXPERT_DRAW_EXISTS: {
    status: 409,
    zh: '本包已申请过专家抽取（{state}），一个包只有一个评标委员会；专家不足时请使用补充抽取',
    en: 'An expert draw was already requested for this lot ({state}); a lot has one committee. Use a supplementary draw when seats are empty',
  },
  NOT_ENOUGH_ELIGIBLE_EXPERTS: {
    status: 422,
    zh: '{detailZh}',
    en: '{detailEn}',
  },
  EXPERT_DRAW_STATE: {
    status: 409,
    zh: '该次专家抽取当前状态（{state}）不允许此操作',
    en: 'This expert draw is in state {state}; this is not possible now',
  },
  SUPPLEMENTARY_DRAW_NOT_NEEDED: {
    status: 409,
    zh: '评标委员会没有空缺席位，或仍有备选专家可以递补，不需要补充抽取',
    en: 'The committee has no empty seat, or reserves are left to fill it: no supplementary draw is needed',
  },
  SUPPLEMENTARY_DRAW_PENDING: {
    status: 409,
    zh: '已有一次补充抽取等待执行，请先执行该次抽取',
    en: 'A supplementary draw is waiting to be run; run it first',
  },
  INVITATION_ANSWERED: {
    status: 409,
    zh: '您已对该评审邀请作出答复（{statusZh}），不能再更改；如有变化请联系项目组织方',
    en: 'You have already answered this invitation ({statusEn}); it cannot be changed. Contact the organiser if something changed',
  },
  // — evaluation: qualification, compliance, leader, scoring (modules/evaluations) —
  EVALUATION_ROLE_REQUIRED: {
    status: 403,
    zh: '您在本次评审中没有执行此操作的身份（{role}）',
    en: 'Your place in this evaluation does not allow this ({role})',
  },
  EVALUATION_STATE: {
    status: 409,
    zh: '评审当前阶段（{state}）不允许此操作',
    en: 'The evaluation is at stage {state}; this is not possible now',
  },
  EVALUATION_STAGE_CLOSED: {
    status: 409,
    zh: '评审当前处于“{stateZh}”阶段，不能{actionZh}',
    en: 'The evaluation is at the {stateEn} stage: {actionEn} is not possible now',
  },
  EVALUATION_CANNOT_START: {
    status: 409,
    zh: '本包不能开始评审：{reasonZh}',
    en: 'The evaluation of this lot cannot start: {reasonEn}',
  },
  EVALUATION_COMMITTEE_INCOMPLETE: {
    status: 409,
    zh: '评标委员会尚未组建完成（已确认 {confirmed}/{seats} 席），所有席位的专家确认参加后才能开始评审',
    en: 'The committee is not complete ({confirmed} of {seats} seats confirmed): the evaluation starts once every seat is confirmed',
  },
  EVALUATION_EXISTS: {
    status: 409,
    zh: '本包已开始评审（当前阶段：{stateZh}），不能重复开始',
    en: 'The evaluation of this lot has already started (stage: {stateEn})',
  },
  EVALUATION_BID_NOT_IN_STAGE: {
    status: 409,
    zh: '“{bidder}”的投标{reasonZh}，不参加{stageZh}',
    en: 'The bid of "{bidder}" {reasonEn}: it takes no part in the {stageEn}',
  },
  EVALUATION_REVIEWS_MISSING: {
    status: 422,
    zh: '以下投标尚未审查，请先完成：{bidders}',
    en: 'These bids have not been reviewed yet: {bidders}',
  },
  EVALUATION_ALREADY_SUBMITTED: {
    status: 409,
    zh: '您已提交{stageZh}结果，不能再修改（如需重新评分，须由评审组长经评标委员会认定后退回）',
    en: 'You have already submitted your {stageEn}; it cannot be changed (only the committee leader can return it for re-scoring)',
  },
  EVALUATION_LEADER_NOT_ELECTED: {
    status: 409,
    zh: '评标委员会尚未推选出评审组长，暂不能提交评分；请先在“评审组长”一栏投票，过半数成员推选同一人即当选',
    en: 'The committee has not elected its leader yet, so scores cannot be submitted: vote in the "Committee leader" section; a majority elects',
  },
  EVALUATION_LEADER_ELECTED: {
    status: 409,
    zh: '评审组长已经选出，不能再投票',
    en: 'The committee leader has been elected; voting is closed',
  },
  EVALUATION_LEADER_ONLY: {
    status: 403,
    zh: '只有评审组长可以退回专家的评分',
    en: 'Only the committee leader can return a member’s scores',
  },
  EVALUATION_NO_SCORING: {
    status: 409,
    zh: '本包采用最低评标价法，不进行专家评分；通过符合性审查后由平台直接按评标价格排序',
    en: 'This lot uses the lowest evaluated price method: experts do not score; the platform ranks the compliant bids by price',
  },
  EVALUATION_SCORE_INVALID: {
    status: 422,
    zh: '评分未保存：{detailZh}',
    en: 'Scores not saved: {detailEn}',
  },
  EVALUATION_SCORE_SHEET_INCOMPLETE: {
    status: 422,
    zh: '评分不能提交：{detailZh}',
    en: 'Scores cannot be submitted: {detailEn}',
  },
  EVALUATION_NOT_SUBMITTED: {
    status: 409,
    zh: '该专家尚未提交评分，无需退回',
    en: 'This member has not submitted scores: there is nothing to return',
  },
  // — evaluation results: computation, bidder queries, report, signatures (modules/evaluation-results) —
  EVALUATION_NOT_STARTED: {
    status: 409,
    zh: '该包尚未开始评审',
    en: 'The evaluation of this lot has not started',
  },
  EVALUATION_LEADER_REQUIRED: {
    status: 403,
    zh: '只有评审组长可以执行此操作',
    en: 'Only the committee leader (评审组长) may do this',
  },
  EVALUATION_SCORES_INCOMPLETE: {
    status: 409,
    zh: '尚有评审专家未提交评分，不能计算评审结果',
    en: 'Not every committee member has submitted their scores; the result cannot be computed',
  },
  EVALUATION_COMPUTE_FAILED: {
    status: 422,
    zh: '评审结果无法计算：{detail}',
    en: 'The result cannot be computed: {detail}',
  },
  EVALUATION_RECOMPUTE_NEEDED: {
    status: 409,
    zh: '计算后又有投标人答复或委员会决定，请先重新计算评审结果',
    en: 'A bidder answered or the committee decided after the last computation; recompute the result first',
  },
  EVALUATION_QUERIES_OPEN: {
    status: 409,
    zh: '尚有 {count} 项向投标人的澄清未结束（待答复或待委员会决定）',
    en: '{count} question(s) to bidders are not settled yet (awaiting the answer or the committee’s decision)',
  },
  EVALUATION_QUERY_EXISTS: {
    status: 409,
    zh: '该投标已有一项同类澄清未结束',
    en: 'This bid already has an unsettled question of this kind',
  },
  EVALUATION_QUERY_STATE: {
    status: 409,
    zh: '该澄清当前状态（{state}）不允许此操作',
    en: 'The question is {state}; this is not possible now',
  },
  EVALUATION_QUERY_OVERDUE: {
    status: 409,
    zh: '答复期限已过（{respondBy}），不能再答复',
    en: 'The deadline to answer ({respondBy}) has passed',
  },
  EVALUATION_QUERY_KIND: {
    status: 422,
    zh: '该答复不适用于此类澄清（{kind}）',
    en: 'This answer does not fit a question of kind {kind}',
  },
  EVALUATION_NO_CORRECTION: {
    status: 422,
    zh: '按第五十九条的修正规则，该报价无需修正（{detail}）',
    en: 'The correction rules of Art. 59 change nothing in this price ({detail})',
  },
  EVALUATION_NOT_FLAGGED: {
    status: 409,
    zh: '该投标的报价未被标记为异常低价，不能要求说明',
    en: 'This bid’s price is not flagged as abnormally low; no explanation can be asked',
  },
  EVALUATION_BID_NOT_STANDING: {
    status: 409,
    zh: '该投标已不参与评审（未通过审查或已无效）',
    en: 'This bid no longer takes part (failed a review or is invalid)',
  },
  EVALUATION_REPORT_ALREADY_SIGNED: {
    status: 409,
    zh: '您已签署本评审报告',
    en: 'You have already signed this evaluation report',
  },
  EVALUATION_REPORT_SIGNATURE_INVALID: {
    status: 422,
    zh: '签名验证失败（{reason}）：请使用您有效的签名证书对评审报告重新签名',
    en: 'The signature failed verification ({reason}); sign the report again with your usable signing certificate',
  },
  // — award, result notice, challenges (modules/awards, modules/challenges) —
  AWARD_NOT_READY: {
    status: 409,
    zh: '评审报告尚未提交采购人，不能确定中标（成交）供应商',
    en: 'The evaluation report has not reached the purchaser yet; the winner cannot be confirmed',
  },
  AWARD_ROLE_REQUIRED: {
    status: 403,
    zh: '您在本包的定标中没有执行此操作的身份（{role}）',
    en: 'Your place in this award does not allow this ({role})',
  },
  AWARD_CONFIRMATION_OVERDUE: {
    status: 409,
    zh: '确认期限已于 {deadline}（北京时间）届满，且监管部门未批准延期：不能再确认中标（成交）供应商，请联系监管部门',
    en: 'The confirmation period ended at {deadline} (Beijing time) without an extension by the supervisor; the winner can no longer be confirmed here — contact the supervisor',
  },
  AWARD_ALREADY_CONFIRMED: {
    status: 409,
    zh: '中标（成交）供应商已于 {at} 确认，不能重复确认',
    en: 'The winner was already confirmed at {at}; it cannot be confirmed again',
  },
  AWARD_NO_CANDIDATE: {
    status: 409,
    zh: '评审报告没有推荐的中标（成交）候选人',
    en: 'The evaluation report recommends no candidate',
  },
  AWARD_TIE_CHOICE_REQUIRED: {
    status: 422,
    zh: '排名第一的投标并列：请在并列的投标中选定一家，并写明依据招标文件规定的确定方式',
    en: 'The first rank is a tie: choose one of the tied bids and state the tie-break rule of the documents you applied',
  },
  AWARD_TIE_REASON_REQUIRED: {
    status: 422,
    zh: '排名第一的投标并列：请写明依据招标文件规定的确定方式',
    en: 'The first rank is a tie: state the tie-break rule of the documents you applied',
  },
  AWARD_NOT_FIRST_RANKED: {
    status: 422,
    zh: '只能按评审报告推荐的顺序确定排名第一的中标（成交）候选人（财政部令第87号第六十八条）',
    en: 'Only the first-ranked candidate of the report can be confirmed (MOF Order No. 87, art. 68)',
  },
  AWARD_NOT_CONFIRMED: {
    status: 409,
    zh: '采购人尚未确认中标（成交）供应商，不能发布结果公告',
    en: 'The purchaser has not confirmed the winner yet; the result cannot be published',
  },
  AWARD_ALREADY_PUBLISHED: {
    status: 409,
    zh: '结果公告已于 {at} 发布，不能重复发布',
    en: 'The result notice was already published at {at}',
  },
  AWARD_NOT_PUBLISHED: {
    status: 409,
    zh: '本包的结果公告尚未发布',
    en: 'The result of this lot has not been published',
  },
  AWARD_EXTENSION_NOT_POSSIBLE: {
    status: 409,
    zh: '中标（成交）供应商已确认，不能再延长确认期限',
    en: 'The winner is confirmed; the confirmation period can no longer be extended',
  },
  AWARD_SUSPENSION_NEEDS_CHALLENGE: {
    status: 409,
    zh: '只有在有未答复的质疑时才能暂停中标（成交）结果',
    en: 'The award can be suspended only while a challenge is pending',
  },
  AWARD_ALREADY_SUSPENDED: {
    status: 409,
    zh: '中标（成交）结果已于 {at} 暂停',
    en: 'The award was already suspended at {at}',
  },
  AWARD_NOT_SUSPENDED: {
    status: 409,
    zh: '中标（成交）结果未被暂停',
    en: 'The award is not suspended',
  },
  CHALLENGE_WINDOW_CLOSED: {
    status: 409,
    zh: '质疑期限已于 {deadline}（北京时间）届满，不能再提出质疑',
    en: 'The challenge period ended at {deadline} (Beijing time); no challenge can be filed now',
  },
  CHALLENGE_ANSWERED: {
    status: 409,
    zh: '该质疑已于 {at} 答复，不能重复答复',
    en: 'This challenge was already answered at {at}',
  },
} as const satisfies Record<string, { status: number; zh: string; en: string }>;

export type ErrorCode = keyof typeof ERROR_CODES;
