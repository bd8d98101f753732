import { useMemo, useState } from 'react';
import { DatePicker, Input, Select, Space, Switch, Typography } from 'antd';
import dayjs from 'dayjs';
import { vi } from '../locales/vi';
import { useFiltersStore } from '../stores/filters';
import { useOrganisationStore } from '../stores/organisation';
import { parsePeriod, periodChoices, periodLabel, rangePeriod, type ParsedPeriod } from '../utils/period';
import { DATE_FORMAT } from './DateField';

const CUSTOM = 'custom';

/** The period and the school (or the whole cluster) every area shows. */
export function FilterBar() {
  const period = useFiltersStore((s) => s.period);
  const school = useFiltersStore((s) => s.school);
  const setPeriod = useFiltersStore((s) => s.setPeriod);
  const setSchool = useFiltersStore((s) => s.setSchool);
  const schools = useOrganisationStore((s) => s.schools);

  const parsed = parsePeriod(period);
  const isRange = parsed?.kind === 'range';

  const periodOptions = useMemo(() => {
    const groups = periodChoices(new Date().getFullYear()).map((g) => ({
      label: vi.period.yearGroup(g.year),
      title: String(g.year),
      options: g.periods.map((p) => ({ value: p, label: periodLabel(p) })),
    }));
    return [
      ...groups,
      { label: vi.period.customGroup, title: CUSTOM, options: [{ value: CUSTOM, label: vi.period.custom }] },
    ];
  }, []);

  const schoolOptions = useMemo(
    () => [
      { value: '', label: vi.period.wholeCluster },
      ...schools.map((s) => ({ value: s.school_id, label: s.name })),
    ],
    [schools],
  );

  return (
    <Space wrap size="middle" data-testid="filter-bar">
      <Space size={6}>
        <Typography.Text type="secondary">{vi.period.label}</Typography.Text>
        <Select
          data-testid="period-select"
          style={{ width: 230 }}
          value={isRange ? CUSTOM : period}
          options={periodOptions}
          listHeight={360}
          virtual={false}
          onChange={(v: string) => {
            if (v === CUSTOM) {
              // start from the half-year that was chosen
              const from = parsed?.from ?? dayjs().startOf('month').format('YYYY-MM-DD');
              const to = parsed?.to ?? dayjs().format('YYYY-MM-DD');
              setPeriod(rangePeriod(from, to));
            } else {
              setPeriod(v);
            }
          }}
        />
        {isRange && parsed ? (
          <span data-testid="period-range">
            <DatePicker.RangePicker
              format={DATE_FORMAT}
              allowClear={false}
              placeholder={[vi.period.rangeStart, vi.period.rangeEnd]}
              value={[dayjs(parsed.from), dayjs(parsed.to)]}
              onChange={(v) => {
                const [a, b] = v ?? [];
                if (a && b) setPeriod(rangePeriod(a.format('YYYY-MM-DD'), b.format('YYYY-MM-DD')));
              }}
            />
          </span>
        ) : null}
      </Space>
      <Space size={6}>
        <Typography.Text type="secondary">{vi.period.schoolLabel}</Typography.Text>
        <Select
          data-testid="school-select"
          style={{ width: 330 }}
          value={school}
          options={schoolOptions}
          onChange={(v: string) => setSchool(v)}
          showSearch
          optionFilterProp="label"
        />
      </Space>
    </Space>
  );
}

/** What a list of an area keeps: the rows that match the search and, while the switch
 * is on, those of the period. */
export interface ListFilterState {
  onlyPeriod: boolean;
  setOnlyPeriod: (on: boolean) => void;
  setSearch: (text: string) => void;
  /** The period the rows must fall in; null when the switch is off (or the period unknown). */
  range: ParsedPeriod | null;
  /** True when the text contains the search, or there is none. */
  matches: (text: string) => boolean;
}

/** The state of a ListFilter: no search, only the period's rows. */
export function useListFilter(): ListFilterState {
  const period = useFiltersStore((s) => s.period);
  const [onlyPeriod, setOnlyPeriod] = useState(true);
  const [search, setSearch] = useState('');
  const q = search.trim().toLocaleLowerCase('vi');
  return {
    onlyPeriod,
    setOnlyPeriod,
    setSearch,
    range: onlyPeriod ? parsePeriod(period) : null,
    matches: (text) => !q || text.toLocaleLowerCase('vi').includes(q),
  };
}

/** Above a list: a search box and the switch "only the chosen period's" (label). */
export function ListFilter({
  state,
  placeholder,
  label,
  width = 240,
  searchTestId,
  switchTestId,
}: {
  state: ListFilterState;
  placeholder: string;
  label: string;
  width?: number;
  searchTestId?: string;
  switchTestId?: string;
}) {
  return (
    <Space>
      <Input.Search
        allowClear
        placeholder={placeholder}
        onChange={(e) => state.setSearch(e.target.value)}
        style={{ width }}
        data-testid={searchTestId}
      />
      <Space size={6}>
        <Switch size="small" checked={state.onlyPeriod} onChange={state.setOnlyPeriod} data-testid={switchTestId} />
        <Typography.Text>{label}</Typography.Text>
      </Space>
    </Space>
  );
}
