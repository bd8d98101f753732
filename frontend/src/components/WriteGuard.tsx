import type { ReactNode } from 'react';
import { Button, Tooltip } from 'antd';
import type { ButtonProps } from 'antd';
import { vi } from '../locales/vi';
import { useWritable } from '../stores/asof';

/** Wraps a control that records: in a historical view it says on hover why it is
 * disabled. The span takes the hover that a disabled button does not get. */
export function ReadOnlyTip({ children }: { children: ReactNode }) {
  const writable = useWritable();
  if (writable) return <>{children}</>;
  return (
    <Tooltip title={vi.asOf.readOnly}>
      <span className="read-only-guard">{children}</span>
    </Tooltip>
  );
}

/** A button that records something ("Thêm", "Sửa", "Mở lớp" …): disabled, with the
 * reason, while the window shows the past. */
export function WriteButton(props: ButtonProps) {
  const writable = useWritable();
  return (
    <ReadOnlyTip>
      <Button {...props} disabled={Boolean(props.disabled) || !writable} />
    </ReadOnlyTip>
  );
}
