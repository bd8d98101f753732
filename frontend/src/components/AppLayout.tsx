import type { ReactNode } from 'react';
import { Layout, Menu, Tag, Tooltip, Typography } from 'antd';
import type { MenuProps } from 'antd';
import {
  ApartmentOutlined,
  AuditOutlined,
  BookOutlined,
  DashboardOutlined,
  ExperimentOutlined,
  FieldTimeOutlined,
  ReadOutlined,
  ScheduleOutlined,
  SwapOutlined,
  TrophyOutlined,
} from '@ant-design/icons';
import { vi } from '../locales/vi';
import { useAsOfStore, useWritable } from '../stores/asof';
import { AREAS, useNavigationStore, type AreaKey } from '../stores/navigation';
import { AsOfPicker } from './AsOfPicker';
import { HistoricalBanner } from './HistoricalBanner';
import { SnapshotBanner } from './SnapshotBanner';

const { Header, Sider, Content } = Layout;

/** The header's colour while the window shows the past: dark amber, not the usual red. */
export const HISTORICAL_HEADER = '#7a4a00';

const ICONS: Record<AreaKey, ReactNode> = {
  overview: <DashboardOutlined />,
  classPlans: <ScheduleOutlined />,
  staffTraining: <ReadOutlined />,
  research: <ExperimentOutlined />,
  awards: <TrophyOutlined />,
  deadlines: <FieldTimeOutlined />,
  inspections: <AuditOutlined />,
  exchange: <SwapOutlined />,
  organisation: <ApartmentOutlined />,
  ledger: <BookOutlined />,
};

export function AppLayout({ children }: { children: ReactNode }) {
  const area = useNavigationStore((s) => s.area);
  const go = useNavigationStore((s) => s.go);
  const historical = !useWritable();
  const inSnapshot = useAsOfStore((s) => s.snapshot !== null);

  const items: MenuProps['items'] = AREAS.map(({ key, ready }) => {
    const label = vi.nav[key];
    return {
      key,
      icon: ICONS[key],
      disabled: !ready,
      'data-testid': `nav-${key}`,
      label: ready ? (
        label
      ) : (
        <Tooltip title={vi.nav.comingLater} placement="right">
          <span>{label}</span>
        </Tooltip>
      ),
    };
  });

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <div style={{ position: 'sticky', top: 0, zIndex: 100 }}>
        <Header
          style={{
            display: 'flex',
            alignItems: 'center',
            gap: 12,
            paddingInline: 20,
            ...(historical ? { background: HISTORICAL_HEADER } : {}),
          }}
          data-testid="app-header"
          data-historical={historical ? 'true' : 'false'}
        >
          <img src="./favicon.png" alt="" width={32} height={32} style={{ borderRadius: 4 }} />
          <Typography.Title
            level={4}
            style={{ color: '#fff', margin: 0, whiteSpace: 'nowrap' }}
            data-testid="app-title"
          >
            {vi.app.title}
          </Typography.Title>
          {historical ? (
            <Tag color="gold" style={{ fontWeight: 600 }} data-testid="asof-tag">
              {inSnapshot ? vi.exchange.snapshot.modeTag : vi.asOf.historicalTag}
            </Tag>
          ) : null}
          <AsOfPicker />
        </Header>
        <HistoricalBanner />
        <SnapshotBanner />
      </div>
      <Layout>
        <Sider width={290} theme="light">
          <Menu
            mode="inline"
            selectedKeys={[area]}
            items={items}
            onClick={({ key }) => go(key as AreaKey)}
            style={{ height: '100%', borderInlineEnd: 0, paddingTop: 8 }}
          />
        </Sider>
        <Content style={{ padding: 24, overflow: 'auto' }}>{children}</Content>
      </Layout>
    </Layout>
  );
}
