/**
 * The receipt of the report just filed, held only in this tab's memory: never
 * in a URL, the history state, web storage or a log. A reload forgets it, which
 * the receipt page says plainly.
 */
export interface FiledReceipt {
  readonly receipt: string;
  readonly receiptDisplay: string;
  readonly submittedAt: string;
  readonly verificationDue: string;
  readonly urgent: boolean;
}

let current: FiledReceipt | null = null;

export function keepReceipt(r: FiledReceipt): void {
  current = r;
}

export function filedReceipt(): FiledReceipt | null {
  return current;
}
