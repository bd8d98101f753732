import { Alert, AutoComplete, Button, Card, Descriptions, Empty, Input, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useState, type Key } from 'react';
import {
  HistoryService,
  NO_FILTER,
  type EntityMatch,
  type HistoryEvent,
  type HistoryFilter,
  type StateValue,
} from '../api/history';
import { CorrectionModal } from '../components/CorrectionModal';
import { HistoryFilterBar } from '../components/HistoryFilterBar';
import { ServiceError } from '../components/ServiceError';
import { ShortHash } from '../components/ShortHash';
import { useServiceData } from '../hooks/useServiceData';
import { vi } from '../locales/vi';
import { useAsOfStore, useWritable } from '../stores/asof';
import { useAuditStore } from '../stores/audit';
import { formatDate, formatDateTime, formatInt } from '../utils/format';
import { entityKindLabel, eventTypeLabel, fieldLabel, formatValue } from '../utils/history';

const t = vi.audit.history;
const SHOWN_CHANGES = 3;
const struck = { textDecoration: 'line-through' } as const;

/** Lịch sử đối tượng: every event that touched an entity, who recorded it, when
 * (both clocks), why and from which document, and the entity before and after;
 * corrections are recorded from here ("Sửa / hủy bản ghi"). */
export function HistoryTab() {
  const entity = useAuditStore((s) => s.entity);
  const showHistory = useAuditStore((s) => s.showHistory);
  const asOf = useAsOfStore((s) => s.asOf);
  const writable = useWritable();
  const [filter, setFilter] = useState<HistoryFilter>(NO_FILTER);
  const [correcting, setCorrecting] = useState<HistoryEvent | null>(null);
  const [expanded, setExpanded] = useState<readonly Key[]>([]);

  const history = useServiceData(
    () => (entity ? HistoryService.Entity(entity, { ...filter, as_of: asOf ?? '' }) : Promise.resolve(null)),
    [entity, filter, asOf],
  );
  useEffect(() => setExpanded([]), [entity]);
  const h = entity ? history.data : null;
  // the type that named the entity, for its fields' words (ngày khai giảng …)
  const mainType = h?.events.find((e) => e.stream === h.entity)?.type ?? '';

  /** Brings an event of the table into view, opened. */
  const goTo = (seq: number) => {
    setExpanded((keys) => (keys.includes(seq) ? keys : [...keys, seq]));
    document
      .querySelector(`[data-testid="history-table"] tr[data-row-key="${seq}"]`)
      ?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  };
  const link = (seq: number, text: string, color: string) => (
    <Tag color={color} style={{ cursor: 'pointer' }} onClick={() => goTo(seq)} data-testid={`history-link-${seq}`}>
      {text}
    </Tag>
  );

  const columns: ColumnsType<HistoryEvent> = [
    { title: t.colSeq, dataIndex: 'seq', key: 'seq', width: 72, align: 'right', render: (n: number) => formatInt(n) },
    {
      title: t.colType,
      key: 'type',
      width: 210,
      render: (_: unknown, e) => (
        <Space direction="vertical" size={2}>
          <Tooltip title={`${e.type} · ${e.stream} · ${e.version}`}>
            <Typography.Text strong style={e.retracted ? struck : undefined}>
              {eventTypeLabel(e.type)}
            </Typography.Text>
          </Tooltip>
          <Space size={2} wrap>
            {e.retracted_by ? link(e.retracted_by.seq, t.retractedBy(formatInt(e.retracted_by.seq)), 'red') : null}
            {e.retracts ? link(e.retracts.seq, t.retracts(formatInt(e.retracts.seq)), 'volcano') : null}
            {e.replaces ? link(e.replaces.seq, t.replaces(formatInt(e.replaces.seq)), 'blue') : null}
            {e.replaced_by ? link(e.replaced_by.seq, t.replacedBy(formatInt(e.replaced_by.seq)), 'geekblue') : null}
          </Space>
          {e.type === 'EventRetracted' || e.retracted ? null : (
            <Tooltip title={writable ? undefined : t.readOnly}>
              <Button
                size="small"
                disabled={!writable}
                onClick={(ev) => {
                  ev.stopPropagation();
                  setCorrecting(e);
                }}
                data-testid={`history-correct-${e.seq}`}
              >
                {t.correct}
              </Button>
            </Tooltip>
          )}
        </Space>
      ),
    },
    {
      title: t.colWhen,
      key: 'when',
      width: 180,
      render: (_: unknown, e) => (
        <Space direction="vertical" size={0}>
          <span>{`${t.occurredShort}: ${formatDate(e.occurred_on)}`}</span>
          <Typography.Text type="secondary">{`${t.recordedShort}: ${formatDateTime(e.recorded_at)}`}</Typography.Text>
        </Space>
      ),
    },
    {
      title: t.colWho,
      key: 'who',
      width: 220,
      render: (_: unknown, e) => (
        <Space direction="vertical" size={0}>
          <Typography.Text strong>{e.actor}</Typography.Text>
          {e.reason ? <span>{e.reason}</span> : null}
          {e.source ? <Typography.Text type="secondary">{`${t.source}: ${e.source}`}</Typography.Text> : null}
        </Space>
      ),
    },
    {
      title: t.colChanges,
      key: 'changes',
      render: (_: unknown, e) => (
        <div data-testid={`history-changes-${e.seq}`} style={e.retracted ? struck : undefined}>
          {e.changes.length === 0 ? <Typography.Text type="secondary">{t.noChange}</Typography.Text> : null}
          {e.changes.slice(0, SHOWN_CHANGES).map((c) => (
            <div key={c.field}>
              {`${fieldLabel(e.type, c.field)}: ${formatValue(c.field, c.before)} → ${formatValue(c.field, c.after)}`}
            </div>
          ))}
          {e.changes.length > SHOWN_CHANGES ? (
            <Typography.Text type="secondary">{t.more(formatInt(e.changes.length - SHOWN_CHANGES))}</Typography.Text>
          ) : null}
        </div>
      ),
    },
  ];

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="audit-history">
      <Typography.Text type="secondary">{t.intro}</Typography.Text>
      <EntitySearch entity={entity} onPick={showHistory} />
      {!entity ? <Empty description={t.empty} data-testid="history-empty" /> : null}
      {entity && history.error ? (
        <ServiceError error={history.error} onRetry={history.reload} testId="history-error" />
      ) : null}
      {h ? (
        <Card
          size="small"
          data-testid="history-entity"
          title={
            <Space>
              <Tag>{entityKindLabel(h.kind)}</Tag>
              <span data-testid="history-name">{h.name || h.entity}</span>
            </Space>
          }
          extra={
            <Typography.Text className="mono" type="secondary">
              {h.streams.length > 1 ? `${h.entity} · ${t.streams(formatInt(h.streams.length))}` : h.entity}
            </Typography.Text>
          }
        >
          <Descriptions size="small" column={3} title={t.stateTitle} data-testid="history-state">
            {stateFields(h.state).map(([field, v]) => (
              <Descriptions.Item key={field} label={fieldLabel(mainType, field)}>
                {formatValue(field, v)}
              </Descriptions.Item>
            ))}
          </Descriptions>
        </Card>
      ) : null}
      {entity ? (
        <>
          <HistoryFilterBar value={filter} onChange={setFilter} testId="history-filter" />
          <Table<HistoryEvent>
            data-testid="history-table"
            size="small"
            rowKey="seq"
            loading={history.loading}
            columns={columns}
            dataSource={h?.events ?? []}
            pagination={false}
            title={() => (
              <span data-testid="history-count">
                {h ? t.eventCount(formatInt(h.events.length), formatInt(h.total)) : ''}
              </span>
            )}
            onRow={(e) => ({ 'data-testid': `history-row-${e.seq}` }) as React.HTMLAttributes<HTMLElement>}
            expandable={{
              expandedRowKeys: expanded as Key[],
              onExpandedRowsChange: (keys) => setExpanded(keys),
              expandedRowRender: (e) => <EventDetail e={e} />,
            }}
          />
        </>
      ) : null}
      <CorrectionModal event={correcting} onClose={() => setCorrecting(null)} />
    </Space>
  );
}

/** The fields of a state, status and name first, then the others by field. */
function stateFields(state: Record<string, StateValue>): [string, StateValue][] {
  const rank = (k: string) => (k === 'status' ? 0 : k === 'name' || k === 'full_name' || k === 'title' ? 1 : 2);
  return Object.entries(state).sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b));
}

/** The diff of one event, field by field, and where it comes from. */
function EventDetail({ e }: { e: HistoryEvent }) {
  const rows = e.changes.map((c) => ({
    key: c.field,
    label: fieldLabel(e.type, c.field),
    before: formatValue(c.field, c.before),
    after: formatValue(c.field, c.after),
  }));
  return (
    <Space direction="vertical" size="small" style={{ width: '100%' }} data-testid={`history-detail-${e.seq}`}>
      {e.retracted_by ? (
        <Alert
          type="warning"
          showIcon
          message={t.retractedBy(formatInt(e.retracted_by.seq))}
          description={t.retractedDetail(
            e.retracted_by.actor,
            formatDateTime(e.retracted_by.recorded_at),
            e.retracted_by.reason,
          )}
        />
      ) : null}
      <Table
        size="small"
        pagination={false}
        dataSource={rows}
        locale={{ emptyText: t.noChange }}
        data-testid={`history-diff-${e.seq}`}
        columns={[
          { title: t.diffField, dataIndex: 'label', key: 'label', width: 260 },
          { title: t.diffBefore, dataIndex: 'before', key: 'before' },
          { title: t.diffAfter, dataIndex: 'after', key: 'after' },
        ]}
      />
      <Descriptions size="small" column={3}>
        <Descriptions.Item label={t.eventId}>
          <Typography.Text className="mono" copyable>
            {e.id}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t.hash}>
          <ShortHash hash={e.hash} />
        </Descriptions.Item>
        <Descriptions.Item label={t.origin}>
          <span className="mono">{`${e.origin.slice(0, 8)}:${e.origin_seq}`}</span>
        </Descriptions.Item>
      </Descriptions>
    </Space>
  );
}

/** The entity picker: search by code or name, or type a stream and press Enter. */
function EntitySearch({ entity, onPick }: { entity: string; onPick: (entity: string) => void }) {
  const [text, setText] = useState(entity);
  const [options, setOptions] = useState<EntityMatch[]>([]);
  useEffect(() => setText(entity), [entity]);
  useEffect(() => {
    const q = text.trim();
    if (q.length < 2 || q === entity) {
      setOptions([]);
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      HistoryService.Search(q, 20)
        .then((found) => live && setOptions(found ?? []))
        .catch(() => live && setOptions([]));
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [text, entity]);

  return (
    <AutoComplete
      value={text}
      onChange={setText}
      onSelect={(v: string) => onPick(v)}
      options={options.map((m) => ({
        value: m.entity,
        label: (
          <span data-testid={`history-option-${m.entity}`}>
            <Tag>{entityKindLabel(m.kind)}</Tag>
            {m.name ? `${m.name} · ` : ''}
            <span className="mono">{m.entity}</span>
          </span>
        ),
      }))}
      style={{ width: '100%', maxWidth: 720 }}
    >
      <Input.Search
        placeholder={t.searchPlaceholder}
        enterButton={t.show}
        allowClear
        onSearch={(v) => v.trim() && onPick(v.trim())}
        data-testid="history-search"
      />
    </AutoComplete>
  );
}
