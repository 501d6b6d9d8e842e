import type { CategoryRule } from '../profile/categories.js';
import { canonical } from './canonical.js';
import type { RunOption, TaskSizeRequest } from './options.js';
import type { RunPlan } from './run-plan.js';

/** How a run option given with `--resume` is checked against the plan (see `RunOption.fixedByPlan`). */
export type PlanCheck<T> = NonNullable<RunOption<string, T>['fixedByPlan']>;

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
