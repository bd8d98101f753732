import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { toApiError } from '../api/bridge';
import { DigestService, type DigestCheck, type DigestFound } from '../api/digest';
import { VerifyResult } from '../components/VerifyResult';
import { vi } from '../locales/vi';
import { useAsOfStore } from '../stores/asof';
import { formatDateTime, formatInt } from '../utils/format';

const t = vi.audit.digest;

const columns: TableColumnsType<DigestFound> = [
  { title: t.colCode, dataIndex: 'code', render: (v: string) => <span className="mono" style={{ wordBreak: 'break-all' }}>{v}</span> },
  {
    title: t.colPosition,
    key: 'position',
    width: 200,
    render: (_, d) => <span className="mono">{`${d.origin.slice(0, 8)} #${formatInt(d.origin_seq)}`}</span>,
  },
  {
    title: t.colFound,
    dataIndex: 'found',
    width: 140,
    render: (v: boolean) => <Tag color={v ? 'green' : 'red'}>{v ? t.found : t.notFound}</Tag>,
  },
  { title: t.colSeq, dataIndex: 'seq', align: 'right', width: 120, render: (v: number, d) => (d.found ? formatInt(v) : '–') },
  { title: t.colRecordedAt, dataIndex: 'recorded_at', width: 170, render: (v: string, d) => (d.found ? formatDateTime(v) : '–') },
  { title: t.colLater, dataIndex: 'later', align: 'right', width: 150, render: (v: number, d) => (d.found ? formatInt(v) : '–') },
];

/** Mã xác thực: an inspector enters the code printed on a report (or the text of its
 * QR code) and learns whether this ledger still holds exactly the history up to it. */
export function DigestTab() {
  const [form] = Form.useForm<{ code: string }>();
  const [checking, setChecking] = useState(false);
  const [result, setResult] = useState<DigestCheck | null>(null);
  const [error, setError] = useState<string | null>(null);
  const asOf = useAsOfStore((s) => s.asOf);

  const check = async () => {
    let code: string;
    try {
      code = (await form.validateFields()).code;
    } catch {
      return;
    }
    setChecking(true);
    setError(null);
    setResult(null);
    try {
      setResult(await DigestService.Verify(code));
    } catch (err) {
      const e = toApiError(err);
      if (e.field === 'code') form.setFields([{ name: 'code', errors: [e.message] }]);
      else setError(e.message);
    } finally {
      setChecking(false);
    }
  };

  const useCurrent = async () => {
    try {
      const d = await DigestService.Current(asOf ?? '');
      form.setFieldsValue({ code: d.codes.join('; ') });
      form.setFields([{ name: 'code', errors: [] }]);
    } catch (err) {
      setError(toApiError(err).message);
    }
  };

  const type = !result ? 'info' : !result.intact ? 'error' : result.ok ? 'success' : 'warning';
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }} data-testid="audit-digest">
      <Card title={t.title}>
        <Typography.Paragraph type="secondary">{t.intro}</Typography.Paragraph>
        <Form form={form} layout="vertical" name="digest" onFinish={() => void check()}>
          <Form.Item name="code" label={t.codeLabel} rules={[{ required: true, whitespace: true, message: vi.forms.required }]}>
            <Input.TextArea
              autoSize={{ minRows: 1, maxRows: 4 }}
              className="mono"
              placeholder={t.codePlaceholder}
              data-testid="digest-input"
              onPressEnter={(e) => {
                e.preventDefault();
                void check();
              }}
            />
          </Form.Item>
          <Space>
            <Button
              type="primary"
              icon={<SafetyCertificateOutlined />}
              loading={checking}
              onClick={() => void check()}
              data-testid="digest-check"
            >
              {t.check}
            </Button>
            <Button onClick={() => void useCurrent()} data-testid="digest-use-current">
              {t.useCurrent}
            </Button>
          </Space>
        </Form>
      </Card>
      {error ? <Alert type="error" showIcon message={vi.common.errorTitle} description={error} /> : null}
      {result ? (
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          <Alert
            type={type}
            showIcon
            data-testid="digest-verdict"
            data-intact={result.intact ? 'true' : 'false'}
            data-ok={result.ok ? 'true' : 'false'}
            message={<Typography.Text strong>{result.verdict}</Typography.Text>}
            description={
              <>
                <div>{result.detail}</div>
                <div>
                  {t.checkedAt(
                    formatDateTime(result.report.verified_at),
                    formatInt(result.report.checked),
                    formatInt(result.report.origins),
                  )}
                </div>
              </>
            }
          />
          <Table<DigestFound>
            data-testid="digest-codes"
            size="small"
            title={() => <Typography.Text strong>{t.codesTitle}</Typography.Text>}
            rowKey={(d, i) => `${d.code}-${i ?? 0}`}
            columns={columns}
            dataSource={result.digests}
            pagination={false}
          />
          {!result.report.ok ? <VerifyResult report={result.report} /> : null}
        </Space>
      ) : null}
    </Space>
  );
}
