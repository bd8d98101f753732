import { Alert, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { Problem, VerifyReport } from '../api/ledger';
import { problemKindLabel, vi } from '../locales/vi';
import { formatDateTime, formatInt } from '../utils/format';

const problemColumns: TableColumnsType<Problem> = [
  {
    title: vi.ledger.colProblemSeq,
    dataIndex: 'seq',
    align: 'right',
    width: 120,
    // 0: a problem of the database as a whole (e.g. the triggers), not of one event
    render: (v: number) => (v > 0 ? formatInt(v) : '–'),
  },
  {
    title: vi.ledger.colProblemKind,
    dataIndex: 'kind',
    width: 240,
    render: (kind: string) => <Tag color="red">{problemKindLabel(kind)}</Tag>,
  },
  {
    title: vi.ledger.colOrigin,
    dataIndex: 'origin',
    width: 380,
    render: (origin: string, p) => (
      <Typography.Text className="mono">
        {origin}
        {origin ? ` #${formatInt(p.origin_seq)}` : ''}
      </Typography.Text>
    ),
  },
  {
    title: vi.ledger.colProblemMessage,
    dataIndex: 'message',
  },
];

/** The outcome of "Kiểm tra toàn vẹn". */
export function VerifyResult({ report }: { report: VerifyReport }) {
  const at = formatDateTime(report.verified_at);
  if (report.ok) {
    return (
      <Alert
        data-testid="verify-result"
        data-ok="true"
        type="success"
        showIcon
        message={vi.ledger.verifyOk(formatInt(report.checked))}
        description={vi.ledger.verifyOkDetail(formatInt(report.origins), at)}
      />
    );
  }
  const problems = report.problems ?? [];
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="verify-result" data-ok="false">
      <Alert
        type="error"
        showIcon
        message={vi.ledger.verifyFailed(formatInt(problems.length), formatInt(report.checked))}
        description={vi.ledger.verifyFailedDetail(at)}
      />
      <Table<Problem>
        data-testid="verify-problems"
        size="small"
        title={() => <Typography.Text strong>{vi.ledger.problemsTitle}</Typography.Text>}
        rowKey={(p, i) => `${p.seq}-${p.origin}-${p.origin_seq}-${p.kind}-${i ?? 0}`}
        columns={problemColumns}
        dataSource={problems}
        pagination={problems.length > 20 ? { pageSize: 20 } : false}
      />
    </Space>
  );
}
