import { RISK_CATEGORIES, type RiskCategory } from '@firebreak/domain';
import type { Locale } from '@firebreak/api';

export interface Open311Service {
  readonly service_code: string;
  readonly service_name: string;
  readonly description: string;
  readonly metadata: boolean;
  readonly type: 'realtime' | 'batch' | 'blackbox';
  readonly keywords: string;
  readonly group: string;
}

export interface Open311Attribute {
  readonly variable: boolean;
  readonly code: string;
  readonly datatype: 'string' | 'number' | 'datetime' | 'text' | 'singlevaluelist' | 'multivaluelist';
  readonly required: boolean;
  readonly datatype_description: string | null;
  readonly order: number;
  readonly description: string;
  readonly values: readonly { readonly key: string; readonly name: string }[];
}

export interface Open311ServiceDefinition {
  readonly service_code: string;
  readonly attributes: readonly Open311Attribute[];
}

/** Photos go through POST /uploads first (re-encoded, EXIF removed); remote media_url is never fetched. */
export const ATTACHMENTS_ATTRIBUTE = 'attachment_ids';

const GROUPS: Readonly<Record<RiskCategory['origin'], { zh: string; en: string }>> = {
  national: { zh: '全国九类突出风险', en: 'Nine national risk categories' },
  provincial: { zh: '本省增列四类风险', en: 'Four provincial risk categories' },
};

/** The name's own parts as search words: '疏散通道堵塞、安全出口锁闭' → 疏散通道堵塞, 安全出口锁闭. */
function keywords(c: RiskCategory): string {
  const parts = [...c.zh.split(/[、，,及]/), c.en, c.code.replace(/_/g, ' ')];
  return [...new Set(parts.map((p) => p.trim()).filter((p) => p.length > 0))].join(', ');
}

/**
 * The services are the kernel's risk categories ("9+4"). Every one is
 * realtime (the request id is known at once) and has metadata: one optional
 * attribute for photos uploaded beforehand.
 */
export function open311Services(locale: Locale): Open311Service[] {
  const zh = locale === 'zh-CN';
  return RISK_CATEGORIES.map((c) => ({
    service_code: c.code,
    service_name: zh ? c.zh : c.en,
    description: zh ? c.description.zh : c.description.en,
    metadata: true,
    type: 'realtime',
    keywords: keywords(c),
    group: zh ? GROUPS[c.origin].zh : GROUPS[c.origin].en,
  }));
}

export function open311ServiceDefinition(code: string, locale: Locale): Open311ServiceDefinition | null {
  if (!RISK_CATEGORIES.some((c) => c.code === code)) return null;
  const zh = locale === 'zh-CN';
  return {
    service_code: code,
    attributes: [
      {
        variable: true,
        code: ATTACHMENTS_ATTRIBUTE,
        datatype: 'string',
        required: false,
        datatype_description: zh ? '逗号分隔的附件编号，最多 20 个' : 'Comma-separated attachment ids, at most 20',
        order: 1,
        description: zh
          ? '现场照片：先以 multipart/form-data 上传至 /uploads（服务器去除 EXIF 位置信息后保存），再填入返回的编号'
          : 'Photos: upload each to /uploads as multipart/form-data first (the server strips EXIF location data), then give the ids returned',
        values: [],
      },
    ],
  };
}
