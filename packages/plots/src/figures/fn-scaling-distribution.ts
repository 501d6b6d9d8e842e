import type { TopLevelSpec } from 'vega-lite';
import type { BreakdownData } from '../types.js';
import { plotsMessages } from '../messages.js';
import { CATEGORY_SCALE } from '../style/categories.js';
import { PANEL_HEIGHT, THEME, panelWidth } from '../style/theme.js';
import { categoryLayout } from './_category-rows.js';
import { VEGA_LITE_SCHEMA } from './_schema.js';

/**
 * `fn-scaling-distribution` (the RCA's Experiment 3): the share of thread time per function
 * category (100% stacked) vs thread count, one panel per task count and profiled target and task type.
 */
export function fnScalingDistributionSpec(data: Pick<BreakdownData, 'categories'>): TopLevelSpec {
  const layout = categoryLayout({ categories: data.categories, points: [] }, false);
  const spec: TopLevelSpec = {
    $schema: VEGA_LITE_SCHEMA,
    title: { text: plotsMessages.distributionTitle, subtitle: plotsMessages.distributionSubtitle },
    data: { values: layout.rows },
    facet: {
      row: { field: 'row', type: 'nominal', sort: layout.rowLabels, header: { title: null, labelAngle: 0, labelAlign: 'left', labelLimit: 320 } },
      column: { field: 'column', type: 'nominal', sort: layout.columnLabels, header: { title: null } },
    },
    spec: {
      width: panelWidth(layout.columnLabels.length),
      height: PANEL_HEIGHT,
      mark: { type: 'bar', stroke: 'white', strokeWidth: 0.5 },
      encoding: {
        x: { field: 'threads', type: 'ordinal', sort: 'ascending', title: 'threads N', axis: { labelAngle: 0 } },
        y: { aggregate: 'sum', field: 'seconds', type: 'quantitative', title: 'share of thread time (%)', stack: 'normalize', axis: { format: '.0%' } },
        color: { field: 'category', type: 'nominal', title: 'time spent in', scale: CATEGORY_SCALE, legend: { values: layout.categories } },
        order: { field: 'rank', type: 'quantitative', sort: 'ascending' },
      },
    },
    config: THEME,
  };
  return spec;
}
