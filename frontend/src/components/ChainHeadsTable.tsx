import { Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { ChainHead } from '../api/ledger';
import { vi } from '../locales/vi';
import { formatDateTime, formatInt } from '../utils/format';
import { ShortHash } from './ShortHash';

const columns: TableColumnsType<ChainHead> = [
  {
    title: vi.ledger.colOrigin,
    dataIndex: 'origin',
    render: (origin: string, head) => (
      <>
        <Typography.Text className="mono">{origin}</Typography.Text>
        {head.local ? (
          <Tag color="green" style={{ marginInlineStart: 8 }} data-testid="head-local-tag">
            {vi.ledger.localTag}
          </Tag>
        ) : null}
      </>
    ),
  },
  {
    title: vi.ledger.colOriginSeq,
    dataIndex: 'origin_seq',
    align: 'right',
    render: (v: number) => formatInt(v),
  },
  {
    title: vi.ledger.colSeq,
    dataIndex: 'seq',
    align: 'right',
    render: (v: number) => formatInt(v),
  },
  {
    title: vi.ledger.colHash,
    dataIndex: 'hash',
    render: (hash: string) => (
      <span style={{ whiteSpace: 'nowrap' }}>
        <ShortHash hash={hash} />
      </span>
    ),
  },
  {
    title: vi.ledger.colRecordedAt,
    dataIndex: 'recorded_at',
    render: (v: string) => <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(v)}</span>,
  },
];

export function ChainHeadsTable({ heads, loading }: { heads: ChainHead[]; loading?: boolean }) {
  return (
    <Table<ChainHead>
      data-testid="chain-heads"
      size="middle"
      rowKey={(h) => h.origin}
      columns={columns}
      dataSource={heads}
      loading={loading ?? false}
      pagination={false}
      locale={{ emptyText: vi.ledger.headsEmpty }}
    />
  );
}
