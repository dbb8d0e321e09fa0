import type { MessageKey } from '../i18n/dictionary';

export const PRODUCTS = ['portal', 'whistleblower', 'console'] as const;
export type Product = (typeof PRODUCTS)[number];

export function productNameKey(product: Product): MessageKey {
  return `product.${product}.name`;
}

export function productSubtitleKey(product: Product): MessageKey {
  return `product.${product}.subtitle`;
}
