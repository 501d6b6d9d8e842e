import type { TopLevelSpec } from 'vega-lite';
import { TASK_TYPES, type TaskType } from '@poolscope/core';
import type { ScalingData } from '../types.js';
import type { TargetPalette } from '../style/palette.js';
import { taskTypeLabel } from '../style/labels.js';
import { plotsMessages } from '../messages.js';
import { scalingSpec } from './_scaling-spec.js';

export interface ThreadScalingOptions {
  /** The task type drawn; default `cpu` when the data has cpu rows (the RCA's Experiment 1), else the first present. */
  readonly taskType?: TaskType;
  /** Colours per target; default `targetPalette` of the targets in `data` (a fixed colour per known target name). Pass one palette to every figure of a run. */
  readonly palette?: TargetPalette;
}

/** The task type Experiment 1 draws when none is asked for. */
export function defaultTaskType(data: ScalingData): TaskType | undefined {
  return TASK_TYPES.find((t) => data.points.some((p) => p.task_type === t));
}

/**
 * `thread-scaling` (the RCA's Experiment 1): speedup vs thread count, one panel per task count,
 * one coloured line per target with 95% CI bars, the ideal S = N dashed, the fitted USL curve
 * faint and each target's plateau threshold marked.
 */
export function threadScalingSpec(data: ScalingData, options: ThreadScalingOptions = {}): TopLevelSpec {
  const taskType = options.taskType ?? defaultTaskType(data) ?? 'cpu';
  return scalingSpec({
    title: plotsMessages.threadScalingTitle(taskTypeLabel(taskType)),
    subtitle: plotsMessages.threadScalingSubtitle,
    data,
    taskTypes: [taskType],
    rowsByTaskType: false,
    palette: options.palette,
  });
}
