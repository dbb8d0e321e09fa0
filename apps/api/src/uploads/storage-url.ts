/**
 * FIREBREAK_STORAGE_URL, parsed. Unset: a directory under the data dir.
 *
 *   s3://ACCESS_KEY:SECRET@host[:port]/bucket[/prefix][?region=…]       HTTPS
 *   s3+http://ACCESS_KEY:SECRET@host[:port]/bucket[/prefix][?region=…]  plain HTTP (a bucket server on a private network)
 *
 * Path-style addressing (`endpoint/bucket/key`), which every S3-compatible
 * server (MinIO, Ceph RGW, OSS/COS compatibility endpoints, AWS) accepts.
 * The key and secret are percent-decoded, so a secret with `/` or `+` is
 * written `%2F`, `%2B`. Error messages never repeat the URL: it holds a secret.
 */
export interface S3StorageConfig {
  readonly kind: 's3';
  /** `https://host:port` or `http://host:port`, no trailing slash. */
  readonly endpoint: string;
  readonly bucket: string;
  /** Key prefix inside the bucket, '' or ending in '/'. */
  readonly prefix: string;
  readonly region: string;
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
}

export interface DirectoryStorageConfig {
  readonly kind: 'dir';
  readonly dir: string;
}

export type StorageConfig = S3StorageConfig | DirectoryStorageConfig;

const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
const PREFIX = /^[A-Za-z0-9._\-/]*$/;

export class StorageUrlError extends Error {
  constructor(reason: string) {
    super(`FIREBREAK_STORAGE_URL: ${reason}`);
    this.name = 'StorageUrlError';
  }
}

/** Throws StorageUrlError with the rule that failed (never the value). */
export function parseStorageUrl(value: string): S3StorageConfig {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new StorageUrlError('not a URL; expected s3://ACCESS_KEY:SECRET@host[:port]/bucket');
  }
  const tls = url.protocol === 's3:' ? true : url.protocol === 's3+http:' ? false : null;
  if (tls === null) throw new StorageUrlError('the scheme must be s3:// (HTTPS) or s3+http:// (plain HTTP)');
  if (!url.hostname) throw new StorageUrlError('the host is missing');
  if (!url.username || !url.password) throw new StorageUrlError('the access key and secret are missing (s3://ACCESS_KEY:SECRET@host/bucket)');
  const [bucket = '', ...rest] = url.pathname.replace(/^\/+/, '').split('/');
  if (!BUCKET.test(bucket)) throw new StorageUrlError('the bucket name (the first path segment) is missing or not a valid S3 bucket name');
  const prefixPath = rest.filter((s) => s.length > 0).join('/');
  if (!PREFIX.test(prefixPath)) throw new StorageUrlError('the key prefix may hold only letters, digits and . _ - /');
  let accessKeyId: string;
  let secretAccessKey: string;
  try {
    accessKeyId = decodeURIComponent(url.username);
    secretAccessKey = decodeURIComponent(url.password);
  } catch {
    throw new StorageUrlError('the access key or secret is not validly percent-encoded');
  }
  const region = url.searchParams.get('region') ?? 'us-east-1';
  if (!/^[a-z0-9-]{2,40}$/.test(region)) throw new StorageUrlError('region must be a plain region name such as us-east-1');
  return {
    kind: 's3',
    endpoint: `${tls ? 'https' : 'http'}://${url.host}`,
    bucket,
    prefix: prefixPath ? `${prefixPath}/` : '',
    region,
    accessKeyId,
    secretAccessKey,
  };
}
