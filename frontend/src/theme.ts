import type { ThemeConfig } from 'antd';

export const theme: ThemeConfig = {
  token: {
    colorPrimary: '#a8071a',
    colorLink: '#a8071a',
    borderRadius: 6,
    fontFamily:
      "'Segoe UI', 'Noto Sans', 'DejaVu Sans', 'Liberation Sans', Roboto, 'Helvetica Neue', Arial, sans-serif",
  },
  components: {
    Layout: {
      headerBg: '#8c0a14',
      siderBg: '#ffffff',
    },
  },
};
