// Browser-only photo upload pieces shared by the public sites: downscale and
// re-encode in the browser (drops EXIF before anything leaves the device), then
// POST /uploads with progress. Same code as the portal's report form.
export { downscale, thumbnail, MAX_EDGE } from './downscale';
export { uploadPhoto, UploadFailure, type UploadedPhoto } from './upload';
