import { Card, Empty } from 'antd';
import { vi } from '../locales/vi';

/** Bản chụp số liệu: being built (issue 5). */
export function SnapshotSection() {
  return (
    <Card title={vi.exchange.snapshot.title} data-testid="exchange-snapshot">
      <Empty />
    </Card>
  );
}
