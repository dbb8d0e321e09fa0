import { useEffect, type ReactNode } from 'react';
import { useI18n } from '../i18n/i18n-provider';
import { BrandMark } from './brand-mark';
import { LanguageSwitch } from './language-switch';
import { productNameKey, productSubtitleKey, type Product } from './product';

export interface LayoutProps {
  readonly product: Product;
  readonly children: ReactNode;
  /** Extra content at the right of the header (e.g. the health badge). */
  readonly headerExtra?: ReactNode;
}

/** Page frame of the public sites: header with product name and language switch, content, footer. */
export function Layout({ product, children, headerExtra }: LayoutProps) {
  const { t } = useI18n();
  const name = t(productNameKey(product));

  useEffect(() => {
    document.title = `${name} · Firebreak`;
  }, [name]);

  return (
    <div className={`fb-shell fb-shell--${product}`}>
      <header className="fb-header">
        <div className="fb-header__bar">
          <span className="fb-brand">
            <BrandMark className="fb-brand__mark" color={product === 'whistleblower' ? '#3a4a5e' : '#ffffff33'} />
            {t('brand.name')}
          </span>
          <LanguageSwitch />
        </div>
        <h1 className="fb-title" data-testid="product-name">
          {name}
        </h1>
        <p className="fb-subtitle">{t(productSubtitleKey(product))}</p>
        {headerExtra ? <div className="fb-header__extra">{headerExtra}</div> : null}
      </header>
      <main className="fb-main">{children}</main>
      <footer className="fb-footer">
        <p>{t('footer.text')}</p>
        <p className="fb-footer__brand">Firebreak</p>
      </footer>
    </div>
  );
}
