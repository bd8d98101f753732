// OrganisationService (Go: app.OrganisationService): the cluster, its schools,
// the yearly roles, the class-type catalogue and the staff counts.

import { call } from './bridge';
import type { ISODate, Note, Result } from './types';

const SERVICE = 'OrganisationService';

/** Go: app.Cluster. */
export interface Cluster {
  cluster_id: string;
  name: string;
  region: string;
}

/** Go: projections.School. */
export interface School {
  school_id: string;
  name: string;
  province: string;
  cluster_id: string;
}

export type ClassGroup = 'dao_tao' | 'boi_duong' | 'lien_ket';
export const CLASS_GROUPS: readonly ClassGroup[] = ['dao_tao', 'boi_duong', 'lien_ket'];

/** Go: app.ClassType (events.ClassTypeDefined). */
export interface ClassType {
  class_type: string;
  name: string;
  group: ClassGroup | (string & {});
}

/** Go: events.ClusterFormed. */
export type ClusterFormed = Cluster;

/** Go: events.SchoolRegistered. */
export type SchoolRegistered = School;

/** Go: events.ClusterRolesAssigned (Cụm trưởng, Cụm phó thường trực, Cụm phó). */
export interface ClusterRolesAssigned {
  cluster_id: string;
  year: number;
  lead: string;
  standing_deputy: string;
  deputies: string[] | null;
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
  FormCluster: (input: ClusterFormed, on: ISODate, note: Note) => call<Result>(SERVICE, 'FormCluster', input, on, note),
  RegisterSchool: (input: SchoolRegistered, on: ISODate, note: Note) =>
    call<Result>(SERVICE, 'RegisterSchool', input, on, note),
  AssignRoles: (input: ClusterRolesAssigned, on: ISODate, note: Note) =>
    call<Result>(SERVICE, 'AssignRoles', input, on, note),
  DefineClassType: (input: ClassType, on: ISODate, note: Note) =>
    call<Result>(SERVICE, 'DefineClassType', input, on, note),
  RecordStaffCount: (input: StaffCountRecorded, on: ISODate, note: Note) =>
    call<Result>(SERVICE, 'RecordStaffCount', input, on, note),
  Clusters: (): Promise<Cluster[] | null> => call<Cluster[] | null>(SERVICE, 'Clusters'),
  Schools: (): Promise<School[] | null> => call<School[] | null>(SERVICE, 'Schools'),
  ClassTypes: (): Promise<ClassType[] | null> => call<ClassType[] | null>(SERVICE, 'ClassTypes'),
  /** The roles of a year, one row per cluster (Go: not bound yet; the page says so
   * when the running build lacks it). */
  Roles: (year: number): Promise<ClusterRolesAssigned[] | null> =>
    call<ClusterRolesAssigned[] | null>(SERVICE, 'Roles', year),
};
