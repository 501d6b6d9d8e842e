import { z } from 'zod';

/**
 * How one CSV column is read and written: `decode` turns the cell's text into a value (or `INVALID`),
 * `encode` does the reverse, and `zod` checks a value built in memory. `expected` completes the
 * sentence "expected ..., got 'x'" in error messages.
 */
export interface CellKind<T> {
  readonly expected: string;
  readonly zod: z.ZodType<T>;
  decode(text: string): T | typeof INVALID;
  encode(value: T): string;
}

/** Returned by `decode` when a cell's text is not a value of its kind. */
export const INVALID: unique symbol = Symbol('invalid cell');

const DIGITS = /^\d+$/;
// ISO 8601 date-time with a zone, as Date.prototype.toISOString writes it (other offsets accepted).
const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

/** Up to this many digits a decimal integer is below 2^53, so summing digits is exact. */
const EXACT_DIGITS = 15;

/**
 * The value of a decimal integer text (ASCII digits only, as /^\d+$/), or INVALID. Large files hold
 * millions of integer cells: a loop over char codes is several times faster than a regex test and
 * Number(); texts longer than 15 digits take that slower, general route.
 */
export function decodeInteger(text: string, min: number): number | typeof INVALID {
  const length = text.length;
  if (length > EXACT_DIGITS) {
    if (!DIGITS.test(text)) return INVALID;
    const value = Number(text);
    return Number.isSafeInteger(value) && value >= min ? value : INVALID;
  }
  if (length === 0) return INVALID;
  let value = 0;
  for (let i = 0; i < length; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return INVALID;
    value = value * 10 + digit;
  }
  return value >= min ? value : INVALID;
}

// YYYY-MM-DDTHH:MM:SS.sssZ with every field in a range Date.parse accepts (see isPlainIsoTimestamp).
const PLAIN_ISO_TIMESTAMP = /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d\.\d{3}Z$/;

/**
 * Whether `text` is a timestamp exactly as poolscope writes it (Date.prototype.toISOString,
 * `YYYY-MM-DDTHH:MM:SS.sssZ`) with every field in a range that Date.parse accepts: month 1-12,
 * day 1-31 (V8 does not check the day against the month), hour 0-23, minute and second 0-59.
 * Date.parse costs about half a microsecond a cell; this one regex test about 50 ns. Anything
 * else (other offsets, no milliseconds, hour 24, ...) is left to the general regex and Date.parse.
 */
export function isPlainIsoTimestamp(text: string): boolean {
  return PLAIN_ISO_TIMESTAMP.test(text);
}

function integer(min: 0 | 1): CellKind<number> {
  return {
    expected: min === 1 ? 'a positive integer' : 'a non-negative integer',
    zod: z.number().int().min(min).max(Number.MAX_SAFE_INTEGER),
    decode: (text) => decodeInteger(text, min),
    encode: String,
  };
}

function optional<T>(kind: CellKind<T>): CellKind<T | null> {
  return {
    expected: `${kind.expected} or empty`,
    zod: kind.zod.nullable(),
    decode: (text) => (text === '' ? null : kind.decode(text)),
    encode: (value) => (value === null ? '' : kind.encode(value)),
  };
}

/** The cell kinds poolscope's record schemas are made of. */
export const cells = {
  /** Any non-empty text. */
  text: {
    expected: 'a non-empty text',
    zod: z.string().min(1),
    decode: (text) => (text === '' ? INVALID : text),
    encode: (value) => value,
  } satisfies CellKind<string>,
  /** Any text, possibly empty. */
  anyText: {
    expected: 'a text',
    zod: z.string(),
    decode: (text) => text,
    encode: (value) => value,
  } satisfies CellKind<string>,
  positiveInt: integer(1),
  nonNegativeInt: integer(0),
  optionalNonNegativeInt: optional(integer(0)),
  /** `true`, `false`, or empty where the question does not apply. */
  optionalBoolean: {
    expected: "'true', 'false' or empty",
    zod: z.boolean().nullable(),
    decode: (text) => (text === 'true' ? true : text === 'false' ? false : text === '' ? null : INVALID),
    encode: (value) => (value === null ? '' : String(value)),
  } satisfies CellKind<boolean | null>,
  timestamp: {
    expected: 'an ISO 8601 timestamp such as 2026-11-25T22:14:25.000Z',
    zod: z.string().regex(ISO_TIMESTAMP),
    decode: (text) => (isPlainIsoTimestamp(text) || (ISO_TIMESTAMP.test(text) && !Number.isNaN(Date.parse(text))) ? text : INVALID),
    encode: (value) => value,
  } satisfies CellKind<string>,
  oneOf<const V extends readonly [string, ...string[]]>(values: V): CellKind<V[number]> {
    return {
      expected: `one of ${values.map((v) => `'${v}'`).join(', ')}`,
      zod: z.enum(values),
      decode: (text) => ((values as readonly string[]).includes(text) ? (text as V[number]) : INVALID),
      encode: (value) => value,
    };
  },
};
