import { Col, Row, Space } from 'antd';
import { PageHeader } from '../components/PageHeader';
import { BundleSection } from '../exchange/BundleSection';
import { FiguresSection } from '../exchange/FiguresSection';
import { KeySection } from '../exchange/KeySection';
import { ReportSection } from '../exchange/ReportSection';
import { SnapshotSection } from '../exchange/SnapshotSection';
import { vi } from '../locales/vi';

/** "Trao đổi dữ liệu": what a school sends up and what the cluster lead or an inspector receives. */
export function ExchangePage() {
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }} data-testid="exchange-page">
      <PageHeader title={vi.exchange.pageTitle} intro={vi.exchange.pageIntro} filters={false} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <ReportSection />
        </Col>
        <Col xs={24} xl={12}>
          <FiguresSection />
        </Col>
        <Col xs={24} xl={12}>
          <SnapshotSection />
        </Col>
        <Col xs={24} xl={12}>
          <BundleSection />
        </Col>
        <Col xs={24}>
          <KeySection />
        </Col>
      </Row>
    </Space>
  );
}
