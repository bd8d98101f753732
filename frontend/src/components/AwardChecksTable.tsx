import { Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { AwardCheck, SchoolAwards } from '../api/emulation';
import type { School } from '../api/organisation';
import { label, vi } from '../locales/vi';
import { schoolShortName } from '../stores/organisation';
import { checkKeys, checkRatio, checkTarget, checkValue, passMark } from '../utils/awards';
import { formatInt } from '../utils/format';
import { DataTable } from './DataTable';

const PASS_COLOR = '#389e0d';
const FAIL_COLOR = '#cf1322';

function CheckCell({ c, testId }: { c: AwardCheck | undefined; testId: string }) {
  if (!c) return <span>–</span>;
  const target = checkTarget(c);
  return (
    <Tooltip
      title={
        <div>
          <div>{c.name}</div>
          <div>
            {checkRatio(c)} = {checkValue(c)}
            {target ? ` (${vi.awards.targetLabel(target)})` : ''}
          </div>
        </div>
      }
    >
      <span
        data-testid={testId}
        data-pass={c.pass === null ? 'none' : String(c.pass)}
        style={{ color: c.pass === true ? PASS_COLOR : c.pass === false ? FAIL_COLOR : undefined, whiteSpace: 'nowrap' }}
      >
        <strong>{passMark(c.pass)}</strong> {checkValue(c)}
      </span>
    </Tooltip>
  );
}

/** Each school's figures of the year against the emulation targets: ✓ / ✗ per check. */
export function AwardChecksTable({
  schools,
  orgSchools,
  loading,
  compact = false,
  testId,
}: {
  schools: SchoolAwards[];
  orgSchools: School[];
  loading?: boolean;
  compact?: boolean;
  testId?: string;
}) {
  const keys = checkKeys(schools);
  const columns: TableColumnsType<SchoolAwards> = [
    {
      title: vi.common.school,
      dataIndex: 'name',
      key: 'name',
      fixed: 'left',
      width: compact ? 110 : 124,
      sorter: (a, b) => a.name.localeCompare(b.name, 'vi'),
      render: (n: string, s) => (
        <div>
          <Tooltip title={n}>{schoolShortName(orgSchools, s.school_id, n)}</Tooltip>
          {compact ? null : (
            <div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {vi.awards.staffOf(formatInt(s.staff))}
              </Typography.Text>
            </div>
          )}
        </div>
      ),
    },
  ];
  for (const k of keys) {
    columns.push({
      title: <Tooltip title={k.name}>{label(vi.awardChecks, k.key)}</Tooltip>,
      key: k.key,
      align: 'center',
      width: 90,
      filters: [
        { text: vi.common.passLabel, value: 'true' },
        { text: vi.common.failLabel, value: 'false' },
      ],
      onFilter: (v, s) => String(s.checks?.find((c) => c.key === k.key)?.pass) === v,
      render: (_: unknown, s) => (
        <CheckCell c={s.checks?.find((c) => c.key === k.key)} testId={`check-${s.school_id}-${k.key}`} />
      ),
    });
  }
  columns.push(
    {
      title: vi.awards.colPassed,
      dataIndex: 'passed',
      key: 'passed',
      align: 'right',
      width: 64,
      fixed: 'right',
      sorter: (a, b) => a.passed - b.passed,
      render: (n: number) => <Typography.Text style={{ color: PASS_COLOR }}>{formatInt(n)}</Typography.Text>,
    },
    {
      title: vi.awards.colFailed,
      dataIndex: 'failed',
      key: 'failed',
      align: 'right',
      width: 78,
      fixed: 'right',
      sorter: (a, b) => a.failed - b.failed,
      render: (n: number) => <Typography.Text style={{ color: n > 0 ? FAIL_COLOR : undefined }}>{formatInt(n)}</Typography.Text>,
    },
  );
  return (
    <DataTable<SchoolAwards>
      testId={testId}
      bordered
      rowKey="school_id"
      columns={columns}
      dataSource={schools}
      loading={loading}
      pagination={false}
      scroll={{ x: 'max-content' }}
    />
  );
}
