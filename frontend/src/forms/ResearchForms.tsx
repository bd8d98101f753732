// The forms of "Nghiên cứu khoa học & Bản tin".

import { Col, Descriptions, Form, Input, InputNumber, Row } from 'antd';
import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import {
  RESEARCH_KINDS,
  RESEARCH_LEVELS,
  ResearchService,
  WORKSHOP_LEVELS,
  type TopicInfo,
} from '../api/research';
import { CommandModal, required } from '../components/CommandModal';
import { DateField, isoDate } from '../components/DateField';
import { CodeSelect, SchoolSelect } from '../components/Selects';
import { vi } from '../locales/vi';
import { useFiltersStore } from '../stores/filters';
import { formatDate } from '../utils/format';

const t = vi.research;

interface FormProps {
  open: boolean;
  onClose: () => void;
}

const num = (v: number | null | undefined): number => (typeof v === 'number' ? v : 0);
const trim = (v: string | undefined): string => (v ?? '').trim();

interface TopicValues {
  school_id: string;
  level: string;
  kind: string;
  title: string;
  lead?: string;
  start_date: Dayjs;
}

export function RegisterTopicForm({ open, onClose }: FormProps) {
  const school = useFiltersStore((s) => s.school);
  return (
    <CommandModal<TopicValues>
      open={open}
      onClose={onClose}
      name="registerTopic"
      title={t.registerTopic}
      occurredOn="start_date"
      width={680}
      initialValues={{ school_id: school || undefined, level: 'co_so', kind: 'de_tai' } as Partial<TopicValues>}
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
      <Form.Item name="school_id" label={vi.common.school} rules={required}>
        <SchoolSelect />
      </Form.Item>
      <Form.Item name="title" label={t.fTitle} rules={required}>
        <Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} />
      </Form.Item>
      <Row gutter={16}>
        <Col span={8}>
          <Form.Item name="level" label={t.fLevel} rules={required}>
            <CodeSelect codes={RESEARCH_LEVELS} labels={vi.researchLevels} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="kind" label={t.fKind} rules={required}>
            <CodeSelect codes={RESEARCH_KINDS} labels={vi.researchKinds} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="start_date" label={t.fStart} rules={required}>
            <DateField />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="lead" label={t.fLead}>
        <Input />
      </Form.Item>
    </CommandModal>
  );
}

function TopicSummary({ topic }: { topic: TopicInfo }) {
  return (
    <Descriptions size="small" column={1} bordered style={{ marginBottom: 16 }}>
      <Descriptions.Item label={t.colTitle}>{topic.title}</Descriptions.Item>
      <Descriptions.Item label={vi.common.school}>{topic.school_name}</Descriptions.Item>
      <Descriptions.Item label={t.colStart}>{formatDate(topic.start_date)}</Descriptions.Item>
    </Descriptions>
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
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="date" label={t.fAcceptDate} rules={required}>
            <DateField />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="grade" label={t.fGrade}>
            <Input />
          </Form.Item>
        </Col>
      </Row>
    </CommandModal>
  );
}

interface CancelValues {
  reason: string;
  on: Dayjs;
}

export function CancelTopicForm({ open, onClose, topic }: FormProps & { topic: TopicInfo }) {
  return (
    <CommandModal<CancelValues>
      open={open}
      onClose={onClose}
      name="cancelTopic"
      title={t.cancelTopic}
      occurredOn="on"
      fieldMap={{ 'data.topic_id': 'reason' }}
      initialValues={{ on: dayjs() } as Partial<CancelValues>}
      submit={(v, note) =>
        ResearchService.CancelTopic({ topic_id: topic.topic_id, reason: trim(v.reason) }, isoDate(v.on), note)
      }
    >
      <TopicSummary topic={topic} />
      <Form.Item name="reason" label={t.fCancelReason} rules={required}>
        <Input />
      </Form.Item>
      <Form.Item name="on" label={vi.forms.on} rules={required}>
        <DateField />
      </Form.Item>
    </CommandModal>
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
  const school = useFiltersStore((s) => s.school);
  return (
    <CommandModal<WorkshopValues>
      open={open}
      onClose={onClose}
      name="holdWorkshop"
      title={t.holdWorkshop}
      occurredOn="date"
      initialValues={{ school_id: school || undefined, level: 'co_so' } as Partial<WorkshopValues>}
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
      <Form.Item name="school_id" label={vi.common.school} rules={required}>
        <SchoolSelect />
      </Form.Item>
      <Form.Item name="title" label={t.fWorkshopTitle} rules={required}>
        <Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} />
      </Form.Item>
      <Row gutter={16}>
        <Col span={8}>
          <Form.Item name="level" label={t.fLevel} rules={required}>
            <CodeSelect codes={WORKSHOP_LEVELS} labels={vi.researchLevels} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="date" label={t.fWorkshopDate} rules={required}>
            <DateField />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="papers" label={t.fPapers} rules={required}>
            <InputNumber style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
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
  const school = useFiltersStore((s) => s.school);
  return (
    <CommandModal<BulletinValues>
      open={open}
      onClose={onClose}
      name="issueBulletin"
      title={t.issueBulletin}
      occurredOn="date"
      initialValues={{ school_id: school || undefined } as Partial<BulletinValues>}
      submit={(v, note) =>
        ResearchService.IssueBulletin(
          { school_id: v.school_id, issue_no: trim(v.issue_no), date: isoDate(v.date), articles: num(v.articles) },
          note,
        )
      }
    >
      <Form.Item name="school_id" label={vi.common.school} rules={required}>
        <SchoolSelect />
      </Form.Item>
      <Row gutter={16}>
        <Col span={8}>
          <Form.Item name="issue_no" label={t.fIssueNo} rules={required}>
            <Input />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="date" label={t.fIssueDate} rules={required}>
            <DateField />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="articles" label={t.fArticles} rules={required}>
            <InputNumber style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
    </CommandModal>
  );
}

interface WebsiteValues {
  school_id: string;
  url: string;
  on: Dayjs;
}

export function RegisterWebsiteForm({ open, onClose }: FormProps) {
  const school = useFiltersStore((s) => s.school);
  return (
    <CommandModal<WebsiteValues>
      open={open}
      onClose={onClose}
      name="registerWebsite"
      title={t.registerWebsite}
      occurredOn="on"
      initialValues={{ school_id: school || undefined, on: dayjs() } as Partial<WebsiteValues>}
      submit={(v, note) =>
        ResearchService.RegisterWebsite({ school_id: v.school_id, url: trim(v.url) }, isoDate(v.on), note)
      }
    >
      <Form.Item name="school_id" label={vi.common.school} rules={required}>
        <SchoolSelect />
      </Form.Item>
      <Form.Item name="url" label={t.fUrl} rules={required}>
        <Input placeholder="https://" />
      </Form.Item>
      <Form.Item name="on" label={vi.forms.on} rules={required}>
        <DateField />
      </Form.Item>
    </CommandModal>
  );
}
