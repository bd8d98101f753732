import { Empty } from 'antd';
import { vi } from '../locales/vi';

/** Kiểm tra chéo: being built (issue 4). */
export function InspectionTab() {
  return <Empty description={vi.audit.tabs.inspection} data-testid="audit-inspection" />;
}
