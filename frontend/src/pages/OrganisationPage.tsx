import { useState } from 'react';
import { Button, Card, Col, Row, Select, Space, Steps, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnType, TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { EmulationService, type SchoolAwards } from '../api/emulation';
import { OrganisationService, type ClassType, type Cluster, type ClusterRolesAssigned, type School } from '../api/organisation';
import { DataTable } from '../components/DataTable';
import { PageHeader } from '../components/PageHeader';
import { FetchError, ServiceError } from '../components/ServiceError';
import { WriteButton } from '../components/WriteGuard';
import {
  AssignRolesForm,
  DefineClassTypeForm,
  FormClusterForm,
  RegisterSchoolForm,
  StaffCountForm,
} from '../forms/OrganisationForms';
import { useServiceData } from '../hooks/useServiceData';
import { label, vi } from '../locales/vi';
import { useWritable } from '../stores/asof';
import { useFiltersStore } from '../stores/filters';
import { clusterName, missingSetup, schoolName, useOrganisationStore, type SetupStep } from '../stores/organisation';
import { formatInt } from '../utils/format';
import { periodYear } from '../utils/period';

const t = vi.organisation;

type ModalState =
  | { kind: 'cluster'; edit?: Cluster }
  | { kind: 'school'; edit?: School }
  | { kind: 'classType'; edit?: ClassType }
  | { kind: 'roles' }
  | { kind: 'staff'; school?: SchoolAwards }
  | null;

/** The counts of a school to start the form from, when recorded. */
function counted(s: SchoolAwards | undefined) {
  return s && (s.staff || s.units || s.party_orgs) ? { staff: s.staff, units: s.units, party_orgs: s.party_orgs } : undefined;
}

const mono = (s: string) => <Typography.Text className="mono">{s}</Typography.Text>;

/** The years to choose from: next year and the eight before. */
function yearOptions(now: number) {
  return Array.from({ length: 9 }, (_, i) => now + 1 - i).map((y) => ({ value: y, label: String(y) }));
}

const STEPS: { key: SetupStep; title: string }[] = [
  { key: 'cluster', title: t.stepCluster },
  { key: 'schools', title: t.stepSchools },
  { key: 'classTypes', title: t.stepClassTypes },
];

/** The last column of a table: the one action of its row, a link that opens a form. */
function linkColumn<T>(width: number, text: string, testId: (r: T) => string, onClick: (r: T) => void): TableColumnType<T> {
  return {
    title: '',
    key: 'actions',
    width,
    render: (_: unknown, r: T) => (
      <WriteButton size="small" type="link" style={{ paddingInline: 0 }} onClick={() => onClick(r)} data-testid={testId(r)}>
        {text}
      </WriteButton>
    ),
  };
}

/** A button in a card's header, disabled with the reason when its prerequisite is missing
 * or the window shows the past. */
function AddButton({ testId, text, onClick, blocked: missing }: { testId: string; text: string; onClick: () => void; blocked?: string | undefined }) {
  const writable = useWritable();
  const blocked = missing ?? (writable ? undefined : vi.asOf.readOnly);
  const button = (
    <Button size="small" type="primary" ghost icon={<PlusOutlined />} onClick={onClick} disabled={Boolean(blocked)} data-testid={testId}>
      {text}
    </Button>
  );
  return blocked ? <Tooltip title={blocked}>{button}</Tooltip> : button;
}

/** "Tổ chức": the cluster, its schools, the year's roles, the class types and the staff counts. */
export function OrganisationPage() {
  const period = useFiltersStore((s) => s.period);
  const { clusters, schools, classTypes, loaded, loading } = useOrganisationStore();
  const [year, setYear] = useState(() => periodYear(period));
  const [modal, setModal] = useState<ModalState>(null);
  const close = () => setModal(null);

  const roles = useServiceData(() => OrganisationService.Roles(year), [year]);
  const staff = useServiceData(() => EmulationService.Figures(year, ''), [year]);

  const missing = loaded ? missingSetup({ clusters, schools, classTypes }) : [];
  const current = STEPS.findIndex((s) => missing.includes(s.key));
  const several = clusters.length > 1;
  const noCluster = clusters.length === 0 ? t.needCluster : undefined;
  const noSchools = schools.length === 0 ? t.needSchools : undefined;
  const names = (ids: readonly string[] | null | undefined) => (ids ?? []).map((id) => schoolName(schools, id)).join('; ');

  const clusterColumns: TableColumnsType<Cluster> = [
    { title: t.colClusterName, dataIndex: 'name', key: 'name' },
    { title: t.colRegion, dataIndex: 'region', key: 'region', width: 240 },
    {
      title: t.colSchools,
      key: 'schools',
      width: 100,
      align: 'right',
      render: (_: unknown, c) => formatInt(schools.filter((s) => s.cluster_id === c.cluster_id).length),
    },
    { title: t.colId, dataIndex: 'cluster_id', key: 'id', width: 120, render: mono },
    linkColumn<Cluster>(70, vi.common.edit, (c) => `cluster-edit-${c.cluster_id}`, (c) =>
      setModal({ kind: 'cluster', edit: c }),
    ),
  ];

  const schoolColumns: TableColumnsType<School> = [
    {
      title: t.colSchoolName,
      dataIndex: 'name',
      key: 'name',
      sorter: (a, b) => a.name.localeCompare(b.name, 'vi'),
    },
    { title: t.colProvince, dataIndex: 'province', key: 'province', width: 160 },
    ...(several
      ? [
          {
            title: t.colCluster,
            dataIndex: 'cluster_id',
            key: 'cluster',
            width: 260,
            render: (id: string) => clusterName(clusters, id),
          },
        ]
      : []),
    { title: t.colId, dataIndex: 'school_id', key: 'id', width: 120, render: mono },
    linkColumn<School>(70, vi.common.edit, (s) => `school-edit-${s.school_id}`, (s) =>
      setModal({ kind: 'school', edit: s }),
    ),
  ];

  const typeColumns: TableColumnsType<ClassType> = [
    { title: t.colTypeName, dataIndex: 'name', key: 'name' },
    {
      title: t.colGroup,
      dataIndex: 'group',
      key: 'group',
      width: 110,
      filters: Object.entries(vi.classGroups).map(([value, text]) => ({ text, value })),
      onFilter: (v, x) => x.group === v,
      render: (g: string) => label(vi.classGroups, g),
    },
    { title: t.colId, dataIndex: 'class_type', key: 'id', width: 120, render: mono },
    linkColumn<ClassType>(60, vi.common.edit, (x) => `classtype-edit-${x.class_type}`, (x) =>
      setModal({ kind: 'classType', edit: x }),
    ),
  ];

  const roleColumns: TableColumnsType<ClusterRolesAssigned> = [
    ...(several
      ? [{ title: t.colCluster, dataIndex: 'cluster_id', key: 'cluster', render: (id: string) => clusterName(clusters, id) }]
      : []),
    { title: t.colLead, dataIndex: 'lead', key: 'lead', render: (id: string) => schoolName(schools, id) },
    {
      title: t.colStandingDeputy,
      dataIndex: 'standing_deputy',
      key: 'standing',
      render: (id: string) => (id ? schoolName(schools, id) : '–'),
    },
    { title: t.colDeputies, dataIndex: 'deputies', key: 'deputies', render: (ids: string[] | null) => names(ids) || '–' },
  ];

  const staffColumns: TableColumnsType<SchoolAwards> = [
    { title: vi.common.school, dataIndex: 'name', key: 'name' },
    ...(['staff', 'units', 'party_orgs'] as const).map((k) => ({
      title: { staff: t.colStaff, units: t.colUnits, party_orgs: t.colPartyOrgs }[k],
      dataIndex: k,
      key: k,
      width: 150,
      align: 'right' as const,
      render: (n: number, r: SchoolAwards) =>
        r.staff || r.units || r.party_orgs ? (
          <span data-testid={`staff-${k}-${r.school_id}`}>{formatInt(n)}</span>
        ) : k === 'staff' ? (
          <Tag>{t.notRecorded}</Tag>
        ) : (
          ''
        ),
    })),
    linkColumn<SchoolAwards>(90, t.recordRow, (r) => `staff-record-${r.school_id}`, (r) =>
      setModal({ kind: 'staff', school: r }),
    ),
  ];

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="organisation-page">
      <PageHeader
        title={t.pageTitle}
        intro={t.pageIntro}
        filters={false}
        actions={
          <Space size={6}>
            <Typography.Text type="secondary">{t.year}</Typography.Text>
            <Select<number>
              data-testid="org-year"
              style={{ width: 100 }}
              value={year}
              onChange={setYear}
              options={yearOptions(new Date().getFullYear())}
            />
          </Space>
        }
      />

      {missing.length > 0 ? (
        <Card size="small" data-testid="org-steps">
          <Steps
            size="small"
            current={current}
            items={STEPS.map((s) => ({ title: s.title, status: missing.includes(s.key) ? undefined : 'finish' }))}
          />
        </Card>
      ) : null}

      <Card
        size="small"
        title={t.clustersTitle}
        extra={<AddButton testId="btn-formCluster" text={t.formCluster} onClick={() => setModal({ kind: 'cluster' })} />}
      >
        <DataTable<Cluster>
          testId="clusters-table"
          rowKey="cluster_id"
          columns={clusterColumns}
          dataSource={clusters}
          loading={loading && !loaded}
          pagination={false}
        />
      </Card>

      <Card
        size="small"
        title={t.schoolsTitle}
        extra={
          <AddButton
            testId="btn-registerSchool"
            text={t.registerSchool}
            blocked={noCluster}
            onClick={() => setModal({ kind: 'school' })}
          />
        }
      >
        <DataTable<School>
          testId="schools-table"
          rowKey="school_id"
          columns={schoolColumns}
          dataSource={schools}
          loading={loading && !loaded}
          pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (n) => t.schoolCount(formatInt(n)) }}
        />
      </Card>

      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card
            size="small"
            title={t.classTypesTitle}
            style={{ height: '100%' }}
            extra={
              <AddButton testId="btn-defineClassType" text={t.defineClassType} onClick={() => setModal({ kind: 'classType' })} />
            }
          >
            <DataTable<ClassType>
              testId="classtypes-table"
              rowKey="class_type"
              columns={typeColumns}
              dataSource={classTypes}
              loading={loading && !loaded}
              pagination={{ pageSize: 12, hideOnSinglePage: true, showTotal: (n) => t.typeCount(formatInt(n)) }}
            />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card
            size="small"
            title={t.rolesTitle(year)}
            style={{ height: '100%' }}
            extra={
              <AddButton
                testId="btn-assignRoles"
                text={t.assignRolesShort}
                blocked={noSchools}
                onClick={() => setModal({ kind: 'roles' })}
              />
            }
          >
            {roles.error ? (
              <ServiceError error={roles.error} onRetry={roles.reload} testId="roles-error" />
            ) : (
              <DataTable<ClusterRolesAssigned>
                testId="roles-table"
                rowKey="cluster_id"
                columns={roleColumns}
                dataSource={roles.data ?? []}
                loading={roles.loading}
                pagination={false}
              />
            )}
          </Card>
        </Col>
      </Row>

      <Card
        size="small"
        title={t.staffTitle(year)}
        extra={
          <AddButton testId="btn-recordStaff" text={t.recordStaff} blocked={noSchools} onClick={() => setModal({ kind: 'staff' })} />
        }
      >
        <FetchError of={staff} />
        <DataTable<SchoolAwards>
          testId="staffcounts-table"
          rowKey="school_id"
          columns={staffColumns}
          dataSource={staff.data?.schools ?? []}
          loading={staff.loading}
          pagination={false}
        />
      </Card>

      {modal?.kind === 'cluster' ? <FormClusterForm open onClose={close} edit={modal.edit} /> : null}
      {modal?.kind === 'school' ? <RegisterSchoolForm open onClose={close} edit={modal.edit} /> : null}
      {modal?.kind === 'classType' ? <DefineClassTypeForm open onClose={close} edit={modal.edit} /> : null}
      <AssignRolesForm open={modal?.kind === 'roles'} onClose={close} year={year} />
      {modal?.kind === 'staff' ? (
        <StaffCountForm open onClose={close} year={year} school={modal.school?.school_id} current={counted(modal.school)} />
      ) : null}
    </Space>
  );
}
