import { useMemo } from 'react';
import ReactEChartsCore from 'echarts-for-react/lib/core';
import type { ClassPlanRow } from '../api/classplans';
import type { School } from '../api/organisation';
import { vi } from '../locales/vi';
import { schoolShortName } from '../stores/organisation';
import { formatInt } from '../utils/format';
import { CHART_FONT, echarts } from './echarts';


const TARGET_COLOR = '#bfbfbf';
const EXECUTED_COLOR = '#a8071a';

/** Target vs executed per school, for classes or students, as an ECharts bar chart. */
export function PlanChart({
  rows,
  schools,
  measure,
  testId,
}: {
  rows: ClassPlanRow[];
  schools: School[];
  measure: 'classes' | 'students';
  testId?: string;
}) {
  const option = useMemo(() => {
    const names = rows.map((r) => schoolShortName(schools, r.key, r.name));
    const fmt = (v: unknown) => (typeof v === 'number' ? formatInt(v) : '–');
    return {
      animation: false,
      textStyle: { fontFamily: CHART_FONT },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: fmt },
      legend: { top: 0, data: [vi.overview.seriesTarget, vi.overview.seriesExecuted] },
      grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
      xAxis: {
        type: 'category',
        data: names,
        axisLabel: { interval: 0, rotate: names.length > 6 ? 20 : 0, fontSize: 11 },
      },
      yAxis: { type: 'value', minInterval: 1, axisLabel: { formatter: (v: number) => formatInt(v) } },
      series: [
        {
          name: vi.overview.seriesTarget,
          type: 'bar',
          color: TARGET_COLOR,
          data: rows.map((r) => r.target?.[measure] ?? 0),
          barGap: '10%',
        },
        {
          name: vi.overview.seriesExecuted,
          type: 'bar',
          color: EXECUTED_COLOR,
          data: rows.map((r) => r.executed[measure]),
          label: { show: rows.length <= 10, position: 'top', fontSize: 10, formatter: (p: { value: number }) => formatInt(p.value) },
        },
      ],
    };
  }, [rows, schools, measure]);

  return (
    <div data-testid={testId}>
      <ReactEChartsCore echarts={echarts} option={option} notMerge style={{ height: 300, width: '100%' }} />
    </div>
  );
}
