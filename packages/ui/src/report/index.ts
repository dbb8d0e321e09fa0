export { DescriptionField, type DescriptionFieldProps } from './description-field';
