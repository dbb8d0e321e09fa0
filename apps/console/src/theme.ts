import type { ThemeConfig } from 'antd';

export const FONT_FAMILY =
  "-apple-system, BlinkMacSystemFont, 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Source Han Sans SC', 'WenQuanYi Micro Hei', 'Helvetica Neue', Arial, sans-serif";

/** Fire-service red as the primary colour; everything else stays Ant Design's default. */
export const consoleTheme: ThemeConfig = {
  // Secondary and description text darker than antd's 0.45 alpha so it keeps WCAG AA contrast (4.5:1) on white and on the grey layout.
  token: { colorPrimary: '#c8161d', colorError: '#cf1322', colorLink: '#a8071a', colorTextTertiary: 'rgba(0, 0, 0, 0.6)', fontFamily: FONT_FAMILY, borderRadius: 6, colorTextSecondary: 'rgba(0, 0, 0, 0.65)', colorTextDescription: 'rgba(0, 0, 0, 0.65)', colorTextPlaceholder: 'rgba(0, 0, 0, 0.6)' },
  components: { Layout: { headerBg: '#1f2329', siderBg: '#ffffff' }, Descriptions: { labelColor: 'rgba(0, 0, 0, 0.65)' } },
};
