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

function integer(min: 0 | 1): CellKind<number> {
  return {
    expected: min === 1 ? 'a positive integer' : 'a non-negative integer',
    zod: z.number().int().min(min).max(Number.MAX_SAFE_INTEGER),
    decode(text) {
      if (!DIGITS.test(text)) return INVALID;
      const value = Number(text);
      return Number.isSafeInteger(value) && value >= min ? value : INVALID;
    },
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
    decode: (text) => (ISO_TIMESTAMP.test(text) && !Number.isNaN(Date.parse(text)) ? text : INVALID),
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
