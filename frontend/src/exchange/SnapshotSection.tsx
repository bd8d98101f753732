import { useState } from 'react';
import { App, Button, Card, DatePicker, Descriptions, Divider, Form, Input, Space, Typography } from 'antd';
import { FolderOpenOutlined, SaveOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { errorMessage, isDesktop } from '../api/bridge';
import { SnapshotApi, type SnapshotResult } from '../api/exchange_snapshot';
import { PeriodSelect, SchoolSelect } from '../components/Selects';
import { vi } from '../locales/vi';
import { useAsOfStore } from '../stores/asof';
import { useFiltersStore } from '../stores/filters';
import { ASOF_FORMATS, END_OF_DAY, pickToAsOf } from '../utils/asof';
import { formatDateTime, formatInt } from '../utils/format';
import dayjs from 'dayjs';

const t = vi.exchange.snapshot;

interface ExportForm {
  period: string;
  school?: string;
  asOf?: Dayjs | null;
  path?: string;
}

/** "Bản chụp số liệu của kỳ": export a period snapshot (.socai), signed, with the native
 * save dialog in the window or to a path in the browser harness; and open one read-only
 * ("chế độ kiểm tra"). */
export function SnapshotSection() {
  const desktop = isDesktop();
  const period = useFiltersStore((s) => s.period);
  const snapshotOpen = useAsOfStore((s) => s.snapshot !== null);
  const apply = useAsOfStore((s) => s.apply);
  const [form] = Form.useForm<ExportForm>();
  const [saving, setSaving] = useState(false);
  const [opening, setOpening] = useState(false);
  const [result, setResult] = useState<SnapshotResult | null>(null);
  const [openPath, setOpenPath] = useState('');
  const { message } = App.useApp();

  const save = async (v: ExportForm) => {
    setSaving(true);
    try {
      const asOf = v.asOf ? pickToAsOf(v.asOf) : '';
      const school = v.school ?? '';
      const res = desktop
        ? await SnapshotApi.Save(v.period, asOf, school)
        : await SnapshotApi.SaveTo(v.period, asOf, school, (v.path ?? '').trim());
      if (!res.path) return; // the save dialog was cancelled
      setResult(res);
      setOpenPath(res.path);
      message.success(t.exported(res.path));
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setSaving(false);
    }
  };

  const open = async (path: string) => {
    setOpening(true);
    try {
      const st = await SnapshotApi.Open(path);
      apply(st);
      if (st.snapshot) message.success(t.opened(st.snapshot.period));
    } catch (err) {
      message.error(`${t.openRefused}: ${errorMessage(err)}`);
    } finally {
      setOpening(false);
    }
  };

  return (
    <Card title={t.title} data-testid="exchange-snapshot">
      <Typography.Paragraph type="secondary">{t.intro}</Typography.Paragraph>
      <Form<ExportForm>
        form={form}
        layout="vertical"
        initialValues={{ period, school: undefined, asOf: null, path: '' }}
        onFinish={(v) => void save(v)}
        data-testid="snapshot-form"
      >
        <Space wrap align="start">
          <Form.Item name="period" label={t.period} rules={[{ required: true, message: vi.forms.required }]}>
            <PeriodSelect style={{ width: 220 }} data-testid="snapshot-period" />
          </Form.Item>
          <Form.Item name="school" label={t.scope}>
            <SchoolSelect allowClear placeholder={vi.common.cluster} style={{ width: 260 }} data-testid="snapshot-school" />
          </Form.Item>
          <Form.Item name="asOf" label={t.asOf} tooltip={t.asOfHint}>
            <DatePicker
              showTime={{ format: 'HH:mm', defaultOpenValue: dayjs(END_OF_DAY, 'HH:mm:ss') }}
              format={ASOF_FORMATS}
              disabledDate={(d) => d.isAfter(dayjs(), 'day')}
              style={{ width: 200 }}
              data-testid="snapshot-asof"
            />
          </Form.Item>
        </Space>
        {desktop ? null : (
          <Form.Item
            name="path"
            label={t.path}
            tooltip={t.pathHint}
            rules={[{ required: true, whitespace: true, message: vi.forms.required }]}
          >
            <Input placeholder="D:\\bao-cao\\2021-H1.socai" data-testid="snapshot-path" />
          </Form.Item>
        )}
        <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={saving} data-testid="snapshot-export">
          {t.export}
        </Button>
      </Form>

      {result ? (
        <Descriptions
          title={t.result}
          column={1}
          size="small"
          bordered
          style={{ marginTop: 16 }}
          data-testid="snapshot-result"
        >
          <Descriptions.Item label={t.resultPath}>
            <Typography.Text copyable data-testid="snapshot-result-path">
              {result.path}
            </Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t.resultCutoff}>{formatDateTime(result.cutoff)}</Descriptions.Item>
          <Descriptions.Item label={t.resultEvents}>
            <span data-testid="snapshot-result-events">{formatInt(result.events)}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t.resultFigures}>{formatInt(result.figures)}</Descriptions.Item>
          <Descriptions.Item label={t.resultHeads}>
            {result.heads.map((h) => (
              <div key={h.origin}>
                <Typography.Text code>{`${h.origin}:${h.origin_seq}:${h.hash.slice(0, 12)}`}</Typography.Text>
              </div>
            ))}
          </Descriptions.Item>
          <Descriptions.Item label={t.fingerprint}>
            <Space direction="vertical" size={0}>
              <Typography.Text strong copyable data-testid="snapshot-result-fingerprint">
                {result.fingerprint}
              </Typography.Text>
              <Typography.Text type="secondary">{t.fingerprintHint}</Typography.Text>
            </Space>
          </Descriptions.Item>
        </Descriptions>
      ) : null}

      <Divider orientation="left">{t.openTitle}</Divider>
      <Typography.Paragraph type="secondary">{t.openIntro}</Typography.Paragraph>
      <Space wrap>
        {desktop ? null : (
          <Input
            value={openPath}
            onChange={(e) => setOpenPath(e.target.value)}
            placeholder={t.openPath}
            style={{ width: 360 }}
            data-testid="snapshot-open-path"
          />
        )}
        <Button
          icon={<FolderOpenOutlined />}
          onClick={() => void open(desktop ? '' : openPath.trim())}
          loading={opening}
          disabled={snapshotOpen || (!desktop && !openPath.trim())}
          data-testid="snapshot-open"
        >
          {desktop ? t.open : t.openThis}
        </Button>
        {desktop && result ? (
          <Button onClick={() => void open(result.path)} loading={opening} disabled={snapshotOpen} data-testid="snapshot-open-result">
            {t.openThis}
          </Button>
        ) : null}
      </Space>
    </Card>
  );
}
