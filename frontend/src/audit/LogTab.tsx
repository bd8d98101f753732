import { Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useRef, useState } from 'react';
import { toApiError, type ApiError } from '../api/bridge';
import { HistoryService, NO_FILTER, type HistoryFilter, type LogEntry } from '../api/history';
import { HistoryFilterBar } from '../components/HistoryFilterBar';
import { ServiceError } from '../components/ServiceError';
import { vi } from '../locales/vi';
import { useAsOfStore } from '../stores/asof';
import { useAuditStore } from '../stores/audit';
import { useFiltersStore } from '../stores/filters';
import { formatDate, formatDateTime, formatInt } from '../utils/format';
import { eventTypeLabel } from '../utils/history';
import { pageRequest, type PageCursor } from '../utils/logPaging';

const t = vi.audit.log;
const PAGE_SIZE = 50;

/** Nhật ký sự kiện: every event of the ledger, newest first, one page at a time
 * from the server (keyset by seq), whatever the size of the ledger. */
export function LogTab() {
  const asOf = useAsOfStore((s) => s.asOf);
  const revision = useFiltersStore((s) => s.revision);
  const showHistory = useAuditStore((s) => s.showHistory);
  const [filter, setFilter] = useState<HistoryFilter>(NO_FILTER);
  const [page, setPage] = useState(1);
  const [rows, setRows] = useState<LogEntry[]>([]);
  const [total, setTotal] = useState<number | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<ApiError | null>(null);
  const [tick, setTick] = useState(0);
  // What is known under the current question (filter, moment, ledger
  // revision): the pages shown and the total, counted once.
  const known = useRef({ key: '', cursors: new Map<number, PageCursor>(), total: null as number | null });
  const latest = useRef(0);
  const key = JSON.stringify([filter, asOf, revision]);

  useEffect(() => {
    if (known.current.key !== key) {
      known.current = { key, cursors: new Map(), total: null };
      setTotal(null);
      if (page !== 1) {
        latest.current++; // what is under way answers the old question
        setPage(1); // a new question starts at the newest page
        return;
      }
    }
    const k = known.current;
    const id = ++latest.current;
    setLoading(true);
    HistoryService.Log({
      ...filter,
      as_of: asOf ?? '',
      ...pageRequest(page, PAGE_SIZE, k.cursors),
      limit: PAGE_SIZE,
      no_total: k.total !== null,
    })
      .then((p) => {
        if (id !== latest.current) return;
        const events = p.events ?? [];
        const first = events[0];
        const last = events[events.length - 1];
        if (first && last) k.cursors.set(page, { first: first.seq, last: last.seq });
        if (p.total >= 0) k.total = p.total;
        setTotal(k.total);
        setRows(events);
        setError(null);
        setLoading(false);
      })
      .catch((err: unknown) => {
        if (id !== latest.current) return;
        setError(toApiError(err));
        setLoading(false);
      });
    // filter and asOf are in key
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, page, tick]);

  const columns: ColumnsType<LogEntry> = [
    { title: t.colSeq, dataIndex: 'seq', key: 'seq', width: 70, align: 'right', render: (n: number) => formatInt(n) },
    {
      title: t.colRecordedAt,
      dataIndex: 'recorded_at',
      key: 'recorded_at',
      width: 165,
      render: (v: string) => formatDateTime(v),
    },
    {
      title: t.colOccurredOn,
      dataIndex: 'occurred_on',
      key: 'occurred_on',
      width: 100,
      render: (v: string) => formatDate(v),
    },
    {
      title: t.colType,
      dataIndex: 'type',
      key: 'type',
      width: 215,
      ellipsis: true,
      render: (type: string, e) => (
        <Space size={4} wrap>
          <Tooltip title={type}>
            <span style={e.retracted ? { textDecoration: 'line-through' } : undefined}>{eventTypeLabel(type)}</span>
          </Tooltip>
          {e.retracted ? <Tag color="red">{t.retracted}</Tag> : null}
        </Space>
      ),
    },
    {
      title: t.colStream,
      dataIndex: 'stream',
      key: 'stream',
      width: 235,
      ellipsis: true,
      render: (s: string) => (
        <Tooltip title={t.openHistory}>
          <Typography.Link className="mono">{s}</Typography.Link>
        </Tooltip>
      ),
    },
    { title: t.colActor, dataIndex: 'actor', key: 'actor', width: 120, ellipsis: true },
    {
      title: t.colWhy,
      key: 'why',
      ellipsis: true,
      render: (_: unknown, e) => {
        const why = [e.reason, e.source ? `${t.colSource}: ${e.source}` : ''].filter(Boolean).join(' · ');
        return <Tooltip title={why}>{why}</Tooltip>;
      },
    },
  ];

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="audit-log">
      <Typography.Text type="secondary">{t.intro}</Typography.Text>
      <HistoryFilterBar value={filter} onChange={setFilter} testId="log-filter" />
      {error ? <ServiceError error={error} onRetry={() => setTick((x) => x + 1)} testId="log-error" /> : null}
      <div data-testid="log-table">
      <Table<LogEntry>
        size="small"
        rowKey="seq"
        loading={loading}
        columns={columns}
        dataSource={rows}
        onRow={(e) => ({ onClick: () => showHistory(e.stream), style: { cursor: 'pointer' } })}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: total ?? rows.length,
          showSizeChanger: false,
          showQuickJumper: true,
          showTotal: (n) => <span data-testid="log-total">{t.total(formatInt(n))}</span>,
          onChange: (p) => setPage(p),
        }}
      />
      </div>
    </Space>
  );
}
