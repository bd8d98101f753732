import type { ReactNode } from 'react';
import { Card, Col, Empty, Row, Space, Spin, Table, Typography } from 'antd';
import { ClassPlanService } from '../api/classplans';
import { DeadlineService } from '../api/deadlines';
import { EmulationService } from '../api/emulation';
import { ResearchService } from '../api/research';
import { StaffTrainingService } from '../api/stafftraining';
import { AwardChecksTable } from '../components/AwardChecksTable';
import { ClassPlanHeadline } from '../components/ClassPlanHeadline';
import { PageHeader } from '../components/PageHeader';
import { PlanChart } from '../components/PlanChart';
import { ServiceError } from '../components/ServiceError';
import { SetupGuide } from '../components/SetupGuide';
import { useServiceData, type ServiceData } from '../hooks/useServiceData';
import { label, vi } from '../locales/vi';
import { useFiltersStore } from '../stores/filters';
import { schoolName, useOrganisationStore } from '../stores/organisation';
import { formatInt } from '../utils/format';
import { periodPhrase, periodYear } from '../utils/period';
import { deadlineColumns } from './DeadlinesPage';
import { ResearchHeadline } from './ResearchPage';

const o = vi.overview;

/** Loading, error or the content of one section. */
function Section<T>({ data, children }: { data: ServiceData<T>; children: (v: T) => ReactNode }) {
  if (data.error) return <ServiceError error={data.error} onRetry={data.reload} />;
  if (data.data === undefined) {
    return (
      <Spin tip={vi.common.loading}>
        <div style={{ height: 80 }} />
      </Spin>
    );
  }
  return <>{children(data.data)}</>;
}

function ClassPlanOverview() {
  const { period, school } = useFiltersStore();
  const schools = useOrganisationStore((s) => s.schools);
  const figures = useServiceData(() => ClassPlanService.Figures(period, school), [period, school]);
  return (
    <Section data={figures}>
      {(report) => (
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          <ClassPlanHeadline total={report.total} prefix="ov" />
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={12}>
              <Card size="small" title={o.chartClasses}>
                <PlanChart rows={report.by_school ?? []} schools={schools} measure="classes" testId="chart-classes" />
              </Card>
            </Col>
            <Col xs={24} xl={12}>
              <Card size="small" title={o.chartStudents}>
                <PlanChart rows={report.by_school ?? []} schools={schools} measure="students" testId="chart-students" />
              </Card>
            </Col>
          </Row>
        </Space>
      )}
    </Section>
  );
}

function StaffOverview() {
  const { period, school } = useFiltersStore();
  const figures = useServiceData(() => StaffTrainingService.Figures(period, school), [period, school]);
  return (
    <Card size="small" title={o.staffTitle} style={{ height: '100%' }} data-testid="ov-staff">
      <Section data={figures}>
        {(r) => (
          <>
            <Typography.Text type="secondary">{o.staffTotal}</Typography.Text>
            <div style={{ fontSize: 26, marginBottom: 8 }} data-testid="ov-staff-total">
              {vi.staff.enrollmentCount(formatInt(r.total))}
            </div>
            <Table
              size="small"
              rowKey="program"
              pagination={false}
              showHeader={false}
              dataSource={(r.by_program ?? []).filter((p) => p.count > 0 || p.planned > 0)}
              locale={{ emptyText: vi.common.noData }}
              columns={[
                { key: 'name', dataIndex: 'name', render: (n: string, p) => n || label(vi.programs, p.program) },
                {
                  key: 'count',
                  dataIndex: 'count',
                  align: 'right',
                  width: 70,
                  render: (n: number, p) => <span data-testid={`ov-staff-${p.program}`}>{formatInt(n)}</span>,
                },
              ]}
            />
          </>
        )}
      </Section>
    </Card>
  );
}

function ResearchOverview() {
  const { period, school } = useFiltersStore();
  const figures = useServiceData(() => ResearchService.Figures(period, school), [period, school]);
  return (
    <Section data={figures}>{(r) => <ResearchHeadline report={r} prefix="ov-rs" />}</Section>
  );
}

function AwardsOverview() {
  const { period, school } = useFiltersStore();
  const schools = useOrganisationStore((s) => s.schools);
  const year = periodYear(period);
  const figures = useServiceData(() => EmulationService.Figures(year, school), [year, school]);
  return (
    <Card size="small" title={o.awardsTitle(year)} data-testid="ov-awards">
      <Section data={figures}>
        {(r) =>
          r.targets ? (
            <AwardChecksTable testId="ov-award-checks" schools={r.schools ?? []} orgSchools={schools} compact />
          ) : (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={vi.awards.noTargets(year)} />
          )
        }
      </Section>
    </Card>
  );
}

function DeadlinesOverview() {
  const { period, school } = useFiltersStore();
  const year = periodYear(period);
  const next = useServiceData(() => DeadlineService.Next(5), []);
  // nothing ahead (e.g. a past year's data): the chosen year's deadlines instead
  const ofYear = useServiceData(
    () => (next.data && next.data.length === 0 ? DeadlineService.List(year, school) : Promise.resolve(null)),
    [next.data, year, school],
  );
  const upcoming = next.data ?? [];
  const fallback = upcoming.length === 0 ? (ofYear.data ?? []) : [];
  const rows = upcoming.length > 0 ? upcoming : fallback;
  return (
    <Card
      size="small"
      title={upcoming.length === 0 && fallback.length > 0 ? o.deadlinesOfYear(year) : o.deadlinesTitle}
      style={{ height: '100%' }}
      data-testid="ov-deadlines"
    >
      <Section data={next}>
        {() =>
          rows.length > 0 ? (
            <Table
              data-testid="ov-deadlines-table"
              size="small"
              rowKey="deadline_id"
              pagination={false}
              columns={deadlineColumns(true)}
              dataSource={rows.slice(0, 7)}
            />
          ) : (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={o.noDeadlines} />
          )
        }
      </Section>
    </Card>
  );
}

/** "Tổng quan": the cluster (or one school) at a glance for the chosen period. */
export function OverviewPage() {
  const { period, school } = useFiltersStore();
  const schools = useOrganisationStore((s) => s.schools);
  const empty = useOrganisationStore((s) => s.loaded && s.clusters.length === 0);
  const scope = school ? schoolName(schools, school) : vi.period.wholeCluster;
  if (empty) {
    return (
      <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="overview-page">
        <PageHeader title={o.pageTitle} intro={o.pageIntro(periodPhrase(period), scope)} />
        <SetupGuide />
      </Space>
    );
  }
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="overview-page">
      <PageHeader title={o.pageTitle} intro={o.pageIntro(periodPhrase(period), scope)} />
      <SetupGuide />
      <ClassPlanOverview />
      <Card size="small" title={o.researchTitle} data-testid="ov-research">
        <ResearchOverview />
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={8}>
          <StaffOverview />
        </Col>
        <Col xs={24} xl={16}>
          <DeadlinesOverview />
        </Col>
      </Row>
      <AwardsOverview />
    </Space>
  );
}
