import type { TaskType } from '@poolscope/core';
import type { Crossover, CrossoverStep, TimingGroup } from './summary.js';
import { analysisMessages } from '../messages.js';

/** Default margin by which the best thread count must beat one thread (issue #5: 5%). */
export const DEFAULT_CROSSOVER_GAIN = 0.05;

/**
 * The crossover of one (target, task_type): the task count from which the best measured thread
 * count beats the baseline (one thread) by at least `gain`, i.e. best speedup >= 1 + gain at that
 * task count and every larger one measured. Between the last task count that fails and the first
 * that passes, the crossing is interpolated linearly in log(task count) on best speedup - (1 + gain).
 */
export function findCrossover(target: string, taskType: TaskType, groups: readonly TimingGroup[], gain = DEFAULT_CROSSOVER_GAIN): Crossover {
  const base = { target, task_type: taskType, gain };
  const steps: CrossoverStep[] = [...groups]
    .sort((a, b) => a.key.num_tasks - b.key.num_tasks)
    .filter((g) => g.points.length > 1)
    .map((g) => {
      const best = g.points.reduce((a, b) => (b.speedup > a.speedup ? b : a));
      return { num_tasks: g.key.num_tasks, best_threads: best.x, best_speedup: best.speedup, beats: best.speedup >= 1 + gain };
    });
  if (steps.length === 0) return { ...base, steps, status: 'insufficient', reason: analysisMessages.insufficientPoints(1, 2, 'thread count') };
  let from = steps.length;
  while (from > 0 && steps[from - 1]!.beats) from--;
  if (from === steps.length) return { ...base, steps, status: 'none' };
  if (from === 0) return { ...base, steps, status: 'below-range', num_tasks: steps[0]!.num_tasks };
  const a = steps[from - 1]!;
  const b = steps[from]!;
  const ga = a.best_speedup - (1 + gain);
  const gb = b.best_speedup - (1 + gain);
  const t = ga / (ga - gb);
  const at = Math.exp(Math.log(a.num_tasks) + t * (Math.log(b.num_tasks) - Math.log(a.num_tasks)));
  return { ...base, steps, status: 'found', num_tasks: at, between: [a.num_tasks, b.num_tasks] };
}
