import { Alert } from 'antd';
import { vi } from '../locales/vi';
import { useAsOfStore } from '../stores/asof';
import { asOfLabel } from '../utils/asof';
import { formatInt } from '../utils/format';

const t = vi.asOf;

/** Under the header on every page while the window shows the past: when, and that
 * nothing can be recorded ("Về hiện tại" is beside the picker, just above). */
export function HistoricalBanner() {
  const { asOf, events, snapshot } = useAsOfStore();
  if (!asOf || snapshot) return null; // a snapshot has its own banner (SnapshotBanner)
  return (
    <Alert
      type="warning"
      showIcon
      banner
      data-testid="asof-banner"
      message={<strong data-testid="asof-banner-title">{t.banner(asOfLabel(asOf))}</strong>}
      description={events === 0 ? t.emptyView : t.bannerDetail(formatInt(events))}
      style={{ borderBottom: '2px solid #d48806' }}
    />
  );
}
