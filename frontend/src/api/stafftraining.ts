// StaffTrainingService (Go: app.StaffTrainingService): staff members, their
// studies (lượt đi học) and the staff-training figures.

import { call } from './bridge';
import type { ISODate, Note, Period, Result } from './types';

const SERVICE = 'StaffTrainingService';

export type Program =
  | 'cao_hoc'
  | 'van_bang_2'
  | 'tc_llct'
  | 'cc_llct'
  | 'hoan_chinh_cc_llct'
  | 'bd_chuyen_mon'
  | 'nghien_cuu_sinh';

/** In the order the reports give them (Go: events.Programs). */
export const PROGRAMS: readonly Program[] = [
  'cao_hoc',
  'van_bang_2',
  'tc_llct',
  'cc_llct',
  'hoan_chinh_cc_llct',
  'bd_chuyen_mon',
  'nghien_cuu_sinh',
];

export type EnrollmentStatus = 'ongoing' | 'completed' | 'withdrawn';

/** Go: events.StaffMemberRecorded. */
export interface StaffMemberRecorded {
  staff_id: string;
  school_id: string;
  full_name: string;
  unit: string;
  position: string;
}

/** Go: events.StaffTrainingStarted. */
export interface StaffTrainingStarted {
  enrollment_id: string;
  staff_id: string;
  school_id: string;
  program: Program | (string & {});
  institution: string;
  start_date: ISODate;
  expected_end: ISODate;
}

/** Go: events.StaffTrainingCompleted. */
export interface StaffTrainingCompleted {
  enrollment_id: string;
  end_date: ISODate;
  result: string;
}

/** Go: events.StaffTrainingWithdrawn. */
export interface StaffTrainingWithdrawn {
  enrollment_id: string;
  reason: string;
}

/** Go: events.StaffTrainingPlanned. */
export interface StaffTrainingPlanned {
  school_id: string;
  program: Program | (string & {});
  count: number;
  period: string;
}

/** Go: projections.ProgramCount. */
export interface ProgramCount {
  program: Program | (string & {});
  name: string;
  count: number;
  planned: number;
}

/** Go: projections.StaffSchoolRow. */
export interface StaffSchoolRow {
  school_id: string;
  name: string;
  total: number;
  by_program: Record<string, number> | null;
}

/** Go: projections.StaffTrainingReport. */
export interface StaffTrainingReport {
  period: Period;
  school: string;
  total: number;
  by_program: ProgramCount[] | null;
  by_school: StaffSchoolRow[] | null;
  started: number;
  completed: number;
  withdrawn: number;
  planned: number;
}

/** Go: projections.EnrollmentInfo. */
export interface EnrollmentInfo {
  enrollment_id: string;
  staff_id: string;
  full_name: string;
  unit: string;
  school_id: string;
  school_name: string;
  program: Program | (string & {});
  program_name: string;
  institution: string;
  start_date: ISODate;
  expected_end: ISODate;
  status: EnrollmentStatus | (string & {});
  end_date: ISODate;
  result: string;
  reason: string;
}

/** Go: projections.StaffInfo. */
export interface StaffInfo {
  staff_id: string;
  school_id: string;
  school_name: string;
  full_name: string;
  unit: string;
  position: string;
  enrollments: number;
  ongoing: number;
}

export const StaffTrainingService = {
  RecordStaff: (input: StaffMemberRecorded, on: ISODate, note: Note) =>
    call<Result>(SERVICE, 'RecordStaff', input, on, note),
  StartTraining: (input: StaffTrainingStarted, note: Note) => call<Result>(SERVICE, 'StartTraining', input, note),
  CompleteTraining: (input: StaffTrainingCompleted, note: Note) =>
    call<Result>(SERVICE, 'CompleteTraining', input, note),
  WithdrawTraining: (input: StaffTrainingWithdrawn, on: ISODate, note: Note) =>
    call<Result>(SERVICE, 'WithdrawTraining', input, on, note),
  PlanTraining: (input: StaffTrainingPlanned, on: ISODate, note: Note) =>
    call<Result>(SERVICE, 'PlanTraining', input, on, note),
  Figures: (period: string, school: string) => call<StaffTrainingReport>(SERVICE, 'Figures', period, school),
  Enrollments: (school: string) => call<EnrollmentInfo[] | null>(SERVICE, 'Enrollments', school),
  Staff: (school: string) => call<StaffInfo[] | null>(SERVICE, 'Staff', school),
};
