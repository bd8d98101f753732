import { useEffect, useState } from 'react';
import { Alert, App, Button, Modal, Space, Typography } from 'antd';
import { DatabaseOutlined, FileAddOutlined } from '@ant-design/icons';
import { errorMessage } from '../api/bridge';
import { LedgerService } from '../api/ledger';
import { vi } from '../locales/vi';
import { useWritable } from '../stores/asof';
import { useFiltersStore } from '../stores/filters';
import { useLedgerStore } from '../stores/ledger';
import { formatInt } from '../utils/format';

/** The period the demo data describes (the sơ kết report of 12/8/2021). */
export const DEMO_PERIOD = '2021-H1';

/** First start: an empty ledger offers the demo cluster or an empty start. */
export function DemoPrompt() {
  const [open, setOpen] = useState(false);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { message } = App.useApp();
  // a historical view records nothing: the demo is not offered there
  const writable = useWritable();

  useEffect(() => {
    let live = true;
    LedgerService.IsEmpty()
      .then((empty) => {
        if (live && empty === true) setOpen(true);
      })
      .catch(() => {
        // a build without IsEmpty, or no backend: nothing to offer
      });
    return () => {
      live = false;
    };
  }, []);

  const loadDemo = async () => {
    setLoading(true);
    setError(null);
    try {
      await LedgerService.LoadDemo();
      const filters = useFiltersStore.getState();
      filters.setPeriod(DEMO_PERIOD);
      filters.setSchool('');
      filters.changed();
      await useLedgerStore.getState().load();
      const events = useLedgerStore.getState().info?.events;
      message.success(vi.demo.loaded(formatInt(events)));
      setOpen(false);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setLoading(false);
    }
  };

  return (
    <Modal
      open={open && writable}
      title={vi.demo.title}
      closable={!loading}
      maskClosable={false}
      onCancel={() => setOpen(false)}
      footer={null}
      width={620}
    >
      <div data-testid="demo-prompt">
        <Typography.Paragraph>{vi.demo.intro}</Typography.Paragraph>
        {error ? (
          <Alert type="error" showIcon message={vi.common.errorTitle} description={error} style={{ marginBottom: 16 }} />
        ) : null}
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          <div>
            <Button
              type="primary"
              block
              icon={<DatabaseOutlined />}
              loading={loading}
              disabled={!writable}
              onClick={() => void loadDemo()}
              data-testid="demo-load"
              style={{ whiteSpace: 'normal', height: 'auto', minHeight: 40 }}
            >
              {loading ? vi.demo.loading : vi.demo.load}
            </Button>
            <Typography.Text type="secondary" style={{ display: 'block', marginTop: 4 }}>
              {vi.demo.loadHint}
            </Typography.Text>
          </div>
          <div>
            <Button
              block
              icon={<FileAddOutlined />}
              disabled={loading}
              onClick={() => setOpen(false)}
              data-testid="demo-empty"
            >
              {vi.demo.empty}
            </Button>
            <Typography.Text type="secondary" style={{ display: 'block', marginTop: 4 }}>
              {vi.demo.emptyHint}
            </Typography.Text>
          </div>
        </Space>
      </div>
    </Modal>
  );
}
