import type { DomainError } from './errors';

/**
 * The error codes raised outside the kernel's own functions: by the application layer (use
 * cases, access checks, services) and by the transports (tRPC's own refusals, rate limits). The
 * kernel's functions define their codes where they return them (`err('GB35181.UNKNOWN_VERSION',
 * …)`); everything else a client can receive is defined here, once, with both messages, so no
 * door invents a code the kernel does not know. A scan test in packages/api fails on a code
 * used there that is neither returned by a kernel function nor listed here.
 *
 * A site may word the message for its case ("Assignee not found" for USER.NOT_FOUND); the code
 * and what it means stay the ones below.
 */
export interface CataloguedMessage {
  readonly en: string;
  readonly zh: string;
}

export const ERROR_CATALOGUE = {
  // Access
  'ACCESS.NO_DEPARTMENT': { en: 'Your account belongs to no department', zh: '您的账号未归属任何部门' },
  'ACCESS.WRONG_VENUE': { en: 'This belongs to another venue', zh: '无权访问其他单位的数据' },
  'AUTH.UNAUTHENTICATED': { en: 'Please sign in', zh: '请先登录' },
  'AUTH.FORBIDDEN': { en: 'You may not do this', zh: '无权执行此操作' },
  'AUTH.INVALID_CREDENTIALS': { en: 'Wrong username or password', zh: '用户名或密码错误' },
  'AUTH.TOO_MANY_ATTEMPTS': { en: 'Too many sign-in attempts; wait and try again', zh: '登录尝试过多，请稍后再试' },
  // A wrong receipt and a throttled lookup are worded alike, so the words tell a guesser nothing.
  'RECEIPT.NOT_FOUND': { en: 'This receipt code cannot be looked up: check the 16 digits, or try again in 10 minutes', zh: '无法查询该回执码：请核对16位号码，或10分钟后再试' },
  'RECEIPT.TOO_MANY_ATTEMPTS': { en: 'This receipt code cannot be looked up: check the 16 digits, or try again in 10 minutes', zh: '无法查询该回执码：请核对16位号码，或10分钟后再试' },

  // Records that do not exist (or that the caller may not know exist)
  'DEPARTMENT.NOT_FOUND': { en: 'Department not found', zh: '部门不存在' },
  'DETERMINATION.NOT_FOUND': { en: 'Determination not found', zh: '重大火灾隐患判定记录不存在' },
  'DRAW.NOT_FOUND': { en: 'No such draw', zh: '抽查记录不存在' },
  'HAZARD.NOT_FOUND': { en: 'No such hazard', zh: '隐患不存在' },
  'JURISDICTION.NOT_FOUND': { en: 'No such jurisdiction', zh: '辖区不存在' },
  'INSPECTION.NOT_FOUND': { en: 'No such inspection', zh: '检查记录不存在' },
  'REPORT.NOT_FOUND': { en: 'No such report', zh: '举报不存在' },
  'REWARD.NOT_FOUND': { en: 'This report has no reward to claim', zh: '该举报暂无可申领的奖励' },
  'REWARD_LIST.NOT_FOUND': { en: 'No list has been prepared for this year yet', zh: '该年度奖励公示名单尚未编制' },
  'VENUE.NOT_FOUND': { en: 'The venue does not exist', zh: '场所不存在' },
  'CAMPAIGN_REPORT.NOT_FOUND': { en: 'No such campaign report', zh: '专项行动报告不存在' },
  'ATTACHMENT.UNAVAILABLE': { en: 'A photo was not found or already belongs to another record; upload it again', zh: '照片不存在或已被其他记录使用，请重新上传' },

  // Conflicts with what is stored
  'API_KEY.ALREADY_REVOKED': { en: 'This key is already revoked', zh: '该接口密钥已吊销' },
  'CAMPAIGN_REPORT.ALREADY_ISSUED': { en: 'A report of this kind has already been issued for this period', zh: '该报告期的此类报告已出具' },
  'DRAW.NOT_COMMITTED': { en: 'This draw has no published commitment and cannot be run', zh: '该抽查没有已公布的承诺，不能抽取' },
  'JURISDICTION.DUPLICATE': { en: 'A jurisdiction with this code already exists', zh: '该区划代码已存在' },
  'MAJOR.DETERMINATION_MISMATCH': { en: 'The determination was made on another hazard', zh: '该判定记录不属于此隐患' },
  'REWARD.ALREADY_OPENED': { en: 'A reward has already been opened for this report', zh: '该举报已进入奖励程序' },
  'REWARD.NO_ACCEPTED_CLAIM': { en: 'No accepted claim to pay', zh: '没有已受理的领奖申请' },
  'REWARD_LIST.CONFLICT': { en: 'Someone else prepared this list at the same time; preview it again', zh: '他人正在同时编制该名单，请重新预览' },
  'REWARD_RULES.STALE': { en: 'Someone else added a version meanwhile; try again', zh: '奖励规则已被他人更新，请重试' },
  'STANDARD.STALE': { en: 'Someone else created this version meanwhile; reload and try again', zh: '该版本已被他人创建，请刷新后重试' },
  'USER.ALREADY_DISABLED': { en: 'This account is already disabled', zh: '该账号已停用' },
  'USER.ALREADY_EXISTS': { en: 'This username is taken', zh: '该用户名已被使用' },

  // Input the kernel's schemas or records refuse
  'DEPARTMENT.INVALID': { en: 'The department is not valid for its kind', zh: '部门信息与部门类型不符' },
  'REWARD.FACTS_INCOMPLETE': { en: 'The records do not give the facts a reward is computed from', zh: '现有记录不足以核定奖励金额' },
  'SELF_INSPECTION.DUPLICATE_ITEM': { en: 'An item is answered twice', zh: '同一检查项重复填写' },
  'SELF_INSPECTION.UNKNOWN_ITEM': { en: "An item is not on this venue's checklist", zh: '检查项不在本单位适用的整治标准内' },

  // The server and the transport
  'SERVER.NO_JURISDICTIONS': { en: 'No jurisdictions are configured', zh: '系统尚未配置辖区' },
  'SERVER.UNAVAILABLE': { en: 'The database is not available', zh: '数据库暂不可用' },
  'HTTP.RATE_LIMITED': { en: 'Too many requests; please wait and try again', zh: '请求过于频繁，请稍后再试' },
  'REQUEST.UNREADABLE': { en: 'The request could not be read (malformed JSON)', zh: '请求无法解析（JSON 格式错误）' },
  'REQUEST.INVALID': { en: 'The request is not valid', zh: '请求格式不正确' },
  'REQUEST.NO_SUCH_PROCEDURE': { en: 'No such operation', zh: '不存在该操作' },
  'REQUEST.WRONG_METHOD': { en: 'This operation does not accept this HTTP method', zh: '该操作不支持此请求方法' },
  'REQUEST.UNSUPPORTED_MEDIA_TYPE': { en: 'Send the request as application/json', zh: '请以 application/json 格式提交' },
  'REQUEST.TOO_LARGE': { en: 'The request is too large', zh: '请求内容过大' },
  'REQUEST.CONFLICT': { en: 'The request conflicts with the current state', zh: '请求与当前状态冲突' },
  'CONCURRENCY.STALE': { en: 'Someone changed this record since you opened it; reload it and try again', zh: '该记录已被他人修改，请刷新后重试' },

  // Notifications (the admin's dead-letter queue)
  'NOTIFICATION.NOT_DEAD': { en: 'Only a dead-lettered delivery can be requeued', zh: '只能重新投递已进入死信的通知' },
} as const satisfies Readonly<Record<string, CataloguedMessage>>;

export type CataloguedCode = keyof typeof ERROR_CATALOGUE;

export function isCataloguedCode(code: string): code is CataloguedCode {
  return Object.hasOwn(ERROR_CATALOGUE, code);
}

/** The catalogued error with its messages, and details when given. */
export function cataloguedError(code: CataloguedCode, details?: Record<string, unknown>): DomainError {
  const m: CataloguedMessage = ERROR_CATALOGUE[code];
  return details ? { code, message: m.en, messageZh: m.zh, details } : { code, message: m.en, messageZh: m.zh };
}
