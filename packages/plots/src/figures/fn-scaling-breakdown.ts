import type { TopLevelSpec } from 'vega-lite';
import type { BreakdownData } from '../types.js';
import { plotsMessages } from '../messages.js';
import { CATEGORY_SCALE } from '../style/categories.js';
import { PANEL_HEIGHT, THEME, panelWidth } from '../style/theme.js';
import { BREAKDOWN_LINES, categoryLayout } from './_category-rows.js';
import { VEGA_LITE_SCHEMA } from './_schema.js';
import type { Field, PositionFieldDef } from './_vega-lite.js';

const THREADS_TITLE = 'threads N';
const LINE_DOMAIN = [BREAKDOWN_LINES.speedup, BREAKDOWN_LINES.cpu];

/**
 * `fn-scaling-breakdown` (the RCA's Experiment 3): for each task count (columns) and profiled
 * target and task type (rows), stacked bars of thread time per function category vs thread count,
 * with speedup and CPU cores busy as lines on a second axis.
 */
export function fnScalingBreakdownSpec(data: BreakdownData): TopLevelSpec {
  const layout = categoryLayout(data, true);
  const x: PositionFieldDef<Field> = { field: 'threads', type: 'ordinal', sort: 'ascending', title: THREADS_TITLE, axis: { labelAngle: 0 } };
  const spec: TopLevelSpec = {
    $schema: VEGA_LITE_SCHEMA,
    title: { text: plotsMessages.breakdownTitle, subtitle: plotsMessages.breakdownSubtitle },
    data: { values: layout.rows },
    facet: {
      row: { field: 'row', type: 'nominal', sort: layout.rowLabels, header: { title: null, labelAngle: 0, labelAlign: 'left', labelLimit: 320 } },
      column: { field: 'column', type: 'nominal', sort: layout.columnLabels, header: { title: null } },
    },
    spec: {
      width: panelWidth(layout.columnLabels.length),
      height: PANEL_HEIGHT,
      layer: [
        {
          transform: [{ filter: { field: 'kind', equal: 'category' } }],
          mark: { type: 'bar', stroke: 'white', strokeWidth: 0.5 },
          encoding: {
            x,
            y: { aggregate: 'sum', field: 'seconds', type: 'quantitative', title: 'thread time (s)', stack: 'zero', axis: { format: '~g' } },
            color: { field: 'category', type: 'nominal', title: 'time spent in', scale: CATEGORY_SCALE, legend: { values: layout.categories } },
            order: { field: 'rank', type: 'quantitative', sort: 'ascending' },
          },
        },
        {
          transform: [{ filter: { field: 'kind', equal: 'line' } }],
          encoding: {
            x,
            y: { field: 'value', type: 'quantitative', title: 'speedup, CPU cores busy (×)', axis: { orient: 'right', grid: false } },
            strokeDash: { field: 'series', type: 'nominal', title: 'lines', scale: { domain: LINE_DOMAIN, range: [[1, 0], [5, 3]] }, legend: { symbolType: 'stroke', symbolSize: 300 } },
          },
          layer: [{ mark: { type: 'line', color: '#222222', strokeWidth: 2 } }, { mark: { type: 'point', color: '#222222', filled: true, size: 40 } }],
        },
      ],
      resolve: { scale: { y: 'independent' } },
    },
    resolve: { scale: { y: 'independent' } },
    config: THEME,
  };
  return spec;
}
