// The forms of "Hạn nộp & Báo cáo".

import { Col, Form, Input, InputNumber, Row, Select } from 'antd';
import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import { DEADLINE_KINDS, DeadlineService, type DeadlineStatus } from '../api/deadlines';
import { CommandModal, required } from '../components/CommandModal';
import { DateField, isoDate } from '../components/DateField';
import { CodeSelect, PeriodSelect, useDefaultCluster } from '../components/Selects';
import { vi } from '../locales/vi';
import { useOrganisationStore } from '../stores/organisation';

const t = vi.deadlines;

interface FormProps {
  open: boolean;
  onClose: () => void;
  year: number;
}

const num = (v: number | null | undefined): number => (typeof v === 'number' ? v : 0);
const trim = (v: string | undefined): string => (v ?? '').trim();

/** Who a deadline applies to, or who sent a report: "all", a cluster or a school. */
function PartySelect({ withAll, ...props }: { withAll?: boolean; value?: string; onChange?: (v: string) => void; id?: string }) {
  const schools = useOrganisationStore((s) => s.schools);
  const clusters = useOrganisationStore((s) => s.clusters);
  const options = [
    ...(withAll ? [{ value: 'all', label: t.fAll }] : []),
    ...clusters.map((c) => ({ value: c.cluster_id, label: c.name || c.cluster_id })),
    ...schools.map((s) => ({ value: s.school_id, label: s.name })),
  ];
  return <Select<string> showSearch optionFilterProp="label" options={options} {...props} />;
}

interface DeadlineValues {
  year: number;
  kind: string;
  due_date: Dayjs;
  applies_to: string;
  on: Dayjs;
}

export function SetDeadlineForm({ open, onClose, year }: FormProps) {
  const cluster = useDefaultCluster();
  return (
    <CommandModal<DeadlineValues>
      open={open}
      onClose={onClose}
      name="setDeadline"
      title={t.setDeadline}
      occurredOn="on"
      width={700}
      initialValues={{ year, applies_to: cluster ?? 'all', on: dayjs() } as Partial<DeadlineValues>}
      submit={(v, note) =>
        DeadlineService.SetDeadline(
          {
            deadline_id: '',
            year: num(v.year),
            kind: v.kind,
            due_date: isoDate(v.due_date),
            applies_to: v.applies_to,
          },
          isoDate(v.on),
          note,
        )
      }
    >
      <Form.Item name="kind" label={t.fKind} rules={required}>
        <CodeSelect codes={DEADLINE_KINDS} labels={vi.deadlineKinds} />
      </Form.Item>
      <Row gutter={16}>
        <Col span={6}>
          <Form.Item name="year" label={t.fYear} rules={required}>
            <InputNumber style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={9}>
          <Form.Item name="due_date" label={t.fDue} rules={required}>
            <DateField />
          </Form.Item>
        </Col>
        <Col span={9}>
          <Form.Item name="on" label={vi.forms.on} rules={required}>
            <DateField />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="applies_to" label={t.fAppliesTo} rules={required}>
        <PartySelect withAll />
      </Form.Item>
    </CommandModal>
  );
}

interface ReportValues {
  author: string;
  kind: string;
  period: string;
  doc_no?: string;
  submitted_on: Dayjs;
}

/** "Báo cáo đã gửi": a report sent; from a deadline's row, its kind and year. */
export function SubmitReportForm({ open, onClose, year, deadline }: FormProps & { deadline?: DeadlineStatus | undefined }) {
  const cluster = useDefaultCluster();
  const author = deadline?.missing?.length
    ? undefined
    : deadline && deadline.applies_to !== 'all'
      ? deadline.applies_to
      : cluster;
  const defaultPeriod = (kind: string | undefined) =>
    kind === 'so_ket' || kind === 'gui_hoc_vien' ? `${year}-H1` : `${year}`;
  return (
    <CommandModal<ReportValues>
      open={open}
      onClose={onClose}
      name="submitReport"
      title={t.submitReport}
      occurredOn="submitted_on"
      width={700}
      initialValues={
        { kind: deadline?.kind, author, period: defaultPeriod(deadline?.kind), submitted_on: dayjs() } as Partial<ReportValues>
      }
      submit={(v, note) =>
        DeadlineService.SubmitReport(
          {
            report_id: '',
            author: v.author,
            kind: v.kind,
            period: v.period,
            doc_no: trim(v.doc_no),
            submitted_on: isoDate(v.submitted_on),
            figures: {},
            digest: '',
          },
          note,
        )
      }
    >
      <Form.Item name="kind" label={t.fKind} rules={required}>
        <CodeSelect codes={DEADLINE_KINDS} labels={vi.deadlineKinds} />
      </Form.Item>
      <Form.Item name="author" label={t.fAuthor} rules={required}>
        <PartySelect />
      </Form.Item>
      <Row gutter={16}>
        <Col span={8}>
          <Form.Item name="period" label={t.fPeriod} rules={required}>
            <PeriodSelect />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="doc_no" label={t.fDocNo}>
            <Input />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="submitted_on" label={t.fSubmittedOn} rules={required}>
            <DateField />
          </Form.Item>
        </Col>
      </Row>
    </CommandModal>
  );
}
