import { Empty } from 'antd';
import { vi } from '../locales/vi';

/** Mã xác thực: being built (issue 4). */
export function DigestTab() {
  return <Empty description={vi.audit.tabs.digest} data-testid="audit-digest" />;
}
