// The forms of "Kế hoạch mở lớp": one per event of the area.

import { Form } from 'antd';
import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import { CLASS_MODES, ClassPlanService, type ClassInfo } from '../api/classplans';
import { CommandModal, required } from '../components/CommandModal';
import { isoDate, toDayjs } from '../components/DateField';
import { ClassTypeSelect } from '../components/Selects';
import { vi } from '../locales/vi';
import { useFiltersStore } from '../stores/filters';
import { formatDate, formatInt } from '../utils/format';
import { periodYear } from '../utils/period';
import {
  CodeItem,
  DateItem,
  FieldRow,
  NumberItem,
  OnItem,
  PeriodItem,
  SchoolItem,
  Summary,
  TextItem,
  num,
  trim,
  useFilterPeriod,
  useFilterSchool,
  type FormProps,
} from './fields';
import { ReasonForm } from './ReasonForm';

const t = vi.classPlans;

interface ClassFormProps extends FormProps {
  cls: ClassInfo;
}

/** The class a row action concerns, above its form. */
function ClassSummary({ cls }: { cls: ClassInfo }) {
  const rows: [string, string][] = [
    [t.fClass, cls.name || cls.type_name],
    [vi.common.school, cls.school_name],
    [t.colStudents, formatInt(cls.students)],
  ];
  if (cls.start_date) rows.push([t.colStart, formatDate(cls.start_date)]);
  return <Summary rows={rows} testId="class-summary" />;
}

/** "Loại lớp": an entry of the class-type catalogue. */
function ClassTypeItem() {
  return (
    <Form.Item name="class_type" label={t.fClassType} rules={required}>
      <ClassTypeSelect />
    </Form.Item>
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
  const period = useFiltersStore((s) => s.period);
  const school = useFilterSchool();
  return (
    <CommandModal<TargetValues>
      open={open}
      onClose={onClose}
      name="assignTarget"
      title={t.assignTarget}
      occurredOn="on"
      initialValues={{ school_id: school, year: periodYear(period), on: dayjs() } as Partial<TargetValues>}
      submit={(v, note) =>
        ClassPlanService.AssignTarget(
          { school_id: v.school_id, year: num(v.year), classes: num(v.classes), students: num(v.students) },
          isoDate(v.on),
          note,
        )
      }
    >
      <SchoolItem />
      <FieldRow>
        <NumberItem name="year" label={t.fYear} />
        <NumberItem name="classes" label={t.fClasses} />
        <NumberItem name="students" label={t.fStudents} />
      </FieldRow>
      <OnItem />
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
  const school = useFilterSchool();
  const period = useFilterPeriod();
  return (
    <CommandModal<PlanValues>
      open={open}
      onClose={onClose}
      name="planClass"
      title={t.planClass}
      occurredOn="on"
      initialValues={{ school_id: school, period, on: dayjs() } as Partial<PlanValues>}
      submit={(v, note) =>
        ClassPlanService.PlanClass(
          { class_id: '', school_id: v.school_id, class_type: v.class_type, students: num(v.students), period: v.period },
          isoDate(v.on),
          note,
        )
      }
    >
      <SchoolItem />
      <ClassTypeItem />
      <FieldRow>
        <PeriodItem label={t.fPeriod} />
        <NumberItem name="students" label={t.fStudents} />
      </FieldRow>
      <OnItem />
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
  const school = useFilterSchool();
  const initial: Partial<OpenValues> = cls
    ? { school_id: cls.school_id, class_type: cls.class_type, students: cls.students, mode: 'tap_trung' }
    : { school_id: school, mode: 'tap_trung' };
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
            name: trim(v.name),
            students: num(v.students),
            start_date: isoDate(v.start_date),
            end_date: isoDate(v.end_date),
            mode: v.mode,
            partner: trim(v.partner),
          },
          note,
        )
      }
    >
      <FieldRow>
        <SchoolItem disabled={Boolean(cls)} />
        <ClassTypeItem />
      </FieldRow>
      <TextItem name="name" label={t.fName} />
      <FieldRow>
        <NumberItem name="students" label={t.fStudents} />
        <DateItem name="start_date" label={t.fStart} />
        <DateItem name="end_date" label={t.fEnd} optional />
      </FieldRow>
      <FieldRow spans={[8, 16]}>
        <CodeItem name="mode" label={t.fMode} codes={CLASS_MODES} labels={vi.classModes} />
        <TextItem name="partner" label={t.fPartner} optional />
      </FieldRow>
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
      <FieldRow>
        <NumberItem name="students" label={t.fNewStudents} />
        <OnItem />
      </FieldRow>
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
          { class_id: cls.class_id, mode: v.mode, reason: trim(v.reason) },
          isoDate(v.on),
          note,
        )
      }
    >
      <ClassSummary cls={cls} />
      <FieldRow>
        <CodeItem name="mode" label={t.fNewMode} codes={CLASS_MODES} labels={vi.classModes} />
        <OnItem />
      </FieldRow>
      <TextItem name="reason" label={t.fModeReason} optional />
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
      <FieldRow>
        <DateItem name="end_date" label={t.fEndDate} />
        <NumberItem name="graduates" label={t.fGraduates} />
      </FieldRow>
    </CommandModal>
  );
}

export function CancelClassForm({ open, onClose, cls }: ClassFormProps) {
  return (
    <ReasonForm
      open={open}
      onClose={onClose}
      name="cancelClass"
      title={t.cancelClass}
      idField="data.class_id"
      reasonLabel={t.fCancelReason}
      summary={<ClassSummary cls={cls} />}
      send={(reason, on, note) => ClassPlanService.CancelClass({ class_id: cls.class_id, reason }, on, note)}
    />
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
