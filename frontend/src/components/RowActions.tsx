import { Button, Dropdown, Tooltip } from 'antd';
import { DownOutlined } from '@ant-design/icons';
import { vi } from '../locales/vi';
import { useWritable } from '../stores/asof';
import { useAuditStore } from '../stores/audit';
import { useNavigationStore } from '../stores/navigation';

export interface RowAction<K extends string> {
  key: K;
  label: string;
  danger?: boolean;
  /** The action records nothing (it only shows): it stays enabled in a historical view. */
  reads?: boolean;
}

/** The key of the "Lịch sử" item. */
export const HISTORY_ACTION = 'history';

/** Opens an entity's history in "Kiểm tra – Kiểm toán". */
export function openHistory(entity: string): void {
  useAuditStore.getState().showHistory(entity);
  useNavigationStore.getState().go('inspections');
}

/** The "Lịch sử" item of a row menu. */
export function historyItem() {
  return {
    key: HISTORY_ACTION,
    label: <span data-testid={`row-action-${HISTORY_ACTION}`}>{vi.audit.history.rowAction}</span>,
  };
}

/** The "Thao tác" menu of a table row; nothing when no action applies.
 * history (a stream, e.g. "class-<id>") adds "Lịch sử", which opens it. */
export function RowActions<K extends string>({
  actions,
  onAction,
  testId,
  history,
}: {
  actions: RowAction<K>[];
  onAction: (key: K) => void;
  testId: string;
  history?: string;
}) {
  const writable = useWritable();
  if (actions.length === 0 && !history) return null;
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: [
          ...actions.map((a) => {
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
          ...(history ? [historyItem()] : []),
        ],
        onClick: ({ key }) => (history && key === HISTORY_ACTION ? openHistory(history) : onAction(key as K)),
      }}
    >
      <Button size="small" data-testid={testId}>
        {vi.common.actions} <DownOutlined />
      </Button>
    </Dropdown>
  );
}
