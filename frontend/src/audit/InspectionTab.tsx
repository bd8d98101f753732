import { useState } from 'react';
import { Button, Card, Empty, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { InspectionService, type Inspection } from '../api/inspection';
import { ServiceError } from '../components/ServiceError';
import { useServiceData } from '../hooks/useServiceData';
import { vi } from '../locales/vi';
import { useWritable } from '../stores/asof';
import { formatDate, formatInt } from '../utils/format';
import { periodLabel } from '../utils/period';
import { InspectionDetail } from './InspectionDetail';
import { OpenInspectionForm } from './InspectionForms';

const t = vi.audit.inspection;

const columns: TableColumnsType<Inspection> = [
  { title: t.colId, dataIndex: 'inspection_id', key: 'id', width: 180, ellipsis: true },
  {
    title: t.colInspected,
    dataIndex: 'inspected_name',
    key: 'inspected',
    render: (name: string, i) => (
      <div>
        <div>{name}</div>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {periodLabel(i.period)}
        </Typography.Text>
      </div>
    ),
  },
  { title: t.colInspector, dataIndex: 'inspector', key: 'inspector', width: 160 },
  { title: t.colOpenedOn, dataIndex: 'opened_on', key: 'opened', width: 100, render: (d: string) => formatDate(d) },
  {
    title: t.colStatus,
    dataIndex: 'status',
    key: 'status',
    width: 120,
    render: (s: string) => <Tag color={s === 'open' ? 'processing' : 'success'}>{s === 'open' ? t.statusOpen : t.statusClosed}</Tag>,
  },
  { title: t.colFindings, dataIndex: 'findings', key: 'findings', width: 80, align: 'right', render: (n: number) => formatInt(n) },
];

/** Kiểm tra chéo: the inspections, and the one chosen. */
export function InspectionTab() {
  const list = useServiceData(() => InspectionService.List(), []);
  const writable = useWritable();
  const [chosen, setChosen] = useState<string | null>(null);
  const [opening, setOpening] = useState(false);
  const inspections = list.data ?? [];
  const selected = inspections.some((i) => i.inspection_id === chosen) ? chosen : (inspections[0]?.inspection_id ?? null);

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="audit-inspection">
      <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
        {t.intro}
      </Typography.Paragraph>
      <Card
        title={t.listTitle}
        extra={
          <Button
            type="primary"
            icon={<PlusOutlined />}
            disabled={!writable}
            onClick={() => setOpening(true)}
            data-testid="inspection-open"
          >
            {t.open}
          </Button>
        }
      >
        {list.error ? (
          <ServiceError error={list.error} onRetry={list.reload} />
        ) : (
          <Table<Inspection>
            size="small"
            rowKey="inspection_id"
            loading={list.loading && !list.data}
            dataSource={inspections}
            columns={columns}
            tableLayout="fixed"
            pagination={{ pageSize: 10, hideOnSinglePage: true }}
            rowSelection={{
              type: 'radio',
              selectedRowKeys: selected ? [selected] : [],
              onChange: (keys) => setChosen(String(keys[0] ?? '')),
            }}
            onRow={(i) => ({ onClick: () => setChosen(i.inspection_id), style: { cursor: 'pointer' } })}
            locale={{ emptyText: <Empty description={t.empty} /> }}
            data-testid="inspection-list"
          />
        )}
      </Card>
      {selected ? <InspectionDetail key={selected} id={selected} /> : null}
      <OpenInspectionForm open={opening} onClose={() => setOpening(false)} onDone={(r) => setChosen(r.id)} />
    </Space>
  );
}
