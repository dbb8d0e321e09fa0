/**
 * The receipt of the report just filed, held only in this tab's memory: never
 * in a URL, the history state, web storage or a log. A reload, "leave now" or
 * the idle timer forgets it.
 */
export interface FiledReceipt {
  readonly receipt: string;
  readonly submittedAt: string;
  readonly verificationDue: string;
}

let current: FiledReceipt | null = null;

export function keepReceipt(r: FiledReceipt): void {
  current = r;
}

export function filedReceipt(): FiledReceipt | null {
  return current;
}

export function forgetReceipt(): void {
  current = null;
}
