export interface UploadedPhoto {
  readonly id: string;
  readonly width: number;
  readonly height: number;
}

export class UploadFailure extends Error {
  constructor(
    message: string,
    readonly messageZh: string,
    readonly status: number,
  ) {
    super(message);
  }
}

/**
 * POST /uploads (multipart, one image). XMLHttpRequest rather than fetch: it is
 * the one browser API that reports upload progress.
 */
export function uploadPhoto(blob: Blob, name: string, onProgress: (fraction: number) => void, signal?: AbortSignal): Promise<UploadedPhoto> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/uploads');
    xhr.responseType = 'json';
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    };
    xhr.onload = () => {
      const body = xhr.response as { id?: string; width?: number; height?: number; error?: { message: string; messageZh: string } } | null;
      if (xhr.status === 201 && body?.id) {
        onProgress(1);
        resolve({ id: body.id, width: body.width ?? 0, height: body.height ?? 0 });
      } else {
        reject(new UploadFailure(body?.error?.message ?? `HTTP ${xhr.status}`, body?.error?.messageZh ?? `HTTP ${xhr.status}`, xhr.status));
      }
    };
    xhr.onerror = () => reject(new UploadFailure('Network error', '网络异常', 0));
    xhr.onabort = () => reject(new UploadFailure('Cancelled', '已取消', 0));
    signal?.addEventListener('abort', () => xhr.abort());
    const form = new FormData();
    form.append('file', blob, name.replace(/\.[^.]*$/, '') + (blob.type === 'image/jpeg' ? '.jpg' : ''));
    xhr.send(form);
  });
}
