import { useState } from 'react';
import { Button, Card, Dropdown, Space, Tabs } from 'antd';
import type { MenuProps, TableColumnsType } from 'antd';
import { DownOutlined, PlusOutlined } from '@ant-design/icons';
import { ClassPlanService, type ClassInfo } from '../api/classplans';
import { ClassPlanHeadline } from '../components/ClassPlanHeadline';
import { ClassPlanTable } from '../components/ClassPlanTable';
import { TwoLineCell, countColumn, dateColumn, schoolColumn, statusColumn } from '../components/columns';
import { DataTable, paged } from '../components/DataTable';
import { ListFilter, useListFilter } from '../components/FilterBar';
import { PageHeader } from '../components/PageHeader';
import { HISTORY_ACTION, historyItem, openHistory } from '../components/RowActions';
import { FetchError } from '../components/ServiceError';
import { ReadOnlyTip, WriteButton } from '../components/WriteGuard';
import {
  AssignTargetForm,
  CancelClassForm,
  ChangeEnrollmentForm,
  ChangeModeForm,
  CompleteClassForm,
  OpenClassForm,
  PlanClassForm,
  classActions,
} from '../forms/ClassPlanForms';
import { useServiceData } from '../hooks/useServiceData';
import { label, vi } from '../locales/vi';
import { useWritable } from '../stores/asof';
import { useFiltersStore } from '../stores/filters';
import { formatDate } from '../utils/format';
import { periodPhrase } from '../utils/period';
import { distinctFilters } from '../utils/table';

const t = vi.classPlans;

type ModalState =
  | { kind: 'target' | 'plan' | 'open' }
  | { kind: 'openPlanned' | 'enrollment' | 'mode' | 'complete' | 'cancel'; cls: ClassInfo }
  | null;

const STATUS_COLORS: Record<string, string> = {
  planned: 'default',
  open: 'processing',
  completed: 'success',
  cancelled: 'error',
};

/** A class belongs to the period when it runs in it: opened on or before its end and
 * not completed before its start; planned classes are always listed. */
export function classInPeriod(c: ClassInfo, from: string, to: string): boolean {
  if (c.status === 'planned') return true;
  if (!c.start_date || c.start_date > to) return false;
  return !c.completed_on || c.completed_on >= from;
}

export function ClassPlansPage() {
  const { period, school } = useFiltersStore();
  const [modal, setModal] = useState<ModalState>(null);
  const filter = useListFilter();
  const writable = useWritable();

  const figures = useServiceData(() => ClassPlanService.Figures(period, school), [period, school]);
  const classes = useServiceData(() => ClassPlanService.Classes(school), [school]);

  const { range, matches } = filter;
  const list = (classes.data ?? []).filter(
    (c) => (!range || classInPeriod(c, range.from, range.to)) && matches(`${c.name} ${c.type_name}`),
  );

  const close = () => setModal(null);

  const columns: TableColumnsType<ClassInfo> = [
    {
      title: t.colClassName,
      dataIndex: 'name',
      key: 'name',
      width: 230,
      sorter: (a, b) => (a.name || a.type_name).localeCompare(b.name || b.type_name, 'vi'),
      filters: distinctFilters(list, (c) => c.type_name),
      onFilter: (v, c) => c.type_name === v,
      render: (name: string, c) => (
        <TwoLineCell main={name || c.type_name} sub={`${c.type_name}${c.partner ? ` · ${c.partner}` : ''}`} />
      ),
    },
    schoolColumn(list, 120, true),
    dateColumn(t.colStart, 'start_date', 'start', 100),
    {
      title: t.colEnd,
      key: 'end',
      width: 100,
      sorter: (a, b) => (a.completed_on || a.end_date).localeCompare(b.completed_on || b.end_date),
      render: (_: unknown, c) => formatDate(c.completed_on || c.end_date),
    },
    {
      title: t.colMode,
      dataIndex: 'mode',
      key: 'mode',
      width: 110,
      filters: Object.entries(vi.classModes).map(([value, text]) => ({ text, value })),
      onFilter: (v, c) => c.mode === v,
      render: (m: string) => label(vi.classModes, m),
    },
    countColumn(t.colStudents, 'students', 84),
    statusColumn(t.colStatus, vi.classStatuses, STATUS_COLORS, 124),
    {
      title: vi.common.actions,
      key: 'actions',
      width: 110,
      fixed: 'right',
      render: (_: unknown, c) => {
        const acts = classActions(c.status);
        const labels = {
          open: t.openPlanned,
          enrollment: t.changeEnrollment,
          mode: t.changeMode,
          complete: t.completeClass,
          cancel: t.cancelClass,
        };
        const items: MenuProps['items'] = acts.map((a) => ({
          key: a,
          label: (
            <ReadOnlyTip>
              <span data-testid={`class-action-${a}`}>{labels[a]}</span>
            </ReadOnlyTip>
          ),
          danger: a === 'cancel',
          disabled: !writable,
        }));
        items.push(historyItem());
        return (
          <Dropdown
            trigger={['click']}
            menu={{
              items,
              onClick: ({ key }) =>
                key === HISTORY_ACTION
                  ? openHistory(`class-${c.class_id}`)
                  : setModal({ kind: key === 'open' ? 'openPlanned' : (key as 'enrollment'), cls: c }),
            }}
          >
            <Button size="small" data-testid={`class-actions-${c.class_id}`}>
              {vi.common.actions} <DownOutlined />
            </Button>
          </Dropdown>
        );
      },
    },
  ];

  const report = figures.data;

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="classplans-page">
      <PageHeader
        title={t.pageTitle}
        intro={t.pageIntro}
        actions={
          <>
            <WriteButton onClick={() => setModal({ kind: 'target' })} data-testid="btn-assignTarget">
              {t.assignTarget}
            </WriteButton>
            <WriteButton onClick={() => setModal({ kind: 'plan' })} data-testid="btn-planClass">
              {t.planClass}
            </WriteButton>
            <WriteButton
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setModal({ kind: 'open' })}
              data-testid="btn-openClass"
            >
              {t.openClass}
            </WriteButton>
          </>
        }
      />

      <FetchError of={figures} />
      {report ? <ClassPlanHeadline total={report.total} prefix="cp" /> : null}

      <Card
        size="small"
        title={t.figuresTitle(periodPhrase(period))}
        data-testid="classplans-figures"
      >
        <Tabs
          items={[
            {
              key: 'school',
              label: t.bySchool,
              children: (
                <ClassPlanTable
                  testId="cp-by-school"
                  nameTitle={t.colSchool}
                  rows={report?.by_school ?? []}
                  total={report?.total}
                  loading={figures.loading}
                />
              ),
            },
            {
              key: 'type',
              label: t.byType,
              children: (
                <ClassPlanTable
                  testId="cp-by-type"
                  nameTitle={t.colType}
                  rows={report?.by_type ?? []}
                  total={report?.total}
                  showGroup
                  showTarget={false}
                  loading={figures.loading}
                />
              ),
            },
            {
              key: 'group',
              label: t.byGroup,
              children: (
                <ClassPlanTable
                  testId="cp-by-group"
                  nameTitle={t.colGroup}
                  rows={report?.by_group ?? []}
                  total={report?.total}
                  showTarget={false}
                  loading={figures.loading}
                />
              ),
            },
          ]}
        />
      </Card>

      <Card
        size="small"
        title={t.classesTitle}
        extra={<ListFilter state={filter} placeholder={t.searchClass} label={t.onlyPeriod} switchTestId="only-period" />}
      >
        <FetchError of={classes} />
        <DataTable<ClassInfo>
          testId="classes-table"
          rowKey="class_id"
          columns={columns}
          dataSource={list}
          loading={classes.loading}
          scroll={{ x: 'max-content' }}
          pagination={paged(20, t.classCount)}
        />
      </Card>

      <AssignTargetForm open={modal?.kind === 'target'} onClose={close} />
      <PlanClassForm open={modal?.kind === 'plan'} onClose={close} />
      <OpenClassForm
        open={modal?.kind === 'open' || modal?.kind === 'openPlanned'}
        onClose={close}
        cls={modal && 'cls' in modal ? modal.cls : undefined}
      />
      {modal && 'cls' in modal ? (
        <>
          <ChangeEnrollmentForm open={modal.kind === 'enrollment'} onClose={close} cls={modal.cls} />
          <ChangeModeForm open={modal.kind === 'mode'} onClose={close} cls={modal.cls} />
          <CompleteClassForm open={modal.kind === 'complete'} onClose={close} cls={modal.cls} />
          <CancelClassForm open={modal.kind === 'cancel'} onClose={close} cls={modal.cls} />
        </>
      ) : null}
    </Space>
  );
}
