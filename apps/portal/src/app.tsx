import { lazy, Suspense, useEffect, type ReactNode } from 'react';
import { Link, Route, Switch, useLocation } from 'wouter';
import { Layout, PageBoundary, useI18n } from '@firebreak/ui';
import { HomePage } from './pages/home';

// Every page but the home page loads on demand: the form, the uploader and the
// draw verifier stay off the critical path of `/`.
const ReportPage = lazy(() => import('./report/report-page'));
const ReceiptPage = lazy(() => import('./pages/receipt-page'));
const TrackPage = lazy(() => import('./pages/track-page'));
const VenuePage = lazy(() => import('./pages/venue-page'));
const ExposurePage = lazy(() => import('./pages/exposure-page'));
const DrawsPage = lazy(() => import('./pages/draws-page'));
const DrawPage = lazy(() => import('./pages/draw-page'));
const RewardsPage = lazy(() => import('./pages/rewards-page'));
const Open311Page = lazy(() => import('./pages/open311-page'));

/** The 119 notice stays on screen on every page, whatever the reader scrolls to. */
function EmergencyNotice() {
  const { t } = useI18n();
  return (
    <p className="fb-alert pt-emergency" role="note">
      <span className="pt-emergency__text">{t('portal.emergency')}</span>
      <a className="pt-emergency__call" href="tel:119">
        119
      </a>
    </p>
  );
}

function Loading() {
  const { t } = useI18n();
  return (
    <p className="pt-loading" role="status">
      {t('portal.loading')}
    </p>
  );
}

function BackHome() {
  const { t } = useI18n();
  return (
    <nav aria-label={t('portal.nav.label')} className="pt-crumbs">
      <Link href="/" className="pt-crumbs__home">
        <span aria-hidden="true">‹ </span>
        {t('portal.nav.back')}
      </Link>
    </nav>
  );
}

function Page({ children }: { children: ReactNode }) {
  return (
    <>
      <BackHome />
      <PageBoundary messageKey="portal.error.network" retryKey="portal.retry">
        <Suspense fallback={<Loading />}>{children}</Suspense>
      </PageBoundary>
    </>
  );
}

function NotFound() {
  const { t } = useI18n();
  return (
    <section className="fb-card" aria-labelledby="nf-title">
      <h2 id="nf-title" className="fb-card__title">
        {t('portal.notFound.title')}
      </h2>
      <p>{t('portal.notFound.body')}</p>
    </section>
  );
}

/** Moves focus to the page's heading after a route change, so screen readers hear where they are. */
function useFocusOnNavigate() {
  const [location] = useLocation();
  useEffect(() => {
    window.scrollTo(0, 0);
    const heading = document.querySelector<HTMLElement>('main h2');
    if (heading && location !== '/') {
      heading.tabIndex = -1;
      heading.focus({ preventScroll: true });
    }
  }, [location]);
}

export function App() {
  useFocusOnNavigate();
  return (
    <Layout product="portal">
      <EmergencyNotice />
      <Switch>
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
        <Route path="/track">
          <Page>
            <TrackPage />
          </Page>
        </Route>
        <Route path="/v/:token">
          {(params) => (
            <Page>
              <VenuePage token={params.token} />
            </Page>
          )}
        </Route>
        <Route path="/exposure">
          <Page>
            <ExposurePage />
          </Page>
        </Route>
        <Route path="/draws">
          <Page>
            <DrawsPage />
          </Page>
        </Route>
        <Route path="/draws/:id">
          {(params) => (
            <Page>
              <DrawPage id={params.id} />
            </Page>
          )}
        </Route>
        <Route path="/rewards">
          <Page>
            <RewardsPage />
          </Page>
        </Route>
        <Route path="/developers">
          <Page>
            <Open311Page />
          </Page>
        </Route>
        <Route>
          <Page>
            <NotFound />
          </Page>
        </Route>
      </Switch>
    </Layout>
  );
}
