/** 16 digits in four groups of four, the way people write them down. */
export function groupReceipt(receipt: string): string[] {
  return receipt.replace(/\D/g, '').match(/.{1,4}/g) ?? [];
}

/** What a typed receipt must look like before any lookup is spent on it. */
export function isReceiptShaped(value: string): boolean {
  return /^\d{16}$/.test(value.replace(/[\s-]/g, ''));
}

/** Clipboard with a fallback for older WebViews. */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.appendChild(area);
    area.select();
    const ok = document.execCommand('copy');
    area.remove();
    return ok;
  }
}
