// The forms of "Tổ chức": the cluster, its schools, the year's Cụm trưởng and
// Cụm phó, the class-type catalogue and the schools' staff counts.

import { useEffect } from 'react';
import { Form, Input, Select } from 'antd';
import type { Rule } from 'antd/es/form';
import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import { CLASS_GROUPS, OrganisationService, type ClassType, type Cluster, type School } from '../api/organisation';
import { CommandModal, required } from '../components/CommandModal';
import { isoDate } from '../components/DateField';
import { ClusterItem, SchoolSelect, useDefaultCluster } from '../components/Selects';
import { vi } from '../locales/vi';
import { useOrganisationStore } from '../stores/organisation';
import { initialsId, slugId } from '../utils/ids';
import { CodeItem, FieldRow, NumberItem, OnItem, SchoolItem, TextItem, num, trim, type FormProps } from './fields';

const t = vi.organisation;

/** Fills the code item from another item while the user has not typed a code. */
function SuggestedId({ from, to, make }: { from: string; to: string; make: (text: string) => string }) {
  const form = Form.useFormInstance();
  const source = Form.useWatch<string | undefined>(from, form);
  useEffect(() => {
    if (source !== undefined && !form.isFieldTouched(to)) form.setFieldValue(to, make(source));
  }, [source, form, to, make]);
  return null;
}

/** The rules of a new entity's code: required, and not one already in use. */
function newIdRules(taken: (id: string) => string | undefined): Rule[] {
  return [
    ...required,
    {
      validator: async (_, v: string | undefined) => {
        const name = v ? taken(v.trim()) : undefined;
        if (name) throw new Error(t.idTaken(name));
      },
    },
  ];
}

/** The code of a new entity, suggested from another item and refused when taken;
 * the code of one being corrected (editing) cannot change. */
function IdItem({
  name,
  label,
  hint,
  editing,
  taken,
  from,
  make,
}: {
  name: string;
  label: string;
  hint?: string;
  editing: boolean;
  taken: (id: string) => string | undefined;
  from: string;
  make: (text: string) => string;
}) {
  return (
    <>
      <Form.Item name={name} label={label} extra={editing ? undefined : hint} rules={editing ? required : newIdRules(taken)}>
        {editing ? <Input disabled /> : <Input style={{ fontFamily: 'monospace' }} />}
      </Form.Item>
      {editing ? null : <SuggestedId from={from} to={name} make={make} />}
    </>
  );
}

interface ClusterValues {
  cluster_id: string;
  name: string;
  region?: string;
  on: Dayjs;
}

/** "Thành lập cụm", or the cluster's name and region corrected (edit). */
export function FormClusterForm({ open, onClose, edit }: FormProps & { edit?: Cluster | undefined }) {
  const clusters = useOrganisationStore((s) => s.clusters);
  return (
    <CommandModal<ClusterValues>
      open={open}
      onClose={onClose}
      name="formCluster"
      title={edit ? t.editCluster : t.formCluster}
      occurredOn="on"
      initialValues={{ ...edit, on: dayjs() } as Partial<ClusterValues>}
      submit={(v, note) =>
        OrganisationService.FormCluster(
          { cluster_id: trim(v.cluster_id), name: trim(v.name), region: trim(v.region) },
          isoDate(v.on),
          note,
        )
      }
    >
      <TextItem name="name" label={t.fClusterName} long />
      <TextItem name="region" label={t.fRegion} optional />
      <FieldRow>
        <IdItem
          name="cluster_id"
          label={t.fClusterId}
          hint={t.idHint}
          editing={Boolean(edit)}
          taken={(id) => clusters.find((c) => c.cluster_id === id)?.name}
          from="region"
          make={initialsId}
        />
        <OnItem />
      </FieldRow>
    </CommandModal>
  );
}

interface SchoolValues {
  school_id: string;
  name: string;
  province: string;
  cluster_id: string;
  on: Dayjs;
}

/** "Đăng ký trường", or a school's details corrected (edit). */
export function RegisterSchoolForm({ open, onClose, edit }: FormProps & { edit?: School | undefined }) {
  const schools = useOrganisationStore((s) => s.schools);
  const cluster = useDefaultCluster();
  return (
    <CommandModal<SchoolValues>
      open={open}
      onClose={onClose}
      name="registerSchool"
      title={edit ? t.editSchool : t.registerSchool}
      occurredOn="on"
      initialValues={{ cluster_id: cluster, ...edit, on: dayjs() } as Partial<SchoolValues>}
      submit={(v, note) =>
        OrganisationService.RegisterSchool(
          { school_id: trim(v.school_id), name: trim(v.name), province: trim(v.province), cluster_id: v.cluster_id },
          isoDate(v.on),
          note,
        )
      }
    >
      <TextItem name="name" label={t.fSchoolName} />
      <FieldRow>
        <TextItem name="province" label={t.fProvince} />
        <IdItem
          name="school_id"
          label={t.fSchoolId}
          hint={t.idHint}
          editing={Boolean(edit)}
          taken={(id) => schools.find((s) => s.school_id === id)?.name}
          from="province"
          make={slugId}
        />
      </FieldRow>
      <ClusterItem />
      <OnItem />
    </CommandModal>
  );
}

interface RolesValues {
  cluster_id: string;
  year: number;
  lead: string;
  standing_deputy?: string;
  deputies?: string[];
  on: Dayjs;
}

/** A school holds one role of the year at most. */
const oneRole =
  (others: string[]): Rule =>
  ({ getFieldValue }) => ({
    validator: async (_, v: string | string[] | undefined) => {
      const mine = Array.isArray(v) ? v : v ? [v] : [];
      const taken = others.flatMap((o) => {
        const x = getFieldValue(o) as string | string[] | undefined;
        return Array.isArray(x) ? x : x ? [x] : [];
      });
      if (mine.some((id) => taken.includes(id))) throw new Error(t.sameSchool);
    },
  });

/** The role items: the schools of the cluster chosen in the form. */
function RoleItems() {
  const cluster = Form.useWatch<string | undefined>('cluster_id', Form.useFormInstance());
  const schools = useOrganisationStore((s) => s.schools);
  const options = schools
    .filter((s) => !cluster || s.cluster_id === cluster)
    .map((s) => ({ value: s.school_id, label: s.name }));
  return (
    <>
      <FieldRow>
        <Form.Item
          name="lead"
          label={t.fLead}
          rules={[...required, oneRole(['standing_deputy', 'deputies'])]}
          dependencies={['standing_deputy', 'deputies']}
        >
          <SchoolSelect cluster={cluster} />
        </Form.Item>
        <Form.Item
          name="standing_deputy"
          label={t.fStandingDeputy}
          rules={[oneRole(['lead', 'deputies'])]}
          dependencies={['lead', 'deputies']}
        >
          <SchoolSelect cluster={cluster} allowClear />
        </Form.Item>
      </FieldRow>
      <Form.Item name="deputies" label={t.fDeputies} rules={[oneRole(['lead', 'standing_deputy'])]} dependencies={['lead', 'standing_deputy']}>
        <Select mode="multiple" allowClear optionFilterProp="label" placeholder={vi.forms.selectSchool} options={options} />
      </Form.Item>
    </>
  );
}

/** "Phân công Cụm trưởng, Cụm phó" of a year. */
export function AssignRolesForm({ open, onClose, year }: FormProps & { year: number }) {
  const cluster = useDefaultCluster();
  return (
    <CommandModal<RolesValues>
      open={open}
      onClose={onClose}
      name="assignRoles"
      title={t.assignRoles}
      occurredOn="on"
      width={700}
      fieldMap={Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`data.deputies[${i}]`, 'deputies']))}
      initialValues={{ cluster_id: cluster, year, deputies: [], on: dayjs() } as Partial<RolesValues>}
      submit={(v, note) =>
        OrganisationService.AssignRoles(
          {
            cluster_id: v.cluster_id,
            year: num(v.year),
            lead: v.lead,
            standing_deputy: v.standing_deputy ?? '',
            deputies: v.deputies ?? [],
          },
          isoDate(v.on),
          note,
        )
      }
    >
      <FieldRow span={16}>
        <ClusterItem />
      </FieldRow>
      <FieldRow span={8}>
        <NumberItem name="year" label={t.year} />
        <OnItem />
      </FieldRow>
      <RoleItems />
    </CommandModal>
  );
}

interface ClassTypeValues {
  class_type: string;
  name: string;
  group: string;
  on: Dayjs;
}

/** "Thêm loại lớp" to the catalogue, or an entry corrected (edit). */
export function DefineClassTypeForm({ open, onClose, edit }: FormProps & { edit?: ClassType | undefined }) {
  const types = useOrganisationStore((s) => s.classTypes);
  return (
    <CommandModal<ClassTypeValues>
      open={open}
      onClose={onClose}
      name="defineClassType"
      title={edit ? t.editClassType : t.defineClassType}
      occurredOn="on"
      initialValues={{ ...edit, on: dayjs() } as Partial<ClassTypeValues>}
      submit={(v, note) =>
        OrganisationService.DefineClassType(
          { class_type: trim(v.class_type), name: trim(v.name), group: v.group },
          isoDate(v.on),
          note,
        )
      }
    >
      <TextItem name="name" label={t.fClassTypeName} />
      <FieldRow>
        <CodeItem name="group" label={t.fGroup} codes={CLASS_GROUPS} labels={vi.classGroups} />
        <IdItem
          name="class_type"
          label={t.fClassTypeId}
          editing={Boolean(edit)}
          taken={(id) => types.find((x) => x.class_type === id)?.name}
          from="name"
          make={initialsId}
        />
        <OnItem />
      </FieldRow>
    </CommandModal>
  );
}

interface CountValues {
  school_id: string;
  year: number;
  staff: number;
  units: number;
  party_orgs: number;
  on: Dayjs;
}

/** A school's cán bộ, viên chức, người lao động, units and party organisations of a year. */
export function StaffCountForm({
  open,
  onClose,
  year,
  school,
  current,
}: FormProps & {
  year: number;
  school?: string | undefined;
  current?: { staff: number; units: number; party_orgs: number } | undefined;
}) {
  const a = vi.awards;
  return (
    <CommandModal<CountValues>
      open={open}
      onClose={onClose}
      name="staffCount"
      title={a.staffCount}
      occurredOn="on"
      initialValues={{ year, school_id: school || undefined, ...current, on: dayjs() } as Partial<CountValues>}
      submit={(v, note) =>
        OrganisationService.RecordStaffCount(
          {
            school_id: v.school_id,
            year: num(v.year),
            staff: num(v.staff),
            units: num(v.units),
            party_orgs: num(v.party_orgs),
          },
          isoDate(v.on),
          note,
        )
      }
    >
      <FieldRow spans={[16, 8]}>
        <SchoolItem />
        <NumberItem name="year" label={a.fYear} />
      </FieldRow>
      <FieldRow>
        <NumberItem name="staff" label={a.fStaff} />
        <NumberItem name="units" label={a.fUnits} />
        <NumberItem name="party_orgs" label={a.fPartyOrgs} />
      </FieldRow>
      <OnItem />
    </CommandModal>
  );
}
