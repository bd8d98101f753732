import { Card, Statistic, Typography } from 'antd';

/** One headline figure: a title, the value (already formatted) and a line below. */
export function Figure({ title, value, sub, testId }: { title: string; value: string; sub?: string; testId: string }) {
  return (
    <Card size="small" style={{ height: '100%' }}>
      <Statistic
        title={title}
        value={value}
        valueStyle={{ whiteSpace: 'nowrap', fontSize: 26 }}
        formatter={() => <span data-testid={testId}>{value}</span>}
      />
      {sub ? (
        <Typography.Text type="secondary" data-testid={`${testId}-sub`}>
          {sub}
        </Typography.Text>
      ) : null}
    </Card>
  );
}
