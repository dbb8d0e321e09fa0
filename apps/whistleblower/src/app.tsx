import { lazy, Suspense, useEffect, type ReactNode } from 'react';
import { Link, Route, Switch, useLocation } from 'wouter';
import { Layout, PageBoundary, useI18n } from '@firebreak/ui';
import { HomePage } from './pages/home';
import { useSession } from './lib/session';

// Only the identity-protection page is on the critical path; every journey loads on demand.
const ReportPage = lazy(() => import('./report/report-page'));
const ReceiptPage = lazy(() => import('./pages/receipt-page'));
const FollowUpPage = lazy(() => import('./pages/follow-up-page'));
const ClaimPage = lazy(() => import('./pages/claim-page'));

/** The quick exit: always in the header, first in the tab order after the skip link. */
function LeaveNow() {
  const { t } = useI18n();
  const { leave } = useSession();
  return (
    <button type="button" className="wb-leave" onClick={() => leave('button')} aria-label={t('wb.leave.label')} data-testid="leave-now">
      <span aria-hidden="true">⨯</span> {t('wb.leave')}
    </button>
  );
}

function Loading() {
  const { t } = useI18n();
  return (
    <p className="wb-loading" role="status">
      {t('wb.loading')}
    </p>
  );
}

function Page({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  return (
    <>
      <nav aria-label={t('wb.nav.label')} className="wb-crumbs">
        <Link href="/" className="wb-crumbs__home">
          <span aria-hidden="true">‹ </span>
          {t('wb.nav.home')}
        </Link>
      </nav>
      <PageBoundary messageKey="wb.error.network" retryKey="wb.retry">
        <Suspense fallback={<Loading />}>{children}</Suspense>
      </PageBoundary>
    </>
  );
}

/** Focus the page heading after a route change, so screen readers hear where they are. */
function useFocusOnNavigate() {
  const [location] = useLocation();
  useEffect(() => {
    window.scrollTo(0, 0);
    if (location === '/') return;
    // The page's code may still be loading: wait for its heading (up to 3 s).
    let tries = 0;
    let timer: ReturnType<typeof setTimeout>;
    const focus = () => {
      const heading = document.querySelector<HTMLElement>('main h2');
      if (heading) {
        heading.tabIndex = -1;
        heading.focus({ preventScroll: true });
      } else if (tries++ < 30) timer = setTimeout(focus, 100);
    };
    focus();
    return () => clearTimeout(timer);
  }, [location]);
}

export function App() {
  useFocusOnNavigate();
  const { t } = useI18n();
  const { epoch } = useSession();
  return (
    <Layout product="whistleblower" headerExtra={<LeaveNow />}>
      <p className="wb-emergency" role="note">
        {t('wb.emergency')}
      </p>
      {/* The epoch key remounts every page on "leave now" and on the idle end, dropping all typed state. */}
      <Switch key={epoch}>
        <Route path="/">
          <HomePage />
        </Route>
        <Route path="/report">
          <Page>
            <ReportPage />
          </Page>
        </Route>
        <Route path="/receipt">
          <Page>
            <ReceiptPage />
          </Page>
        </Route>
        <Route path="/follow-up">
          <Page>
            <FollowUpPage />
          </Page>
        </Route>
        <Route path="/claim">
          <Page>
            <ClaimPage />
          </Page>
        </Route>
        <Route>
          <Page>
            <section className="fb-card">
              <h2 className="fb-card__title">{t('wb.notFound')}</h2>
            </section>
          </Page>
        </Route>
      </Switch>
    </Layout>
  );
}
