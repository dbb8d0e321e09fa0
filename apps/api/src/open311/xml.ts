/**
 * GeoReport v2 XML, the mirror of the JSON by the Spark convention: an array
 * becomes a wrapper element holding one element per item, named here.
 */
// Plain objects (their own enumerable members, in order) and arrays of them; interfaces fit without casts.
export type XmlValue = string | number | boolean | null | undefined | readonly XmlValue[] | object;

export const XML_ITEM_NAMES: Readonly<Record<string, string>> = {
  services: 'service',
  service_requests: 'request',
  errors: 'error',
  attributes: 'attribute',
  values: 'value',
  endpoints: 'endpoint',
  formats: 'format',
};

// XML 1.0 cannot carry most C0 controls at all, not even escaped.
 
const INVALID_XML_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

export function escapeXml(text: string): string {
  return text
    .replace(INVALID_XML_CHARS, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

function element(name: string, value: XmlValue): string {
  if (value === null || value === undefined) return `<${name}/>`;
  if (Array.isArray(value)) {
    const item = XML_ITEM_NAMES[name] ?? 'item';
    return `<${name}>${(value as readonly XmlValue[]).map((v) => element(item, v)).join('')}</${name}>`;
  }
  if (typeof value === 'object') {
    const body = Object.entries(value as Record<string, XmlValue>)
      .map(([k, v]) => element(k, v))
      .join('');
    return `<${name}>${body}</${name}>`;
  }
  return `<${name}>${escapeXml(String(value))}</${name}>`;
}

export function toXml(root: string, value: XmlValue): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n${element(root, value)}`;
}
