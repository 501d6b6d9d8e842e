import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { coreMessages } from '@poolscope/core';
import { readRunConfig, RUN_CONFIG_KEYS } from '../../src/plan/config.js';
import { runnerMessages } from '../../src/messages.js';

const dir = mkdtempSync(join(tmpdir(), 'poolscope-config-'));
const config = (name: string, text: string) => {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
};

describe('readRunConfig', () => {
  it('reads the matrix under the long option names, lists as arrays or text', () => {
    const file = config('ok.json', JSON.stringify({ targets: 'node-pool', 'task-types': ['io'], tasks: [100, 10], threads: '1,2', repeats: 3, warmup: 0, 'task-us': { io: 500 }, seed: 7, 'timeout-s': 9.5 }));
    expect(readRunConfig(file)).toEqual({ targets: ['node-pool'], taskTypes: ['io'], tasks: [10, 100], threads: [1, 2], repeats: 3, warmup: 0, taskUs: { io: 500 }, seed: 7, timeoutS: 9.5 });
  });

  it('reads the order and the profile settings, category rules inline or from a file beside it', () => {
    config('rules.json', JSON.stringify([{ category: 'lock', names: ['spin'] }]));
    const fromFile = config('profiled.json', JSON.stringify({ order: 'cells', profile: true, profiler: 'cprofile', 'profile-interval-us': 250, categories: 'rules.json' }));
    expect(readRunConfig(fromFile)).toEqual({ order: 'cells', profile: true, profiler: 'cprofile', profileIntervalUs: 250, categoryRules: [{ category: 'lock', names: ['spin'] }] });
    const inline = config('inline.json', JSON.stringify({ profile: true, categories: [{ category: 'task', file: 'mylib/' }] }));
    expect(readRunConfig(inline).categoryRules).toEqual([{ category: 'task', file: 'mylib/' }]);
    const bad = config('bad-profile.json', '{"profile": "yes"}');
    expect(() => readRunConfig(bad)).toThrow(coreMessages.badOption(runnerMessages.configKey(bad, 'profile'), 'true or false', 'yes'));
  });

  it('names the key and the file for a bad value', () => {
    const file = config('bad.json', '{"threads": [0, 2]}');
    expect(() => readRunConfig(file)).toThrow(coreMessages.badOption(runnerMessages.configKey(file, 'threads'), 'a list of positive integers', '[0,2]'));
  });

  it('refuses unknown keys, listing the valid ones', () => {
    const file = config('unknown.json', '{"thread": [1]}');
    expect(() => readRunConfig(file)).toThrow(runnerMessages.configUnknownKey(file, 'thread', RUN_CONFIG_KEYS));
    expect(() => readRunConfig(config('proto.json', '{"toString": 1}'))).toThrow(/unknown key 'toString'/);
  });

  it('refuses text that is not one JSON object', () => {
    expect(() => readRunConfig(config('syntax.json', '{"threads": [1,'))).toThrow(/not valid JSON/);
    const list = config('list.json', '[1]');
    expect(() => readRunConfig(list)).toThrow(runnerMessages.configNotObject(list));
  });

  it('says so when the file does not exist', () => {
    expect(() => readRunConfig(join(dir, 'missing.json'))).toThrow(/no such file/);
  });
});
