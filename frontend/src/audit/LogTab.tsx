import { Empty } from 'antd';
import { vi } from '../locales/vi';

/** Nhật ký sự kiện: being built (issue 4). */
export function LogTab() {
  return <Empty description={vi.audit.tabs.log} data-testid="audit-log" />;
}
