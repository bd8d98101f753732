// ClassPlanService (Go: app.ClassPlanService): targets, planned, opened,
// changed, completed and cancelled classes, and the class-plan figures.
// Argument order mirrors the Go methods: (in, on, note) or (in, note).

import { call } from './bridge';
import type { Count, ISODate, Note, Period, Result } from './types';

const SERVICE = 'ClassPlanService';

export type ClassMode = 'tap_trung' | 'khong_tap_trung' | 'truc_tuyen';
export const CLASS_MODES: readonly ClassMode[] = ['tap_trung', 'khong_tap_trung', 'truc_tuyen'];

export type ClassStatus = 'planned' | 'open' | 'completed' | 'cancelled';

/** Go: events.TrainingTargetAssigned. */
export interface TrainingTargetAssigned {
  school_id: string;
  year: number;
  classes: number;
  students: number;
}

/** Go: events.ClassPlanned. class_id may be "": the service makes one. */
export interface ClassPlanned {
  class_id: string;
  school_id: string;
  class_type: string;
  students: number;
  period: string;
}

/** Go: events.ClassOpened. class_id "" opens a new class; a planned class's id opens it. */
export interface ClassOpened {
  class_id: string;
  school_id: string;
  class_type: string;
  name: string;
  students: number;
  start_date: ISODate;
  end_date: ISODate;
  mode: ClassMode | (string & {});
  partner?: string;
}

/** Go: events.ClassEnrollmentChanged. */
export interface ClassEnrollmentChanged {
  class_id: string;
  students: number;
}

/** Go: events.ClassModeChanged. */
export interface ClassModeChanged {
  class_id: string;
  mode: ClassMode | (string & {});
  reason: string;
}

/** Go: events.ClassCompleted. */
export interface ClassCompleted {
  class_id: string;
  end_date: ISODate;
  graduates: number;
}

/** Go: events.ClassCancelled. */
export interface ClassCancelled {
  class_id: string;
  reason: string;
}

/** One line of the figures: a school, a class type or a group (Go: projections.ClassPlanRow). */
export interface ClassPlanRow {
  key: string;
  name: string;
  group?: string;
  target?: Count | null;
  carried: Count;
  new: Count;
  executed: Count;
  completed: Count;
  /** Executed / target × 100, null without a target. */
  pct_classes: number | null;
  pct_students: number | null;
}

/** Go: projections.ClassPlanReport. */
export interface ClassPlanReport {
  period: Period;
  school?: string;
  total: ClassPlanRow;
  by_school: ClassPlanRow[] | null;
  by_group: ClassPlanRow[] | null;
  by_type: ClassPlanRow[] | null;
}

/** Go: projections.ClassInfo. */
export interface ClassInfo {
  class_id: string;
  school_id: string;
  school_name: string;
  class_type: string;
  type_name: string;
  group: string;
  name: string;
  start_date: ISODate;
  end_date: ISODate;
  mode: ClassMode | '' | (string & {});
  partner: string;
  status: ClassStatus | (string & {});
  students: number;
  completed_on: ISODate;
  graduates: number;
}

export const ClassPlanService = {
  AssignTarget: (input: TrainingTargetAssigned, on: ISODate, note: Note) =>
    call<Result>(SERVICE, 'AssignTarget', input, on, note),
  PlanClass: (input: ClassPlanned, on: ISODate, note: Note) =>
    call<Result>(SERVICE, 'PlanClass', input, on, note),
  OpenClass: (input: ClassOpened, note: Note) => call<Result>(SERVICE, 'OpenClass', input, note),
  ChangeEnrollment: (input: ClassEnrollmentChanged, on: ISODate, note: Note) =>
    call<Result>(SERVICE, 'ChangeEnrollment', input, on, note),
  ChangeMode: (input: ClassModeChanged, on: ISODate, note: Note) =>
    call<Result>(SERVICE, 'ChangeMode', input, on, note),
  CompleteClass: (input: ClassCompleted, note: Note) =>
    call<Result>(SERVICE, 'CompleteClass', input, note),
  CancelClass: (input: ClassCancelled, on: ISODate, note: Note) =>
    call<Result>(SERVICE, 'CancelClass', input, on, note),
  /** period: "2021-H1", "2021-H2", "2021" or "2021-03-01..2021-05-31"; school "" = the cluster. */
  Figures: (period: string, school: string) => call<ClassPlanReport>(SERVICE, 'Figures', period, school),
  Classes: (school: string) => call<ClassInfo[] | null>(SERVICE, 'Classes', school),
};
