import { Form, Select } from 'antd';
import type { SelectProps } from 'antd';
import { defaultClusterId, useOrganisationStore } from '../stores/organisation';
import { useFiltersStore } from '../stores/filters';
import { vi } from '../locales/vi';

/** One of the ledger's clusters, by name. */
export function ClusterSelect(props: SelectProps<string>) {
  const clusters = useOrganisationStore((s) => s.clusters);
  return (
    <Select<string>
      placeholder={clusters.length === 0 ? vi.organisation.noCluster : vi.forms.selectPlaceholder}
      options={clusters.map((c) => ({ value: c.cluster_id, label: c.name || c.cluster_id }))}
      {...props}
    />
  );
}

/** The form item of the cluster a cluster-wide fact goes to: shown only when
 * there is a choice to make (several clusters) or nothing to choose (none). */
export function ClusterItem({ name = 'cluster_id' }: { name?: string }) {
  const count = useOrganisationStore((s) => s.clusters.length);
  return (
    <Form.Item name={name} label={vi.common.clusterLabel} rules={[{ required: true, message: vi.forms.required }]} hidden={count === 1}>
      <ClusterSelect />
    </Form.Item>
  );
}

/** The cluster a form starts with: the chosen school's, else the first. */
export function useDefaultCluster(): string | undefined {
  const clusters = useOrganisationStore((s) => s.clusters);
  const schools = useOrganisationStore((s) => s.schools);
  const school = useFiltersStore((s) => s.school);
  return defaultClusterId(clusters, schools, school);
}
import { periodChoices, periodLabel } from '../utils/period';

/** One of the schools (of one cluster when `cluster` is given). */
export function SchoolSelect({ cluster, ...props }: SelectProps<string> & { cluster?: string | undefined }) {
  const schools = useOrganisationStore((s) => s.schools);
  return (
    <Select<string>
      showSearch
      optionFilterProp="label"
      placeholder={vi.forms.selectSchool}
      options={schools
        .filter((s) => !cluster || s.cluster_id === cluster)
        .map((s) => ({ value: s.school_id, label: s.name }))}
      {...props}
    />
  );
}

/** One entry of the class-type catalogue, grouped by đào tạo / bồi dưỡng / liên kết. */
export function ClassTypeSelect(props: SelectProps<string>) {
  const types = useOrganisationStore((s) => s.classTypes);
  const groups = new Map<string, { value: string; label: string }[]>();
  for (const t of types) {
    const g = groups.get(t.group) ?? [];
    g.push({ value: t.class_type, label: t.name });
    groups.set(t.group, g);
  }
  return (
    <Select<string>
      showSearch
      optionFilterProp="label"
      placeholder={vi.forms.selectPlaceholder}
      options={[...groups].map(([g, options]) => ({
        label: vi.classGroups[g] ?? g,
        title: g,
        options,
      }))}
      {...props}
    />
  );
}

/** A choice among codes with Vietnamese labels, in the order given. */
export function CodeSelect({
  codes,
  labels,
  ...props
}: SelectProps<string> & { codes: readonly string[]; labels: Record<string, string> }) {
  return (
    <Select<string>
      placeholder={vi.forms.selectPlaceholder}
      options={codes.map((c) => ({ value: c, label: labels[c] ?? c }))}
      {...props}
    />
  );
}

/** A half-year or a year, newest first (next year included). */
export function PeriodSelect(props: SelectProps<string>) {
  const choices = periodChoices(new Date().getFullYear() + 1, 9).map((g) => ({
    label: vi.period.yearGroup(g.year),
    title: String(g.year),
    options: g.periods.map((p) => ({ value: p, label: periodLabel(p) })),
  }));
  return <Select<string> placeholder={vi.forms.selectPlaceholder} options={choices} virtual={false} {...props} />;
}
