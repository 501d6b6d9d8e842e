import { FUNCTION_CATEGORIES, type FunctionCategory } from '@poolscope/core';
import { CATEGORY_COLORS } from './palette.js';

/** What each function category means, as a legend says it (the RCA's call-stack groups). */
export const CATEGORY_LABELS: Readonly<Record<FunctionCategory, string>> = {
  task: 'task body',
  result: 'result iteration',
  lock: 'lock acquire / wait',
  dispatch: 'dispatch (submit, queue)',
  // Not "idle worker": the main thread and event loops idle too.
  idle: 'idle',
  other: 'other',
};

/** The category legend, in the fixed category order: labels and their colours. */
export const CATEGORY_SCALE = {
  domain: FUNCTION_CATEGORIES.map((c) => CATEGORY_LABELS[c]),
  range: FUNCTION_CATEGORIES.map((c) => CATEGORY_COLORS[c]),
};
