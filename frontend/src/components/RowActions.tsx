import { Button, Dropdown, Tooltip } from 'antd';
import { DownOutlined } from '@ant-design/icons';
import { vi } from '../locales/vi';
import { useWritable } from '../stores/asof';

export interface RowAction<K extends string> {
  key: K;
  label: string;
  danger?: boolean;
  /** The action records nothing (it only shows): it stays enabled in a historical view. */
  reads?: boolean;
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
  const writable = useWritable();
  if (actions.length === 0) return null;
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: actions.map((a) => {
          const off = !writable && !a.reads;
          const label = <span data-testid={`row-action-${a.key}`}>{a.label}</span>;
          return {
            key: a.key,
            danger: a.danger,
            disabled: off,
            label: off ? (
              <Tooltip title={vi.asOf.readOnly} placement="left">
                {label}
              </Tooltip>
            ) : (
              label
            ),
          };
        }),
        onClick: ({ key }) => onAction(key as K),
      }}
    >
      <Button size="small" data-testid={testId}>
        {vi.common.actions} <DownOutlined />
      </Button>
    </Dropdown>
  );
}
