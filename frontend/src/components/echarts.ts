// ECharts, with only what socai draws (bar charts, SVG), registered once.

import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

export { echarts };

export const CHART_FONT = "'Segoe UI', 'Noto Sans', 'DejaVu Sans', Arial, sans-serif";

/** Colours of a series of categories (programs, levels …), the app's red first. */
export const PALETTE = ['#a8071a', '#d4380d', '#d48806', '#7cb305', '#08979c', '#1d39c4', '#722ed1', '#8c8c8c'];
