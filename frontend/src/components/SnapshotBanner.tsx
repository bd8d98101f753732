import { useState } from 'react';
import { Alert, App, Button, Space } from 'antd';
import { CloseCircleOutlined } from '@ant-design/icons';
import { errorMessage } from '../api/bridge';
import { SnapshotApi } from '../api/exchange_snapshot';
import { vi } from '../locales/vi';
import { useAsOfStore } from '../stores/asof';
import { formatDateTime, formatInt } from '../utils/format';
import { periodLabel } from '../utils/period';

const t = vi.exchange.snapshot;

/** Under the header on every page while a period snapshot is open: which snapshot, who
 * made and signed it, what this ledger knows of the key, and "Đóng bản chụp". */
export function SnapshotBanner() {
  const snapshot = useAsOfStore((s) => s.snapshot);
  const events = useAsOfStore((s) => s.events);
  const apply = useAsOfStore((s) => s.apply);
  const [closing, setClosing] = useState(false);
  const { message } = App.useApp();
  if (!snapshot) return null;

  const close = async () => {
    setClosing(true);
    try {
      apply(await SnapshotApi.Close());
      message.success(t.closed);
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setClosing(false);
    }
  };
  const scope = snapshot.scope_name || vi.common.cluster;
  const keyNote = t.keyStatus[snapshot.key_status] ?? '';
  return (
    <Alert
      type="info"
      showIcon
      banner
      data-testid="snapshot-banner"
      message={
        <strong data-testid="snapshot-banner-title">
          {t.banner(periodLabel(snapshot.period), scope, snapshot.creator, snapshot.fingerprint)}
        </strong>
      }
      description={
        <Space direction="vertical" size={0}>
          <span>{t.bannerDetail(formatDateTime(snapshot.cutoff), formatInt(events ?? snapshot.events), snapshot.path)}</span>
          {keyNote ? <span data-testid="snapshot-key-status">{keyNote}</span> : null}
        </Space>
      }
      action={
        <Button icon={<CloseCircleOutlined />} onClick={() => void close()} loading={closing} data-testid="snapshot-close">
          {t.close}
        </Button>
      }
      style={{ borderBottom: '2px solid #1d39c4' }}
    />
  );
}
