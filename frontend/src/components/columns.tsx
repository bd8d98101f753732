// Column builders for the lists of the areas: the same column reads the same on
// every page (a school's short name, a date newest first, a count on the right).

import type { ReactNode } from 'react';
import { Tag, Tooltip, Typography } from 'antd';
import type { TableColumnType } from 'antd';
import { label, vi } from '../locales/vi';
import { schoolShortName, useOrganisationStore } from '../stores/organisation';
import { formatDate, formatInt } from '../utils/format';
import { distinctFilters } from '../utils/table';

/** The fields of T that hold a V. */
type FieldOf<T, V> = { [K in keyof T]-?: T[K] extends V ? K : never }[keyof T] & string;

/** A school's short name (its province), the full name on hover. */
export function SchoolShortName({ id, name }: { id: string; name?: string }) {
  const schools = useOrganisationStore((s) => s.schools);
  return <Tooltip title={name}>{schoolShortName(schools, id, name)}</Tooltip>;
}

/** A cell of two lines: the main text, and a smaller grey one below when there is one. */
export function TwoLineCell({ main, sub }: { main: ReactNode; sub?: ReactNode }) {
  return (
    <div>
      <div>{main}</div>
      {sub ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {sub}
        </Typography.Text>
      ) : null}
    </div>
  );
}

/** "Trường": the short name, filterable by the schools of `rows`. */
export function schoolColumn<T extends { school_id: string; school_name: string }>(
  rows: readonly T[],
  width: number,
  sortable = false,
): TableColumnType<T> {
  return {
    title: vi.common.school,
    dataIndex: 'school_name',
    key: 'school',
    width,
    filters: distinctFilters(rows, (r) => r.school_name),
    onFilter: (v, r) => r.school_name === v,
    sorter: sortable ? (a, b) => a.school_name.localeCompare(b.school_name, 'vi') : undefined,
    render: (n: string, r) => <SchoolShortName id={r.school_id} name={n} />,
  };
}

/** A date, dd/mm/yyyy, the newest first. */
export function dateColumn<T>(title: string, dataIndex: FieldOf<T, string>, key: string, width: number): TableColumnType<T> {
  return {
    title,
    dataIndex,
    key,
    width,
    defaultSortOrder: 'descend',
    sorter: (a, b) => String(a[dataIndex]).localeCompare(String(b[dataIndex])),
    render: (d: string) => formatDate(d),
  };
}

/** A count, on the right, sortable. */
export function countColumn<T>(title: string, dataIndex: FieldOf<T, number>, width?: number): TableColumnType<T> {
  return {
    title,
    dataIndex,
    key: dataIndex,
    align: 'right',
    width,
    sorter: (a, b) => Number(a[dataIndex]) - Number(b[dataIndex]),
    render: (n: number) => formatInt(n),
  };
}

/** "Trạng thái": a coloured tag, filterable by every status of `labels`; `tip` on hover. */
export function statusColumn<T extends { status: string }>(
  title: string,
  labels: Record<string, string>,
  colors: Record<string, string>,
  width: number,
  tip?: (r: T) => string | undefined,
): TableColumnType<T> {
  return {
    title,
    dataIndex: 'status',
    key: 'status',
    width,
    filters: Object.entries(labels).map(([value, text]) => ({ text, value })),
    onFilter: (v, r) => r.status === v,
    render: (s: string, r) => {
      const tag = <Tag color={colors[s] ?? 'default'}>{label(labels, s)}</Tag>;
      return tip ? <Tooltip title={tip(r)}>{tag}</Tooltip> : tag;
    },
  };
}

/** "Thao tác", pinned to the right. */
export function actionsColumn<T>(width: number, render: (r: T) => ReactNode): TableColumnType<T> {
  return { title: vi.common.actions, key: 'actions', width, fixed: 'right', render: (_: unknown, r: T) => render(r) };
}
