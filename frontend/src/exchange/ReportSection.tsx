import { Card, Empty } from 'antd';
import { vi } from '../locales/vi';

/** Báo cáo DOCX: being built (issue 5). */
export function ReportSection() {
  return (
    <Card title={vi.exchange.report.title} data-testid="exchange-report">
      <Empty />
    </Card>
  );
}
