import { Select } from 'antd';
import type { SelectProps } from 'antd';
import { useOrganisationStore } from '../stores/organisation';
import { vi } from '../locales/vi';
import { periodChoices, periodLabel } from '../utils/period';

/** One of the cluster's schools. */
export function SchoolSelect(props: SelectProps<string>) {
  const schools = useOrganisationStore((s) => s.schools);
  return (
    <Select<string>
      showSearch
      optionFilterProp="label"
      placeholder={vi.forms.selectSchool}
      options={schools.map((s) => ({ value: s.school_id, label: s.name }))}
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
