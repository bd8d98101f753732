import { Children, type ReactNode } from 'react';
import { Card, Col, Row, Statistic, Typography } from 'antd';

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

/** Headline figures side by side: four a row on a wide screen, two on a middle one;
 * or, with `minWidths` (px), each at least that wide, growing to fill the row. */
export function FigureRow({ minWidths, children }: { minWidths?: number[]; children: ReactNode }) {
  return (
    <Row gutter={[16, 16]}>
      {Children.toArray(children).map((figure, i) => {
        const min = minWidths?.[i];
        return min ? (
          <Col key={i} flex={`1 1 ${min}px`}>
            {figure}
          </Col>
        ) : (
          <Col key={i} xs={24} md={12} xl={6}>
            {figure}
          </Col>
        );
      })}
    </Row>
  );
}
