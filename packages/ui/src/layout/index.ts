export { Layout, type LayoutProps } from './layout';
export { LanguageSwitch } from './language-switch';
export { BrandMark, type BrandMarkProps } from './brand-mark';
export { PRODUCTS, productNameKey, productSubtitleKey, type Product } from './product';
