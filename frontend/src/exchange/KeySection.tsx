import { Card, Empty } from 'antd';
import { vi } from '../locales/vi';

/** Khóa ký của bản cài đặt: being built (issue 5). */
export function KeySection() {
  return (
    <Card title={vi.exchange.keys.title} data-testid="exchange-keys">
      <Empty />
    </Card>
  );
}
