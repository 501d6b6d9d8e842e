import type { TopLevelSpec } from 'vega-lite';
import { TASK_TYPES } from '@poolscope/core';
import type { ScalingData } from '../types.js';
import type { TargetPalette } from '../style/palette.js';
import { plotsMessages } from '../messages.js';
import { scalingSpec } from './_scaling-spec.js';

export interface GilImpactOptions {
  /** Colours per target; default `targetPalette` of the targets in `data` (a fixed colour per known target name). Pass one palette to every figure of a run. */
  readonly palette?: TargetPalette;
}

/**
 * `gil-impact` (the RCA's Experiment 2): speedup vs thread count as a grid, rows cpu-bound and
 * io-bound tasks (those present), columns task counts, targets as coloured lines.
 */
export function gilImpactSpec(data: ScalingData, options: GilImpactOptions = {}): TopLevelSpec {
  const taskTypes = TASK_TYPES.filter((t) => data.points.some((p) => p.task_type === t));
  return scalingSpec({
    title: plotsMessages.gilImpactTitle,
    subtitle: plotsMessages.gilImpactSubtitle,
    data,
    taskTypes,
    rowsByTaskType: true,
    palette: options.palette,
  });
}
