// OrganisationService (Go: app.OrganisationService): the cluster, its schools
// and the class-type catalogue.

import { call } from './bridge';
import type { ISODate, Note, Result } from './types';

const SERVICE = 'OrganisationService';

/** Go: projections.School. */
export interface School {
  school_id: string;
  name: string;
  province: string;
  cluster_id: string;
}

export type ClassGroup = 'dao_tao' | 'boi_duong' | 'lien_ket';

/** Go: app.ClassType. */
export interface ClassType {
  class_type: string;
  name: string;
  group: ClassGroup | (string & {});
}

/** Go: events.StaffCountRecorded. */
export interface StaffCountRecorded {
  school_id: string;
  year: number;
  staff: number;
  units: number;
  party_orgs: number;
}

export const OrganisationService = {
  RecordStaffCount: (input: StaffCountRecorded, on: ISODate, note: Note) =>
    call<Result>(SERVICE, 'RecordStaffCount', input, on, note),
  Schools: (): Promise<School[] | null> => call<School[] | null>(SERVICE, 'Schools'),
  ClassTypes: (): Promise<ClassType[] | null> => call<ClassType[] | null>(SERVICE, 'ClassTypes'),
};
