// One cross-inspection: who, what period, where its figures come from; the
// reported figures beside the ledger's; the report checked against itself; the
// findings and the conclusion; the biên bản to export.

import { useState, type HTMLAttributes } from 'react';
import { App, Button, Card, Col, Descriptions, Empty, Row, Space, Statistic, Switch, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { CheckCircleOutlined, DownloadOutlined, FileSearchOutlined, FormOutlined, PlusOutlined } from '@ant-design/icons';
import { errorMessage, isDesktop } from '../api/bridge';
import {
  InspectionService,
  type ComparedFigure,
  type Comparison,
  type ConsistencyCheck,
  type Finding,
  type Inspection,
  type ReportFormat,
} from '../api/inspection';
import { ServiceError } from '../components/ServiceError';
import { useServiceData } from '../hooks/useServiceData';
import { label, vi } from '../locales/vi';
import { useWritable } from '../stores/asof';
import { formatDate, formatNumber } from '../utils/format';
import { periodLabel } from '../utils/period';
import { CloseInspectionForm, EnterFiguresForm, FindingForm, TakeFromReportForm } from './InspectionForms';
import {
  downloadReport,
  presetFromCheck,
  presetFromFigure,
  STATUS_COLORS,
  type FindingPreset,
} from './inspectionUtils';

const t = vi.audit.inspection;

const num = (v: number | null | undefined): string => formatNumber(v, 2);
const signed = (v: number | null | undefined): string => (typeof v === 'number' && v > 0 ? `+${num(v)}` : num(v));

function StatusTag({ status, names, testId }: { status: string; names: Record<string, string>; testId?: string }) {
  return (
    <Tag color={STATUS_COLORS[status] ?? 'default'} data-testid={testId}>
      {label(names, status)}
    </Tag>
  );
}

type Modal =
  | { kind: 'take' }
  | { kind: 'enter' }
  | { kind: 'finding'; preset: FindingPreset | undefined }
  | { kind: 'close' }
  | null;

export function InspectionDetail({ id }: { id: string }) {
  const comparison = useServiceData(() => InspectionService.Compare(id), [id]);
  const detail = useServiceData(() => InspectionService.Get(id), [id]);
  const writable = useWritable();
  const [modal, setModal] = useState<Modal>(null);
  const [showAll, setShowAll] = useState(false);
  const [exporting, setExporting] = useState<ReportFormat | null>(null);
  const { message } = App.useApp();

  if (comparison.error) return <ServiceError error={comparison.error} onRetry={comparison.reload} />;
  if (detail.error) return <ServiceError error={detail.error} onRetry={detail.reload} />;
  const c = comparison.data;
  if (!c || !detail.data) return <Card loading />;
  const inspection = c.inspection;
  const open = inspection.status === 'open';
  const canWrite = writable && open;
  const figures = c.figures ?? [];
  const labels = new Map<string, string>();
  for (const f of figures) labels.set(f.key, f.label);
  for (const k of c.consistency ?? []) labels.set(k.key, k.label);

  const exportReport = async (format: ReportFormat) => {
    setExporting(format);
    try {
      if (isDesktop()) {
        const path = await InspectionService.SaveReport(id, format);
        if (path) message.success(t.saved(path));
      } else {
        const f = await InspectionService.ReportFile(id, format);
        downloadReport(f);
        message.success(t.exported(f.name));
      }
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setExporting(null);
    }
  };
  const finding = (preset: FindingPreset | undefined) => setModal({ kind: 'finding', preset });

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="inspection-detail">
      <Card
        title={
          <Space wrap>
            <span data-testid="inspection-title">{inspection.inspection_id}</span>
            <Tag color={open ? 'processing' : 'success'} data-testid="inspection-status">
              {open ? t.statusOpen : t.statusClosed}
            </Tag>
          </Space>
        }
        extra={
          <Space wrap>
            <Button
              icon={<DownloadOutlined />}
              type="primary"
              loading={exporting === 'html'}
              onClick={() => void exportReport('html')}
              data-testid="inspection-export-html"
            >
              {t.exportHtml}
            </Button>
            <Button loading={exporting === 'json'} onClick={() => void exportReport('json')} data-testid="inspection-export-json">
              {t.exportJson}
            </Button>
          </Space>
        }
      >
        {!writable ? <Typography.Paragraph type="warning">{t.readOnly}</Typography.Paragraph> : null}
        <Descriptions size="small" column={2} bordered>
          <Descriptions.Item label={t.colInspected}>
            <span data-testid="inspection-inspected">{inspection.inspected_name}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t.colPeriod}>{periodLabel(inspection.period)}</Descriptions.Item>
          <Descriptions.Item label={t.colInspector}>{inspection.inspector}</Descriptions.Item>
          <Descriptions.Item label={t.members}>
            {(inspection.members ?? []).length > 0 ? (inspection.members ?? []).join('; ') : t.noMembers}
          </Descriptions.Item>
          <Descriptions.Item label={t.colOpenedOn}>{formatDate(inspection.opened_on)}</Descriptions.Item>
          <Descriptions.Item label={t.source}>
            <span data-testid="inspection-source">{sourceText(inspection)}</span>
          </Descriptions.Item>
          {!open ? (
            <>
              <Descriptions.Item label={t.conclusion} span={2}>
                <span data-testid="inspection-conclusion">{inspection.conclusion}</span>
                <Typography.Text type="secondary"> ({formatDate(inspection.closed_on)})</Typography.Text>
              </Descriptions.Item>
            </>
          ) : null}
          <Descriptions.Item label={c.frozen ? t.ledgerAtClose : t.ledgerNow} span={2}>
            <Space wrap data-testid="inspection-digests">
              {(c.digests ?? []).map((d) => (
                <Typography.Text key={d.full} code copyable={{ text: d.full }}>
                  {d.short}
                </Typography.Text>
              ))}
            </Space>
          </Descriptions.Item>
        </Descriptions>
        <Space wrap style={{ marginTop: 16 }}>
          <Button icon={<FileSearchOutlined />} disabled={!canWrite} onClick={() => setModal({ kind: 'take' })} data-testid="inspection-take">
            {t.takeFromReport}
          </Button>
          <Button icon={<FormOutlined />} disabled={!canWrite} onClick={() => setModal({ kind: 'enter' })} data-testid="inspection-enter">
            {t.enterFigures}
          </Button>
          <Button icon={<PlusOutlined />} disabled={!canWrite} onClick={() => finding(undefined)} data-testid="inspection-finding">
            {t.recordFinding}
          </Button>
          <Button icon={<CheckCircleOutlined />} disabled={!canWrite} onClick={() => setModal({ kind: 'close' })} data-testid="inspection-close">
            {t.close}
          </Button>
        </Space>
      </Card>

      <Summary c={c} />

      <Card
        title={t.compareTitle}
        extra={
          <Space>
            <Switch checked={showAll} onChange={setShowAll} size="small" data-testid="inspection-show-all" />
            <span>{t.showAll}</span>
          </Space>
        }
      >
        <Typography.Paragraph type="secondary">{t.compareHint}</Typography.Paragraph>
        <Table<ComparedFigure>
          size="small"
          rowKey="key"
          dataSource={showAll ? figures : figures.filter((f) => f.reported !== null)}
          columns={figureColumns(canWrite, (f) => finding(presetFromFigure(f)))}
          pagination={{ pageSize: 60, hideOnSinglePage: true, showSizeChanger: false }}
          onRow={(f) => ({ 'data-testid': `cmp-${f.key}`, 'data-status': f.status }) as HTMLAttributes<HTMLElement>}
          locale={{ emptyText: <Empty description={t.noFigures} /> }}
          data-testid="inspection-figures"
        />
      </Card>

      <Card title={t.consistencyTitle}>
        <Typography.Paragraph type="secondary">{t.consistencyHint}</Typography.Paragraph>
        <Table<ConsistencyCheck>
          size="small"
          rowKey="key"
          dataSource={c.consistency ?? []}
          columns={checkColumns(canWrite, (k) => finding(presetFromCheck(k)))}
          pagination={false}
          onRow={(k) => ({ 'data-testid': `chk-${k.key}`, 'data-status': k.status }) as HTMLAttributes<HTMLElement>}
          locale={{ emptyText: <Empty description={t.noConsistency} /> }}
          data-testid="inspection-consistency"
        />
      </Card>

      <Card title={t.findingsTitle}>
        <Table<Finding>
          size="small"
          rowKey="seq"
          dataSource={detail.data.findings ?? []}
          columns={findingColumns(labels)}
          pagination={false}
          locale={{ emptyText: <Empty description={t.noFindings} /> }}
          data-testid="inspection-findings"
        />
      </Card>

      {modal?.kind === 'take' ? <TakeFromReportForm open onClose={() => setModal(null)} inspection={inspection} /> : null}
      {modal?.kind === 'enter' ? (
        <EnterFiguresForm open onClose={() => setModal(null)} inspection={inspection} figures={figures} />
      ) : null}
      {modal?.kind === 'finding' ? (
        <FindingForm open onClose={() => setModal(null)} inspectionId={id} preset={modal.preset} />
      ) : null}
      {modal?.kind === 'close' ? <CloseInspectionForm open onClose={() => setModal(null)} inspectionId={id} /> : null}
    </Space>
  );
}

function sourceText(i: Inspection): string {
  if (Object.keys(i.figures ?? {}).length === 0) return t.noFigures;
  if (i.report_id) return t.sourceReport(i.figures_source || i.report_id);
  return t.sourceTyped(i.figures_source);
}

function Summary({ c }: { c: Comparison }) {
  const s = c.summary;
  const items: { title: string; value: number; color?: string; testId: string }[] = [
    { title: t.summaryReported, value: s.reported, testId: 'sum-reported' },
    { title: t.summaryKhop, value: s.khop, color: '#389e0d', testId: 'sum-khop' },
    { title: t.summaryChenhLech, value: s.chenh_lech, color: s.chenh_lech > 0 ? '#cf1322' : undefined, testId: 'sum-chenh-lech' },
    { title: t.summaryThieu, value: s.thieu, testId: 'sum-thieu' },
    {
      title: t.summaryChecks,
      value: s.checks_chenh_lech,
      color: s.checks_chenh_lech > 0 ? '#cf1322' : undefined,
      testId: 'sum-checks',
    },
  ];
  return (
    <Card size="small">
      <Row gutter={16}>
        {items.map((i) => (
          <Col key={i.testId} flex="1">
            <Statistic
              title={i.title}
              value={i.value}
              valueStyle={i.color ? { color: i.color } : undefined}
              formatter={() => <span data-testid={i.testId}>{formatNumber(i.value, 0)}</span>}
            />
          </Col>
        ))}
      </Row>
    </Card>
  );
}

function actionColumn<R>(canWrite: boolean, testId: (r: R) => string, onFinding: (r: R) => void) {
  return {
    title: '',
    key: 'action',
    width: 110,
    render: (_: unknown, r: R) => (
      <Button size="small" disabled={!canWrite} onClick={() => onFinding(r)} data-testid={testId(r)}>
        {t.recordFinding}
      </Button>
    ),
  };
}

const numCell = { align: 'right' as const, width: 110 };

function figureColumns(canWrite: boolean, onFinding: (f: ComparedFigure) => void): TableColumnsType<ComparedFigure> {
  return [
    { title: t.colFigure, dataIndex: 'label', key: 'label' },
    { title: t.colUnit, dataIndex: 'unit', key: 'unit', width: 90 },
    { title: t.colReported, dataIndex: 'reported', key: 'reported', ...numCell, render: num },
    { title: t.colComputed, dataIndex: 'computed', key: 'computed', ...numCell, render: num },
    {
      title: t.colDifference,
      dataIndex: 'difference',
      key: 'difference',
      ...numCell,
      render: (d: number | null) => (
        <Typography.Text type={typeof d === 'number' && d !== 0 ? 'danger' : undefined}>{signed(d)}</Typography.Text>
      ),
    },
    {
      title: t.colResult,
      dataIndex: 'status',
      key: 'status',
      width: 150,
      filters: Object.entries(t.statuses).map(([value, text]) => ({ text, value })),
      onFilter: (v, f) => f.status === v,
      render: (s: string) => <StatusTag status={s} names={t.statuses} />,
    },
    actionColumn<ComparedFigure>(canWrite, (f) => `finding-from-${f.key}`, onFinding),
  ];
}

function checkColumns(canWrite: boolean, onFinding: (k: ConsistencyCheck) => void): TableColumnsType<ConsistencyCheck> {
  return [
    { title: t.colFigure, dataIndex: 'label', key: 'label' },
    { title: t.colTotal, dataIndex: 'total', key: 'total', ...numCell, render: num },
    { title: t.colSum, dataIndex: 'sum', key: 'sum', ...numCell, render: num },
    {
      title: t.colDifference,
      dataIndex: 'difference',
      key: 'difference',
      ...numCell,
      render: (d: number) => <Typography.Text type={d !== 0 ? 'danger' : undefined}>{signed(d)}</Typography.Text>,
    },
    {
      title: t.colResult,
      dataIndex: 'status',
      key: 'status',
      width: 150,
      render: (s: string) => <StatusTag status={s} names={t.checkStatuses} />,
    },
    actionColumn<ConsistencyCheck>(canWrite, (k) => `finding-from-${k.key}`, onFinding),
  ];
}

function findingColumns(labels: Map<string, string>): TableColumnsType<Finding> {
  return [
    { title: t.colFigure, dataIndex: 'subject', key: 'subject', render: (s: string) => labels.get(s) ?? s },
    { title: t.colReported, dataIndex: 'reported', key: 'reported', ...numCell, render: num },
    { title: t.colVerified, dataIndex: 'verified', key: 'verified', ...numCell, render: num },
    {
      title: t.colResult,
      dataIndex: 'status',
      key: 'status',
      width: 150,
      render: (s: string) => <StatusTag status={s} names={t.findingStatuses} />,
    },
    { title: t.colNote, dataIndex: 'note', key: 'note' },
    { title: t.colRecordedOn, dataIndex: 'recorded_on', key: 'on', width: 100, render: (d: string) => formatDate(d) },
    { title: t.colActor, dataIndex: 'actor', key: 'actor', width: 140 },
  ];
}
