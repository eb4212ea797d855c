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
} as const satisfies Record<string, { status: number; zh: string; en: string }>;

export type ErrorCode = keyof typeof ERROR_CODES;
