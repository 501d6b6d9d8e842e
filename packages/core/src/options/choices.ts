import { coreMessages } from '../messages.js';
import { valueParser, type ValueParser } from './value-parser.js';

/**
 * The parser of one of `choices` (`--order rounds`); `what` says what it must be, by default
 * "one of rounds, cells".
 */
export function choiceParser<T extends string>(choices: readonly T[], what = coreMessages.expectedValue.oneOf(choices)): ValueParser<T> {
  return valueParser(what, (value) => (typeof value === 'string' && (choices as readonly string[]).includes(value) ? (value as T) : undefined));
}

/** true or false, as JSON gives them (a config file). */
export const parseBoolean = valueParser(coreMessages.expectedValue.boolean, (value) => (typeof value === 'boolean' ? value : undefined));
