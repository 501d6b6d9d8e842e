import { dirname } from 'node:path';
import { ERROR_CODES, PoolscopeError, withHint } from '@poolscope/core';
import { runnerMessages } from '../messages.js';
import { readJsonFile } from './json-syntax.js';
import { RUN_OPTIONS, runOptionName, withRunOption, type RunOption, type RunRequest } from './options.js';

/**
 * The options a config file may set, under their long names without the dashes: those of
 * `poolscope run` that describe the matrix, each with the same meaning and the same values (a
 * list as an array or as `a,b,c`).
 */
const CONFIG_OPTIONS = new Map<string, RunOption<keyof RunRequest>>(
  RUN_OPTIONS.filter((o) => !o.commandLineOnly).map((o) => [runOptionName(o).slice(2), o]),
);

/** The keys `readRunConfig` accepts. */
export const RUN_CONFIG_KEYS = [...CONFIG_OPTIONS.keys()];

/**
 * Reads a run's matrix from a JSON config file: an object whose keys are long options of
 * `poolscope run` (`{"threads": [1, 2, 4], "task-types": "cpu"}`). Unknown keys and bad values are
 * refused (E_USAGE), naming the file and the key. Relative paths in it are relative to the file.
 */
export function readRunConfig(file: string): RunRequest {
  const json = readJsonFile(file, (where, reason) => new PoolscopeError(ERROR_CODES.USAGE, runnerMessages.configNotJson(where, reason), { hint: runnerMessages.configHint }));
  if (json === null || typeof json !== 'object' || Array.isArray(json))
    throw new PoolscopeError(ERROR_CODES.USAGE, runnerMessages.configNotObject(file), { hint: runnerMessages.configHint });
  let request: RunRequest = {};
  for (const [key, value] of Object.entries(json)) {
    const option = CONFIG_OPTIONS.get(key);
    if (!option)
      throw new PoolscopeError(ERROR_CODES.USAGE, runnerMessages.configUnknownKey(file, key, RUN_CONFIG_KEYS), { hint: runnerMessages.configHint });
    // The value's own message names the file and key; say where the values are explained.
    request = withHint(runnerMessages.configValueHint(key), () => withRunOption(request, option, value, runnerMessages.configKey(file, key), dirname(file)));
  }
  return request;
}
