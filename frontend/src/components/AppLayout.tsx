import type { ReactNode } from 'react';
import { Layout, Menu, Tooltip, Typography } from 'antd';
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
  TrophyOutlined,
} from '@ant-design/icons';
import { vi } from '../locales/vi';
import { AREAS, useNavigationStore, type AreaKey } from '../stores/navigation';

const { Header, Sider, Content } = Layout;

const ICONS: Record<AreaKey, ReactNode> = {
  overview: <DashboardOutlined />,
  classPlans: <ScheduleOutlined />,
  staffTraining: <ReadOutlined />,
  research: <ExperimentOutlined />,
  awards: <TrophyOutlined />,
  deadlines: <FieldTimeOutlined />,
  inspections: <AuditOutlined />,
  organisation: <ApartmentOutlined />,
  ledger: <BookOutlined />,
};

export function AppLayout({ children }: { children: ReactNode }) {
  const area = useNavigationStore((s) => s.area);
  const go = useNavigationStore((s) => s.go);

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
      <Header
        style={{ display: 'flex', alignItems: 'center', gap: 12, paddingInline: 20 }}
      >
        <img src="./favicon.png" alt="" width={32} height={32} style={{ borderRadius: 4 }} />
        <Typography.Title
          level={4}
          style={{ color: '#fff', margin: 0, whiteSpace: 'nowrap' }}
          data-testid="app-title"
        >
          {vi.app.title}
        </Typography.Title>
      </Header>
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
