import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { DbError } from '../errors';

const FORMAT = 'fb1';
const IV_BYTES = 12; // the GCM standard nonce size
const TAG_BYTES = 16;

/**
 * Seals personal data at rest (reporter identity, phone numbers, payment
 * details): AES-256-GCM with a fresh random IV per value, so equal values
 * never produce equal ciphertexts and any change is detected on open.
 *
 * A sealed value reads `fb1.<keyId>.<iv>.<ciphertext>.<tag>` (base64url). The key
 * id lets keys rotate: seal with the current key, open with any key still held
 * (`retiredKeys`), and re-seal old values at leisure (`needsReseal`).
 *
 * `context` (optional) is bound as associated data: a value sealed for one
 * column/row cannot be copied into another and still open.
 */
export interface Sealer {
  /** Id of the key new values are sealed with. */
  readonly keyId: string;
  seal(value: string | Readonly<Record<string, unknown>>, context?: string): string;
  /** The sealed string or object, exactly as sealed. Throws SEAL.* DbErrors. */
  open(sealed: string, context?: string): unknown;
  /** Like open, for values sealed from a string. */
  openString(sealed: string, context?: string): string;
  /** True when the value was sealed with a key other than the current one. */
  needsReseal(sealed: string): boolean;
}

export interface SealerOptions {
  /** Older keys (base64) still accepted for opening during rotation. */
  readonly retiredKeys?: readonly string[];
}

export function createSealer(keyBase64: string, options: SealerOptions = {}): Sealer {
  const current = decodeKey(keyBase64);
  const keys = new Map<string, Buffer>([[current.id, current.key]]);
  for (const k of options.retiredKeys ?? []) {
    const retired = decodeKey(k);
    if (!keys.has(retired.id)) keys.set(retired.id, retired.key);
  }

  const aad = (keyId: string, context: string | undefined) =>
    Buffer.from(context === undefined ? `${FORMAT}.${keyId}` : `${FORMAT}.${keyId}|${context}`, 'utf8');

  const open = (sealed: string, context?: string): unknown => {
    const parts = sealed.split('.');
    const [format, keyId, ivText, ctText, tagText] = parts;
    if (parts.length !== 5 || format !== FORMAT || !keyId || !ivText || ctText === undefined || !tagText) {
      throw new DbError('SEAL.MALFORMED', 'Sealed value is malformed', '加密数据格式错误');
    }
    const key = keys.get(keyId);
    if (!key) {
      throw new DbError('SEAL.UNKNOWN_KEY', `No key with id ${keyId} is configured`, `未配置编号为 ${keyId} 的密钥`, { keyId });
    }
    const iv = Buffer.from(ivText, 'base64url');
    const tag = Buffer.from(tagText, 'base64url');
    if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) {
      throw new DbError('SEAL.MALFORMED', 'Sealed value is malformed', '加密数据格式错误');
    }
    let plain: string;
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
      decipher.setAAD(aad(keyId, context));
      decipher.setAuthTag(tag);
      plain = Buffer.concat([decipher.update(Buffer.from(ctText, 'base64url')), decipher.final()]).toString('utf8');
    } catch {
      throw new DbError(
        'SEAL.TAMPERED',
        'Sealed value failed authentication (altered, or opened with the wrong context)',
        '加密数据校验失败（可能被篡改或上下文不符）',
      );
    }
    return JSON.parse(plain) as unknown;
  };

  return {
    keyId: current.id,
    seal(value, context) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', current.key, iv, { authTagLength: TAG_BYTES });
      cipher.setAAD(aad(current.id, context));
      // JSON keeps the type: a sealed string opens as a string, an object as an object.
      const ct = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
      return [FORMAT, current.id, iv.toString('base64url'), ct.toString('base64url'), cipher.getAuthTag().toString('base64url')].join('.');
    },
    open,
    openString(sealed, context) {
      const v = open(sealed, context);
      if (typeof v !== 'string') {
        throw new DbError('SEAL.NOT_A_STRING', 'Sealed value is not a string', '加密数据不是文本');
      }
      return v;
    },
    needsReseal(sealed) {
      return sealed.split('.')[1] !== current.id;
    },
  };
}

/** A fresh random 256-bit key, base64. */
export function generateSealingKey(): string {
  return randomBytes(32).toString('base64');
}

/** Key id: a short fingerprint, so it can be stored next to every value without revealing the key. */
export function sealingKeyId(keyBase64: string): string {
  return decodeKey(keyBase64).id;
}

function decodeKey(keyBase64: string): { id: string; key: Buffer } {
  const key = Buffer.from(keyBase64.trim(), 'base64');
  if (key.length !== 32) {
    throw new DbError('SEAL.BAD_KEY', 'Sealing key must be 32 bytes, base64-encoded', '加密密钥必须是 Base64 编码的 32 字节');
  }
  const id = createHash('sha256').update('firebreak/sealing-key-id\0').update(key).digest('hex').slice(0, 8);
  return { id, key };
}
