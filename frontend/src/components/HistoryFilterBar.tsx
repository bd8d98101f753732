import { Button, DatePicker, Input, Radio, Select, Space } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import type { Clock, HistoryFilter } from '../api/history';
import { vi } from '../locales/vi';
import { useOrganisationStore } from '../stores/organisation';
import { DATE_FORMAT } from './DateField';

const t = vi.audit.log;

/** The filters of the log and of a history: who recorded, which type, a range of
 * days on either clock (business date or record time), which school. */
export function HistoryFilterBar({
  value,
  onChange,
  testId,
  school = true,
}: {
  value: HistoryFilter;
  onChange: (f: HistoryFilter) => void;
  testId: string;
  school?: boolean;
}) {
  const schools = useOrganisationStore((s) => s.schools);
  // the name is sent when typing stops (Enter or leaving the box), not per key
  const [actor, setActor] = useState(value.actor);
  useEffect(() => setActor(value.actor), [value.actor]);

  const typeOptions = useMemo(
    () =>
      Object.entries(vi.eventTypes)
        .map(([type, label]) => ({ value: type, label }))
        .sort((a, b) => a.label.localeCompare(b.label, 'vi')),
    [],
  );
  const set = (patch: Partial<HistoryFilter>) => onChange({ ...value, ...patch });
  const empty = !value.actor && !value.type && !value.from && !value.to && !value.school;

  return (
    <Space wrap size="small" data-testid={testId}>
      <Input.Search
        allowClear
        style={{ width: 220 }}
        placeholder={t.filterActor}
        value={actor}
        onChange={(e) => setActor(e.target.value)}
        onSearch={(v) => set({ actor: v.trim() })}
        onBlur={() => actor.trim() !== value.actor && set({ actor: actor.trim() })}
        data-testid={`${testId}-actor`}
      />
      <Select
        allowClear
        showSearch
        optionFilterProp="label"
        style={{ width: 250 }}
        placeholder={t.allTypes}
        value={value.type || undefined}
        options={typeOptions}
        virtual={false}
        listHeight={360}
        onChange={(v?: string) => set({ type: v ?? '' })}
        data-testid={`${testId}-type`}
      />
      <Radio.Group
        size="middle"
        value={value.clock || 'occurred'}
        onChange={(e) => set({ clock: e.target.value as Clock })}
        optionType="button"
        options={[
          { value: 'occurred', label: t.clockOccurred },
          { value: 'recorded', label: t.clockRecorded },
        ]}
        data-testid={`${testId}-clock`}
      />
      <span data-testid={`${testId}-dates`}>
        <DatePicker.RangePicker
          format={DATE_FORMAT}
          placeholder={[vi.period.rangeStart, vi.period.rangeEnd]}
          value={[value.from ? dayjs(value.from) : null, value.to ? dayjs(value.to) : null]}
          allowEmpty={[true, true]}
          onChange={(v) =>
            set({ from: v?.[0]?.format('YYYY-MM-DD') ?? '', to: v?.[1]?.format('YYYY-MM-DD') ?? '' })
          }
        />
      </span>
      {school ? (
        <Select
          allowClear
          showSearch
          optionFilterProp="label"
          style={{ width: 280 }}
          placeholder={t.allSchools}
          value={value.school || undefined}
          options={schools.map((s) => ({ value: s.school_id, label: s.name }))}
          onChange={(v?: string) => set({ school: v ?? '' })}
          data-testid={`${testId}-school`}
        />
      ) : null}
      <Button
        disabled={empty}
        onClick={() => onChange({ ...value, actor: '', type: '', from: '', to: '', school: '' })}
        data-testid={`${testId}-clear`}
      >
        {t.clear}
      </Button>
    </Space>
  );
}
