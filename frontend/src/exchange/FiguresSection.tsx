import { Card, Empty } from 'antd';
import { vi } from '../locales/vi';

/** Số liệu XLSX, CSV, JSON: being built (issue 5). */
export function FiguresSection() {
  return (
    <Card title={vi.exchange.figures.title} data-testid="exchange-figures">
      <Empty />
    </Card>
  );
}
