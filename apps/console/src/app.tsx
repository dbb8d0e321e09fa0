import { useEffect } from 'react';
import { BrandMark, useI18n } from '@firebreak/ui';
import { Card, ConfigProvider, Layout, Menu, Space, Typography, App as AntApp } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { ConsoleHealth } from './console-health';
import { LanguageSegmented } from './language-segmented';
import { consoleTheme } from './theme';

const { Header, Sider, Content, Footer } = Layout;

export function App() {
  const { t, language } = useI18n();
  const name = t('product.console.name');

  useEffect(() => {
    document.title = `${name} · Firebreak`;
  }, [name]);

  const menuItems = [
    { key: 'dashboard', label: t('console.nav.dashboard') },
    { key: 'hazards', label: t('console.nav.hazards'), disabled: true },
    { key: 'reports', label: t('console.nav.reports'), disabled: true },
    { key: 'enforcement', label: t('console.nav.enforcement'), disabled: true },
  ];

  return (
    <ConfigProvider locale={language === 'zh-CN' ? zhCN : enUS} theme={consoleTheme}>
      <AntApp>
        <Layout style={{ minHeight: '100vh' }}>
          <Header className="console-header">
            <span className="console-brand">
              <BrandMark />
              {t('brand.name')}
            </span>
            <Space size="middle" wrap>
              <ConsoleHealth />
              <LanguageSegmented />
            </Space>
          </Header>
          <Layout>
            <Sider breakpoint="lg" collapsedWidth={0} width={208} theme="light">
              <Menu mode="inline" selectedKeys={['dashboard']} items={menuItems} style={{ borderInlineEnd: 0 }} />
            </Sider>
            <Layout>
              <Content className="console-content">
                <Typography.Title level={2} data-testid="product-name" style={{ marginBottom: 4 }}>
                  {name}
                </Typography.Title>
                <Typography.Paragraph type="secondary">{t('product.console.subtitle')}</Typography.Paragraph>
                <Card title={t('console.nav.dashboard')}>
                  <Typography.Paragraph style={{ marginBottom: 0 }}>{t('console.welcome')}</Typography.Paragraph>
                </Card>
              </Content>
              <Footer className="console-footer">{t('footer.text')} · Firebreak</Footer>
            </Layout>
          </Layout>
        </Layout>
      </AntApp>
    </ConfigProvider>
  );
}
