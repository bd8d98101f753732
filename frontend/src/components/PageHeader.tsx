import type { ReactNode } from 'react';
import { Card, Space, Typography } from 'antd';
import { CloseFlag, DigestBadge } from './DigestBadge';
import { FilterBar } from './FilterBar';

/** The top of an area: its title and intro, the period and school, and its actions.
 * A report page (one with the period and school) also carries the digest of the
 * figures it shows and whether its period is closed. */
export function PageHeader({
  title,
  intro,
  actions,
  filters = true,
  stamp = filters,
}: {
  title: string;
  intro?: ReactNode;
  actions?: ReactNode;
  filters?: boolean;
  /** Show the digest and the close marks (default: with the filters). */
  stamp?: boolean;
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
      {filters || stamp ? (
        <div
          style={{
            marginTop: 12,
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'space-between',
            gap: 12,
            flexWrap: 'wrap',
          }}
        >
          {filters ? <FilterBar /> : <span />}
          {stamp ? (
            <Space size={12} wrap>
              <CloseFlag />
              <DigestBadge />
            </Space>
          ) : null}
        </div>
      ) : null}
    </Card>
  );
}
