// The forms of "Kế hoạch mở lớp": one per event of the area.

import { Col, Descriptions, Form, Input, InputNumber, Row } from 'antd';
import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import { CLASS_MODES, ClassPlanService, type ClassInfo } from '../api/classplans';
import { CommandModal, required } from '../components/CommandModal';
import { DateField, isoDate, toDayjs } from '../components/DateField';
import { ClassTypeSelect, CodeSelect, PeriodSelect, SchoolSelect } from '../components/Selects';
import { label, vi } from '../locales/vi';
import { useFiltersStore } from '../stores/filters';
import { formatDate, formatInt } from '../utils/format';
import { parsePeriod, periodYear } from '../utils/period';

const t = vi.classPlans;

interface FormProps {
  open: boolean;
  onClose: () => void;
}

interface ClassFormProps extends FormProps {
  cls: ClassInfo;
}

const num = (v: number | null | undefined): number => (typeof v === 'number' ? v : 0);

/** The class a row action concerns, above its form. */
function ClassSummary({ cls }: { cls: ClassInfo }) {
  return (
    <Descriptions size="small" column={1} bordered style={{ marginBottom: 16 }} data-testid="class-summary">
      <Descriptions.Item label={t.fClass}>{cls.name || cls.type_name}</Descriptions.Item>
      <Descriptions.Item label={vi.common.school}>{cls.school_name}</Descriptions.Item>
      <Descriptions.Item label={t.colStudents}>{formatInt(cls.students)}</Descriptions.Item>
      {cls.start_date ? (
        <Descriptions.Item label={t.colStart}>{formatDate(cls.start_date)}</Descriptions.Item>
      ) : null}
    </Descriptions>
  );
}

interface TargetValues {
  school_id: string;
  year: number;
  classes: number;
  students: number;
  on: Dayjs;
}

export function AssignTargetForm({ open, onClose }: FormProps) {
  const { period, school } = useFiltersStore();
  return (
    <CommandModal<TargetValues>
      open={open}
      onClose={onClose}
      name="assignTarget"
      title={t.assignTarget}
      occurredOn="on"
      initialValues={{ school_id: school || undefined, year: periodYear(period), on: dayjs() } as Partial<TargetValues>}
      submit={(v, note) =>
        ClassPlanService.AssignTarget(
          { school_id: v.school_id, year: num(v.year), classes: num(v.classes), students: num(v.students) },
          isoDate(v.on),
          note,
        )
      }
    >
      <Form.Item name="school_id" label={vi.common.school} rules={required}>
        <SchoolSelect />
      </Form.Item>
      <Row gutter={16}>
        <Col span={8}>
          <Form.Item name="year" label={t.fYear} rules={required}>
            <InputNumber style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="classes" label={t.fClasses} rules={required}>
            <InputNumber style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="students" label={t.fStudents} rules={required}>
            <InputNumber style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="on" label={vi.forms.on} rules={required}>
        <DateField />
      </Form.Item>
    </CommandModal>
  );
}

interface PlanValues {
  school_id: string;
  class_type: string;
  students: number;
  period: string;
  on: Dayjs;
}

export function PlanClassForm({ open, onClose }: FormProps) {
  const { period, school } = useFiltersStore();
  const kind = parsePeriod(period)?.kind;
  return (
    <CommandModal<PlanValues>
      open={open}
      onClose={onClose}
      name="planClass"
      title={t.planClass}
      occurredOn="on"
      initialValues={
        {
          school_id: school || undefined,
          period: kind === 'range' ? undefined : period,
          on: dayjs(),
        } as Partial<PlanValues>
      }
      submit={(v, note) =>
        ClassPlanService.PlanClass(
          { class_id: '', school_id: v.school_id, class_type: v.class_type, students: num(v.students), period: v.period },
          isoDate(v.on),
          note,
        )
      }
    >
      <Form.Item name="school_id" label={vi.common.school} rules={required}>
        <SchoolSelect />
      </Form.Item>
      <Form.Item name="class_type" label={t.fClassType} rules={required}>
        <ClassTypeSelect />
      </Form.Item>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="period" label={t.fPeriod} rules={required}>
            <PeriodSelect />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="students" label={t.fStudents} rules={required}>
            <InputNumber style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="on" label={vi.forms.on} rules={required}>
        <DateField />
      </Form.Item>
    </CommandModal>
  );
}

interface OpenValues {
  school_id: string;
  class_type: string;
  name: string;
  students: number;
  start_date: Dayjs;
  end_date?: Dayjs | null;
  mode: string;
  partner?: string;
}

/** "Mở lớp": a new class, or the opening of a planned one (cls). */
export function OpenClassForm({ open, onClose, cls }: FormProps & { cls?: ClassInfo | undefined }) {
  const school = useFiltersStore((s) => s.school);
  const initial: Partial<OpenValues> = cls
    ? { school_id: cls.school_id, class_type: cls.class_type, students: cls.students, mode: 'tap_trung' }
    : { school_id: school || undefined, mode: 'tap_trung' };
  return (
    <CommandModal<OpenValues>
      open={open}
      onClose={onClose}
      name="openClass"
      title={cls ? `${t.openPlanned}: ${cls.type_name}` : t.openClass}
      occurredOn="start_date"
      width={720}
      initialValues={initial}
      submit={(v, note) =>
        ClassPlanService.OpenClass(
          {
            class_id: cls?.class_id ?? '',
            school_id: v.school_id,
            class_type: v.class_type,
            name: (v.name ?? '').trim(),
            students: num(v.students),
            start_date: isoDate(v.start_date),
            end_date: isoDate(v.end_date),
            mode: v.mode,
            partner: (v.partner ?? '').trim(),
          },
          note,
        )
      }
    >
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="school_id" label={vi.common.school} rules={required}>
            <SchoolSelect disabled={Boolean(cls)} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="class_type" label={t.fClassType} rules={required}>
            <ClassTypeSelect />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="name" label={t.fName} rules={required}>
        <Input />
      </Form.Item>
      <Row gutter={16}>
        <Col span={8}>
          <Form.Item name="students" label={t.fStudents} rules={required}>
            <InputNumber style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="start_date" label={t.fStart} rules={required}>
            <DateField />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="end_date" label={t.fEnd}>
            <DateField />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col span={8}>
          <Form.Item name="mode" label={t.fMode} rules={required}>
            <CodeSelect codes={CLASS_MODES} labels={vi.classModes} />
          </Form.Item>
        </Col>
        <Col span={16}>
          <Form.Item name="partner" label={t.fPartner}>
            <Input />
          </Form.Item>
        </Col>
      </Row>
    </CommandModal>
  );
}

interface EnrollmentValues {
  students: number;
  on: Dayjs;
}

export function ChangeEnrollmentForm({ open, onClose, cls }: ClassFormProps) {
  return (
    <CommandModal<EnrollmentValues>
      open={open}
      onClose={onClose}
      name="changeEnrollment"
      title={t.changeEnrollment}
      occurredOn="on"
      fieldMap={{ 'data.class_id': 'students' }}
      initialValues={{ students: cls.students, on: dayjs() } as Partial<EnrollmentValues>}
      submit={(v, note) =>
        ClassPlanService.ChangeEnrollment({ class_id: cls.class_id, students: num(v.students) }, isoDate(v.on), note)
      }
    >
      <ClassSummary cls={cls} />
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="students" label={t.fNewStudents} rules={required}>
            <InputNumber style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="on" label={vi.forms.on} rules={required}>
            <DateField />
          </Form.Item>
        </Col>
      </Row>
    </CommandModal>
  );
}

interface ModeValues {
  mode: string;
  reason?: string;
  on: Dayjs;
}

export function ChangeModeForm({ open, onClose, cls }: ClassFormProps) {
  return (
    <CommandModal<ModeValues>
      open={open}
      onClose={onClose}
      name="changeMode"
      title={t.changeMode}
      occurredOn="on"
      fieldMap={{ 'data.class_id': 'mode' }}
      initialValues={
        { mode: cls.mode === 'truc_tuyen' ? 'tap_trung' : 'truc_tuyen', on: dayjs() } as Partial<ModeValues>
      }
      submit={(v, note) =>
        ClassPlanService.ChangeMode(
          { class_id: cls.class_id, mode: v.mode, reason: (v.reason ?? '').trim() },
          isoDate(v.on),
          note,
        )
      }
    >
      <ClassSummary cls={cls} />
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="mode" label={t.fNewMode} rules={required}>
            <CodeSelect codes={CLASS_MODES} labels={vi.classModes} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="on" label={vi.forms.on} rules={required}>
            <DateField />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="reason" label={t.fModeReason}>
        <Input />
      </Form.Item>
    </CommandModal>
  );
}

interface CompleteValues {
  end_date: Dayjs;
  graduates: number;
}

export function CompleteClassForm({ open, onClose, cls }: ClassFormProps) {
  return (
    <CommandModal<CompleteValues>
      open={open}
      onClose={onClose}
      name="completeClass"
      title={t.completeClass}
      occurredOn="end_date"
      fieldMap={{ 'data.class_id': 'end_date' }}
      initialValues={{ end_date: toDayjs(cls.end_date), graduates: cls.students } as Partial<CompleteValues>}
      submit={(v, note) =>
        ClassPlanService.CompleteClass(
          { class_id: cls.class_id, end_date: isoDate(v.end_date), graduates: num(v.graduates) },
          note,
        )
      }
    >
      <ClassSummary cls={cls} />
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="end_date" label={t.fEndDate} rules={required}>
            <DateField />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="graduates" label={t.fGraduates} rules={required}>
            <InputNumber style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
    </CommandModal>
  );
}

interface CancelValues {
  reason: string;
  on: Dayjs;
}

export function CancelClassForm({ open, onClose, cls }: ClassFormProps) {
  return (
    <CommandModal<CancelValues>
      open={open}
      onClose={onClose}
      name="cancelClass"
      title={t.cancelClass}
      occurredOn="on"
      fieldMap={{ 'data.class_id': 'reason' }}
      initialValues={{ on: dayjs() } as Partial<CancelValues>}
      submit={(v, note) =>
        ClassPlanService.CancelClass({ class_id: cls.class_id, reason: (v.reason ?? '').trim() }, isoDate(v.on), note)
      }
    >
      <ClassSummary cls={cls} />
      <Form.Item name="reason" label={t.fCancelReason} rules={required}>
        <Input />
      </Form.Item>
      <Form.Item name="on" label={vi.forms.on} rules={required}>
        <DateField />
      </Form.Item>
    </CommandModal>
  );
}

/** Which row actions a class in this status allows. */
export function classActions(status: string): ('open' | 'enrollment' | 'mode' | 'complete' | 'cancel')[] {
  switch (status) {
    case 'planned':
      return ['open', 'cancel'];
    case 'open':
      return ['enrollment', 'mode', 'complete', 'cancel'];
    default:
      return [];
  }
}

export const classStatusLabel = (s: string) => label(vi.classStatuses, s);
