import { useMemo } from 'react';
import ReactEChartsCore from 'echarts-for-react/lib/core';
import { PROGRAMS, type StaffSchoolRow } from '../api/stafftraining';
import type { School } from '../api/organisation';
import { vi } from '../locales/vi';
import { schoolShortName } from '../stores/organisation';
import { formatInt } from '../utils/format';
import { CHART_FONT, PALETTE, echarts } from './echarts';

/** Lượt per school, stacked by program. */
export function StaffSchoolChart({ rows, schools }: { rows: StaffSchoolRow[]; schools: School[] }) {
  const option = useMemo(() => {
    const names = rows.map((r) => schoolShortName(schools, r.school_id, r.name));
    const used = PROGRAMS.filter((p) => rows.some((r) => (r.by_program?.[p] ?? 0) > 0));
    return {
      animation: false,
      textStyle: { fontFamily: CHART_FONT },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: unknown) => formatInt(Number(v)) },
      legend: { top: 0, type: 'scroll' },
      grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: names, axisLabel: { interval: 0, rotate: names.length > 6 ? 20 : 0, fontSize: 11 } },
      yAxis: { type: 'value', minInterval: 1, axisLabel: { formatter: (v: number) => formatInt(v) } },
      series: used.map((p, i) => ({
        name: vi.programsShort[p] ?? p,
        type: 'bar',
        stack: 'luot',
        color: PALETTE[i % PALETTE.length],
        data: rows.map((r) => r.by_program?.[p] ?? 0),
      })),
    };
  }, [rows, schools]);
  return (
    <div data-testid="st-chart">
      <ReactEChartsCore echarts={echarts} option={option} notMerge style={{ height: 300, width: '100%' }} />
    </div>
  );
}
