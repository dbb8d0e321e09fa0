// The photo upload pieces of the public sites: one hook and one field; each site passes its policy
// (what is done to a picked file, how it is named), its CSS classes and its message keys.
export { usePhotoUploads, MAX_PHOTOS, type PhotoItem, type PhotoPolicy, type PhotoUploads, type InitialPhoto } from './use-photo-uploads';
export { PhotoField, type PhotoFieldClasses, type PhotoFieldKeys, type PhotoFieldProps } from './photo-field';
export { AddFilesCard, type AddFilesCardProps, type AddFilesMutation } from './add-files-card';
