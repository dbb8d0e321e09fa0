export { groupReceipt, isReceiptShaped, copyText } from './receipt';
