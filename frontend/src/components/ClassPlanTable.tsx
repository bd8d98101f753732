import { Table } from 'antd';
import type { TableColumnsType } from 'antd';
import type { ClassPlanRow } from '../api/classplans';
import type { Count } from '../api/types';
import { label, vi } from '../locales/vi';
import { formatInt, formatNumber } from '../utils/format';
import { DataTable, TotalRow } from './DataTable';

const t = vi.classPlans;

const pct = (v: number | null | undefined) =>
  v === null || v === undefined ? '–' : `${formatNumber(v, 1)}%`;

const cmpNum = (a: number | null | undefined, b: number | null | undefined) => (a ?? -1) - (b ?? -1);

function countColumns(
  title: string,
  key: string,
  get: (r: ClassPlanRow) => Count | null | undefined,
): TableColumnsType<ClassPlanRow>[number] {
  return {
    title,
    key,
    children: [
      {
        title: t.colClasses,
        key: `${key}.classes`,
        align: 'right',
        width: 58,
        sorter: (a, b) => cmpNum(get(a)?.classes, get(b)?.classes),
        render: (_: unknown, r) => formatInt(get(r)?.classes),
      },
      {
        title: t.colStudents,
        key: `${key}.students`,
        align: 'right',
        width: 82,
        sorter: (a, b) => cmpNum(get(a)?.students, get(b)?.students),
        render: (_: unknown, r) => formatInt(get(r)?.students),
      },
    ],
  };
}

/** Figures of class plans, one row per school, class type or group, with the total. */
export function ClassPlanTable({
  rows,
  total,
  nameTitle,
  showGroup = false,
  showTarget = true,
  showCompleted = !showTarget,
  loading,
  testId,
}: {
  rows: ClassPlanRow[];
  total?: ClassPlanRow | undefined;
  nameTitle: string;
  showGroup?: boolean;
  showTarget?: boolean;
  /** "Kết thúc trong kỳ": by default only where there is no target (the tables stay narrow). */
  showCompleted?: boolean;
  loading?: boolean;
  testId?: string;
}) {
  const columns: TableColumnsType<ClassPlanRow> = [
    {
      title: nameTitle,
      dataIndex: 'name',
      key: 'name',
      fixed: 'left',
      width: 200,
      sorter: (a, b) => a.name.localeCompare(b.name, 'vi'),
    },
  ];
  if (showGroup) {
    const groups = [...new Set(rows.map((r) => r.group ?? ''))].filter(Boolean);
    columns.push({
      title: t.colGroup,
      dataIndex: 'group',
      key: 'group',
      width: 110,
      filters: groups.map((g) => ({ text: label(vi.classGroups, g), value: g })),
      onFilter: (v, r) => r.group === v,
      render: (g: string) => label(vi.classGroups, g),
    });
  }
  if (showTarget) columns.push(countColumns(t.colTarget, 'target', (r) => r.target));
  columns.push(
    countColumns(t.colCarried, 'carried', (r) => r.carried),
    countColumns(t.colNew, 'new', (r) => r.new),
    countColumns(t.colExecuted, 'executed', (r) => r.executed),
  );
  if (showTarget) {
    columns.push({
      title: t.colPct,
      key: 'pct',
      children: [
        {
          title: t.colClasses,
          key: 'pct.classes',
          align: 'right',
          width: 62,
          sorter: (a, b) => cmpNum(a.pct_classes, b.pct_classes),
          render: (_: unknown, r) => pct(r.pct_classes),
        },
        {
          title: t.colStudents,
          key: 'pct.students',
          align: 'right',
          width: 82,
          sorter: (a, b) => cmpNum(a.pct_students, b.pct_students),
          render: (_: unknown, r) => pct(r.pct_students),
        },
      ],
    });
  }
  if (showCompleted) columns.push(countColumns(t.colCompleted, 'completed', (r) => r.completed));

  const cells = (r: ClassPlanRow): string[] => {
    const out: string[] = [];
    if (showGroup) out.push('');
    if (showTarget) out.push(formatInt(r.target?.classes), formatInt(r.target?.students));
    out.push(
      formatInt(r.carried.classes),
      formatInt(r.carried.students),
      formatInt(r.new.classes),
      formatInt(r.new.students),
      formatInt(r.executed.classes),
      formatInt(r.executed.students),
    );
    if (showTarget) out.push(pct(r.pct_classes), pct(r.pct_students));
    if (showCompleted) out.push(formatInt(r.completed.classes), formatInt(r.completed.students));
    return out;
  };

  return (
    <DataTable<ClassPlanRow>
      testId={testId}
      bordered
      rowKey="key"
      columns={columns}
      dataSource={rows}
      loading={loading}
      pagination={false}
      scroll={{ x: 'max-content' }}
      summary={
        total
          ? () => (
              <Table.Summary fixed>
                <TotalRow
                  testId={testId ? `${testId}-total` : undefined}
                  cells={cells(total).map((value) => ({ value }))}
                />
              </Table.Summary>
            )
          : undefined
      }
    />
  );
}
