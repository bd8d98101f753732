// EmulationService (Go: app.EmulationService): the year's targets, movements,
// registrations, titles, ratings, scores and the award figures against the targets.

import { call } from './bridge';
import type { ISODate, Note, Result } from './types';

const SERVICE = 'EmulationService';

export type Title =
  | 'lao_dong_tien_tien'
  | 'chien_si_thi_dua_co_so'
  | 'chien_si_thi_dua_cap_tinh'
  | 'tap_the_lao_dong_tien_tien'
  | 'tap_the_lao_dong_xuat_sac'
  | 'giay_khen'
  | 'bang_khen'
  | 'co_thi_dua'
  | 'huan_chuong';

/** Go: events.Titles. */
export const TITLES: readonly Title[] = [
  'lao_dong_tien_tien',
  'chien_si_thi_dua_co_so',
  'chien_si_thi_dua_cap_tinh',
  'tap_the_lao_dong_tien_tien',
  'tap_the_lao_dong_xuat_sac',
  'giay_khen',
  'bang_khen',
  'co_thi_dua',
  'huan_chuong',
];

export type RecipientKind = 'individual' | 'collective';
export const RECIPIENT_KINDS: readonly RecipientKind[] = ['individual', 'collective'];

export type Rating = 'HTXSNV' | 'HTTNV' | 'HTNV' | 'KHTNV';
/** Best first (Go: events.Ratings). */
export const RATINGS: readonly Rating[] = ['HTXSNV', 'HTTNV', 'HTNV', 'KHTNV'];

export type ScoredBy = 'self' | 'cluster' | 'inspection';
export const SCORED_BY: readonly ScoredBy[] = ['self', 'cluster', 'inspection'];

/** The year's chỉ tiêu thi đua, in percent unless named _min (Go: events.EmulationTargets). */
export interface EmulationTargets {
  lao_dong_tien_tien_min_pct: number;
  cstd_co_so_min_pct: number;
  cstd_co_so_max_pct: number;
  ttldxs_min: number;
  commended_min_pct: number;
  party_htt_min_pct: number;
  party_htxs_min_pct: number;
  units_htt_min_pct: number;
}

/** Go: events.EmulationTargetsSet. */
export interface EmulationTargetsSet {
  year: number;
  issuer: string;
  targets: EmulationTargets;
}

/** Who launched a movement: a free code in Go; these are the usual ones. */
export const MOVEMENT_LEVELS: readonly string[] = ['hoc_vien', 'cum', 'truong'];

/** Go: events.EmulationMovementLaunched (phát động phong trào thi đua).
 * movement_id "" lets the service make one. */
export interface EmulationMovementLaunched {
  movement_id: string;
  year: number;
  level: string;
  theme: string;
}

/** Go: events.EmulationRegistered (đăng ký thi đua). */
export interface EmulationRegistered {
  school_id: string;
  year: number;
  movement_id: string;
  titles: (Title | (string & {}))[];
}

/** Go: events.AwardProposed (a line of the tờ trình đề nghị khen thưởng). */
export interface AwardProposed {
  year: number;
  cluster_id: string;
  school_id: string;
  award: string;
  rank: number;
}

/** Go: events.TitleAwarded. */
export interface TitleAwarded {
  award_id: string;
  year: number;
  school_id: string;
  recipient_kind: RecipientKind | (string & {});
  recipient: string;
  title: Title | (string & {});
  decision_no: string;
  decision_date: ISODate;
  issuer: string;
}

/** Go: events.TitleRevoked. */
export interface TitleRevoked {
  award_id: string;
  reason: string;
}

/** Go: events.PartyOrgRated. */
export interface PartyOrgRated {
  school_id: string;
  year: number;
  org: string;
  rating: Rating | (string & {});
}

/** Go: events.UnitRated. */
export interface UnitRated {
  school_id: string;
  year: number;
  unit: string;
  rating: Rating | (string & {});
}

/** Go: events.ScoringCriterionDefined. */
export interface ScoringCriterionDefined {
  year: number;
  form: '5.1' | '5.2' | (string & {});
  criterion_id: string;
  title: string;
  max_points: number;
}

/** Go: events.ScoreRecorded. */
export interface ScoreRecorded {
  school_id: string;
  year: number;
  criterion_id: string;
  points: number;
  scored_by: ScoredBy | (string & {});
}

/** A school's registration to a movement, as listed. */
export interface Registration extends EmulationRegistered {
  registered_on: ISODate;
}

/** Go: projections.AwardTargets (events.EmulationTargets embedded). */
export interface AwardTargets extends EmulationTargets {
  issuer: string;
  stream: string;
}

/** One figure of a school against one target (Go: projections.AwardCheck). */
export interface AwardCheck {
  key: string;
  name: string;
  /** A percentage, or a number of units; null when its denominator is unknown or zero. */
  value: number | null;
  /** "%" or a unit such as "đơn vị". */
  unit: string;
  numerator: number;
  denominator: number;
  target_min: number | null;
  target_max: number | null;
  /** null when there is no target or no value. */
  pass: boolean | null;
}

/** Go: projections.SchoolAwards. */
export interface SchoolAwards {
  school_id: string;
  name: string;
  staff: number;
  units: number;
  party_orgs: number;
  checks: AwardCheck[] | null;
  passed: number;
  failed: number;
}

/** Go: projections.ScoreTotal. */
export interface ScoreTotal {
  school_id: string;
  name: string;
  self: number | null;
  cluster: number | null;
  inspection: number | null;
}

/** Go: projections.AwardProposal. */
export interface AwardProposal {
  cluster_id: string;
  school_id: string;
  name: string;
  award: string;
  rank: number;
  proposed_on: ISODate;
}

/** Go: projections.AwardReport. */
export interface AwardReport {
  year: number;
  targets: AwardTargets | null;
  schools: SchoolAwards[] | null;
  scores: ScoreTotal[] | null;
  proposals: AwardProposal[] | null;
}

/** Go: projections.TitleInfo. */
export interface TitleInfo {
  award_id: string;
  year: number;
  school_id: string;
  school_name: string;
  recipient_kind: RecipientKind | (string & {});
  recipient: string;
  title: Title | (string & {});
  title_name: string;
  decision_no: string;
  decision_date: ISODate;
  issuer: string;
  revoked: boolean;
  revoked_on: ISODate;
  revoke_reason: string;
}

/** Go: projections.ScoreCriterion. */
export interface ScoreCriterion {
  criterion_id: string;
  form: string;
  title: string;
  max_points: number;
}

/** Go: projections.ScoreCell; points is the one that counts (inspection, else cluster, else self). */
export interface ScoreCell {
  criterion_id: string;
  self: number | null;
  cluster: number | null;
  inspection: number | null;
  points: number | null;
}

/** Go: projections.ScoreRow; rank 0 when nothing is scored. */
export interface ScoreRow {
  school_id: string;
  name: string;
  cells: ScoreCell[] | null;
  total: number;
  scored: number;
  rank: number;
}

/** Go: projections.ScoreTable (bảng tổng hợp điểm). */
export interface ScoreTable {
  year: number;
  criteria: ScoreCriterion[] | null;
  max_total: number;
  schools: ScoreRow[] | null;
}

export const EmulationService = {
  SetTargets: (clusterId: string, input: EmulationTargetsSet, on: ISODate, note: Note) =>
    call<Result>(SERVICE, 'SetTargets', clusterId, input, on, note),
  AwardTitle: (input: TitleAwarded, note: Note) => call<Result>(SERVICE, 'AwardTitle', input, note),
  RevokeTitle: (input: TitleRevoked, on: ISODate, note: Note) => call<Result>(SERVICE, 'RevokeTitle', input, on, note),
  RateParty: (input: PartyOrgRated, on: ISODate, note: Note) => call<Result>(SERVICE, 'RateParty', input, on, note),
  RateUnit: (input: UnitRated, on: ISODate, note: Note) => call<Result>(SERVICE, 'RateUnit', input, on, note),
  DefineCriterion: (clusterId: string, input: ScoringCriterionDefined, on: ISODate, note: Note) =>
    call<Result>(SERVICE, 'DefineCriterion', clusterId, input, on, note),
  RecordScore: (input: ScoreRecorded, on: ISODate, note: Note) => call<Result>(SERVICE, 'RecordScore', input, on, note),
  LaunchMovement: (clusterId: string, input: EmulationMovementLaunched, on: ISODate, note: Note) =>
    call<Result>(SERVICE, 'LaunchMovement', clusterId, input, on, note),
  Register: (input: EmulationRegistered, on: ISODate, note: Note) => call<Result>(SERVICE, 'Register', input, on, note),
  ProposeAward: (input: AwardProposed, on: ISODate, note: Note) =>
    call<Result>(SERVICE, 'ProposeAward', input, on, note),
  Figures: (year: number, school: string) => call<AwardReport>(SERVICE, 'Figures', year, school),
  /** The movements of a year (Go: not bound yet; the page says so when the running build lacks it). */
  Movements: (year: number) => call<EmulationMovementLaunched[] | null>(SERVICE, 'Movements', year),
  /** The registrations of a year, for a school or all (Go: not bound yet, as Movements). */
  Registrations: (year: number, school: string) =>
    call<Registration[] | null>(SERVICE, 'Registrations', year, school),
  Titles: (year: number, school: string) => call<TitleInfo[] | null>(SERVICE, 'Titles', year, school),
  Scores: (year: number) => call<ScoreTable>(SERVICE, 'Scores', year),
};
