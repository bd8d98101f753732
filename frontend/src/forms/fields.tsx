// The pieces the command forms share. Each item is a Form.Item named after the
// service's JSON field (so a refusal of "data.<name>" lands on it and its id is
// `${form}_${name}`), required unless marked optional.

import { Children, type ReactNode } from 'react';
import { Col, Descriptions, Form, Input, InputNumber, Row } from 'antd';
import { required } from '../components/CommandModal';
import { DateField } from '../components/DateField';
import { CodeSelect, PeriodSelect, SchoolSelect } from '../components/Selects';
import { vi } from '../locales/vi';
import { useFiltersStore } from '../stores/filters';
import type { NamePath } from '../utils/fields';
import { parsePeriod } from '../utils/period';

/** What a page gives each of its forms. */
export interface FormProps {
  open: boolean;
  onClose: () => void;
}

/** The forms of a year's facts (awards, deadlines): the year they start with. */
export interface YearFormProps extends FormProps {
  year: number;
}

/** A number input as the services take it: 0 when left empty. */
export const num = (v: number | null | undefined): number => (typeof v === 'number' ? v : 0);

/** A text input as the services take it: trimmed, "" when left empty. */
export const trim = (v: string | undefined): string => (v ?? '').trim();

/** The school of the filter bar, as a form's first choice (none for the whole cluster). */
export function useFilterSchool(): string | undefined {
  return useFiltersStore((s) => s.school) || undefined;
}

/** The period of the filter bar, as a form's first choice (none for a custom range). */
export function useFilterPeriod(): string | undefined {
  const period = useFiltersStore((s) => s.period);
  return parsePeriod(period)?.kind === 'range' ? undefined : period;
}

interface ItemProps {
  name: NamePath | string;
  label: string;
  /** The item may be left empty. */
  optional?: boolean;
  extra?: ReactNode;
}

const rulesFor = (optional: boolean | undefined) => (optional ? undefined : required);

/** A line of text; `long` for a title that may wrap. */
export function TextItem({
  name,
  label,
  optional,
  extra,
  long,
  placeholder,
}: ItemProps & { long?: boolean; placeholder?: string }) {
  return (
    <Form.Item name={name} label={label} rules={rulesFor(optional)} extra={extra}>
      {long ? <Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} /> : <Input placeholder={placeholder} />}
    </Form.Item>
  );
}

/** A number; `decimal` for points and percentages typed with a comma. */
export function NumberItem({ name, label, optional, extra, decimal }: ItemProps & { decimal?: boolean }) {
  return (
    <Form.Item name={name} label={label} rules={rulesFor(optional)} extra={extra}>
      <InputNumber style={{ width: '100%' }} decimalSeparator={decimal ? ',' : undefined} />
    </Form.Item>
  );
}

/** A business date, dd/mm/yyyy. */
export function DateItem({ name, label, optional, extra }: ItemProps) {
  return (
    <Form.Item name={name} label={label} rules={rulesFor(optional)} extra={extra}>
      <DateField />
    </Form.Item>
  );
}

/** "Ngày": the business date of a fact that has no date of its own. */
export function OnItem() {
  return <DateItem name="on" label={vi.forms.on} />;
}

/** One of the codes of a list, shown by their Vietnamese labels. */
export function CodeItem({
  name,
  label,
  codes,
  labels,
}: Omit<ItemProps, 'optional'> & { codes: readonly string[]; labels: Record<string, string> }) {
  return (
    <Form.Item name={name} label={label} rules={required}>
      <CodeSelect codes={codes} labels={labels} />
    </Form.Item>
  );
}

/** "Kỳ": a half-year or a year. */
export function PeriodItem({ label }: { label: string }) {
  return (
    <Form.Item name="period" label={label} rules={required}>
      <PeriodSelect />
    </Form.Item>
  );
}

/** "Trường": the school a fact belongs to (of `cluster` when given). */
export function SchoolItem({
  disabled,
  cluster,
  onChange,
}: {
  disabled?: boolean;
  cluster?: string | undefined;
  onChange?: () => void;
}) {
  return (
    <Form.Item name="school_id" label={vi.common.school} rules={required}>
      <SchoolSelect disabled={disabled} cluster={cluster} onChange={onChange} />
    </Form.Item>
  );
}

/** Items side by side: equal columns, or `span` each, or the `spans` given (of 24). */
export function FieldRow({ span, spans, children }: { span?: number; spans?: number[]; children: ReactNode }) {
  const items = Children.toArray(children);
  return (
    <Row gutter={16}>
      {items.map((item, i) => (
        <Col key={i} span={spans?.[i] ?? span ?? 24 / items.length}>
          {item}
        </Col>
      ))}
    </Row>
  );
}

/** What a row action concerns, above its form: label and value, one a line. */
export function Summary({ rows, testId }: { rows: [string, ReactNode][]; testId?: string }) {
  return (
    <Descriptions size="small" column={1} bordered style={{ marginBottom: 16 }} data-testid={testId}>
      {rows.map(([label, value]) => (
        <Descriptions.Item key={label} label={label}>
          {value}
        </Descriptions.Item>
      ))}
    </Descriptions>
  );
}
