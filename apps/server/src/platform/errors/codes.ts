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
  SERVICE_UNAVAILABLE: { status: 503, zh: '服务暂不可用，请稍后再试', en: 'Service unavailable; try again shortly' },
  INTERNAL: {
    status: 500,
    zh: '服务器内部错误（请求编号 {requestId}）',
    en: 'Internal server error (request {requestId})',
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
} as const satisfies Record<string, { status: number; zh: string; en: string }>;

export type ErrorCode = keyof typeof ERROR_CODES;
