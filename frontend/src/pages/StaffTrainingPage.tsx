import { useState } from 'react';
import { Card, Col, Row, Space, Tabs, Tooltip, Typography } from 'antd';
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
import {
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
import { StaffSchoolChart } from '../components/StaffSchoolChart';
import { PageHeader } from '../components/PageHeader';
import { RowActions } from '../components/RowActions';
import { FetchError } from '../components/ServiceError';
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
import { useOrganisationStore } from '../stores/organisation';
import { formatDate, formatInt } from '../utils/format';
import { periodLabel, periodPhrase } from '../utils/period';
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
  const filter = useListFilter();
  const close = () => setModal(null);

  const figures = useServiceData(() => StaffTrainingService.Figures(period, school), [period, school]);
  const enrollments = useServiceData(() => StaffTrainingService.Enrollments(school), [school]);
  const staff = useServiceData(() => StaffTrainingService.Staff(school), [school]);

  const { range, matches } = filter;
  const enrollmentList = (enrollments.data ?? []).filter(
    (e) => (!range || enrollmentInPeriod(e, range.from, range.to)) && matches(e.full_name),
  );
  const staffList = (staff.data ?? []).filter((s) => matches(s.full_name));

  const report = figures.data;
  const programs = report?.by_program ?? [];

  const programColumns: TableColumnsType<ProgramCount> = [
    { title: t.colProgram, dataIndex: 'program', key: 'program', render: (p: string, r) => r.name || label(vi.programs, p) },
    countColumn(t.colCount, 'count', 100),
    countColumn(t.colPlanned, 'planned', 100),
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
      render: (n: string, e) => <TwoLineCell main={n} sub={e.unit} />,
    },
    schoolColumn(enrollmentList, 130, true),
    {
      title: t.colProgram,
      dataIndex: 'program',
      key: 'program',
      width: 200,
      filters: PROGRAMS.map((p) => ({ text: vi.programs[p] ?? p, value: p })),
      onFilter: (v, e) => e.program === v,
      render: (p: string, e) => <TwoLineCell main={e.program_name || label(vi.programs, p)} sub={e.institution} />,
    },
    dateColumn(t.colStart, 'start_date', 'start', 104),
    {
      title: t.colEnd,
      key: 'end',
      width: 104,
      sorter: (a, b) => (a.end_date || a.expected_end).localeCompare(b.end_date || b.expected_end),
      render: (_: unknown, e) => formatDate(e.end_date || e.expected_end),
    },
    statusColumn(t.colStatus, vi.enrollmentStatuses, STATUS_COLORS, 130, (e) => e.result || e.reason || undefined),
    actionsColumn(118, (e) => (
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
    )),
  ];

  const staffColumns: TableColumnsType<StaffInfo> = [
    {
      title: t.colName,
      dataIndex: 'full_name',
      key: 'name',
      width: 220,
      sorter: (a, b) => a.full_name.localeCompare(b.full_name, 'vi'),
    },
    schoolColumn(staffList, 140),
    {
      title: t.colUnit,
      dataIndex: 'unit',
      key: 'unit',
      width: 180,
      filters: distinctFilters(staffList, (s) => s.unit),
      onFilter: (v, s) => s.unit === v,
    },
    { title: t.colPosition, dataIndex: 'position', key: 'position', width: 160 },
    countColumn(t.colEnrollments, 'enrollments', 110),
    countColumn(t.colOngoing, 'ongoing', 90),
    actionsColumn(118, (s) => (
      <RowActions
        testId={`staff-actions-${s.staff_id}`}
        history={`staff-${s.staff_id}`}
        actions={[
          { key: 'sendStaff' as const, label: t.sendToStudy },
          { key: 'editStaff' as const, label: t.editStaff },
        ]}
        onAction={(kind) => setModal({ kind, staff: s })}
      />
    )),
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

      <FetchError of={figures} />
      {report ? (
        <FigureRow>
          <Figure
            testId="st-total"
            title={t.total}
            value={vi.staff.enrollmentCount(formatInt(report.total))}
            sub={periodLabel(period)}
          />
          <Figure testId="st-started" title={t.started} value={formatInt(report.started)} />
          <Figure
            testId="st-completed"
            title={t.completed}
            value={formatInt(report.completed)}
            sub={`${t.withdrawn}: ${formatInt(report.withdrawn)}`}
          />
          <Figure testId="st-planned" title={t.planned} value={formatInt(report.planned)} />
        </FigureRow>
      ) : null}

      <Row gutter={[16, 16]}>
        <Col xs={24} xl={10}>
          <Card size="small" title={t.byProgram} style={{ height: '100%' }}>
            <DataTable<ProgramCount>
              testId="st-by-program"
              rowKey="program"
              columns={programColumns}
              dataSource={programs}
              loading={figures.loading}
              pagination={false}
              summary={() =>
                report ? (
                  <TotalRow
                    cells={[
                      { value: formatInt(report.total), testId: 'st-by-program-total' },
                      { value: formatInt(report.planned) },
                    ]}
                  />
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
        <DataTable<StaffSchoolRow>
          testId="st-by-school"
          bordered
          rowKey="school_id"
          columns={schoolColumns}
          dataSource={report?.by_school ?? []}
          loading={figures.loading}
          pagination={false}
          scroll={{ x: 'max-content' }}
        />
      </Card>

      <Card
        size="small"
        extra={<ListFilter state={filter} placeholder={t.colName} label={t.onlyPeriod} width={220} />}
      >
        <Tabs
          items={[
            {
              key: 'enrollments',
              label: t.enrollmentsTab,
              children: (
                <>
                  <FetchError of={enrollments} />
                  <DataTable<EnrollmentInfo>
                    testId="enrollments-table"
                    rowKey="enrollment_id"
                    columns={enrollmentColumns}
                    dataSource={enrollmentList}
                    loading={enrollments.loading}
                    scroll={{ x: 'max-content' }}
                    pagination={paged(15, t.enrollmentCount)}
                  />
                </>
              ),
            },
            {
              key: 'staff',
              label: t.staffTab,
              children: (
                <>
                  <FetchError of={staff} />
                  <DataTable<StaffInfo>
                    testId="staff-table"
                    rowKey="staff_id"
                    columns={staffColumns}
                    dataSource={staffList}
                    loading={staff.loading}
                    scroll={{ x: 'max-content' }}
                    pagination={paged(15, t.staffCount)}
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
