// The forms of "Viên chức đi học".

import { useEffect, useState } from 'react';
import { Col, Descriptions, Form, Input, InputNumber, Row, Select } from 'antd';
import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import {
  PROGRAMS,
  StaffTrainingService,
  type EnrollmentInfo,
  type StaffInfo,
} from '../api/stafftraining';
import { CommandModal, required } from '../components/CommandModal';
import { DateField, isoDate, toDayjs } from '../components/DateField';
import { CodeSelect, PeriodSelect, SchoolSelect } from '../components/Selects';
import { vi } from '../locales/vi';
import { useFiltersStore } from '../stores/filters';
import { formatDate } from '../utils/format';
import { parsePeriod } from '../utils/period';

const t = vi.staff;

interface FormProps {
  open: boolean;
  onClose: () => void;
}

const num = (v: number | null | undefined): number => (typeof v === 'number' ? v : 0);
const trim = (v: string | undefined): string => (v ?? '').trim();

interface StaffValues {
  school_id: string;
  full_name: string;
  unit?: string;
  position?: string;
  on: Dayjs;
}

/** "Viên chức": a new staff member, or new details of one (staff). */
export function RecordStaffForm({ open, onClose, staff }: FormProps & { staff?: StaffInfo | undefined }) {
  const school = useFiltersStore((s) => s.school);
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
          : { school_id: school || undefined, on: dayjs() }) as Partial<StaffValues>
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
      <Form.Item name="school_id" label={vi.common.school} rules={required}>
        <SchoolSelect disabled={Boolean(staff)} />
      </Form.Item>
      <Form.Item name="full_name" label={t.fFullName} rules={required}>
        <Input />
      </Form.Item>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="unit" label={t.fUnit}>
            <Input />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="position" label={t.fPosition}>
            <Input />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="on" label={vi.forms.on} rules={required}>
        <DateField />
      </Form.Item>
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
  const school = useFiltersStore((s) => s.school);
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
          : { school_id: school || undefined }) as Partial<StartValues>
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
          <Row gutter={16}>
            <Col span={12}>
              <Form.Item name="school_id" label={vi.common.school} rules={required}>
                <SchoolSelect
                  disabled={Boolean(staff)}
                  onChange={() => form.setFieldValue('staff_id', undefined)}
                />
              </Form.Item>
            </Col>
            <Col span={12}>
              <StaffField />
            </Col>
          </Row>
          <Row gutter={16}>
            <Col span={12}>
              <Form.Item name="program" label={t.fProgram} rules={required}>
                <CodeSelect codes={PROGRAMS} labels={vi.programs} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="institution" label={t.fInstitution}>
                <Input />
              </Form.Item>
            </Col>
          </Row>
          <Row gutter={16}>
            <Col span={12}>
              <Form.Item name="start_date" label={t.fStart} rules={required}>
                <DateField />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="expected_end" label={t.fExpectedEnd}>
                <DateField />
              </Form.Item>
            </Col>
          </Row>
        </>
      )}
    </CommandModal>
  );
}

function EnrollmentSummary({ e }: { e: EnrollmentInfo }) {
  return (
    <Descriptions size="small" column={1} bordered style={{ marginBottom: 16 }}>
      <Descriptions.Item label={t.fStaff}>{e.full_name}</Descriptions.Item>
      <Descriptions.Item label={t.fProgram}>{e.program_name || vi.programs[e.program] || e.program}</Descriptions.Item>
      <Descriptions.Item label={t.fStart}>{formatDate(e.start_date)}</Descriptions.Item>
    </Descriptions>
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
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="end_date" label={t.fEndDate} rules={required}>
            <DateField />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="result" label={t.fResult}>
            <Input />
          </Form.Item>
        </Col>
      </Row>
    </CommandModal>
  );
}

interface WithdrawValues {
  reason: string;
  on: Dayjs;
}

export function WithdrawTrainingForm({ open, onClose, enrollment }: FormProps & { enrollment: EnrollmentInfo }) {
  return (
    <CommandModal<WithdrawValues>
      open={open}
      onClose={onClose}
      name="withdrawTraining"
      title={t.withdrawTraining}
      occurredOn="on"
      fieldMap={{ 'data.enrollment_id': 'reason' }}
      initialValues={{ on: dayjs() } as Partial<WithdrawValues>}
      submit={(v, note) =>
        StaffTrainingService.WithdrawTraining(
          { enrollment_id: enrollment.enrollment_id, reason: trim(v.reason) },
          isoDate(v.on),
          note,
        )
      }
    >
      <EnrollmentSummary e={enrollment} />
      <Form.Item name="reason" label={t.fWithdrawReason} rules={required}>
        <Input />
      </Form.Item>
      <Form.Item name="on" label={vi.forms.on} rules={required}>
        <DateField />
      </Form.Item>
    </CommandModal>
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
  const { period, school } = useFiltersStore();
  return (
    <CommandModal<PlanValues>
      open={open}
      onClose={onClose}
      name="planTraining"
      title={t.planTraining}
      occurredOn="on"
      initialValues={
        {
          school_id: school || undefined,
          period: parsePeriod(period)?.kind === 'range' ? undefined : period,
          on: dayjs(),
        } as Partial<PlanValues>
      }
      submit={(v, note) =>
        StaffTrainingService.PlanTraining(
          { school_id: v.school_id, program: v.program, count: num(v.count), period: v.period },
          isoDate(v.on),
          note,
        )
      }
    >
      <Form.Item name="school_id" label={vi.common.school} rules={required}>
        <SchoolSelect />
      </Form.Item>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="program" label={t.fProgram} rules={required}>
            <CodeSelect codes={PROGRAMS} labels={vi.programs} />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="count" label={t.fCount} rules={required}>
            <InputNumber style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="on" label={vi.forms.on} rules={required}>
            <DateField />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="period" label={t.fPeriod} rules={required}>
        <PeriodSelect />
      </Form.Item>
    </CommandModal>
  );
}
