export { groupReceipt, isReceiptShaped, copyText } from './receipt';
export { ReceiptField, type ReceiptFieldProps } from './receipt-field';
export { ReceiptShown, type ReceiptShownProps } from './receipt-shown';
