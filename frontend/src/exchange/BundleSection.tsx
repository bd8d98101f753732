import { Card, Empty } from 'antd';
import { vi } from '../locales/vi';

/** Gói dữ liệu giữa các trường: being built (issue 5). */
export function BundleSection() {
  return (
    <Card title={vi.exchange.bundle.title} data-testid="exchange-bundle">
      <Empty />
    </Card>
  );
}
