import { useState } from 'react';
import { App, Button, Card, Popconfirm, Space, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { CalendarOutlined, PlusOutlined } from '@ant-design/icons';
import { toApiError } from '../api/bridge';
import { DEADLINE_KINDS, DeadlineService, type DeadlineStatus } from '../api/deadlines';
import { TwoLineCell, actionsColumn } from '../components/columns';
import { DataTable } from '../components/DataTable';
import { PageHeader } from '../components/PageHeader';
import { RowActions } from '../components/RowActions';
import { FetchError } from '../components/ServiceError';
import { ReadOnlyTip, WriteButton } from '../components/WriteGuard';
import { SetDeadlineForm, SubmitReportForm } from '../forms/DeadlineForms';
import { useServiceData } from '../hooks/useServiceData';
import { label, vi } from '../locales/vi';
import { useWritable } from '../stores/asof';
import { useFiltersStore } from '../stores/filters';
import { ClusterSelect, useDefaultCluster } from '../components/Selects';
import { useOrganisationStore } from '../stores/organisation';
import { formatDate, formatInt } from '../utils/format';
import { periodYear } from '../utils/period';

const t = vi.deadlines;

export const DEADLINE_COLORS: Record<string, string> = {
  da_nop: 'success',
  nop_muon: 'warning',
  qua_han: 'error',
  sap_den: 'processing',
  chua_den: 'default',
};

export function DeadlineTag({ d }: { d: DeadlineStatus }) {
  return (
    <Tag color={DEADLINE_COLORS[d.status] ?? 'default'} data-testid={`deadline-status-${d.deadline_id}`}>
      {d.status_name || label(vi.deadlineStatuses, d.status)}
    </Tag>
  );
}

function daysText(d: DeadlineStatus): string {
  return d.status === 'da_nop' || d.status === 'nop_muon' ? '' : t.daysLeft(d.days_left);
}

function MissingText({ m }: { m: string[] | null }) {
  if (!m || m.length === 0) return null;
  if (m.length === 1) {
    return (
      <Typography.Text type="danger" style={{ fontSize: 12 }}>
        {t.missingOne(m[0] ?? '')}
      </Typography.Text>
    );
  }
  return (
    <Tooltip title={m.join('; ')}>
      <Typography.Text type="danger" style={{ fontSize: 12, textDecoration: 'underline dotted' }}>
        {t.missingMany(formatInt(m.length))}
      </Typography.Text>
    </Tooltip>
  );
}

export function deadlineColumns(compact: boolean): TableColumnsType<DeadlineStatus> {
  const cols: TableColumnsType<DeadlineStatus> = [
    {
      title: t.colDue,
      dataIndex: 'due_date',
      key: 'due',
      width: 100,
      defaultSortOrder: compact ? undefined : 'ascend',
      sorter: compact ? undefined : (a, b) => a.due_date.localeCompare(b.due_date),
      render: (d: string) => formatDate(d),
    },
    {
      title: t.colKind,
      dataIndex: 'kind',
      key: 'kind',
      width: compact ? undefined : 330,
      filters: compact ? undefined : DEADLINE_KINDS.map((k) => ({ text: vi.deadlineKinds[k] ?? k, value: k })),
      onFilter: compact ? undefined : (v, d) => d.kind === v,
      render: (k: string, d) => (
        <TwoLineCell main={d.kind_name || label(vi.deadlineKinds, k)} sub={d.applies_to_name || d.applies_to} />
      ),
    },
    {
      title: t.colStatus,
      dataIndex: 'status',
      key: 'status',
      width: 140,
      filters: compact ? undefined : Object.entries(vi.deadlineStatuses).map(([value, text]) => ({ text, value })),
      onFilter: compact ? undefined : (v, d) => d.status === v,
      render: (_: string, d) => (
        <div>
          <DeadlineTag d={d} />
          {daysText(d) ? (
            <div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {daysText(d)}
              </Typography.Text>
            </div>
          ) : null}
        </div>
      ),
    },
  ];
  if (!compact) {
    cols.push(
      {
        title: t.colSubmitted,
        key: 'submitted',
        width: 150,
        render: (_: unknown, d) => (
          <div>
            <Tooltip title={d.late > 0 ? t.lateCount(formatInt(d.late)) : undefined}>
              {t.submittedOf(formatInt(d.submitted), formatInt(d.expected))}
            </Tooltip>
            <div>
              <MissingText m={d.missing} />
            </div>
          </div>
        ),
      },
      {
        title: t.colDoc,
        key: 'doc',
        width: 150,
        render: (_: unknown, d) => (d.submitted_on ? t.docOn(d.doc_no, formatDate(d.submitted_on)) : '–'),
      },
    );
  }
  return cols;
}

export function DeadlinesPage() {
  const { period, school } = useFiltersStore();
  const clusterCount = useOrganisationStore((s) => s.clusters.length);
  const changed = useFiltersStore((s) => s.changed);
  const year = periodYear(period);
  const [modal, setModal] = useState<{ kind: 'deadline' } | { kind: 'report'; deadline?: DeadlineStatus } | null>(null);
  const [calendarBusy, setCalendarBusy] = useState(false);
  const { message } = App.useApp();
  const close = () => setModal(null);
  const writable = useWritable();

  const list = useServiceData(() => DeadlineService.List(year, school), [year, school]);
  const defaultCluster = useDefaultCluster();
  const [chosenCluster, setChosenCluster] = useState<string | undefined>(undefined);
  const cluster = chosenCluster ?? defaultCluster;

  const recordCalendar = async () => {
    if (!cluster) return;
    setCalendarBusy(true);
    try {
      const res = await DeadlineService.StandardCalendar(year, cluster);
      message.success(t.standardCalendarDone(formatInt(res?.length ?? 0)));
      changed();
    } catch (err) {
      message.error(toApiError(err).message);
    } finally {
      setCalendarBusy(false);
    }
  };

  const columns: TableColumnsType<DeadlineStatus> = [
    ...deadlineColumns(false),
    actionsColumn(110, (d) => (
      <RowActions
        testId={`deadline-actions-${d.deadline_id}`}
        history={`deadline-${d.deadline_id}`}
        actions={d.status === 'da_nop' ? [] : [{ key: 'report' as const, label: t.recordSubmission }]}
        onAction={() => setModal({ kind: 'report', deadline: d })}
      />
    )),
  ];

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="deadlines-page">
      <PageHeader
        title={t.pageTitle}
        intro={t.pageIntro(year)}
        actions={
          <>
            <ReadOnlyTip>
              <Popconfirm
                title={t.standardCalendar}
                description={
                  <Space direction="vertical" size={8}>
                    <span>{t.standardCalendarConfirm(year)}</span>
                    {clusterCount > 1 ? (
                      <ClusterSelect
                        value={cluster}
                        onChange={setChosenCluster}
                        style={{ width: 360 }}
                        data-testid="calendar-cluster"
                      />
                    ) : null}
                  </Space>
                }
                okText={vi.forms.ok}
                cancelText={vi.forms.cancel}
                onConfirm={() => void recordCalendar()}
                disabled={!cluster || !writable}
              >
                <Button
                  icon={<CalendarOutlined />}
                  loading={calendarBusy}
                  disabled={!cluster || !writable}
                  data-testid="btn-standardCalendar"
                >
                  {t.standardCalendar}
                </Button>
              </Popconfirm>
            </ReadOnlyTip>
            <WriteButton onClick={() => setModal({ kind: 'deadline' })} data-testid="btn-setDeadline">
              {t.setDeadline}
            </WriteButton>
            <WriteButton
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setModal({ kind: 'report' })}
              data-testid="btn-submitReport"
            >
              {t.submitReport}
            </WriteButton>
          </>
        }
      />
      <FetchError of={list} />
      <Card size="small" title={t.listTitle(year)}>
        <DataTable<DeadlineStatus>
          testId="deadlines-table"
          rowKey="deadline_id"
          columns={columns}
          dataSource={list.data ?? []}
          loading={list.loading}
          scroll={{ x: 'max-content' }}
          pagination={{ pageSize: 20, showTotal: (n) => t.count(formatInt(n)) }}
        />
      </Card>
      <SetDeadlineForm open={modal?.kind === 'deadline'} onClose={close} year={year} />
      {modal?.kind === 'report' ? (
        <SubmitReportForm open onClose={close} year={year} deadline={modal.deadline} />
      ) : null}
    </Space>
  );
}
