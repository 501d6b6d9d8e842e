import { dirname, resolve } from 'node:path';
import {
  ERROR_CODES,
  PoolscopeError,
  choiceParser,
  parseBoolean,
  parseNameList,
  parseNonNegativeInt,
  parsePositiveInt,
  parsePositiveIntList,
  parseSeconds,
  parseSeed,
} from '@poolscope/core';
import { runnerMessages } from '../messages.js';
import { readJsonFile } from './json-syntax.js';
import { parseCategoryRules, readCategoryRules } from '../profile/categories.js';
import { PYTHON_PROFILERS } from '../targets/target.js';
import { REPETITION_ORDERS } from './schedule.js';
import { parseRunId, parseTaskSizes, parseTaskTypes, type RunRequest } from './options.js';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * The keys a config file may hold: the long options of `poolscope run` that describe the matrix,
 * each with the same meaning and the same values (a list as an array or as `a,b,c`).
 */
const CONFIG_KEYS: Record<string, (value: unknown, where: string, into: Mutable<RunRequest>, file: string) => void> = {
  targets: (v, w, r) => void (r.targets = parseNameList(v, w)),
  'task-types': (v, w, r) => void (r.taskTypes = parseTaskTypes(v, w)),
  tasks: (v, w, r) => void (r.tasks = parsePositiveIntList(v, w)),
  threads: (v, w, r) => void (r.threads = parsePositiveIntList(v, w)),
  repeats: (v, w, r) => void (r.repeats = parsePositiveInt(v, w)),
  warmup: (v, w, r) => void (r.warmup = parseNonNegativeInt(v, w)),
  'task-us': (v, w, r) => void (r.taskUs = parseTaskSizes(v, w)),
  'task-work': (v, w, r) => void (r.taskWork = parseTaskSizes(v, w)),
  seed: (v, w, r) => void (r.seed = parseSeed(v, w)),
  'timeout-s': (v, w, r) => void (r.timeoutS = parseSeconds(v, w)),
  'run-id': (v, w, r) => void (r.runId = parseRunId(v, w)),
  order: (v, w, r) => void (r.order = choiceParser(REPETITION_ORDERS)(v, w)),
  profile: (v, w, r) => void (r.profile = parseBoolean(v, w)),
  profiler: (v, w, r) => void (r.profiler = choiceParser(PYTHON_PROFILERS)(v, w)),
  'profile-interval-us': (v, w, r) => void (r.profileIntervalUs = parsePositiveInt(v, w)),
  // A file of rules, relative to the config file, or the rules themselves.
  categories: (v, w, r, file) =>
    void (r.categoryRules = typeof v === 'string' ? readCategoryRules(resolve(dirname(file), v)) : parseCategoryRules(v, w)),
};

/** The keys `readRunConfig` accepts. */
export const RUN_CONFIG_KEYS = Object.keys(CONFIG_KEYS);

/**
 * Reads a run's matrix from a JSON config file: an object whose keys are long options of
 * `poolscope run` (`{"threads": [1, 2, 4], "task-types": "cpu"}`). Unknown keys and bad values are
 * refused (E_USAGE), naming the file and the key.
 */
export function readRunConfig(file: string): RunRequest {
  const json = readJsonFile(file, (where, reason) => new PoolscopeError(ERROR_CODES.USAGE, runnerMessages.configNotJson(where, reason), { hint: runnerMessages.configHint }));
  if (json === null || typeof json !== 'object' || Array.isArray(json))
    throw new PoolscopeError(ERROR_CODES.USAGE, runnerMessages.configNotObject(file), { hint: runnerMessages.configHint });
  const request: Mutable<RunRequest> = {};
  for (const [key, value] of Object.entries(json)) {
    const apply = Object.hasOwn(CONFIG_KEYS, key) ? CONFIG_KEYS[key] : undefined;
    if (!apply) throw new PoolscopeError(ERROR_CODES.USAGE, runnerMessages.configUnknownKey(file, key, RUN_CONFIG_KEYS), { hint: runnerMessages.configHint });
    try {
      apply(value, runnerMessages.configKey(file, key), request, file);
    } catch (error) {
      // The value's own message names the file and key; say where the values are explained.
      if (error instanceof PoolscopeError && error.hint === undefined)
        throw new PoolscopeError(error.code, error.message, { hint: runnerMessages.configValueHint(key), cause: error.cause });
      throw error;
    }
  }
  return request;
}
