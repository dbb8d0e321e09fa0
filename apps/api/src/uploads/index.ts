export { uploadRoutes, MAX_UPLOAD_BYTES, type UploadRoutesOptions, type UploadCreated } from './upload-routes';
export { createEvidenceStore, openBlobStore, originalContext, type EvidenceStore } from './evidence-store';
export { createDirectoryBlobStore, BlobNotFoundError, BlobStoreError, type BlobStore } from './blob-store';
export { createS3BlobStore, type S3BlobStoreOptions } from './s3-blob-store';
export { parseStorageUrl, StorageUrlError, type StorageConfig, type S3StorageConfig, type DirectoryStorageConfig } from './storage-url';
export { makeDisplayCopy, DEFAULT_DISPLAY_LIMITS, type DisplayCopy, type DisplayLimits, type DisplayResult } from './make-display-copy';
export { sniffImageType, type SniffedImageType } from './sniff-image-type';
export { mayViewAttachment, ATTACHMENT_READ_CAPABILITY, type AttachmentSubject } from './attachment-access';
export { UPLOAD_ERRORS, type UploadError } from './upload-error';
