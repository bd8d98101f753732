import type { ReactNode } from 'react';
import { Table, Typography } from 'antd';
import type { TablePaginationConfig, TableProps } from 'antd';
import { vi } from '../locales/vi';
import { formatInt } from '../utils/format';

/** A table of the application: small, found by its test id, "Không có dữ liệu" when empty. */
export function DataTable<T extends object>({ testId, ...props }: TableProps<T> & { testId?: string | undefined }) {
  return <Table<T> data-testid={testId} size="small" locale={{ emptyText: vi.common.noData }} {...props} />;
}

/** The pages of a long list: `pageSize` rows, the size may change, the count in words. */
export function paged(pageSize: number, count: (n: string) => string): TablePaginationConfig {
  return { pageSize, showSizeChanger: true, showTotal: (n) => count(formatInt(n)) };
}

/** The "Tổng cộng" line under a table of figures: the label, then a bold cell a column. */
export function TotalRow({ cells, testId }: { cells: { value: ReactNode; testId?: string }[]; testId?: string | undefined }) {
  return (
    <Table.Summary.Row data-testid={testId}>
      <Table.Summary.Cell index={0}>
        <Typography.Text strong>{vi.common.total}</Typography.Text>
      </Table.Summary.Cell>
      {cells.map((c, i) => (
        <Table.Summary.Cell key={i} index={i + 1} align="right">
          <Typography.Text strong data-testid={c.testId}>
            {c.value}
          </Typography.Text>
        </Table.Summary.Cell>
      ))}
    </Table.Summary.Row>
  );
}
