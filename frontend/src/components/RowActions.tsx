import { Button, Dropdown } from 'antd';
import { DownOutlined } from '@ant-design/icons';
import { vi } from '../locales/vi';

export interface RowAction<K extends string> {
  key: K;
  label: string;
  danger?: boolean;
}

/** The "Thao tác" menu of a table row; nothing when no action applies. */
export function RowActions<K extends string>({
  actions,
  onAction,
  testId,
}: {
  actions: RowAction<K>[];
  onAction: (key: K) => void;
  testId: string;
}) {
  if (actions.length === 0) return null;
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: actions.map((a) => ({
          key: a.key,
          danger: a.danger,
          label: <span data-testid={`row-action-${a.key}`}>{a.label}</span>,
        })),
        onClick: ({ key }) => onAction(key as K),
      }}
    >
      <Button size="small" data-testid={testId}>
        {vi.common.actions} <DownOutlined />
      </Button>
    </Dropdown>
  );
}
