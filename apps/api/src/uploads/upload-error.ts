/** A refused upload: a coded error with both messages and the HTTP status to answer with. */
export interface UploadError {
  readonly code: string;
  readonly message: string;
  readonly messageZh: string;
  readonly status: number;
}

export const UPLOAD_ERRORS = {
  noFile: { code: 'UPLOAD.NO_FILE', status: 400, message: 'Send one image as multipart/form-data', messageZh: '请以 multipart/form-data 方式上传一张图片' },
  tooLarge: { code: 'UPLOAD.TOO_LARGE', status: 413, message: 'The image is larger than 10 MB', messageZh: '图片不能超过 10 MB' },
  tooManyPixels: {
    code: 'UPLOAD.TOO_MANY_PIXELS',
    status: 413,
    message: 'The image has more than 40 megapixels',
    messageZh: '图片像素不能超过 4000 万',
  },
  unsupportedType: {
    code: 'UPLOAD.UNSUPPORTED_TYPE',
    status: 415,
    message: 'Only JPEG, PNG, WebP and AVIF images are accepted',
    messageZh: '仅支持 JPEG、PNG、WebP、AVIF 格式的图片',
  },
  heicUnsupported: {
    code: 'UPLOAD.HEIC_UNSUPPORTED',
    status: 415,
    message: 'HEIC photos cannot be read here; choose “Most Compatible” in the camera settings or send a JPEG',
    messageZh: '暂不支持 HEIC 格式，请在相机设置中选择“兼容性最佳”或上传 JPEG 图片',
  },
  unreadable: { code: 'UPLOAD.UNREADABLE', status: 422, message: 'The image could not be read', messageZh: '图片无法读取，文件可能已损坏' },
  notFound: { code: 'UPLOAD.NOT_FOUND', status: 404, message: 'No such upload', messageZh: '附件不存在' },
  storageUnavailable: {
    code: 'STORAGE.UNAVAILABLE',
    status: 503,
    message: 'The file store is not available; please try again later',
    messageZh: '文件存储暂不可用，请稍后再试',
  },
  unavailable: { code: 'SERVER.UNAVAILABLE', status: 503, message: 'The database is not available', messageZh: '数据库暂不可用' },
} as const satisfies Record<string, UploadError>;
