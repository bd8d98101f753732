import type { ReactNode } from 'react';
import { Card, Space, Typography } from 'antd';
import { FilterBar } from './FilterBar';

/** The top of an area: its title and intro, the period and school, and its actions. */
export function PageHeader({
  title,
  intro,
  actions,
  filters = true,
}: {
  title: string;
  intro?: ReactNode;
  actions?: ReactNode;
  filters?: boolean;
}) {
  return (
    <Card size="small" styles={{ body: { padding: '14px 20px' } }}>
      <div style={{ display: 'flex', alignItems: 'flex-start', gap: 16, flexWrap: 'wrap' }}>
        <div style={{ flex: '1 1 360px', minWidth: 0 }}>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {title}
          </Typography.Title>
          {intro ? (
            <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }}>
              {intro}
            </Typography.Paragraph>
          ) : null}
        </div>
        {actions ? <Space wrap>{actions}</Space> : null}
      </div>
      {filters ? (
        <div style={{ marginTop: 12 }}>
          <FilterBar />
        </div>
      ) : null}
    </Card>
  );
}
