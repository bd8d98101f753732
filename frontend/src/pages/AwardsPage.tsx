import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Dropdown, Space, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { DownOutlined, PlusOutlined } from '@ant-design/icons';
import {
  EmulationService,
  TITLES,
  type AwardProposal,
  type AwardTargets,
  type EmulationMovementLaunched,
  type Registration,
  type ScoreRow,
  type ScoreTable,
  type TitleInfo,
} from '../api/emulation';
import { AwardChecksTable } from '../components/AwardChecksTable';
import { SchoolShortName, actionsColumn, schoolColumn } from '../components/columns';
import { DataTable, paged } from '../components/DataTable';
import { PageHeader } from '../components/PageHeader';
import { RowActions } from '../components/RowActions';
import { FetchError, ServiceError } from '../components/ServiceError';
import { ReadOnlyTip, WriteButton } from '../components/WriteGuard';
import {
  AwardTitleForm,
  DefineCriterionForm,
  LaunchMovementForm,
  ProposeAwardForm,
  RateForm,
  RecordScoreForm,
  RegisterEmulationForm,
  RevokeTitleForm,
  SetTargetsForm,
} from '../forms/EmulationForms';
import { StaffCountForm } from '../forms/OrganisationForms';
import { useServiceData } from '../hooks/useServiceData';
import { label, vi } from '../locales/vi';
import { useWritable } from '../stores/asof';
import { useFiltersStore } from '../stores/filters';
import { schoolName, useOrganisationStore } from '../stores/organisation';
import { formatDate, formatInt, formatNumber } from '../utils/format';
import { periodYear } from '../utils/period';

const t = vi.awards;

type FormKind =
  | 'targets'
  | 'movement'
  | 'register'
  | 'proposal'
  | 'award'
  | 'party'
  | 'unit'
  | 'count'
  | 'criterion'
  | 'score';
type ModalState = { kind: FormKind } | { kind: 'revoke'; title: TitleInfo } | null;

const pct = (v: number) => `${formatNumber(v, 1)}%`;

function TargetsCard({ targets, year }: { targets: AwardTargets | null | undefined; year: number }) {
  if (!targets) return <Alert type="info" showIcon message={t.noTargets(year)} data-testid="aw-no-targets" />;
  return (
    <Descriptions size="small" column={{ xs: 1, md: 2, xxl: 4 }} bordered data-testid="aw-targets">
      <Descriptions.Item label={vi.titles['lao_dong_tien_tien']}>≥ {pct(targets.lao_dong_tien_tien_min_pct)}</Descriptions.Item>
      <Descriptions.Item label={vi.titles['chien_si_thi_dua_co_so']}>
        {pct(targets.cstd_co_so_min_pct)} – {pct(targets.cstd_co_so_max_pct)}
      </Descriptions.Item>
      <Descriptions.Item label={vi.titles['tap_the_lao_dong_xuat_sac']}>≥ {formatInt(targets.ttldxs_min)}</Descriptions.Item>
      <Descriptions.Item label={vi.awardChecks['commended']}>≥ {pct(targets.commended_min_pct)}</Descriptions.Item>
      <Descriptions.Item label={vi.awardChecks['party_htt']}>≥ {pct(targets.party_htt_min_pct)}</Descriptions.Item>
      <Descriptions.Item label={vi.awardChecks['party_htxs']}>≥ {pct(targets.party_htxs_min_pct)}</Descriptions.Item>
      <Descriptions.Item label={vi.awardChecks['units_htt']}>&gt; {pct(targets.units_htt_min_pct)}</Descriptions.Item>
      <Descriptions.Item label={t.issuer}>{targets.issuer}</Descriptions.Item>
    </Descriptions>
  );
}

function ScoresTable({ table, loading }: { table: ScoreTable | undefined; loading: boolean }) {
  const criteria = table?.criteria ?? [];
  if (table && criteria.length === 0) return <Alert type="info" showIcon message={t.noScores} />;
  const points = (v: number | null | undefined) => (v === null || v === undefined ? '–' : formatNumber(v, 2));
  const columns: TableColumnsType<ScoreRow> = [
    {
      title: vi.common.school,
      dataIndex: 'name',
      key: 'name',
      fixed: 'left',
      width: 150,
      render: (n: string, r) => <SchoolShortName id={r.school_id} name={n} />,
    },
    ...criteria.map((c, i) => ({
      title: (
        <Tooltip title={`${c.title} (${t.colMax} ${formatNumber(c.max_points)})`}>
          {c.criterion_id}
        </Tooltip>
      ),
      key: c.criterion_id,
      align: 'right' as const,
      width: 70,
      render: (_: unknown, r: ScoreRow) => {
        const cell = r.cells?.find((x) => x.criterion_id === c.criterion_id) ?? r.cells?.[i];
        return points(cell?.points);
      },
    })),
    {
      title: `${t.colTotal} (${formatNumber(table?.max_total ?? 0)})`,
      dataIndex: 'total',
      key: 'total',
      align: 'right',
      width: 110,
      fixed: 'right',
      sorter: (a, b) => a.total - b.total,
      render: (n: number) => <Typography.Text strong>{formatNumber(n, 2)}</Typography.Text>,
    },
    {
      title: t.colRank,
      dataIndex: 'rank',
      key: 'rank',
      align: 'right',
      width: 86,
      fixed: 'right',
      defaultSortOrder: 'ascend',
      sorter: (a, b) => (a.rank || 999) - (b.rank || 999),
      render: (n: number) => (n > 0 ? formatInt(n) : '–'),
    },
  ];
  return (
    <DataTable<ScoreRow>
      testId="aw-scores"
      bordered
      rowKey="school_id"
      columns={columns}
      dataSource={table?.schools ?? []}
      loading={loading}
      pagination={false}
      scroll={{ x: 'max-content' }}
    />
  );
}

/** The movements of the year and the schools' registrations to them. */
function MovementsCard({ year, school }: { year: number; school: string }) {
  const schools = useOrganisationStore((s) => s.schools);
  const movements = useServiceData(() => EmulationService.Movements(year), [year]);
  const registrations = useServiceData(() => EmulationService.Registrations(year, school), [year, school]);
  const list = movements.data ?? [];
  const theme = (id: string) => list.find((m) => m.movement_id === id)?.theme ?? id;
  const movementColumns: TableColumnsType<EmulationMovementLaunched> = [
    { title: t.colTheme, dataIndex: 'theme', key: 'theme' },
    { title: t.colLevel, dataIndex: 'level', key: 'level', width: 200, render: (l: string) => label(vi.movementLevels, l) },
    {
      title: t.colMovementId,
      dataIndex: 'movement_id',
      key: 'id',
      width: 180,
      render: (id: string) => <Typography.Text className="mono">{id}</Typography.Text>,
    },
  ];
  const registrationColumns: TableColumnsType<Registration> = [
    {
      title: vi.common.school,
      dataIndex: 'school_id',
      key: 'school',
      width: 160,
      render: (id: string) => <SchoolShortName id={id} name={schoolName(schools, id)} />,
    },
    { title: t.colMovement, dataIndex: 'movement_id', key: 'movement', width: 260, render: theme },
    {
      title: t.colRegisteredTitles,
      dataIndex: 'titles',
      key: 'titles',
      render: (ts: string[] | null) => (ts ?? []).map((k) => <Tag key={k}>{label(vi.titles, k)}</Tag>),
    },
    { title: t.colRegisteredOn, dataIndex: 'registered_on', key: 'on', width: 120, render: (d: string) => formatDate(d) },
  ];
  return (
    <Card size="small" title={t.movementsTitle(year)} data-testid="aw-movements">
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        {movements.error ? (
          <ServiceError error={movements.error} onRetry={movements.reload} testId="aw-movements-error" />
        ) : (
          <DataTable<EmulationMovementLaunched>
            testId="movements-table"
            rowKey="movement_id"
            title={() => <Typography.Text strong>{t.movementsSub}</Typography.Text>}
            columns={movementColumns}
            dataSource={list}
            loading={movements.loading}
            pagination={false}
            locale={{ emptyText: t.noMovements(year) }}
          />
        )}
        {registrations.error ? (
          movements.error ? null : <ServiceError error={registrations.error} onRetry={registrations.reload} />
        ) : (
          <DataTable<Registration>
            testId="registrations-table"
            rowKey={(r) => `${r.school_id}/${r.movement_id}`}
            title={() => <Typography.Text strong>{t.registrationsSub}</Typography.Text>}
            columns={registrationColumns}
            dataSource={registrations.data ?? []}
            loading={registrations.loading}
            pagination={{ pageSize: 10, hideOnSinglePage: true }}
          />
        )}
      </Space>
    </Card>
  );
}

/** The lines of the tờ trình đề nghị khen thưởng, by rank. */
function ProposalsTable({ proposals, loading }: { proposals: AwardProposal[]; loading: boolean }) {
  const columns: TableColumnsType<AwardProposal> = [
    {
      title: t.fRank,
      dataIndex: 'rank',
      key: 'rank',
      width: 110,
      align: 'right',
      defaultSortOrder: 'ascend',
      sorter: (a, b) => a.rank - b.rank,
      render: (n: number) => formatInt(n),
    },
    { title: vi.common.school, dataIndex: 'name', key: 'name', render: (n: string, p) => n || p.school_id },
    { title: t.colAward, dataIndex: 'award', key: 'award' },
    { title: t.colProposedOn, dataIndex: 'proposed_on', key: 'on', width: 130, render: (d: string) => formatDate(d) },
  ];
  return (
    <DataTable<AwardProposal>
      testId="proposals-table"
      rowKey={(p) => `${p.cluster_id}/${p.school_id}/${p.award}`}
      columns={columns}
      dataSource={proposals}
      loading={loading}
      pagination={false}
    />
  );
}

export function AwardsPage() {
  const { period, school } = useFiltersStore();
  const schools = useOrganisationStore((s) => s.schools);
  const year = periodYear(period);
  const [modal, setModal] = useState<ModalState>(null);
  const close = () => setModal(null);
  const writable = useWritable();

  const figures = useServiceData(() => EmulationService.Figures(year, school), [year, school]);
  const titles = useServiceData(() => EmulationService.Titles(year, school), [year, school]);
  const scores = useServiceData(() => EmulationService.Scores(year), [year]);

  const titleList = titles.data ?? [];
  const titleColumns: TableColumnsType<TitleInfo> = [
    {
      title: t.colRecipient,
      dataIndex: 'recipient',
      key: 'recipient',
      width: 200,
      sorter: (a, b) => a.recipient.localeCompare(b.recipient, 'vi'),
      filters: [
        { text: t.colRevoked, value: true },
        { text: t.notRevoked, value: false },
      ],
      onFilter: (v, x) => x.revoked === v,
      render: (r: string, x) => (
        <div>
          <div style={x.revoked ? { textDecoration: 'line-through' } : undefined}>{r}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {label(vi.recipientKinds, x.recipient_kind)}
          </Typography.Text>
          {x.revoked ? (
            <Tooltip title={x.revoke_reason}>
              <Tag color="error" style={{ marginInlineStart: 8 }}>
                {t.revokedOn(formatDate(x.revoked_on))}
              </Tag>
            </Tooltip>
          ) : null}
        </div>
      ),
    },
    schoolColumn(titleList, 110),
    {
      title: t.colTitle,
      dataIndex: 'title',
      key: 'title',
      width: 200,
      filters: TITLES.map((k) => ({ text: vi.titles[k] ?? k, value: k })),
      onFilter: (v, x) => x.title === v,
      sorter: (a, b) => a.title.localeCompare(b.title),
      render: (k: string, x) => x.title_name || label(vi.titles, k),
    },
    {
      title: t.colDecision,
      dataIndex: 'decision_no',
      key: 'decision',
      width: 180,
      sorter: (a, b) => a.decision_date.localeCompare(b.decision_date),
      render: (d: string, x) => `${d} · ${formatDate(x.decision_date)}`,
    },
    { title: t.colIssuer, dataIndex: 'issuer', key: 'issuer', width: 180 },
    actionsColumn(110, (x) => (
      <RowActions
        testId={`title-actions-${x.award_id}`}
        history={`award-${x.award_id}`}
        actions={x.revoked ? [] : [{ key: 'revoke' as const, label: t.revokeTitle, danger: true }]}
        onAction={() => setModal({ kind: 'revoke', title: x })}
      />
    )),
  ];

  const more: { key: FormKind; label: string }[] = [
    { key: 'targets', label: t.setTargets },
    { key: 'movement', label: t.launchMovement },
    { key: 'register', label: t.registerEmulation },
    { key: 'proposal', label: t.proposeAward },
    { key: 'party', label: t.rateParty },
    { key: 'unit', label: t.rateUnit },
    { key: 'count', label: t.staffCount },
    { key: 'criterion', label: t.defineCriterion },
    { key: 'score', label: t.recordScore },
  ];

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="awards-page">
      <PageHeader
        title={t.pageTitle}
        intro={
          <>
            {t.pageIntro(year)} <Typography.Text type="secondary" italic>{t.yearNote(year)}</Typography.Text>
          </>
        }
        actions={
          <>
            <ReadOnlyTip>
              <Dropdown
                trigger={['click']}
                disabled={!writable}
                menu={{
                  items: more.map((m) => ({ key: m.key, label: <span data-testid={`more-${m.key}`}>{m.label}</span> })),
                  onClick: ({ key }) => setModal({ kind: key as FormKind }),
                }}
              >
                <Button data-testid="btn-awards-more" disabled={!writable}>
                  {t.more} <DownOutlined />
                </Button>
              </Dropdown>
            </ReadOnlyTip>
            <WriteButton
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setModal({ kind: 'award' })}
              data-testid="btn-awardTitle"
            >
              {t.awardTitle}
            </WriteButton>
          </>
        }
      />

      <FetchError of={figures} />

      <Card size="small" title={t.targetsTitle(year)}>
        {figures.data || !figures.loading ? <TargetsCard targets={figures.data?.targets} year={year} /> : null}
      </Card>

      <Card size="small" title={t.checksTitle(year)}>
        <AwardChecksTable
          testId="aw-checks"
          schools={figures.data?.schools ?? []}
          orgSchools={schools}
          loading={figures.loading}
        />
      </Card>

      <MovementsCard year={year} school={school} />

      <Card size="small" title={t.titlesTitle}>
        <FetchError of={titles} />
        <DataTable<TitleInfo>
          testId="titles-table"
          rowKey="award_id"
          columns={titleColumns}
          dataSource={titleList}
          loading={titles.loading}
          scroll={{ x: 'max-content' }}
          pagination={paged(15, t.titleCount)}
        />
      </Card>

      <Card size="small" title={t.scoresTitle}>
        <FetchError of={scores} />
        <ScoresTable table={scores.data} loading={scores.loading} />
      </Card>

      <Card size="small" title={t.proposalsTitle(year)}>
        <ProposalsTable proposals={figures.data?.proposals ?? []} loading={figures.loading} />
      </Card>

      <SetTargetsForm
        open={modal?.kind === 'targets'}
        onClose={close}
        year={year}
        current={figures.data?.targets ?? null}
      />
      <LaunchMovementForm open={modal?.kind === 'movement'} onClose={close} year={year} />
      <RegisterEmulationForm open={modal?.kind === 'register'} onClose={close} year={year} />
      <ProposeAwardForm open={modal?.kind === 'proposal'} onClose={close} year={year} />
      <AwardTitleForm open={modal?.kind === 'award'} onClose={close} year={year} />
      <RateForm open={modal?.kind === 'party'} onClose={close} year={year} what="party" />
      <RateForm open={modal?.kind === 'unit'} onClose={close} year={year} what="unit" />
      <StaffCountForm open={modal?.kind === 'count'} onClose={close} year={year} school={school} />
      <DefineCriterionForm open={modal?.kind === 'criterion'} onClose={close} year={year} />
      <RecordScoreForm open={modal?.kind === 'score'} onClose={close} year={year} />
      {modal?.kind === 'revoke' ? <RevokeTitleForm open onClose={close} title={modal.title} /> : null}
    </Space>
  );
}
