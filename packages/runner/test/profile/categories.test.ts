import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES, FUNCTION_CATEGORIES } from '@poolscope/core';
import { DEFAULT_CATEGORY_RULES, categorize, parseCategoryRules, readCategoryRules } from '../../src/profile/categories.js';
import { runnerMessages } from '../../src/messages.js';

describe('categorize with the default rules', () => {
  it.each([
    // Python, as the harness names them (see poolscope_harness/functions.py, describe_key), and as
    // profile.csv files written before the harness became a package name them.
    ['cpu_task', 'poolscope_harness/tasks.py', 'task'],
    ['io_task', 'poolscope_harness/tasks.py', 'task'],
    ['cpu_task', 'poolscope_harness.py', 'task'],
    ['io_task', 'poolscope_harness.py', 'task'],
    ['result_iterator', 'concurrent/futures/_base.py', 'result'],
    ['_result_or_cancel', 'concurrent/futures/_base.py', 'result'],
    ['result', 'concurrent/futures/_base.py', 'result'],
    ['wait', 'threading.py', 'lock'],
    ['__enter__', 'threading.py', 'lock'],
    ['submit', 'concurrent/futures/thread.py', 'dispatch'],
    ['_worker', 'concurrent/futures/thread.py', 'dispatch'],
    ['run', 'concurrent/futures/thread.py', 'dispatch'],
    ['map', 'concurrent/futures/_base.py', 'dispatch'],
    ['_bootstrap_inner', 'threading.py', 'dispatch'],
    ['run_pool', 'poolscope_harness/cell.py', 'other'],
    ['run_pool', 'poolscope_harness.py', 'other'],
    // Node, as V8 names them.
    ['cpuTask', '/app/dist/tasks/cpu-task.js', 'task'],
    ['ioTaskBlocking', '/app/dist/tasks/io-task.js', 'task'],
    ['atomicsWaitLoop', '/app/node_modules/piscina/dist/worker.js', 'lock'],
    ['onMessage', '/app/node_modules/piscina/dist/worker.js', 'dispatch'],
    ['(idle)', '', 'idle'],
    ['(garbage collector)', '', 'other'],
    ['processTicksAndRejections', 'node:internal/process/task_queues', 'result'],
    ['postMessage', '', 'dispatch'],
    // Node, as the Node targets' profiles show them (shortUrl: dependencies from their package on).
    ['postTask', 'piscina/dist/worker_pool/index.js', 'dispatch'],
    ['_distributeTask', 'piscina/dist/index.js', 'dispatch'],
    ['_handleResponse', 'piscina/dist/worker_pool/index.js', 'result'],
    ['done', 'piscina/dist/task_queue/index.js', 'result'],
    ['enqueueMicrotask', '', 'result'],
    ['(anonymous)', 'node:internal/process/task_queues', 'result'],
    ['(anonymous)', 'node:internal/per_context/messageport', 'dispatch'],
    ['receiveMessageOnPort', 'node:internal/worker/io', 'dispatch'],
    ['handle', '@poolscope/runner/dist/targets/_worker.js', 'dispatch'],
    ['lane', '@poolscope/runner/dist/tasks/event-loop.js', 'dispatch'],
    ['sumOfSquaresInt32', '@poolscope/runner/dist/tasks/cpu-task.js', 'task'],
    ['processTimers', 'node:internal/timers', 'task'],
    ['(program)', '', 'other'],
    ['withTimeout', '@poolscope/runner/dist/targets/_timeout.js', 'result'],
    ['(anonymous)', 'node:internal/event_target', 'dispatch'],
  ] as const)('%s in %s is %s', (name, file, category) => {
    expect(categorize({ name, file })).toBe(category);
  });

  it('does not take a task name from another file for the task', () => {
    expect(categorize({ name: 'cpu_task', file: 'my_module.py' })).toBe('other');
  });

  it('gives a native call named from the source its own rule, else its caller’s category', () => {
    expect(categorize({ name: 'acquire', file: 'threading.py', caller: { name: 'wait', file: 'threading.py' } })).toBe('lock');
    expect(categorize({ name: 'get', file: 'concurrent/futures/thread.py', caller: { name: '_worker', file: 'concurrent/futures/thread.py' } })).toBe('dispatch');
    expect(categorize({ name: 'sleep', file: 'poolscope_harness.py', caller: { name: 'io_task', file: 'poolscope_harness.py' } })).toBe('task');
    expect(categorize({ name: 'hasattr', file: 'threading.py', caller: { name: 'run_pool', file: 'poolscope_harness.py' } })).toBe('other');
  });

  it('only uses categories the profile schema knows', () => {
    for (const rule of DEFAULT_CATEGORY_RULES) expect(FUNCTION_CATEGORIES).toContain(rule.category);
  });
});

describe('user rules', () => {
  it('come first and win', () => {
    const rules = [...parseCategoryRules([{ category: 'task', names: ['crunch'] }, { category: 'idle', names: ['wait'], file: 'threading.py' }], 'c.json'), ...DEFAULT_CATEGORY_RULES];
    expect(categorize({ name: 'crunch', file: 'mine.py' }, rules)).toBe('task');
    expect(categorize({ name: 'wait', file: 'threading.py' }, rules)).toBe('idle');
    expect(categorize({ name: 'acquire', file: 'threading.py' }, rules)).toBe('lock');
  });

  it('may name a file alone, for every function in it', () => {
    const rules = [...parseCategoryRules([{ category: 'task', file: 'my_lib/' }], 'c.json'), ...DEFAULT_CATEGORY_RULES];
    expect(categorize({ name: 'crunch', file: 'my_lib/core.py' }, rules)).toBe('task');
    expect(categorize({ name: 'crunch', file: 'other.py' }, rules)).toBe('other');
  });

  it('are read from a JSON file, which is named when it is wrong', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'poolscope-rules-'));
    const good = path.join(dir, 'rules.json');
    writeFileSync(good, JSON.stringify([{ category: 'lock', names: ['spin'] }]));
    expect(readCategoryRules(good)).toEqual([{ category: 'lock', names: ['spin'] }]);
    const notJson = path.join(dir, 'bad.json');
    writeFileSync(notJson, '[{');
    expect(() => readCategoryRules(notJson)).toThrow(expect.objectContaining({ code: ERROR_CODES.BAD_DATA, message: expect.stringMatching(/^.*bad\.json:1:\d+: invalid category rules: /) }));
    const empty = path.join(dir, 'empty.json');
    writeFileSync(empty, '[{"category": "task"}]');
    expect(() => readCategoryRules(empty)).toThrow(/\[0\] a rule needs names, a file, or both/);
    expect(() => readCategoryRules(path.join(dir, 'missing.json'))).toThrow(expect.objectContaining({ code: ERROR_CODES.NOT_FOUND }));
  });

  it('are checked, and a bad one is named', () => {
    const bad = [{ category: 'task', names: ['ok'] }, { category: 'slow', names: [] }];
    expect(() => parseCategoryRules(bad, 'config.json')).toThrow(expect.objectContaining({ code: ERROR_CODES.BAD_DATA, hint: runnerMessages.badCategoryRulesHint }));
    expect(() => parseCategoryRules(bad, 'config.json')).toThrow(/^config\.json: invalid category rules: \[1\.category\] .*; \[1\.names\] /);
    expect(() => parseCategoryRules({ category: 'task' }, 'c.json')).toThrow(/invalid category rules/);
    expect(() => parseCategoryRules([{ category: 'task', names: ['x'], files: 'typo' }], 'c.json')).toThrow(/files/);
  });
});
