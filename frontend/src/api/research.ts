// ResearchService (Go: app.ResearchService): research topics, workshops,
// bulletins, websites and their figures.

import { call } from './bridge';
import type { ISODate, Note, Period, Result } from './types';

const SERVICE = 'ResearchService';

export type ResearchLevel = 'bo_tinh' | 'co_so' | 'khoa_phong';
export type WorkshopLevel = ResearchLevel | 'cum';
export type ResearchKind = 'de_tai' | 'de_an' | 'sang_kien';

export const RESEARCH_LEVELS: readonly ResearchLevel[] = ['bo_tinh', 'co_so', 'khoa_phong'];
export const WORKSHOP_LEVELS: readonly WorkshopLevel[] = ['bo_tinh', 'co_so', 'khoa_phong', 'cum'];
export const RESEARCH_KINDS: readonly ResearchKind[] = ['de_tai', 'de_an', 'sang_kien'];

export type TopicStatus = 'ongoing' | 'accepted' | 'cancelled';

/** Go: events.ResearchTopicRegistered. */
export interface ResearchTopicRegistered {
  topic_id: string;
  school_id: string;
  level: ResearchLevel | (string & {});
  kind: ResearchKind | (string & {});
  title: string;
  lead: string;
  start_date: ISODate;
}

/** Go: events.ResearchTopicAccepted (nghiệm thu). */
export interface ResearchTopicAccepted {
  topic_id: string;
  date: ISODate;
  grade: string;
}

/** Go: events.ResearchTopicCancelled. */
export interface ResearchTopicCancelled {
  topic_id: string;
  reason: string;
}

/** Go: events.WorkshopHeld. */
export interface WorkshopHeld {
  workshop_id: string;
  school_id: string;
  level: WorkshopLevel | (string & {});
  title: string;
  date: ISODate;
  papers: number;
}

/** Go: events.BulletinIssued. */
export interface BulletinIssued {
  school_id: string;
  issue_no: string;
  date: ISODate;
  articles: number;
}

/** Go: events.WebsiteRegistered. */
export interface WebsiteRegistered {
  school_id: string;
  url: string;
}

/** Go: projections.LevelCount. */
export interface LevelCount {
  level: ResearchLevel | (string & {});
  name: string;
  total: number;
  by_kind: Record<string, number> | null;
}

/** Go: projections.TopicCounts. */
export interface TopicCounts {
  total: number;
  by_level: LevelCount[] | null;
}

/** Go: projections.WorkshopLevelCount. */
export interface WorkshopLevelCount {
  level: WorkshopLevel | (string & {});
  name: string;
  total: number;
  papers: number;
}

/** Go: projections.WorkshopCounts. */
export interface WorkshopCounts {
  total: number;
  papers: number;
  by_level: WorkshopLevelCount[] | null;
}

/** Go: projections.BulletinCounts. */
export interface BulletinCounts {
  issues: number;
  articles: number;
  schools: number;
}

/** Go: projections.WebsiteCounts. */
export interface WebsiteCounts {
  with: number;
  schools: number;
}

/** Go: projections.ResearchSchoolRow. */
export interface ResearchSchoolRow {
  school_id: string;
  name: string;
  active: number;
  accepted: number;
  workshops: number;
  bulletin_issues: number;
  articles: number;
  website: boolean;
}

/** Go: projections.ResearchReport. */
export interface ResearchReport {
  period: Period;
  school: string;
  active: TopicCounts;
  accepted: TopicCounts;
  workshops: WorkshopCounts;
  bulletins: BulletinCounts;
  websites: WebsiteCounts;
  by_school: ResearchSchoolRow[] | null;
}

/** Go: projections.TopicInfo. */
export interface TopicInfo {
  topic_id: string;
  school_id: string;
  school_name: string;
  level: ResearchLevel | (string & {});
  level_name: string;
  kind: ResearchKind | (string & {});
  kind_name: string;
  title: string;
  lead: string;
  start_date: ISODate;
  status: TopicStatus | (string & {});
  accepted_on: ISODate;
  grade: string;
  cancelled_on: ISODate;
  cancel_reason: string;
}

/** Go: projections.WorkshopInfo. */
export interface WorkshopInfo {
  workshop_id: string;
  school_id: string;
  school_name: string;
  level: WorkshopLevel | (string & {});
  level_name: string;
  title: string;
  date: ISODate;
  papers: number;
}

/** Go: projections.BulletinInfo. */
export interface BulletinInfo {
  school_id: string;
  school_name: string;
  year: number;
  issue_no: string;
  date: ISODate;
  articles: number;
}

/** Go: projections.WebsiteInfo. */
export interface WebsiteInfo {
  school_id: string;
  school_name: string;
  url: string;
  registered_on: ISODate;
}

export const ResearchService = {
  RegisterTopic: (input: ResearchTopicRegistered, note: Note) => call<Result>(SERVICE, 'RegisterTopic', input, note),
  AcceptTopic: (input: ResearchTopicAccepted, note: Note) => call<Result>(SERVICE, 'AcceptTopic', input, note),
  CancelTopic: (input: ResearchTopicCancelled, on: ISODate, note: Note) =>
    call<Result>(SERVICE, 'CancelTopic', input, on, note),
  HoldWorkshop: (input: WorkshopHeld, note: Note) => call<Result>(SERVICE, 'HoldWorkshop', input, note),
  IssueBulletin: (input: BulletinIssued, note: Note) => call<Result>(SERVICE, 'IssueBulletin', input, note),
  RegisterWebsite: (input: WebsiteRegistered, on: ISODate, note: Note) =>
    call<Result>(SERVICE, 'RegisterWebsite', input, on, note),
  Figures: (period: string, school: string) => call<ResearchReport>(SERVICE, 'Figures', period, school),
  Topics: (school: string) => call<TopicInfo[] | null>(SERVICE, 'Topics', school),
  Workshops: (school: string) => call<WorkshopInfo[] | null>(SERVICE, 'Workshops', school),
  Bulletins: (school: string) => call<BulletinInfo[] | null>(SERVICE, 'Bulletins', school),
  Websites: (school: string) => call<WebsiteInfo[] | null>(SERVICE, 'Websites', school),
};
