// The forms of "Nghiên cứu khoa học & Bản tin".

import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import {
  RESEARCH_KINDS,
  RESEARCH_LEVELS,
  ResearchService,
  WORKSHOP_LEVELS,
  type TopicInfo,
} from '../api/research';
import { CommandModal } from '../components/CommandModal';
import { isoDate } from '../components/DateField';
import { vi } from '../locales/vi';
import { formatDate } from '../utils/format';
import {
  CodeItem,
  DateItem,
  FieldRow,
  NumberItem,
  OnItem,
  SchoolItem,
  Summary,
  TextItem,
  num,
  trim,
  useFilterSchool,
  type FormProps,
} from './fields';
import { ReasonForm } from './ReasonForm';

const t = vi.research;

interface TopicValues {
  school_id: string;
  level: string;
  kind: string;
  title: string;
  lead?: string;
  start_date: Dayjs;
}

export function RegisterTopicForm({ open, onClose }: FormProps) {
  const school = useFilterSchool();
  return (
    <CommandModal<TopicValues>
      open={open}
      onClose={onClose}
      name="registerTopic"
      title={t.registerTopic}
      occurredOn="start_date"
      width={680}
      initialValues={{ school_id: school, level: 'co_so', kind: 'de_tai' } as Partial<TopicValues>}
      submit={(v, note) =>
        ResearchService.RegisterTopic(
          {
            topic_id: '',
            school_id: v.school_id,
            level: v.level,
            kind: v.kind,
            title: trim(v.title),
            lead: trim(v.lead),
            start_date: isoDate(v.start_date),
          },
          note,
        )
      }
    >
      <SchoolItem />
      <TextItem name="title" label={t.fTitle} long />
      <FieldRow>
        <CodeItem name="level" label={t.fLevel} codes={RESEARCH_LEVELS} labels={vi.researchLevels} />
        <CodeItem name="kind" label={t.fKind} codes={RESEARCH_KINDS} labels={vi.researchKinds} />
        <DateItem name="start_date" label={t.fStart} />
      </FieldRow>
      <TextItem name="lead" label={t.fLead} optional />
    </CommandModal>
  );
}

function TopicSummary({ topic }: { topic: TopicInfo }) {
  return (
    <Summary
      rows={[
        [t.colTitle, topic.title],
        [vi.common.school, topic.school_name],
        [t.colStart, formatDate(topic.start_date)],
      ]}
    />
  );
}

interface AcceptValues {
  date: Dayjs;
  grade?: string;
}

export function AcceptTopicForm({ open, onClose, topic }: FormProps & { topic: TopicInfo }) {
  return (
    <CommandModal<AcceptValues>
      open={open}
      onClose={onClose}
      name="acceptTopic"
      title={t.acceptTopic}
      occurredOn="date"
      fieldMap={{ 'data.topic_id': 'date' }}
      submit={(v, note) =>
        ResearchService.AcceptTopic({ topic_id: topic.topic_id, date: isoDate(v.date), grade: trim(v.grade) }, note)
      }
    >
      <TopicSummary topic={topic} />
      <FieldRow>
        <DateItem name="date" label={t.fAcceptDate} />
        <TextItem name="grade" label={t.fGrade} optional />
      </FieldRow>
    </CommandModal>
  );
}

export function CancelTopicForm({ open, onClose, topic }: FormProps & { topic: TopicInfo }) {
  return (
    <ReasonForm
      open={open}
      onClose={onClose}
      name="cancelTopic"
      title={t.cancelTopic}
      idField="data.topic_id"
      reasonLabel={t.fCancelReason}
      summary={<TopicSummary topic={topic} />}
      send={(reason, on, note) => ResearchService.CancelTopic({ topic_id: topic.topic_id, reason }, on, note)}
    />
  );
}

interface WorkshopValues {
  school_id: string;
  level: string;
  title: string;
  date: Dayjs;
  papers: number;
}

export function HoldWorkshopForm({ open, onClose }: FormProps) {
  const school = useFilterSchool();
  return (
    <CommandModal<WorkshopValues>
      open={open}
      onClose={onClose}
      name="holdWorkshop"
      title={t.holdWorkshop}
      occurredOn="date"
      initialValues={{ school_id: school, level: 'co_so' } as Partial<WorkshopValues>}
      submit={(v, note) =>
        ResearchService.HoldWorkshop(
          {
            workshop_id: '',
            school_id: v.school_id,
            level: v.level,
            title: trim(v.title),
            date: isoDate(v.date),
            papers: num(v.papers),
          },
          note,
        )
      }
    >
      <SchoolItem />
      <TextItem name="title" label={t.fWorkshopTitle} long />
      <FieldRow>
        <CodeItem name="level" label={t.fLevel} codes={WORKSHOP_LEVELS} labels={vi.researchLevels} />
        <DateItem name="date" label={t.fWorkshopDate} />
        <NumberItem name="papers" label={t.fPapers} />
      </FieldRow>
    </CommandModal>
  );
}

interface BulletinValues {
  school_id: string;
  issue_no: string;
  date: Dayjs;
  articles: number;
}

export function IssueBulletinForm({ open, onClose }: FormProps) {
  const school = useFilterSchool();
  return (
    <CommandModal<BulletinValues>
      open={open}
      onClose={onClose}
      name="issueBulletin"
      title={t.issueBulletin}
      occurredOn="date"
      initialValues={{ school_id: school } as Partial<BulletinValues>}
      submit={(v, note) =>
        ResearchService.IssueBulletin(
          { school_id: v.school_id, issue_no: trim(v.issue_no), date: isoDate(v.date), articles: num(v.articles) },
          note,
        )
      }
    >
      <SchoolItem />
      <FieldRow>
        <TextItem name="issue_no" label={t.fIssueNo} />
        <DateItem name="date" label={t.fIssueDate} />
        <NumberItem name="articles" label={t.fArticles} />
      </FieldRow>
    </CommandModal>
  );
}

interface WebsiteValues {
  school_id: string;
  url: string;
  on: Dayjs;
}

export function RegisterWebsiteForm({ open, onClose }: FormProps) {
  const school = useFilterSchool();
  return (
    <CommandModal<WebsiteValues>
      open={open}
      onClose={onClose}
      name="registerWebsite"
      title={t.registerWebsite}
      occurredOn="on"
      initialValues={{ school_id: school, on: dayjs() } as Partial<WebsiteValues>}
      submit={(v, note) =>
        ResearchService.RegisterWebsite({ school_id: v.school_id, url: trim(v.url) }, isoDate(v.on), note)
      }
    >
      <SchoolItem />
      <TextItem name="url" label={t.fUrl} placeholder="https://" />
      <OnItem />
    </CommandModal>
  );
}
