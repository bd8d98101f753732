// The forms of "Viên chức đi học".

import { useEffect, useState } from 'react';
import { Form, Select } from 'antd';
import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import {
  PROGRAMS,
  StaffTrainingService,
  type EnrollmentInfo,
  type StaffInfo,
} from '../api/stafftraining';
import { CommandModal, required } from '../components/CommandModal';
import { isoDate, toDayjs } from '../components/DateField';
import { vi } from '../locales/vi';
import { formatDate } from '../utils/format';
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

const t = vi.staff;

interface StaffValues {
  school_id: string;
  full_name: string;
  unit?: string;
  position?: string;
  on: Dayjs;
}

/** "Viên chức": a new staff member, or new details of one (staff). */
export function RecordStaffForm({ open, onClose, staff }: FormProps & { staff?: StaffInfo | undefined }) {
  const school = useFilterSchool();
  return (
    <CommandModal<StaffValues>
      open={open}
      onClose={onClose}
      name="recordStaff"
      title={staff ? t.editStaff : t.recordStaff}
      occurredOn="on"
      initialValues={
        (staff
          ? { school_id: staff.school_id, full_name: staff.full_name, unit: staff.unit, position: staff.position, on: dayjs() }
          : { school_id: school, on: dayjs() }) as Partial<StaffValues>
      }
      submit={(v, note) =>
        StaffTrainingService.RecordStaff(
          {
            staff_id: staff?.staff_id ?? '',
            school_id: v.school_id,
            full_name: trim(v.full_name),
            unit: trim(v.unit),
            position: trim(v.position),
          },
          isoDate(v.on),
          note,
        )
      }
    >
      <SchoolItem disabled={Boolean(staff)} />
      <TextItem name="full_name" label={t.fFullName} />
      <FieldRow>
        <TextItem name="unit" label={t.fUnit} optional />
        <TextItem name="position" label={t.fPosition} optional />
      </FieldRow>
      <OnItem />
    </CommandModal>
  );
}

/** The staff of a school, for the "Viên chức" select. */
function StaffOfSchool({ school, ...props }: { school: string | undefined; value?: string; onChange?: (v: string) => void; id?: string }) {
  const [staff, setStaff] = useState<StaffInfo[]>([]);
  useEffect(() => {
    let live = true;
    if (!school) {
      setStaff([]);
      return;
    }
    StaffTrainingService.Staff(school)
      .then((list) => live && setStaff(list ?? []))
      .catch(() => live && setStaff([]));
    return () => {
      live = false;
    };
  }, [school]);
  return (
    <Select<string>
      showSearch
      optionFilterProp="label"
      placeholder={t.fStaffHint}
      disabled={!school}
      options={staff.map((s) => ({ value: s.staff_id, label: s.unit ? `${s.full_name} – ${s.unit}` : s.full_name }))}
      {...props}
    />
  );
}

/** "Viên chức": the staff of the school chosen above. */
function StaffField() {
  const school = Form.useWatch('school_id') as string | undefined;
  return (
    <Form.Item name="staff_id" label={t.fStaff} rules={required}>
      <StaffOfSchool school={school} />
    </Form.Item>
  );
}

interface StartValues {
  school_id: string;
  staff_id: string;
  program: string;
  institution?: string;
  start_date: Dayjs;
  expected_end?: Dayjs | null;
}

/** "Bắt đầu học": a staff member sent to study (staff: from their row). */
export function StartTrainingForm({ open, onClose, staff }: FormProps & { staff?: StaffInfo | undefined }) {
  const school = useFilterSchool();
  return (
    <CommandModal<StartValues>
      open={open}
      onClose={onClose}
      name="startTraining"
      title={staff ? `${t.sendToStudy}: ${staff.full_name}` : t.startTraining}
      occurredOn="start_date"
      width={680}
      initialValues={
        (staff
          ? { school_id: staff.school_id, staff_id: staff.staff_id }
          : { school_id: school }) as Partial<StartValues>
      }
      submit={(v, note) =>
        StaffTrainingService.StartTraining(
          {
            enrollment_id: '',
            staff_id: v.staff_id,
            school_id: v.school_id,
            program: v.program,
            institution: trim(v.institution),
            start_date: isoDate(v.start_date),
            expected_end: isoDate(v.expected_end),
          },
          note,
        )
      }
    >
      {(form) => (
        <>
          <FieldRow>
            <SchoolItem disabled={Boolean(staff)} onChange={() => form.setFieldValue('staff_id', undefined)} />
            <StaffField />
          </FieldRow>
          <FieldRow>
            <CodeItem name="program" label={t.fProgram} codes={PROGRAMS} labels={vi.programs} />
            <TextItem name="institution" label={t.fInstitution} optional />
          </FieldRow>
          <FieldRow>
            <DateItem name="start_date" label={t.fStart} />
            <DateItem name="expected_end" label={t.fExpectedEnd} optional />
          </FieldRow>
        </>
      )}
    </CommandModal>
  );
}

function EnrollmentSummary({ e }: { e: EnrollmentInfo }) {
  return (
    <Summary
      rows={[
        [t.fStaff, e.full_name],
        [t.fProgram, e.program_name || vi.programs[e.program] || e.program],
        [t.fStart, formatDate(e.start_date)],
      ]}
    />
  );
}

interface CompleteValues {
  end_date: Dayjs;
  result?: string;
}

export function CompleteTrainingForm({ open, onClose, enrollment }: FormProps & { enrollment: EnrollmentInfo }) {
  return (
    <CommandModal<CompleteValues>
      open={open}
      onClose={onClose}
      name="completeTraining"
      title={t.completeTraining}
      occurredOn="end_date"
      fieldMap={{ 'data.enrollment_id': 'end_date' }}
      initialValues={{ end_date: toDayjs(enrollment.expected_end) } as Partial<CompleteValues>}
      submit={(v, note) =>
        StaffTrainingService.CompleteTraining(
          { enrollment_id: enrollment.enrollment_id, end_date: isoDate(v.end_date), result: trim(v.result) },
          note,
        )
      }
    >
      <EnrollmentSummary e={enrollment} />
      <FieldRow>
        <DateItem name="end_date" label={t.fEndDate} />
        <TextItem name="result" label={t.fResult} optional />
      </FieldRow>
    </CommandModal>
  );
}

export function WithdrawTrainingForm({ open, onClose, enrollment }: FormProps & { enrollment: EnrollmentInfo }) {
  return (
    <ReasonForm
      open={open}
      onClose={onClose}
      name="withdrawTraining"
      title={t.withdrawTraining}
      idField="data.enrollment_id"
      reasonLabel={t.fWithdrawReason}
      summary={<EnrollmentSummary e={enrollment} />}
      send={(reason, on, note) =>
        StaffTrainingService.WithdrawTraining({ enrollment_id: enrollment.enrollment_id, reason }, on, note)
      }
    />
  );
}

interface PlanValues {
  school_id: string;
  program: string;
  count: number;
  period: string;
  on: Dayjs;
}

export function PlanTrainingForm({ open, onClose }: FormProps) {
  const school = useFilterSchool();
  const period = useFilterPeriod();
  return (
    <CommandModal<PlanValues>
      open={open}
      onClose={onClose}
      name="planTraining"
      title={t.planTraining}
      occurredOn="on"
      initialValues={{ school_id: school, period, on: dayjs() } as Partial<PlanValues>}
      submit={(v, note) =>
        StaffTrainingService.PlanTraining(
          { school_id: v.school_id, program: v.program, count: num(v.count), period: v.period },
          isoDate(v.on),
          note,
        )
      }
    >
      <SchoolItem />
      <FieldRow spans={[12, 6, 6]}>
        <CodeItem name="program" label={t.fProgram} codes={PROGRAMS} labels={vi.programs} />
        <NumberItem name="count" label={t.fCount} />
        <OnItem />
      </FieldRow>
      <PeriodItem label={t.fPeriod} />
    </CommandModal>
  );
}
