import { useMemo, useState } from 'react';
import { Alert, Button, Card, Checkbox, Form, Select, Space, Spin, Switch, Table, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { LockOutlined } from '@ant-design/icons';
import { create } from 'zustand';
import {
  CloseService,
  type Amendment,
  type AmendmentReport,
  type Figure,
  type FigureDelta,
  type PeriodClose,
} from '../api/close';
import { CommandModal, required } from '../components/CommandModal';
import { PeriodSelect } from '../components/Selects';
import { ServiceError } from '../components/ServiceError';
import { useServiceData } from '../hooks/useServiceData';
import { vi } from '../locales/vi';
import { useAsOfStore, useWritable } from '../stores/asof';
import { useAuditStore } from '../stores/audit';
import { useFiltersStore } from '../stores/filters';
import { useOrganisationStore } from '../stores/organisation';
import { formatDate, formatDateTime, formatInt, formatNumber } from '../utils/format';
import { periodLabel } from '../utils/period';

const t = vi.audit.close;

/** Changes listed in an amendment's row; the rest are in its expanded row. */
const SHOWN_CHANGES = 3;

/** Which close the tab shows the amendments of: the latest unless chosen. */
const useSelectedClose = create<{ eventId: string | null; select: (id: string | null) => void }>()((set) => ({
  eventId: null,
  select: (eventId) => set({ eventId }),
}));

/** Opens the close tab on the amendments of a close (from a report's mark). */
export function showAmendments(eventId: string): void {
  useSelectedClose.getState().select(eventId);
  useAuditStore.getState().setTab('close');
}

/** Chốt số liệu: the closes, the button that records one, and the amendments after
 * close of the chosen one. */
export function CloseTab() {
  const [open, setOpen] = useState(false);
  const writable = useWritable();
  const asOf = useAsOfStore((s) => s.asOf);
  const selected = useSelectedClose((s) => s.eventId);
  const select = useSelectedClose((s) => s.select);
  const closes = useServiceData(() => CloseService.Closes(), [asOf]);
  const list = closes.data ?? [];
  const current = list.find((c) => c.event_id === selected) ?? list[list.length - 1];

  const columns: TableColumnsType<PeriodClose> = [
    { title: t.colPeriod, key: 'period', render: (_, c) => periodLabel(c.period.label), width: 160 },
    { title: t.colScope, dataIndex: 'scope_name', render: (v: string, c) => v || c.scope, ellipsis: { showTitle: true } },
    { title: t.colClosedAt, dataIndex: 'closed_at', render: (v: string) => formatDateTime(v), width: 170 },
    { title: t.colActor, dataIndex: 'actor', width: 120, ellipsis: { showTitle: true } },
    {
      title: t.colReason,
      key: 'reason',
      ellipsis: { showTitle: true },
      render: (_, c) => [c.reason, c.source].filter(Boolean).join(' – ') || '–',
    },
    {
      title: t.colDigest,
      key: 'digest',
      width: 260,
      render: (_, c) => (
        <Typography.Text className="mono" copyable={{ text: c.digest.codes.join('; ') }}>
          {c.digest.codes.join('; ')}
        </Typography.Text>
      ),
    },
  ];

  const closeButton = (
    <Button
      type="primary"
      icon={<LockOutlined />}
      disabled={!writable}
      onClick={() => setOpen(true)}
      data-testid="close-button"
    >
      {t.closeButton}
    </Button>
  );

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }} data-testid="audit-close">
      <Card
        title={t.listTitle}
        extra={writable ? closeButton : <Tooltip title={t.readOnlyHint}>{closeButton}</Tooltip>}
      >
        <Typography.Paragraph type="secondary">{t.intro}</Typography.Paragraph>
        {closes.error ? <ServiceError error={closes.error} onRetry={closes.reload} /> : null}
        <Table<PeriodClose>
          data-testid="closes-table"
          size="small"
          rowKey="event_id"
          columns={columns}
          dataSource={list}
          loading={closes.loading}
          pagination={false}
          locale={{ emptyText: t.empty }}
          rowSelection={{
            type: 'radio',
            columnTitle: '',
            selectedRowKeys: current ? [current.event_id] : [],
            onChange: (keys) => select(String(keys[0] ?? '')),
            getCheckboxProps: (c) => ({ 'aria-label': t.viewAmendments, 'data-testid': `close-view-${c.seq}` }) as never,
          }}
          onRow={(c) => ({ onClick: () => select(c.event_id), style: { cursor: 'pointer' } })}
        />
      </Card>
      {current ? <AmendmentsView close={current} /> : null}
      <CloseModal open={open} onClose={() => setOpen(false)} onClosed={(id) => select(id)} />
    </Space>
  );
}

interface CloseValues {
  period: string;
  scope: string;
  confirm: boolean;
}

/** The close form: period, scope, why and on which document, and the
 * acknowledgement that a close is permanent. */
function CloseModal({ open, onClose, onClosed }: { open: boolean; onClose: () => void; onClosed: (id: string) => void }) {
  const period = useFiltersStore((s) => s.period);
  const clusters = useOrganisationStore((s) => s.clusters);
  const schools = useOrganisationStore((s) => s.schools);
  const options = [
    { label: t.scopeClusterGroup, options: clusters.map((c) => ({ value: c.cluster_id, label: c.name || c.cluster_id })) },
    { label: t.scopeSchoolGroup, options: schools.map((s) => ({ value: s.school_id, label: s.name })) },
  ];
  return (
    <CommandModal<CloseValues>
      open={open}
      name="close"
      title={t.modalTitle}
      okText={t.confirmOk}
      onClose={onClose}
      initialValues={{ period, scope: clusters.length === 1 ? clusters[0]?.cluster_id : undefined }}
      submit={async (v, note) => {
        const c = await CloseService.Close({ period: v.period, scope: v.scope, reason: note.reason, source: note.source });
        return { event_id: c.event_id, seq: c.seq, stream: c.stream, version: 0, id: c.scope };
      }}
      onDone={(r) => onClosed(r.event_id)}
    >
      {(form) => (
        <>
          <Form.Item name="period" label={t.period} rules={required}>
            <PeriodSelect />
          </Form.Item>
          <Form.Item name="scope" label={t.scope} rules={required} extra={t.scopeHint}>
            <Select<string> showSearch optionFilterProp="label" placeholder={vi.forms.selectPlaceholder} options={options} />
          </Form.Item>
          <Form.Item noStyle shouldUpdate>
            {() => {
              const v = form.getFieldsValue();
              const scopeName =
                clusters.find((c) => c.cluster_id === v.scope)?.name ??
                schools.find((s) => s.school_id === v.scope)?.name ??
                '…';
              return (
                <Alert
                  type="warning"
                  showIcon
                  message={t.confirmTitle}
                  description={t.confirmContent(v.period ? periodLabel(v.period) : '…', scopeName)}
                  style={{ marginBottom: 12 }}
                />
              );
            }}
          </Form.Item>
          <Form.Item
            name="confirm"
            valuePropName="checked"
            rules={[{ validator: (_, v) => (v ? Promise.resolve() : Promise.reject(new Error(t.confirmRequired))) }]}
          >
            <Checkbox data-testid="close-confirm">{t.confirmCheck}</Checkbox>
          </Form.Item>
        </>
      )}
    </CommandModal>
  );
}

interface FigureRow {
  key: string;
  area: string;
  label: string;
  unit: string;
  atClose: number | null;
  now: number | null;
  changed: boolean;
}

/** The figures of both lists, in report order, the changed ones marked. */
function figureRows(rep: AmendmentReport): FigureRow[] {
  const changed = new Set(rep.changed.map((c) => c.key));
  const atClose = new Map(rep.figures_at_close.map((f) => [f.key, f]));
  const rows = new Map<string, FigureRow>();
  const add = (f: Figure) => {
    if (rows.has(f.key)) return;
    const area = f.key.split('.')[0] ?? '';
    rows.set(f.key, {
      key: f.key,
      area: t.areas[area] ?? area,
      label: totalLabel(f),
      unit: f.unit,
      atClose: atClose.get(f.key)?.value ?? null,
      now: rep.figures_now.find((n) => n.key === f.key)?.value ?? null,
      changed: changed.has(f.key),
    });
  };
  rep.figures_now.forEach(add);
  rep.figures_at_close.forEach(add);
  return [...rows.values()];
}

/** The cluster's or school's total lines of the class plans are named as such
 * (their keys have no group, type or school part). */
function totalLabel(f: { key: string; label: string }): string {
  return /^classplans\.[a-z]+\.(classes|students)$/.test(f.key) ? `${vi.common.total}: ${f.label}` : f.label;
}

const num = (v: number | null): string => (v === null ? '–' : formatNumber(v, 1));

/** Figures at close against now, and the events that make the difference. */
function AmendmentsView({ close }: { close: PeriodClose }) {
  const rep = useServiceData(() => CloseService.Amendments(close.period.label, close.scope), [close.event_id]);
  const [onlyChanged, setOnlyChanged] = useState(true);
  const rows = useMemo(() => (rep.data ? figureRows(rep.data) : []), [rep.data]);
  const title = t.amendmentsTitle(periodLabel(close.period.label), close.scope_name || close.scope);

  if (rep.error) {
    return (
      <Card title={title}>
        <ServiceError error={rep.error} onRetry={rep.reload} />
      </Card>
    );
  }
  if (!rep.data) {
    return (
      <Card title={title}>
        <Spin tip={t.searching}>
          <div style={{ height: 80 }} />
        </Spin>
      </Card>
    );
  }
  const data = rep.data;
  const amended = data.changed.length > 0;
  const shown = amended && onlyChanged ? rows.filter((r) => r.changed) : rows;

  const figureColumns: TableColumnsType<FigureRow> = [
    { title: t.colArea, dataIndex: 'area', width: 180 },
    { title: t.colFigure, dataIndex: 'label' },
    { title: t.colAtClose, dataIndex: 'atClose', align: 'right', width: 120, render: num },
    { title: t.colNow, dataIndex: 'now', align: 'right', width: 120, render: num },
    {
      title: t.colDiff,
      key: 'diff',
      align: 'right',
      width: 120,
      render: (_, r) => {
        if (!r.changed) return '';
        const d = (r.now ?? 0) - (r.atClose ?? 0);
        return <Typography.Text type={d < 0 ? 'danger' : 'success'}>{(d > 0 ? '+' : '') + formatNumber(d, 1)}</Typography.Text>;
      },
    },
  ];

  const eventColumns: TableColumnsType<Amendment> = [
    { title: t.colSeq, dataIndex: 'seq', align: 'right', width: 100, render: (v: number) => formatInt(v) },
    { title: t.colRecordedAt, dataIndex: 'recorded_at', width: 160, render: (v: string) => formatDateTime(v) },
    {
      title: t.colType,
      key: 'type',
      width: 200,
      render: (_, e) => (
        <Space direction="vertical" size={0}>
          <Tag>{e.type}</Tag>
          {e.retracts ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t.retracts(formatInt(e.retracts.seq), e.retracts.type)}
            </Typography.Text>
          ) : null}
        </Space>
      ),
    },
    {
      title: t.colChanges,
      key: 'changes',
      width: 420,
      render: (_, e) => (
        <ul style={{ margin: 0, paddingInlineStart: 16 }}>
          {e.changes.slice(0, SHOWN_CHANGES).map((c) => (
            <li key={c.key}>
              {totalLabel(c)}: {num(c.before)} → {num(c.after)}
            </li>
          ))}
          {e.changes.length > SHOWN_CHANGES ? (
            <li style={{ listStyle: 'none' }}>
              <Typography.Text type="secondary">{t.moreChanges(formatInt(e.changes.length - SHOWN_CHANGES))}</Typography.Text>
            </li>
          ) : null}
        </ul>
      ),
    },
    { title: t.colReason, dataIndex: 'reason', width: 200, render: (v: string, e) => [v, e.source].filter(Boolean).join(' – ') || '–' },
    { title: t.colRecordedBy, dataIndex: 'actor', width: 130 },
    { title: t.colOccurredOn, dataIndex: 'occurred_on', width: 120, render: (v: string) => formatDate(v) },
    { title: t.colStream, dataIndex: 'stream', width: 220, render: (v: string) => <span className="mono">{v}</span> },
  ];

  const changeColumns: TableColumnsType<FigureDelta> = [
    { title: t.colArea, key: 'area', width: 180, render: (_, c) => t.areas[c.key.split('.')[0] ?? ''] ?? '' },
    { title: t.colFigure, key: 'label', render: (_, c) => totalLabel(c) },
    { title: t.colBefore, dataIndex: 'before', align: 'right', width: 140, render: num },
    { title: t.colAfter, dataIndex: 'after', align: 'right', width: 140, render: num },
  ];

  return (
    <Card title={title} styles={{ title: { whiteSpace: 'normal' } }} data-testid="amendments" data-amended={amended ? 'true' : 'false'}>
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        {amended ? (
          <Alert
            type="warning"
            showIcon
            data-testid="amendments-summary"
            message={t.hasAmendments(formatInt(data.events.length), formatInt(data.changed.length))}
            description={t.hasAmendmentsDetail(formatDateTime(close.closed_at), formatInt(data.later))}
          />
        ) : (
          <Alert
            type="success"
            showIcon
            data-testid="amendments-summary"
            message={t.noAmendments}
            description={t.noAmendmentsDetail(formatDateTime(close.closed_at), formatInt(data.later))}
          />
        )}
        <Space style={{ justifyContent: 'space-between', width: '100%' }} wrap>
          <Typography.Title level={5} style={{ margin: 0 }}>
            {t.figuresTitle}
          </Typography.Title>
          {amended ? (
            <Space>
              <Switch checked={onlyChanged} onChange={setOnlyChanged} size="small" data-testid="only-changed" />
              <span>{t.onlyChanged}</span>
            </Space>
          ) : null}
        </Space>
        <Table<FigureRow>
          data-testid="amendment-figures"
          size="small"
          rowKey="key"
          columns={figureColumns}
          dataSource={shown}
          pagination={shown.length > 30 ? { pageSize: 30, showSizeChanger: false } : false}
          onRow={(r) => ({
            'data-changed': r.changed ? 'true' : 'false',
            style: r.changed ? { background: '#fff7e6', fontWeight: 600 } : {},
          }) as React.HTMLAttributes<HTMLTableRowElement>}
        />
        {amended ? (
          <>
            <Typography.Title level={5} style={{ margin: 0 }}>
              {t.eventsTitle}
            </Typography.Title>
            <Table<Amendment>
              data-testid="amendment-events"
              size="small"
              rowKey="id"
              columns={eventColumns}
              dataSource={data.events}
              pagination={data.events.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
              scroll={{ x: 1600 }}
              expandable={{
                rowExpandable: (e) => e.changes.length > SHOWN_CHANGES,
                expandedRowRender: (e) => (
                  <Table<FigureDelta>
                    size="small"
                    rowKey="key"
                    title={() => t.changesOf(formatInt(e.seq))}
                    columns={changeColumns}
                    dataSource={e.changes}
                    pagination={false}
                  />
                ),
              }}
            />
          </>
        ) : null}
      </Space>
    </Card>
  );
}
