import { useState } from 'react';
import { Card, Col, Row, Space, Tabs, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { CheckOutlined } from '@ant-design/icons';
import {
  RESEARCH_KINDS,
  RESEARCH_LEVELS,
  ResearchService,
  WORKSHOP_LEVELS,
  type BulletinInfo,
  type LevelCount,
  type ResearchReport,
  type ResearchSchoolRow,
  type TopicInfo,
  type WebsiteInfo,
  type WorkshopInfo,
} from '../api/research';
import {
  SchoolShortName,
  TwoLineCell,
  actionsColumn,
  countColumn,
  dateColumn,
  schoolColumn,
  statusColumn,
} from '../components/columns';
import { DataTable, TotalRow, paged } from '../components/DataTable';
import { Figure, FigureRow } from '../components/Figure';
import { ListFilter, useListFilter } from '../components/FilterBar';
import { PageHeader } from '../components/PageHeader';
import { RowActions } from '../components/RowActions';
import { FetchError } from '../components/ServiceError';
import { WriteButton } from '../components/WriteGuard';
import {
  AcceptTopicForm,
  CancelTopicForm,
  HoldWorkshopForm,
  IssueBulletinForm,
  RegisterTopicForm,
  RegisterWebsiteForm,
} from '../forms/ResearchForms';
import { useServiceData } from '../hooks/useServiceData';
import { label, vi } from '../locales/vi';
import { useFiltersStore } from '../stores/filters';
import { formatDate, formatInt } from '../utils/format';
import { periodPhrase } from '../utils/period';
import { distinctFilters } from '../utils/table';

const t = vi.research;

type ModalState =
  | { kind: 'topic' | 'workshop' | 'bulletin' | 'website' }
  | { kind: 'accept' | 'cancel'; topic: TopicInfo }
  | null;

const STATUS_COLORS: Record<string, string> = { ongoing: 'processing', accepted: 'success', cancelled: 'default' };

/** A topic is active in a period: registered on or before its end, not accepted or
 * cancelled before its start. */
export function topicInPeriod(tp: TopicInfo, from: string, to: string): boolean {
  if (tp.start_date > to) return false;
  const ended = tp.accepted_on || tp.cancelled_on;
  return !ended || ended >= from;
}

/** "Cấp Bộ/tỉnh 4 · Cấp cơ sở 64 · Cấp khoa/phòng 15". */
export function levelsLine(levels: readonly LevelCount[] | null | undefined): string {
  return (levels ?? []).map((l) => `${l.name || label(vi.researchLevels, l.level)} ${formatInt(l.total)}`).join(' · ');
}

export function ResearchHeadline({ report, prefix }: { report: ResearchReport; prefix: string }) {
  return (
    <FigureRow minWidths={[220, 170, 170, 170, 170]}>
      <Figure
        testId={`${prefix}-active`}
        title={t.active}
        value={formatInt(report.active.total)}
        sub={levelsLine(report.active.by_level)}
      />
      <Figure testId={`${prefix}-accepted`} title={t.accepted} value={formatInt(report.accepted.total)} />
      <Figure
        testId={`${prefix}-workshops`}
        title={t.workshops}
        value={t.workshopsValue(formatInt(report.workshops.total))}
        sub={t.papersValue(formatInt(report.workshops.papers))}
      />
      <Figure
        testId={`${prefix}-bulletins`}
        title={t.bulletins}
        value={t.bulletinsValue(formatInt(report.bulletins.issues))}
        sub={t.articlesValue(formatInt(report.bulletins.articles), formatInt(report.bulletins.schools))}
      />
      <Figure
        testId={`${prefix}-websites`}
        title={t.websites}
        value={t.websitesValue(formatInt(report.websites.with), formatInt(report.websites.schools))}
      />
    </FigureRow>
  );
}

interface LevelRow {
  level: string;
  name: string;
  byKind: Record<string, number>;
  total: number;
  accepted: number;
}

export function ResearchPage() {
  const { period, school } = useFiltersStore();
  const [modal, setModal] = useState<ModalState>(null);
  const filter = useListFilter();
  const close = () => setModal(null);

  const figures = useServiceData(() => ResearchService.Figures(period, school), [period, school]);
  const topics = useServiceData(() => ResearchService.Topics(school), [school]);
  const workshops = useServiceData(() => ResearchService.Workshops(school), [school]);
  const bulletins = useServiceData(() => ResearchService.Bulletins(school), [school]);
  const websites = useServiceData(() => ResearchService.Websites(school), [school]);

  const { range, matches } = filter;
  const inRange = (d: string) => !range || (d >= range.from && d <= range.to);
  const topicList = (topics.data ?? []).filter(
    (tp) => (!range || topicInPeriod(tp, range.from, range.to)) && matches(`${tp.title} ${tp.lead}`),
  );
  const workshopList = (workshops.data ?? []).filter((w) => inRange(w.date) && matches(w.title));
  const bulletinList = (bulletins.data ?? []).filter((b) => inRange(b.date));

  const report = figures.data;
  const levelRows: LevelRow[] = (report?.active.by_level ?? []).map((l) => ({
    level: l.level,
    name: l.name || label(vi.researchLevels, l.level),
    byKind: l.by_kind ?? {},
    total: l.total,
    accepted: report?.accepted.by_level?.find((a) => a.level === l.level)?.total ?? 0,
  }));

  const levelColumns: TableColumnsType<LevelRow> = [
    { title: t.colLevel, dataIndex: 'name', key: 'name' },
    ...RESEARCH_KINDS.map((k) => ({
      title: <Tooltip title={vi.researchKinds[k]}>{vi.researchKindsShort[k] ?? k}</Tooltip>,
      key: k,
      align: 'right' as const,
      render: (_: unknown, r: LevelRow) => formatInt(r.byKind[k] ?? 0),
    })),
    {
      title: t.colTotal,
      dataIndex: 'total',
      key: 'total',
      align: 'right',
      render: (n: number) => <Typography.Text strong>{formatInt(n)}</Typography.Text>,
    },
    { title: t.colAccepted, dataIndex: 'accepted', key: 'accepted', align: 'right', render: (n: number) => formatInt(n) },
  ];

  const schoolColumns: TableColumnsType<ResearchSchoolRow> = [
    {
      title: vi.common.school,
      dataIndex: 'name',
      key: 'name',
      width: 112,
      sorter: (a, b) => a.name.localeCompare(b.name, 'vi'),
      render: (n: string, r) => <SchoolShortName id={r.school_id} name={n} />,
    },
    countColumn(t.colActive, 'active', 78),
    countColumn(t.colAccepted, 'accepted', 78),
    countColumn(t.colWorkshops, 'workshops', 78),
    countColumn(t.colIssues, 'bulletin_issues', 78),
    countColumn(t.colArticles, 'articles', 78),
    {
      title: t.colWebsite,
      dataIndex: 'website',
      key: 'website',
      align: 'center',
      width: 76,
      filters: [
        { text: vi.common.yes, value: true },
        { text: vi.common.no, value: false },
      ],
      onFilter: (v, r) => r.website === v,
      render: (w: boolean) => (w ? <CheckOutlined style={{ color: '#389e0d' }} /> : '–'),
    },
  ];

  const topicColumns: TableColumnsType<TopicInfo> = [
    {
      title: t.colTitle,
      dataIndex: 'title',
      key: 'title',
      width: 280,
      sorter: (a, b) => a.title.localeCompare(b.title, 'vi'),
      render: (title: string, tp) => <TwoLineCell main={title} sub={tp.lead ? `${t.colLead}: ${tp.lead}` : null} />,
    },
    schoolColumn(topicList, 120),
    {
      title: t.colLevel,
      dataIndex: 'level',
      key: 'level',
      width: 120,
      filters: RESEARCH_LEVELS.map((l) => ({ text: vi.researchLevels[l] ?? l, value: l })),
      onFilter: (v, tp) => tp.level === v,
      render: (l: string, tp) => tp.level_name || label(vi.researchLevels, l),
    },
    {
      title: t.colKind,
      dataIndex: 'kind',
      key: 'kind',
      width: 110,
      filters: RESEARCH_KINDS.map((k) => ({ text: vi.researchKinds[k] ?? k, value: k })),
      onFilter: (v, tp) => tp.kind === v,
      render: (k: string, tp) => tp.kind_name || label(vi.researchKinds, k),
    },
    dateColumn(t.colStart, 'start_date', 'start', 104),
    statusColumn(t.colStatus, vi.topicStatuses, STATUS_COLORS, 130, (tp) =>
      tp.accepted_on
        ? `${formatDate(tp.accepted_on)}${tp.grade ? ` – ${tp.grade}` : ''}`
        : tp.cancelled_on
          ? `${formatDate(tp.cancelled_on)} – ${tp.cancel_reason}`
          : undefined,
    ),
    actionsColumn(118, (tp) => (
      <RowActions
        testId={`topic-actions-${tp.topic_id}`}
        history={`topic-${tp.topic_id}`}
        actions={
          tp.status === 'ongoing'
            ? [
                { key: 'accept' as const, label: t.acceptTopic },
                { key: 'cancel' as const, label: t.cancelTopic, danger: true },
              ]
            : []
        }
        onAction={(kind) => setModal({ kind, topic: tp })}
      />
    )),
  ];

  const workshopColumns: TableColumnsType<WorkshopInfo> = [
    { title: t.colWorkshopTitle, dataIndex: 'title', key: 'title', width: 360 },
    schoolColumn(workshopList, 140),
    {
      title: t.colLevel,
      dataIndex: 'level',
      key: 'level',
      width: 130,
      filters: WORKSHOP_LEVELS.map((l) => ({ text: vi.researchLevels[l] ?? l, value: l })),
      onFilter: (v, w) => w.level === v,
      render: (l: string, w) => w.level_name || label(vi.researchLevels, l),
    },
    dateColumn(t.colDate, 'date', 'date', 104),
    countColumn(t.colPapers, 'papers', 96),
  ];

  const bulletinColumns: TableColumnsType<BulletinInfo> = [
    {
      title: vi.common.school,
      dataIndex: 'school_name',
      key: 'school',
      width: 260,
      filters: distinctFilters(bulletinList, (b) => b.school_name),
      onFilter: (v, b) => b.school_name === v,
      sorter: (a, b) => a.school_name.localeCompare(b.school_name, 'vi'),
    },
    { title: t.colIssueNo, dataIndex: 'issue_no', key: 'issue', width: 100 },
    dateColumn(t.colDate, 'date', 'date', 104),
    countColumn(t.colArticles, 'articles', 96),
  ];

  const websiteColumns: TableColumnsType<WebsiteInfo> = [
    {
      title: vi.common.school,
      dataIndex: 'school_name',
      key: 'school',
      width: 300,
      sorter: (a, b) => a.school_name.localeCompare(b.school_name, 'vi'),
    },
    {
      title: t.colUrl,
      dataIndex: 'url',
      key: 'url',
      filters: [
        { text: vi.common.yes, value: true },
        { text: vi.common.no, value: false },
      ],
      onFilter: (v, w) => Boolean(w.url) === v,
      render: (u: string) => (u ? <Typography.Text className="mono">{u}</Typography.Text> : t.noWebsite),
    },
    {
      title: t.colRegisteredOn,
      dataIndex: 'registered_on',
      key: 'on',
      width: 110,
      render: (d: string) => formatDate(d),
    },
  ];

  const table = <T extends object>(
    testId: string,
    rowKey: string | ((r: T) => string),
    columns: TableColumnsType<T>,
    rows: T[],
    loading: boolean,
  ) => (
    <DataTable<T>
      testId={testId}
      rowKey={rowKey as never}
      columns={columns}
      dataSource={rows}
      loading={loading}
      scroll={{ x: 'max-content' }}
      pagination={paged(15, t.count)}
    />
  );

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="research-page">
      <PageHeader
        title={t.pageTitle}
        intro={t.pageIntro}
        actions={
          <>
            <WriteButton type="primary" onClick={() => setModal({ kind: 'topic' })} data-testid="btn-registerTopic">
              {t.registerTopic}
            </WriteButton>
            <WriteButton onClick={() => setModal({ kind: 'workshop' })} data-testid="btn-holdWorkshop">
              {t.holdWorkshop}
            </WriteButton>
            <WriteButton onClick={() => setModal({ kind: 'bulletin' })} data-testid="btn-issueBulletin">
              {t.issueBulletin}
            </WriteButton>
            <WriteButton onClick={() => setModal({ kind: 'website' })} data-testid="btn-registerWebsite">
              {t.registerWebsite}
            </WriteButton>
          </>
        }
      />

      <FetchError of={figures} />
      {report ? <ResearchHeadline report={report} prefix="rs" /> : null}

      <Row gutter={[16, 16]}>
        <Col xs={24} xl={9}>
          <Card size="small" title={t.byLevel} style={{ height: '100%' }}>
            <DataTable<LevelRow>
              testId="rs-by-level"
              rowKey="level"
              columns={levelColumns}
              dataSource={levelRows}
              loading={figures.loading}
              pagination={false}
              summary={() =>
                report ? (
                  <TotalRow
                    cells={[
                      ...RESEARCH_KINDS.map((k) => ({
                        value: formatInt(levelRows.reduce((s, r) => s + (r.byKind[k] ?? 0), 0)),
                      })),
                      { value: formatInt(report.active.total), testId: 'rs-by-level-total' },
                      { value: formatInt(report.accepted.total) },
                    ]}
                  />
                ) : null
              }
            />
          </Card>
        </Col>
        <Col xs={24} xl={15}>
          <Card size="small" title={t.figuresTitle(periodPhrase(period))} style={{ height: '100%' }}>
            <DataTable<ResearchSchoolRow>
              testId="rs-by-school"
              rowKey="school_id"
              columns={schoolColumns}
              dataSource={report?.by_school ?? []}
              loading={figures.loading}
              pagination={false}
              scroll={{ x: 'max-content' }}
            />
          </Card>
        </Col>
      </Row>

      <Card
        size="small"
        extra={<ListFilter state={filter} placeholder={t.search} label={t.onlyPeriod} searchTestId="research-search" />}
      >
        {[topics, workshops, bulletins, websites].map((d, i) => (
          <FetchError key={i} of={d} />
        ))}
        <Tabs
          items={[
            {
              key: 'topics',
              label: t.topicsTab,
              children: table('topics-table', 'topic_id', topicColumns, topicList, topics.loading),
            },
            {
              key: 'workshops',
              label: t.workshopsTab,
              children: table('workshops-table', 'workshop_id', workshopColumns, workshopList, workshops.loading),
            },
            {
              key: 'bulletins',
              label: t.bulletinsTab,
              children: table(
                'bulletins-table',
                (b: BulletinInfo) => `${b.school_id}-${b.year}-${b.issue_no}`,
                bulletinColumns,
                bulletinList,
                bulletins.loading,
              ),
            },
            {
              key: 'websites',
              label: t.websitesTab,
              children: table('websites-table', 'school_id', websiteColumns, websites.data ?? [], websites.loading),
            },
          ]}
        />
      </Card>

      <RegisterTopicForm open={modal?.kind === 'topic'} onClose={close} />
      <HoldWorkshopForm open={modal?.kind === 'workshop'} onClose={close} />
      <IssueBulletinForm open={modal?.kind === 'bulletin'} onClose={close} />
      <RegisterWebsiteForm open={modal?.kind === 'website'} onClose={close} />
      {modal && 'topic' in modal ? (
        <>
          <AcceptTopicForm open={modal.kind === 'accept'} onClose={close} topic={modal.topic} />
          <CancelTopicForm open={modal.kind === 'cancel'} onClose={close} topic={modal.topic} />
        </>
      ) : null}
    </Space>
  );
}
