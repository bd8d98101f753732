import { useEffect } from 'react';
import { Alert, Button, Card, Col, Descriptions, Row, Space, Spin, Statistic, Typography } from 'antd';
import { ReloadOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { ChainHeadsTable } from '../components/ChainHeadsTable';
import { VerifyResult } from '../components/VerifyResult';
import { vi } from '../locales/vi';
import { useAsOfStore } from '../stores/asof';
import { useFiltersStore } from '../stores/filters';
import { useLedgerStore } from '../stores/ledger';
import { asOfLabel } from '../utils/asof';
import { formatInt } from '../utils/format';

/** "Sổ cái": the event store itself, its hash chains and their verification. */
export function LedgerPage() {
  const { info, loading, error, report, verifying, verifyError, load, verify } = useLedgerStore();
  const revision = useFiltersStore((s) => s.revision);
  const { asOf, events: eventsThen } = useAsOfStore();

  useEffect(() => {
    void load();
  }, [load, revision]);

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }} data-testid="ledger-page">
      <div style={{ display: 'flex', alignItems: 'flex-start', gap: 16 }}>
        <div style={{ flex: 1 }}>
          <Typography.Title level={3} style={{ marginTop: 0 }}>
            {vi.ledger.pageTitle}
          </Typography.Title>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
            {vi.ledger.pageIntro}
          </Typography.Paragraph>
        </div>
        <Space>
          <Button
            icon={<ReloadOutlined />}
            onClick={() => void load()}
            loading={loading}
            data-testid="refresh-button"
          >
            {vi.common.refresh}
          </Button>
          <Button
            type="primary"
            icon={<SafetyCertificateOutlined />}
            onClick={() => void verify()}
            loading={verifying}
            disabled={!info}
            data-testid="verify-button"
          >
            {verifying ? vi.ledger.verifying : vi.ledger.verifyButton}
          </Button>
        </Space>
      </div>

      {asOf ? (
        <Alert
          type="info"
          showIcon
          message={vi.asOf.ledgerNoteTitle}
          description={vi.asOf.ledgerNote(asOfLabel(asOf), formatInt(eventsThen))}
          data-testid="ledger-asof-note"
        />
      ) : null}

      {error ? (
        <Alert
          type="error"
          showIcon
          message={vi.common.errorTitle}
          description={error}
          data-testid="ledger-error"
          action={
            <Button size="small" onClick={() => void load()}>
              {vi.common.retry}
            </Button>
          }
        />
      ) : null}

      {verifyError ? (
        <Alert
          type="error"
          showIcon
          message={vi.common.errorTitle}
          description={verifyError}
          data-testid="verify-error"
        />
      ) : null}

      {report ? <VerifyResult report={report} /> : null}

      {!info && loading ? <Spin tip={vi.common.loading}><div style={{ height: 120 }} /></Spin> : null}

      {info ? (
        <>
          <Row gutter={16}>
            <Col xs={24} sm={12} lg={6}>
              <Card>
                <Statistic
                  title={vi.ledger.events}
                  value={info.events}
                  formatter={() => <span data-testid="event-count">{formatInt(info.events)}</span>}
                />
              </Card>
            </Col>
            <Col xs={24} sm={12} lg={6}>
              <Card>
                <Statistic
                  title={vi.ledger.streams}
                  value={info.streams}
                  formatter={() => <span data-testid="stream-count">{formatInt(info.streams)}</span>}
                />
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card style={{ height: '100%' }}>
                <Descriptions column={1} size="small">
                  <Descriptions.Item label={vi.ledger.dbPath}>
                    <Typography.Text className="mono" copyable data-testid="db-path">
                      {info.db_path}
                    </Typography.Text>
                  </Descriptions.Item>
                  <Descriptions.Item label={vi.ledger.origin}>
                    <Typography.Text className="mono" copyable data-testid="origin">
                      {info.origin}
                    </Typography.Text>
                  </Descriptions.Item>
                  <Descriptions.Item label={vi.ledger.appVersion}>
                    <span data-testid="app-version">{info.app_version}</span>
                  </Descriptions.Item>
                </Descriptions>
              </Card>
            </Col>
          </Row>

          <Card title={vi.ledger.headsTitle}>
            <ChainHeadsTable heads={info.heads ?? []} loading={loading} />
          </Card>
        </>
      ) : null}
    </Space>
  );
}
