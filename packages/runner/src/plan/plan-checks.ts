import type { TaskType } from '@poolscope/core';
import type { CategoryRule } from '../profile/categories.js';
import { canonical } from './canonical.js';
import type { RunPlan, TaskSizeRequest } from './plan-file.js';

/** The part of a `RunRequest` that options checked together read (`RunRequest` is made from the option table). */
export interface PlanRequest {
  readonly taskUs?: Partial<Record<TaskType, number>>;
  readonly taskWork?: Partial<Record<TaskType, number>>;
}

/**
 * How a run option given with `--resume` is checked against the plan (see `RunOption.fixedByPlan`):
 * the given and the planned value as the user would write them when they disagree, else undefined.
 * `request` is the whole request, for options checked together.
 */
export type PlanCheck<T> = (given: T, plan: RunPlan, request: PlanRequest) => readonly [given: string, planned: string] | undefined;

/** A list that must hold the same items as the plan's, in any order. */
export function sameSet<T>(planned: (plan: RunPlan) => readonly T[]): PlanCheck<readonly T[]> {
  return (given, plan) => {
    const p = planned(plan);
    return canonical([...given].sort()) === canonical([...p].sort()) ? undefined : [given.join(','), p.join(',')];
  };
}

/** A value that must be the plan's. */
export function sameValue<T extends string | number>(planned: (plan: RunPlan) => T | undefined): PlanCheck<T> {
  return (given, plan) => {
    const p = planned(plan);
    return given === p ? undefined : [String(given), String(p)];
  };
}

/** A value that must be the plan's, compared as JSON and shown by `show`. */
export function sameJson<T>(planned: (plan: RunPlan) => T, show: (value: T) => string): PlanCheck<T> {
  return (given, plan) => {
    const p = planned(plan);
    return canonical(given) === canonical(p) ? undefined : [show(given), show(p)];
  };
}

/** Task sizes as `cpu: 200 us, io: 1000 work`. */
export const taskSizesText = (sizes: Record<string, TaskSizeRequest>) =>
  Object.entries(sizes)
    .map(([type, s]) => ('task_us' in s ? `${type}: ${s.task_us} us` : `${type}: ${s.task_work} work`))
    .join(', ');

/** Category rules as `2 rules`. */
export const rulesText = (rules: readonly CategoryRule[]) => `${rules.length} ${rules.length === 1 ? 'rule' : 'rules'}`;

/** Whether profiling is on, as `on` or `off`. */
export const onOff = (on: boolean) => (on ? 'on' : 'off');
