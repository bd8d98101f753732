import type { ThemeConfig } from 'antd';

/** Whether the system asks for less motion (Windows: "Animation effects" off). */
export function reducedMotion(): boolean {
  return typeof window !== 'undefined' && window.matchMedia?.('(prefers-reduced-motion: reduce)').matches === true;
}

export const theme: ThemeConfig = {
  token: {
    // dialogs, menus and toasts appear at once when the system asks for less motion
    motion: !reducedMotion(),
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
