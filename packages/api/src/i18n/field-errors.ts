import type { ZodError } from 'zod';

/**
 * Validation errors for forms: each names the field in both languages and says
 * what is wrong with it. Field labels come from one dictionary so every form
 * shows the same words; unknown fields fall back to their path.
 */
export interface FieldError {
  readonly path: string;
  readonly message: string;
  readonly messageZh: string;
}

const FIELD_LABELS: Readonly<Record<string, { zh: string; en: string }>> = {
  description: { zh: '问题描述', en: 'description' },
  riskCategory: { zh: '隐患类别', en: 'risk category' },
  venueId: { zh: '场所', en: 'venue' },
  location: { zh: '位置', en: 'location' },
  lat: { zh: '纬度', en: 'latitude' },
  lng: { zh: '经度', en: 'longitude' },
  address: { zh: '地址', en: 'address' },
  contact: { zh: '联系方式', en: 'contact' },
  name: { zh: '姓名', en: 'name' },
  phone: { zh: '电话', en: 'phone' },
  idNumber: { zh: '身份证号', en: 'ID number' },
  receipt: { zh: '回执码', en: 'receipt code' },
  idempotencyKey: { zh: '提交标识', en: 'idempotency key' },
  username: { zh: '用户名', en: 'username' },
  password: { zh: '密码', en: 'password' },
  reason: { zh: '理由', en: 'reason' },
  body: { zh: '留言内容', en: 'message' },
  amountFen: { zh: '金额', en: 'amount' },
  amountYuan: { zh: '金额', en: 'amount' },
  deadline: { zh: '期限', en: 'deadline' },
  attachmentIds: { zh: '照片', en: 'photos' },
  bankAccount: { zh: '收款账号', en: 'bank account' },
  title: { zh: '标题', en: 'title' },
  query: { zh: '查询内容', en: 'search text' },
};

function label(path: readonly PropertyKey[]): { zh: string; en: string } {
  const key = [...path].reverse().find((p): p is string => typeof p === 'string');
  const known = key ? FIELD_LABELS[key] : undefined;
  const fallback = path.map(String).join('.') || 'input';
  return known ?? { zh: fallback, en: fallback };
}

export function fieldErrors(error: ZodError): FieldError[] {
  return error.issues.map((issue) => {
    const f = label(issue.path);
    const path = issue.path.map(String).join('.');
    switch (issue.code) {
      case 'invalid_type':
        return issue.input === undefined
          ? { path, message: `${f.en} is required`, messageZh: `请填写${f.zh}` }
          : { path, message: `${f.en} has the wrong type`, messageZh: `${f.zh}格式不正确` };
      case 'too_small':
        return issue.origin === 'string'
          ? { path, message: `${f.en} must be at least ${String(issue.minimum)} characters`, messageZh: `${f.zh}至少需要${String(issue.minimum)}个字符` }
          : issue.origin === 'array'
            ? { path, message: `${f.en} needs at least ${String(issue.minimum)} items`, messageZh: `${f.zh}至少需要${String(issue.minimum)}项` }
            : { path, message: `${f.en} must be at least ${String(issue.minimum)}`, messageZh: `${f.zh}不能小于${String(issue.minimum)}` };
      case 'too_big':
        return issue.origin === 'string'
          ? { path, message: `${f.en} must be at most ${String(issue.maximum)} characters`, messageZh: `${f.zh}不能超过${String(issue.maximum)}个字符` }
          : issue.origin === 'array'
            ? { path, message: `${f.en} allows at most ${String(issue.maximum)} items`, messageZh: `${f.zh}最多${String(issue.maximum)}项` }
            : { path, message: `${f.en} must be at most ${String(issue.maximum)}`, messageZh: `${f.zh}不能大于${String(issue.maximum)}` };
      case 'invalid_format':
        return { path, message: `${f.en} is not in the expected format`, messageZh: `${f.zh}格式不正确` };
      case 'invalid_value':
        return { path, message: `${f.en} is not one of the allowed values`, messageZh: `${f.zh}不在可选范围内` };
      default:
        return { path, message: `${f.en}: ${issue.message}`, messageZh: `${f.zh}填写有误` };
    }
  });
}
