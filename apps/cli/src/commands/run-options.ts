import { Option } from 'commander';
import { RUN_OPTIONS, runOptionName, withRunOption, type RunOption, type RunRequest } from '@poolscope/runner';
import { runCliMessages as m } from './run-messages.js';

/** The run options `runCliMessages.runHelpAfter` says more about, by key. */
const EXPLAINED_AFTER: ReadonlySet<keyof RunRequest> = new Set(['shard', 'categoryRules']);

/** How a command shows a run option in its help, where it differs from `poolscope run`. */
export interface RunOptionHelp {
  /** What it does; default: the table's `help`. */
  readonly help?: string;
  /** The default named; default: the table's default value, or its `defaultHelp`. */
  readonly byDefault?: string;
}

/** A value as the command line takes it: lists as `a,b`, sizes per task type as `cpu=200,io=1000`. */
function shownValue(value: unknown): string {
  if (Array.isArray(value)) return value.join(',');
  if (value !== null && typeof value === 'object')
    return Object.entries(value)
      .map(([key, v]) => `${key}=${String(v)}`)
      .join(',');
  return String(value);
}

/** The commander option of a run option; `more` says where more is said about the options the run's help explains after them. */
export function commanderOption(option: RunOption<keyof RunRequest>, more: string, shown: RunOptionHelp = {}): Option {
  const byDefault = shown.byDefault ?? (option.default !== undefined ? shownValue(option.default) : option.defaultHelp);
  return new Option(option.flag, m.optionHelp(shown.help ?? option.help, byDefault, EXPLAINED_AFTER.has(option.key) ? more : undefined));
}

/** `--config`: the run options from a JSON file, under their long names. */
export const configOption = () => new Option('--config <file>', m.configOption);

/** The name commander gives an option's value in the parsed flags (`--task-types` -> `taskTypes`). */
const attributeName = (option: RunOption) => new Option(option.flag).attributeName();

/** The options as commander hands them over, by attribute name: text (true for a bare flag), present only when given. */
export type RunFlags = Readonly<Record<string, unknown>>;

/** The run options in `flags` read into `request`, each named by its flag in errors; paths are relative to `cwd`. */
export function runRequestOf(flags: RunFlags, request: RunRequest, cwd: string): RunRequest {
  for (const option of RUN_OPTIONS) {
    const value = flags[attributeName(option)];
    if (value !== undefined) request = withRunOption(request, option, value, runOptionName(option), cwd);
  }
  return request;
}
