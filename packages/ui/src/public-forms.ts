// The form pieces of the public sites' lazy pages (report, receipt, tracking, follow-up, claim).
// A separate entry (`@firebreak/ui/public-forms`), not the main barrel: what the main barrel
// re-exports is bundled into each site's critical-path chunk, and these belong in the lazy routes.
export * from './photos/index';
export * from './messages/index';
export * from './venue/index';
export * from './report/index';
export { ReceiptField, type ReceiptFieldProps } from './receipt/receipt-field';
export { ReceiptShown, type ReceiptShownProps } from './receipt/receipt-shown';
