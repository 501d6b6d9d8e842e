import { describe, expect, it } from 'vitest';
import { runnerMessages } from '../../src/messages.js';
import { faultFor, parseInjectedFaults, triggerFault } from '../../src/targets/faults.js';

const cell = { task_type: 'cpu', task_work: 10, num_tasks: 5, num_threads: 2 } as const;

describe('faultFor', () => {
  it('matches on target and on every cell field given', () => {
    const faults = [
      { kind: 'throw', task: 1, target: 'node-main' },
      { kind: 'hang', task: 2, cells: { num_threads: 4 } },
      { kind: 'crash', task: 3, cells: { task_type: 'cpu', num_threads: 2 } },
    ] as const;
    expect(faultFor(faults, 'node-main', cell)?.kind).toBe('throw');
    expect(faultFor(faults, 'node-pool', cell)?.kind).toBe('crash');
    expect(faultFor(faults, 'node-pool', { ...cell, num_threads: 4 })?.kind).toBe('hang');
    expect(faultFor(faults, 'node-pool', { ...cell, num_threads: 8 })).toBeUndefined();
  });

  it('skips a fault whose task index the cell never reaches', () => {
    expect(faultFor([{ kind: 'throw', task: 5 }], 'node-pool', cell)).toBeUndefined();
  });
});

describe('triggerFault', () => {
  it('throws for a throw fault', () => {
    expect(() => triggerFault('throw', 4)).toThrow('injected fault: task 4 threw');
  });
});

describe('parseInjectedFaults', () => {
  it('reads a JSON list of faults', () => {
    expect(parseInjectedFaults('[{"kind":"crash","task":0,"cells":{"num_threads":2}}]', 'X')).toEqual([
      { kind: 'crash', task: 0, cells: { num_threads: 2 } },
    ]);
  });

  it('refuses anything else, naming the source', () => {
    expect(() => parseInjectedFaults('[{"kind":"explode","task":0}]', 'X')).toThrow(runnerMessages.badFaults('X', runnerMessages.faultsShape));
    expect(() => parseInjectedFaults('{', 'X')).toThrow(/^X: not a list of faults to inject: /);
  });
});
