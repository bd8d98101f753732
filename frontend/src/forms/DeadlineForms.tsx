// The forms of "Hạn nộp & Báo cáo".

import { Form, Select } from 'antd';
import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import { DEADLINE_KINDS, DeadlineService, type DeadlineStatus } from '../api/deadlines';
import { CommandModal, required } from '../components/CommandModal';
import { isoDate } from '../components/DateField';
import { useDefaultCluster } from '../components/Selects';
import { vi } from '../locales/vi';
import { useOrganisationStore } from '../stores/organisation';
import {
  CodeItem,
  DateItem,
  FieldRow,
  NumberItem,
  OnItem,
  PeriodItem,
  TextItem,
  num,
  trim,
  type YearFormProps,
} from './fields';

const t = vi.deadlines;

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

export function SetDeadlineForm({ open, onClose, year }: YearFormProps) {
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
      <CodeItem name="kind" label={t.fKind} codes={DEADLINE_KINDS} labels={vi.deadlineKinds} />
      <FieldRow spans={[6, 9, 9]}>
        <NumberItem name="year" label={t.fYear} />
        <DateItem name="due_date" label={t.fDue} />
        <OnItem />
      </FieldRow>
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
export function SubmitReportForm({ open, onClose, year, deadline }: YearFormProps & { deadline?: DeadlineStatus | undefined }) {
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
      <CodeItem name="kind" label={t.fKind} codes={DEADLINE_KINDS} labels={vi.deadlineKinds} />
      <Form.Item name="author" label={t.fAuthor} rules={required}>
        <PartySelect />
      </Form.Item>
      <FieldRow>
        <PeriodItem label={t.fPeriod} />
        <TextItem name="doc_no" label={t.fDocNo} optional />
        <DateItem name="submitted_on" label={t.fSubmittedOn} />
      </FieldRow>
    </CommandModal>
  );
}
