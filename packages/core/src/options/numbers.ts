import { coreMessages } from '../messages.js';
import { readInteger, readNumber, valueParser } from './value-parser.js';

const expected = coreMessages.expectedValue;

/** A positive integer: a count (`--repeats 5`). */
export const parsePositiveInt = valueParser(expected.positiveInt, (value) => readInteger(value, 1));

/** A non-negative integer: a count that may be zero (`--warmup 0`). */
export const parseNonNegativeInt = valueParser(expected.nonNegativeInt, (value) => readInteger(value, 0));

/** A seed of a 32-bit generator: an integer in [0, 2^32). */
export const parseSeed = valueParser(expected.seed, (value) => {
  const n = readInteger(value, 0);
  return n !== undefined && n < 2 ** 32 ? n : undefined;
});

/** A positive, finite number of seconds (`--timeout-s 2.5`). */
export const parseSeconds = valueParser(expected.seconds, (value) => {
  const n = readNumber(value);
  return n !== undefined && n > 0 ? n : undefined;
});

/** A fraction strictly between 0 and 1 (`--plateau-gain 0.1`). */
export const parseFraction = valueParser(expected.fraction, (value) => {
  const n = readNumber(value);
  return n !== undefined && n > 0 && n < 1 ? n : undefined;
});
