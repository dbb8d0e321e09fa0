export { uploadRoutes, MAX_UPLOAD_BYTES, type UploadRoutesOptions, type UploadCreated } from './upload-routes';
export { createEvidenceStore, originalContext, type EvidenceStore } from './evidence-store';
export { makeDisplayCopy, DEFAULT_DISPLAY_LIMITS, type DisplayCopy, type DisplayLimits, type DisplayResult } from './make-display-copy';
export { sniffImageType, type SniffedImageType } from './sniff-image-type';
export { mayViewAttachment, ATTACHMENT_READ_CAPABILITY, type AttachmentSubject } from './attachment-access';
export { UPLOAD_ERRORS, type UploadError } from './upload-error';
