import { useMemo, useState } from 'react';
import { Card, Col, Input, Row, Space, Switch, Table, Tabs, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import {
  PROGRAMS,
  StaffTrainingService,
  type EnrollmentInfo,
  type ProgramCount,
  type StaffInfo,
  type StaffSchoolRow,
} from '../api/stafftraining';
import { Figure } from '../components/Figure';
import { StaffSchoolChart } from '../components/StaffSchoolChart';
import { PageHeader } from '../components/PageHeader';
import { RowActions } from '../components/RowActions';
import { ServiceError } from '../components/ServiceError';
import { WriteButton } from '../components/WriteGuard';
import {
  CompleteTrainingForm,
  PlanTrainingForm,
  RecordStaffForm,
  StartTrainingForm,
  WithdrawTrainingForm,
} from '../forms/StaffTrainingForms';
import { useServiceData } from '../hooks/useServiceData';
import { label, vi } from '../locales/vi';
import { useFiltersStore } from '../stores/filters';
import { schoolShortName, useOrganisationStore } from '../stores/organisation';
import { formatDate, formatInt } from '../utils/format';
import { parsePeriod, periodLabel, periodPhrase } from '../utils/period';
import { distinctFilters } from '../utils/table';

const t = vi.staff;

type ModalState =
  | { kind: 'staff' | 'start' | 'plan' }
  | { kind: 'editStaff' | 'sendStaff'; staff: StaffInfo }
  | { kind: 'complete' | 'withdraw'; enrollment: EnrollmentInfo }
  | null;

const STATUS_COLORS: Record<string, string> = { ongoing: 'processing', completed: 'success', withdrawn: 'default' };

/** An enrollment counts in a period it overlaps: started on or before its end and not
 * finished before its start. */
export function enrollmentInPeriod(e: EnrollmentInfo, from: string, to: string): boolean {
  return e.start_date <= to && (!e.end_date || e.end_date >= from);
}

export function StaffTrainingPage() {
  const { period, school } = useFiltersStore();
  const schools = useOrganisationStore((s) => s.schools);
  const [modal, setModal] = useState<ModalState>(null);
  const [onlyPeriod, setOnlyPeriod] = useState(true);
  const [search, setSearch] = useState('');
  const close = () => setModal(null);

  const figures = useServiceData(() => StaffTrainingService.Figures(period, school), [period, school]);
  const enrollments = useServiceData(() => StaffTrainingService.Enrollments(school), [school]);
  const staff = useServiceData(() => StaffTrainingService.Staff(school), [school]);

  const parsed = parsePeriod(period);
  const q = search.trim().toLocaleLowerCase('vi');
  const enrollmentList = useMemo(
    () =>
      (enrollments.data ?? []).filter(
        (e) =>
          (!onlyPeriod || !parsed || enrollmentInPeriod(e, parsed.from, parsed.to)) &&
          (!q || e.full_name.toLocaleLowerCase('vi').includes(q)),
      ),
    [enrollments.data, onlyPeriod, parsed, q],
  );
  const staffList = useMemo(
    () => (staff.data ?? []).filter((s) => !q || s.full_name.toLocaleLowerCase('vi').includes(q)),
    [staff.data, q],
  );

  const report = figures.data;
  const programs = report?.by_program ?? [];

  const programColumns: TableColumnsType<ProgramCount> = [
    { title: t.colProgram, dataIndex: 'program', key: 'program', render: (p: string, r) => r.name || label(vi.programs, p) },
    {
      title: t.colCount,
      dataIndex: 'count',
      key: 'count',
      align: 'right',
      width: 100,
      sorter: (a, b) => a.count - b.count,
      render: (n: number) => formatInt(n),
    },
    {
      title: t.colPlanned,
      dataIndex: 'planned',
      key: 'planned',
      align: 'right',
      width: 100,
      sorter: (a, b) => a.planned - b.planned,
      render: (n: number) => formatInt(n),
    },
  ];

  const schoolColumns: TableColumnsType<StaffSchoolRow> = [
    {
      title: vi.common.school,
      dataIndex: 'name',
      key: 'name',
      fixed: 'left',
      width: 200,
      sorter: (a, b) => a.name.localeCompare(b.name, 'vi'),
    },
    ...PROGRAMS.map((p) => ({
      title: <Tooltip title={vi.programs[p]}>{vi.programsShort[p] ?? p}</Tooltip>,
      key: p,
      align: 'right' as const,
      width: 96,
      sorter: (a: StaffSchoolRow, b: StaffSchoolRow) => (a.by_program?.[p] ?? 0) - (b.by_program?.[p] ?? 0),
      render: (_: unknown, r: StaffSchoolRow) => formatInt(r.by_program?.[p] ?? 0),
    })),
    {
      title: t.colTotal,
      dataIndex: 'total',
      key: 'total',
      align: 'right',
      width: 64,
      fixed: 'right',
      sorter: (a, b) => a.total - b.total,
      render: (n: number) => <Typography.Text strong>{formatInt(n)}</Typography.Text>,
    },
  ];

  const enrollmentColumns: TableColumnsType<EnrollmentInfo> = [
    {
      title: t.colName,
      dataIndex: 'full_name',
      key: 'name',
      width: 210,
      sorter: (a, b) => a.full_name.localeCompare(b.full_name, 'vi'),
      render: (n: string, e) => (
        <div>
          <div>{n}</div>
          {e.unit ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {e.unit}
            </Typography.Text>
          ) : null}
        </div>
      ),
    },
    {
      title: vi.common.school,
      dataIndex: 'school_name',
      key: 'school',
      width: 130,
      filters: distinctFilters(enrollmentList, (e) => e.school_name),
      onFilter: (v, e) => e.school_name === v,
      sorter: (a, b) => a.school_name.localeCompare(b.school_name, 'vi'),
      render: (n: string, e) => <Tooltip title={n}>{schoolShortName(schools, e.school_id, n)}</Tooltip>,
    },
    {
      title: t.colProgram,
      dataIndex: 'program',
      key: 'program',
      width: 200,
      filters: PROGRAMS.map((p) => ({ text: vi.programs[p] ?? p, value: p })),
      onFilter: (v, e) => e.program === v,
      render: (p: string, e) => (
        <div>
          <div>{e.program_name || label(vi.programs, p)}</div>
          {e.institution ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {e.institution}
            </Typography.Text>
          ) : null}
        </div>
      ),
    },
    {
      title: t.colStart,
      dataIndex: 'start_date',
      key: 'start',
      width: 104,
      defaultSortOrder: 'descend',
      sorter: (a, b) => a.start_date.localeCompare(b.start_date),
      render: (d: string) => formatDate(d),
    },
    {
      title: t.colEnd,
      key: 'end',
      width: 104,
      sorter: (a, b) => (a.end_date || a.expected_end).localeCompare(b.end_date || b.expected_end),
      render: (_: unknown, e) => formatDate(e.end_date || e.expected_end),
    },
    {
      title: t.colStatus,
      dataIndex: 'status',
      key: 'status',
      width: 130,
      filters: Object.entries(vi.enrollmentStatuses).map(([value, text]) => ({ text, value })),
      onFilter: (v, e) => e.status === v,
      render: (s: string, e) => (
        <Tooltip title={e.result || e.reason || undefined}>
          <Tag color={STATUS_COLORS[s] ?? 'default'}>{label(vi.enrollmentStatuses, s)}</Tag>
        </Tooltip>
      ),
    },
    {
      title: vi.common.actions,
      key: 'actions',
      width: 118,
      fixed: 'right',
      render: (_: unknown, e) => (
        <RowActions
          testId={`enrollment-actions-${e.enrollment_id}`}
          history={`enrollment-${e.enrollment_id}`}
          actions={
            e.status === 'ongoing'
              ? [
                  { key: 'complete' as const, label: t.completeTraining },
                  { key: 'withdraw' as const, label: t.withdrawTraining, danger: true },
                ]
              : []
          }
          onAction={(kind) => setModal({ kind, enrollment: e })}
        />
      ),
    },
  ];

  const staffColumns: TableColumnsType<StaffInfo> = [
    {
      title: t.colName,
      dataIndex: 'full_name',
      key: 'name',
      width: 220,
      sorter: (a, b) => a.full_name.localeCompare(b.full_name, 'vi'),
    },
    {
      title: vi.common.school,
      dataIndex: 'school_name',
      key: 'school',
      width: 140,
      filters: distinctFilters(staffList, (s) => s.school_name),
      onFilter: (v, s) => s.school_name === v,
      render: (n: string, s) => <Tooltip title={n}>{schoolShortName(schools, s.school_id, n)}</Tooltip>,
    },
    {
      title: t.colUnit,
      dataIndex: 'unit',
      key: 'unit',
      width: 180,
      filters: distinctFilters(staffList, (s) => s.unit),
      onFilter: (v, s) => s.unit === v,
    },
    { title: t.colPosition, dataIndex: 'position', key: 'position', width: 160 },
    {
      title: t.colEnrollments,
      dataIndex: 'enrollments',
      key: 'enrollments',
      align: 'right',
      width: 110,
      sorter: (a, b) => a.enrollments - b.enrollments,
      render: (n: number) => formatInt(n),
    },
    {
      title: t.colOngoing,
      dataIndex: 'ongoing',
      key: 'ongoing',
      align: 'right',
      width: 90,
      sorter: (a, b) => a.ongoing - b.ongoing,
      render: (n: number) => formatInt(n),
    },
    {
      title: vi.common.actions,
      key: 'actions',
      width: 118,
      fixed: 'right',
      render: (_: unknown, s) => (
        <RowActions
          testId={`staff-actions-${s.staff_id}`}
          history={`staff-${s.staff_id}`}
          actions={[
            { key: 'sendStaff' as const, label: t.sendToStudy },
            { key: 'editStaff' as const, label: t.editStaff },
          ]}
          onAction={(kind) => setModal({ kind, staff: s })}
        />
      ),
    },
  ];

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="stafftraining-page">
      <PageHeader
        title={t.pageTitle}
        intro={t.pageIntro}
        actions={
          <>
            <WriteButton onClick={() => setModal({ kind: 'staff' })} data-testid="btn-recordStaff">
              {t.recordStaff}
            </WriteButton>
            <WriteButton onClick={() => setModal({ kind: 'plan' })} data-testid="btn-planTraining">
              {t.planTraining}
            </WriteButton>
            <WriteButton
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setModal({ kind: 'start' })}
              data-testid="btn-startTraining"
            >
              {t.startTraining}
            </WriteButton>
          </>
        }
      />

      {figures.error ? <ServiceError error={figures.error} onRetry={figures.reload} /> : null}
      {report ? (
        <Row gutter={[16, 16]}>
          <Col xs={24} md={12} xl={6}>
            <Figure
              testId="st-total"
              title={t.total}
              value={vi.staff.enrollmentCount(formatInt(report.total))}
              sub={periodLabel(period)}
            />
          </Col>
          <Col xs={24} md={12} xl={6}>
            <Figure testId="st-started" title={t.started} value={formatInt(report.started)} />
          </Col>
          <Col xs={24} md={12} xl={6}>
            <Figure
              testId="st-completed"
              title={t.completed}
              value={formatInt(report.completed)}
              sub={`${t.withdrawn}: ${formatInt(report.withdrawn)}`}
            />
          </Col>
          <Col xs={24} md={12} xl={6}>
            <Figure testId="st-planned" title={t.planned} value={formatInt(report.planned)} />
          </Col>
        </Row>
      ) : null}

      <Row gutter={[16, 16]}>
        <Col xs={24} xl={10}>
          <Card size="small" title={t.byProgram} style={{ height: '100%' }}>
            <Table<ProgramCount>
              data-testid="st-by-program"
              size="small"
              rowKey="program"
              columns={programColumns}
              dataSource={programs}
              loading={figures.loading}
              pagination={false}
              locale={{ emptyText: vi.common.noData }}
              summary={() =>
                report ? (
                  <Table.Summary.Row>
                    <Table.Summary.Cell index={0}>
                      <Typography.Text strong>{vi.common.total}</Typography.Text>
                    </Table.Summary.Cell>
                    <Table.Summary.Cell index={1} align="right">
                      <Typography.Text strong data-testid="st-by-program-total">
                        {formatInt(report.total)}
                      </Typography.Text>
                    </Table.Summary.Cell>
                    <Table.Summary.Cell index={2} align="right">
                      <Typography.Text strong>{formatInt(report.planned)}</Typography.Text>
                    </Table.Summary.Cell>
                  </Table.Summary.Row>
                ) : null
              }
            />
          </Card>
        </Col>
        <Col xs={24} xl={14}>
          <Card size="small" title={t.chartTitle} style={{ height: '100%' }}>
            <StaffSchoolChart rows={report?.by_school ?? []} schools={schools} />
          </Card>
        </Col>
      </Row>

      <Card size="small" title={t.figuresTitle(periodPhrase(period))}>
            <Table<StaffSchoolRow>
              data-testid="st-by-school"
              size="small"
              bordered
              rowKey="school_id"
              columns={schoolColumns}
              dataSource={report?.by_school ?? []}
              loading={figures.loading}
              pagination={false}
              scroll={{ x: 'max-content' }}
              locale={{ emptyText: vi.common.noData }}
            />
          </Card>

      <Card
        size="small"
        extra={
          <Space>
            <Input.Search
              allowClear
              placeholder={t.colName}
              onChange={(e) => setSearch(e.target.value)}
              style={{ width: 220 }}
            />
            <Space size={6}>
              <Switch size="small" checked={onlyPeriod} onChange={setOnlyPeriod} />
              <Typography.Text>{t.onlyPeriod}</Typography.Text>
            </Space>
          </Space>
        }
      >
        <Tabs
          items={[
            {
              key: 'enrollments',
              label: t.enrollmentsTab,
              children: (
                <>
                  {enrollments.error ? <ServiceError error={enrollments.error} onRetry={enrollments.reload} /> : null}
                  <Table<EnrollmentInfo>
                    data-testid="enrollments-table"
                    size="small"
                    rowKey="enrollment_id"
                    columns={enrollmentColumns}
                    dataSource={enrollmentList}
                    loading={enrollments.loading}
                    scroll={{ x: 'max-content' }}
                    pagination={{ pageSize: 15, showSizeChanger: true, showTotal: (n) => t.enrollmentCount(formatInt(n)) }}
                    locale={{ emptyText: vi.common.noData }}
                  />
                </>
              ),
            },
            {
              key: 'staff',
              label: t.staffTab,
              children: (
                <>
                  {staff.error ? <ServiceError error={staff.error} onRetry={staff.reload} /> : null}
                  <Table<StaffInfo>
                    data-testid="staff-table"
                    size="small"
                    rowKey="staff_id"
                    columns={staffColumns}
                    dataSource={staffList}
                    loading={staff.loading}
                    scroll={{ x: 'max-content' }}
                    pagination={{ pageSize: 15, showSizeChanger: true, showTotal: (n) => t.staffCount(formatInt(n)) }}
                    locale={{ emptyText: vi.common.noData }}
                  />
                </>
              ),
            },
          ]}
        />
      </Card>

      <RecordStaffForm
        open={modal?.kind === 'staff' || modal?.kind === 'editStaff'}
        onClose={close}
        staff={modal?.kind === 'editStaff' ? modal.staff : undefined}
      />
      <StartTrainingForm
        open={modal?.kind === 'start' || modal?.kind === 'sendStaff'}
        onClose={close}
        staff={modal?.kind === 'sendStaff' ? modal.staff : undefined}
      />
      <PlanTrainingForm open={modal?.kind === 'plan'} onClose={close} />
      {modal && 'enrollment' in modal ? (
        <>
          <CompleteTrainingForm open={modal.kind === 'complete'} onClose={close} enrollment={modal.enrollment} />
          <WithdrawTrainingForm open={modal.kind === 'withdraw'} onClose={close} enrollment={modal.enrollment} />
        </>
      ) : null}
    </Space>
  );
}
