import { Component, type ReactNode } from 'react';
import type { MessageKey } from '../i18n/dictionary';
import { useI18n } from '../i18n/i18n-provider';

interface Wording {
  /** i18n keys of the site's own wording for the failure and the retry button. */
  readonly messageKey: MessageKey;
  readonly retryKey: MessageKey;
}

function Failed({ onRetry, messageKey, retryKey }: Wording & { onRetry: () => void }) {
  const { t } = useI18n();
  return (
    <section className="fb-card" role="alert">
      <p>{t(messageKey)}</p>
      <button type="button" className="fb-button" onClick={onRetry}>
        {t(retryKey)}
      </button>
    </section>
  );
}

/**
 * A page's code loads on demand; on a flaky mobile connection that load can fail. The reader gets
 * a retry instead of a blank screen (a reload keeps a report draft).
 */
export class PageBoundary extends Component<Wording & { children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override render() {
    return this.state.failed ? <Failed onRetry={() => window.location.reload()} messageKey={this.props.messageKey} retryKey={this.props.retryKey} /> : this.props.children;
  }
}
