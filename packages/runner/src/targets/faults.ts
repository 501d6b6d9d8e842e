import { ERROR_CODES, PoolscopeError } from '@poolscope/core';
import { runnerMessages } from '../messages.js';
import type { CellSpec } from './target.js';

/** The ways an injected fault makes a task fail. */
export const FAULT_KINDS = ['throw', 'hang', 'crash'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

/**
 * A failure to inject into a target, to test that failures become rows and the run goes on:
 * `throw` (the task throws or raises), `hang` (the task never returns), `crash` (the Node worker
 * thread exits; the Python harness process dies in `os._exit`).
 */
export interface InjectedFault {
  readonly kind: FaultKind;
  /** The index of the task that fails (as passed by `executor.map(task, range(num_tasks))`). */
  readonly task: number;
  /** The target it applies to; default every target. */
  readonly target?: string;
  /** The cells it applies to (every field given must match); default every cell. */
  readonly cells?: Partial<CellSpec>;
}

/** The fault to inject into a repetition of `cell` on `target`, if any. */
export function faultFor(faults: readonly InjectedFault[], target: string, cell: CellSpec): InjectedFault | undefined {
  return faults.find(
    (f) =>
      (f.target === undefined || f.target === target) &&
      Object.entries(f.cells ?? {}).every(([key, value]) => cell[key as keyof CellSpec] === value) &&
      f.task < cell.num_tasks,
  );
}

/** Makes the current task fail as `kind` says. Runs inside a Node worker thread (the Python harness has its own). */
export function triggerFault(kind: FaultKind, index: number): number {
  if (kind === 'crash') process.exit(70);
  if (kind === 'throw') throw new Error(`injected fault: task ${index} threw`);
  let spin = 0;
  for (;;) spin = (spin + 1) >>> 0;
}

const CELL_FIELDS = ['task_type', 'task_work', 'num_tasks', 'num_threads'];

/**
 * Reads faults to inject from JSON text (an array of `InjectedFault`), as the CLI takes them from
 * `POOLSCOPE_INJECT_FAULTS` for end-to-end tests of failure handling; `where` names the source.
 */
export function parseInjectedFaults(text: string, where: string): InjectedFault[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new PoolscopeError(ERROR_CODES.USAGE, runnerMessages.badFaults(where, (error as Error).message));
  }
  const valid = (f: unknown): f is InjectedFault => {
    if (f === null || typeof f !== 'object') return false;
    const { kind, task, target, cells } = f as Record<string, unknown>;
    return (
      (FAULT_KINDS as readonly unknown[]).includes(kind) &&
      Number.isSafeInteger(task) &&
      (task as number) >= 0 &&
      (target === undefined || typeof target === 'string') &&
      (cells === undefined || (cells !== null && typeof cells === 'object' && Object.keys(cells).every((k) => CELL_FIELDS.includes(k))))
    );
  };
  if (!Array.isArray(json) || !json.every(valid)) throw new PoolscopeError(ERROR_CODES.USAGE, runnerMessages.badFaults(where, runnerMessages.faultsShape));
  return json;
}
