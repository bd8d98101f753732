import { Button, Popover, Space, Tag, Tooltip, Typography } from 'antd';
import { QrcodeOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { CloseService } from '../api/close';
import { DigestService } from '../api/digest';
import { showAmendments } from '../audit/CloseTab';
import { useServiceData } from '../hooks/useServiceData';
import { vi } from '../locales/vi';
import { useAsOfStore } from '../stores/asof';
import { useFiltersStore } from '../stores/filters';
import { useNavigationStore } from '../stores/navigation';
import { formatDateTime, formatInt } from '../utils/format';

const t = vi.audit.digest;

/** The digest of the figures on screen: the chain heads of the ledger now (or as of
 * the moment being viewed), as short codes to print with a report, a copy button and
 * the QR code. An inspector checks it in "Kiểm tra – Kiểm toán › Mã xác thực". */
export function DigestBadge() {
  const asOf = useAsOfStore((s) => s.asOf);
  const { data, error } = useServiceData(() => DigestService.Current(asOf ?? ''), [asOf]);
  if (error || !data) return null;
  if (data.codes.length === 0) {
    return (
      <Typography.Text type="secondary" data-testid="digest-badge" data-empty="true">
        {t.badgeEmpty}
      </Typography.Text>
    );
  }
  const codes = data.codes.join('; ');
  const qr = (
    <Space direction="vertical" size={8} style={{ maxWidth: 340 }} data-testid="digest-qr">
      <img src={data.qr_png} alt={t.qrTitle} width={220} height={220} style={{ display: 'block', margin: '0 auto' }} />
      {data.as_of ? <Typography.Text type="secondary">{t.asOf(formatDateTime(data.as_of))}</Typography.Text> : null}
      <Typography.Text className="mono" style={{ fontSize: 12, wordBreak: 'break-all' }} copyable={{ text: data.full.join('; ') }}>
        {data.full.join('; ')}
      </Typography.Text>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t.qrHint}
      </Typography.Text>
    </Space>
  );
  return (
    <Space size={6} data-testid="digest-badge">
      <Tooltip title={t.badgeHint}>
        <Typography.Text type="secondary">
          <SafetyCertificateOutlined /> {t.badge}:
        </Typography.Text>
      </Tooltip>
      <Typography.Text
        className="mono"
        data-testid="digest-badge-code"
        copyable={{ text: codes, tooltips: [t.copy, t.copied] }}
      >
        {codes}
      </Typography.Text>
      <Popover title={t.qrTitle} content={qr} trigger="click" placement="bottomRight">
        <Button size="small" icon={<QrcodeOutlined />} data-testid="digest-qr-button">
          {t.qrButton}
        </Button>
      </Popover>
    </Space>
  );
}

/** Whether the period on screen is closed for the school (or the cluster) on screen,
 * and whether its figures changed since: the report's "đã chốt" and "điều chỉnh sau
 * chốt" marks; the second opens the amendments. */
export function CloseFlag() {
  const period = useFiltersStore((s) => s.period);
  const school = useFiltersStore((s) => s.school);
  const go = useNavigationStore((s) => s.go);
  const { data } = useServiceData(() => CloseService.Status(period, school), [period, school]);
  const closed = data?.closed;
  if (!closed) return null;
  return (
    <Space size={4}>
      <Tag color="blue" data-testid="close-flag">
        {vi.audit.close.flagClosed(formatDateTime(closed.closed_at))}
      </Tag>
      {data.changed.length > 0 ? (
        <Tooltip title={vi.audit.close.flagAmendedHint}>
          <Tag
            color="red"
            style={{ cursor: 'pointer' }}
            data-testid="amended-flag"
            onClick={() => {
              showAmendments(closed.event_id);
              go('inspections');
            }}
          >
            {vi.audit.close.flagAmended(formatInt(data.changed.length))}
          </Tag>
        </Tooltip>
      ) : null}
    </Space>
  );
}
