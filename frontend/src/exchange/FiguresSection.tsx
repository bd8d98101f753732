// Số liệu XLSX, CSV, JSON: the period's figures of a school or the cluster,
// as of a moment, saved with the native dialog in the window or downloaded in
// the browser. The file carries the digest and the as-of moment; so does the
// summary shown after it is made.

import { useState } from 'react';
import { App, Alert, Button, Card, DatePicker, Descriptions, Form, Radio, Select, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { errorMessage, isDesktop } from '../api/bridge';
import { downloadBase64, FiguresExport, FIGURES_FORMATS, type FiguresFormat } from '../api/exchange_export';
import { DATE_FORMAT, isoDate } from '../components/DateField';
import { PeriodSelect } from '../components/Selects';
import { vi } from '../locales/vi';
import { useAsOfStore } from '../stores/asof';
import { useFiltersStore } from '../stores/filters';
import { useOrganisationStore } from '../stores/organisation';
import { formatDateTime, formatInt } from '../utils/format';

const t = vi.exchange.figures;

/** What the last export made, to show under the form. */
interface Made {
  name: string;
  size: number | null;
  asOf: string | null;
  codes: string[];
  path: string | null;
}

export function FiguresSection() {
  const filters = useFiltersStore();
  const schools = useOrganisationStore((s) => s.schools);
  const viewedAt = useAsOfStore((s) => s.asOf);
  const [period, setPeriod] = useState<string>(filters.period);
  const [school, setSchool] = useState<string>(filters.school);
  const [asOf, setAsOf] = useState<Dayjs | null>(null);
  const [format, setFormat] = useState<FiguresFormat>('xlsx');
  const [busy, setBusy] = useState(false);
  const [made, setMade] = useState<Made | null>(null);
  const { message } = App.useApp();

  const run = async () => {
    if (!period) {
      message.warning(t.needPeriod);
      return;
    }
    setBusy(true);
    try {
      const at = isoDate(asOf);
      if (isDesktop()) {
        const path = await FiguresExport.SaveFigures(format, period, school, at);
        if (path) {
          setMade({ name: path, size: null, asOf: null, codes: [], path });
          message.success(t.saved(path));
        }
      } else {
        const f = await FiguresExport.FiguresFile(format, period, school, at);
        downloadBase64(f.name, f.mime, f.base64);
        setMade({ name: f.name, size: f.size, asOf: f.as_of, codes: f.digest.codes, path: null });
        message.success(t.exported(f.name));
      }
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title={t.title} data-testid="exchange-figures">
      <Typography.Paragraph type="secondary">{t.intro}</Typography.Paragraph>
      <Form layout="vertical" onFinish={() => void run()}>
        <Form.Item label={t.period}>
          <PeriodSelect value={period} onChange={setPeriod} data-testid="figures-period" />
        </Form.Item>
        <Form.Item label={t.scope}>
          <Select<string>
            value={school}
            onChange={setSchool}
            showSearch
            optionFilterProp="label"
            data-testid="figures-school"
            options={[{ value: '', label: t.wholeCluster }, ...schools.map((s) => ({ value: s.school_id, label: s.name }))]}
          />
        </Form.Item>
        <Form.Item label={t.asOf} extra={t.asOfHint}>
          <DatePicker
            value={asOf}
            onChange={setAsOf}
            format={DATE_FORMAT}
            allowClear
            placeholder={viewedAt ? formatDateTime(viewedAt) : t.asOfNow}
            style={{ width: '100%' }}
            data-testid="figures-asof"
          />
        </Form.Item>
        <Form.Item label={t.format}>
          <Radio.Group
            value={format}
            onChange={(e) => setFormat(e.target.value as FiguresFormat)}
            optionType="button"
            data-testid="figures-format"
            options={FIGURES_FORMATS.map((f) => ({ value: f, label: t.formats[f] ?? f }))}
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" icon={<DownloadOutlined />} loading={busy} data-testid="figures-export">
          {t.export}
        </Button>
      </Form>
      {made ? (
        <Alert
          style={{ marginTop: 16 }}
          type="success"
          showIcon
          data-testid="figures-result"
          message={t.resultTitle(made.name)}
          description={
            made.path ? null : (
              <Descriptions size="small" column={1}>
                <Descriptions.Item label={t.resultSize}>{t.bytes(formatInt(made.size))}</Descriptions.Item>
                <Descriptions.Item label={t.resultAsOf}>{formatDateTime(made.asOf)}</Descriptions.Item>
                <Descriptions.Item label={t.resultDigest}>
                  <span data-testid="figures-digest">{made.codes.length > 0 ? made.codes.join('; ') : '–'}</span>
                </Descriptions.Item>
              </Descriptions>
            )
          }
        />
      ) : null}
    </Card>
  );
}
