import type { ThemeConfig } from 'antd';

export const FONT_FAMILY =
  "-apple-system, BlinkMacSystemFont, 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Source Han Sans SC', 'WenQuanYi Micro Hei', 'Helvetica Neue', Arial, sans-serif";

/** Fire-service red as the primary colour; everything else stays Ant Design's default. */
export const consoleTheme: ThemeConfig = {
  token: { colorPrimary: '#c8161d', fontFamily: FONT_FAMILY, borderRadius: 6 },
  components: { Layout: { headerBg: '#1f2329', siderBg: '#ffffff' } },
};
