import { Empty } from 'antd';
import { vi } from '../locales/vi';

/** Lịch sử đối tượng: being built (issue 4). */
export function HistoryTab() {
  return <Empty description={vi.audit.tabs.history} data-testid="audit-history" />;
}
