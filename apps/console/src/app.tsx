import { Suspense, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '@firebreak/client';
import { BrandMark, useI18n } from '@firebreak/ui';
import { Alert, App as AntApp, Button, ConfigProvider, Layout, Menu, Modal, Result, Space, Spin, Tag } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { Redirect, Route, Router, Switch, useLocation } from 'wouter';
import { ConsoleHealth } from './console-health';
import { LanguageSegmented } from './language-segmented';
import { AccessContext, accessOf, type Access, type Me } from './lib/access';
import { sessionExpiry, sessionHint } from './lib/session-events';
import { isUnauthorized, useText } from './lib/text';
import { SignInForm } from './pages/sign-in';
import { allowed, homeOf, ROUTES } from './routes';
import { consoleTheme } from './theme';

const { Header, Sider, Content, Footer } = Layout;

export function App() {
  const { t, language } = useI18n();
  const name = t('product.console.name');
  useEffect(() => {
    document.title = `${name} · Firebreak`;
    dayjs.locale(language === 'en' ? 'en' : 'zh-cn');
  }, [name, language]);
  return (
    <ConfigProvider locale={language === "zh-CN" ? zhCN : enUS} theme={consoleTheme} button={{ autoInsertSpace: false }}>
      <AntApp>
        <Router base="/console">
          <Session />
        </Router>
      </AntApp>
    </ConfigProvider>
  );
}

/** auth.me decides: signed in → the shell; no session → the sign-in page. */
function Session() {
  const trpc = useTRPC();
  const [hinted, setHinted] = useState(sessionHint.get);
  const me = useQuery(trpc.auth.me.queryOptions(undefined, { retry: false, staleTime: 5 * 60_000, refetchOnWindowFocus: true, enabled: hinted }));
  const { tx } = useText();
  useEffect(() => {
    if (me.isError && isUnauthorized(me.error)) sessionHint.set(false);
  }, [me.isError, me.error]);
  if (!hinted) return <SignInPage onSignedIn={() => setHinted(true)} />;
  // Once signed in, a later 401 keeps the shell (and what is typed) under the re-sign-in dialog.
  if (me.data) return <Shell me={me.data} />;
  if (me.isPending) {
    return (
      <div className="console-center" role="status">
        <Spin /> <span>{tx('正在加载…', 'Loading…')}</span>
      </div>
    );
  }
  if (me.isError) {
    if (isUnauthorized(me.error)) return <SignInPage onSignedIn={() => setHinted(true)} />;
    return <Result status="error" title={tx('无法连接服务器', 'Cannot reach the server')} extra={<Button onClick={() => void me.refetch()}>{tx('重试', 'Retry')}</Button>} />;
  }
  return null;
}

function SignInPage({ onSignedIn }: { onSignedIn: () => void }) {
  const { t } = useI18n();
  const { tx } = useText();
  return (
    <main className="console-signin">
      <div className="console-signin__panel">
        <div className="console-signin__brand">
          <BrandMark />
          <span>{t('brand.name')}</span>
        </div>
        <h1 className="console-signin__title" data-testid="product-name">{t('product.console.name')}</h1>
        <p className="console-signin__subtitle">{t('product.console.subtitle')}</p>
        <SignInForm onSignedIn={onSignedIn} />
        <p className="console-signin__note">{tx('仅限授权人员使用，所有操作均记入审计日志。', 'Authorised staff only. Every action is recorded in the audit log.')}</p>
        <div className="console-signin__lang">
          <LanguageSegmented />
        </div>
      </div>
    </main>
  );
}

function Shell({ me }: { me: Me }) {
  const { t } = useI18n();
  const { tx, label, role } = useText();
  const trpc = useTRPC();
  const qc = useQueryClient();
  const access: Access = useMemo(() => accessOf(me), [me]);
  const [location, navigate] = useLocation();
  const expired = useSyncExternalStore((listener: () => void) => sessionExpiry.subscribe(listener), () => sessionExpiry.get());
  const logout = useMutation(
    trpc.auth.logout.mutationOptions({
      onSettled: () => {
        sessionHint.set(false);
        qc.clear();
        window.location.assign('/console/');
      },
    }),
  );
  const routes = ROUTES.filter((r) => allowed(r, access));
  const menu = routes.filter((r) => r.menu);
  const current = routes.find((r) => r.path === location) ?? routes.find((r) => r.path !== '/' && location.startsWith(r.path.split('/:')[0]!));
  const selected = current?.menuKey ?? current?.key ?? '';
  const bare = routes.filter((r) => r.bare);

  if (bare.some((r) => location.startsWith(r.path.split('/:')[0]!))) {
    return (
      <AccessContext.Provider value={access}>
        <Suspense fallback={<Spin />}>
          <Switch>
            {bare.map((r) => (
              <Route key={r.key} path={r.path}>
                {(params) => <r.page params={params} />}
              </Route>
            ))}
          </Switch>
        </Suspense>
      </AccessContext.Provider>
    );
  }

  return (
    <AccessContext.Provider value={access}>
      <Layout style={{ minHeight: '100vh' }}>
        <Header className="console-header">
          <span className="console-brand">
            <BrandMark />
            {t('product.console.name')}
          </span>
          <Space size="middle" wrap>
            <ConsoleHealth />
            <LanguageSegmented />
            <span className="console-user" data-testid="signed-in-user">
              {me.name}
              <Tag className="console-user__role">
                {role(me.role)}
                {access.readOnly ? ` · ${tx('只读', 'read-only')}` : ''}
              </Tag>
            </span>
            <Button size="small" onClick={() => logout.mutate()} loading={logout.isPending} data-testid="sign-out">
              {tx('退出登录', 'Sign out')}
            </Button>
          </Space>
        </Header>
        <Layout>
          <Sider breakpoint="lg" collapsedWidth={0} width={200} theme="light" className="console-sider">
            <nav aria-label={tx('主菜单', 'Main menu')}>
              <Menu
                mode="inline"
                data-testid="main-menu"
                selectedKeys={[selected]}
                items={menu.map((r) => ({ key: r.key, label: <a href={`/console${r.path === '/' ? '/' : r.path}`} onClick={(e) => { e.preventDefault(); navigate(r.path); }}>{label(r.menu)}</a> }))}
                style={{ borderInlineEnd: 0 }}
              />
            </nav>
          </Sider>
          <Layout>
            <Content className="console-content">
              {access.readOnly ? (
                <Alert className="console-readonly" type="info" showIcon title={tx('纪检监察只读视图：可查看，不能办理任何事项。', 'Discipline read-only view: you can look at everything in scope and change nothing.')} />
              ) : null}
              <main>
                <Suspense fallback={<Spin />}>
                  <Switch>
                    {routes.filter((r) => !r.bare).map((r) => (
                      <Route key={r.key} path={r.path}>
                        {(params) => <r.page params={params} />}
                      </Route>
                    ))}
                    <Route>
                      <Redirect to={homeOf(access)} replace />
                    </Route>
                  </Switch>
                </Suspense>
              </main>
            </Content>
            <Footer className="console-footer">{t('footer.text')} · Firebreak</Footer>
          </Layout>
        </Layout>
      </Layout>
      <Modal open={expired} title={tx('登录已过期', 'Your session has ended')} footer={null} closable={false} mask={{ closable: false }} destroyOnHidden>
        <p>{tx('请重新登录。您正在填写的内容会保留。', 'Sign in again. What you were typing is kept.')}</p>
        <SignInForm
          onSignedIn={() => {
            sessionExpiry.set(false);
            void qc.invalidateQueries();
          }}
        />
      </Modal>
    </AccessContext.Provider>
  );
}
