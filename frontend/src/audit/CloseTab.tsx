import { Empty } from 'antd';
import { vi } from '../locales/vi';

/** Chốt số liệu: being built (issue 4). */
export function CloseTab() {
  return <Empty description={vi.audit.tabs.close} data-testid="audit-close" />;
}
