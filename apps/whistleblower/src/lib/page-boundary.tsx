import { Component, type ReactNode } from 'react';
import { useI18n } from '@firebreak/ui';

function Failed({ onRetry }: { onRetry: () => void }) {
  const { t } = useI18n();
  return (
    <section className="fb-card" role="alert">
      <p>{t('wb.error.network')}</p>
      <button type="button" className="fb-button" onClick={onRetry}>
        {t('wb.retry')}
      </button>
    </section>
  );
}

/**
 * A page's code loads on demand; on a flaky mobile connection that load can
 * fail. The reader gets a retry instead of a blank screen (a reload keeps the
 * report draft).
 */
export class PageBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override render() {
    return this.state.failed ? <Failed onRetry={() => window.location.reload()} /> : this.props.children;
  }
}
