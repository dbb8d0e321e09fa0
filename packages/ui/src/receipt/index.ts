export { groupReceipt, isReceiptShaped, copyText } from './receipt';
export { ReceiptField, type ReceiptFieldProps } from './receipt-field';
