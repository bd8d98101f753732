import { useEffect, useState } from 'react';
import { App as AntApp, Button, Card, DatePicker, Form, InputNumber, Radio, Select, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { errorMessage, isDesktop } from '../api/bridge';
import { downloadBase64, ExportDocx, type DocxKind } from '../api/exchange_export';
import { vi } from '../locales/vi';
import { useOrganisationStore } from '../stores/organisation';

const t = vi.exchange.report;

/** Báo cáo DOCX: sơ kết 6 tháng or tổng kết năm, of a school or the cluster,
 * as of a moment; saved with the native dialog in the window, downloaded in
 * a browser. */
export function ReportSection() {
  const { message } = AntApp.useApp();
  const schools = useOrganisationStore((s) => s.schools);
  const load = useOrganisationStore((s) => s.load);
  const [kind, setKind] = useState<DocxKind>('so-ket');
  const [half, setHalf] = useState<'H1' | 'H2'>('H1');
  const [year, setYear] = useState<number>(new Date().getFullYear());
  const [school, setSchool] = useState('');
  const [asOf, setAsOf] = useState<Dayjs | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void load();
  }, [load]);

  const exportDocx = async () => {
    const req = {
      kind,
      period: kind === 'so-ket' ? `${year}-${half}` : String(year),
      school,
      as_of: asOf ? asOf.format('YYYY-MM-DD') : '',
    };
    setBusy(true);
    try {
      if (isDesktop()) {
        const path = await ExportDocx.SaveDocx(req);
        if (path) message.success(t.saved(path));
      } else {
        const f = await ExportDocx.DocxFile(req);
        downloadBase64(f.name, f.mime, f.content);
        message.success(t.exported(f.name));
      }
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title={t.title} data-testid="exchange-report">
      <Typography.Paragraph type="secondary">{t.hint}</Typography.Paragraph>
      <Form layout="vertical">
        <Form.Item label={t.kind}>
          <Radio.Group value={kind} onChange={(e) => setKind(e.target.value as DocxKind)} data-testid="docx-kind">
            <Radio value="so-ket">{t.soKet}</Radio>
            <Radio value="tong-ket">{t.tongKet}</Radio>
          </Radio.Group>
        </Form.Item>
        <Form.Item label={t.period}>
          <Space>
            <InputNumber
              aria-label={t.year}
              min={2000}
              max={2100}
              value={year}
              onChange={(v) => v && setYear(v)}
              data-testid="docx-year"
            />
            {kind === 'so-ket' && (
              <Radio.Group value={half} onChange={(e) => setHalf(e.target.value as 'H1' | 'H2')} data-testid="docx-half">
                <Radio value="H1">{t.h1}</Radio>
                <Radio value="H2">{t.h2}</Radio>
              </Radio.Group>
            )}
          </Space>
        </Form.Item>
        <Form.Item label={t.school}>
          <Select
            style={{ maxWidth: 480 }}
            value={school}
            onChange={setSchool}
            data-testid="docx-school"
            options={[{ value: '', label: t.cluster }, ...schools.map((s) => ({ value: s.school_id, label: s.name }))]}
          />
        </Form.Item>
        <Form.Item label={t.asOf}>
          <DatePicker value={asOf} onChange={setAsOf} format="DD/MM/YYYY" data-testid="docx-asof" />
        </Form.Item>
        <Button type="primary" loading={busy} onClick={() => void exportDocx()} data-testid="docx-export">
          {t.export}
        </Button>
      </Form>
    </Card>
  );
}
