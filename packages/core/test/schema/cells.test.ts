import { describe, expect, it } from 'vitest';
import { INVALID, cells, timingSchema, TIMING_COLUMNS, coreMessages } from '../../src/index.js';
import { decodeInteger, isPlainIsoTimestamp } from '../../src/schema/cells.js';
import { timingRow } from '../fixtures/records.js';

// The fast paths must accept and reject exactly what the general ones do: these are those, as
// cells.ts had them before the fast paths.
const referenceInteger = (text: string, min: number) => {
  if (!/^\d+$/.test(text)) return INVALID;
  const value = Number(text);
  return Number.isSafeInteger(value) && value >= min ? value : INVALID;
};
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;
const referenceTimestamp = (text: string) => ISO.test(text) && !Number.isNaN(Date.parse(text));

describe('decodeInteger', () => {
  it('agrees with /^\\d+$/ and Number() on edge cases', () => {
    const texts = ['', '0', '1', '007', '42', '-1', '+1', '1.5', '1e3', ' 1', '1 ', 'NaN', 'Infinity', '٣', '１', '12a', 'a12'];
    for (let digits = 14; digits <= 22; digits++) texts.push('9'.repeat(digits), '1'.padEnd(digits, '0'), `0${'9'.repeat(digits)}`);
    texts.push(String(Number.MAX_SAFE_INTEGER), String(Number.MAX_SAFE_INTEGER + 1), '9007199254740993');
    for (const text of texts) for (const min of [0, 1]) expect(decodeInteger(text, min), `'${text}' min ${min}`).toBe(referenceInteger(text, min));
  });

  it('agrees with them on random digit strings', () => {
    let state = 7;
    const random = () => ((state = (state * 1103515245 + 12345) % 2147483648) / 2147483648);
    const alphabet = '0123456789-.e ';
    for (let i = 0; i < 5000; i++) {
      const length = Math.floor(random() * 18);
      let text = '';
      for (let j = 0; j < length; j++) text += alphabet[Math.floor(random() * (random() < 0.9 ? 10 : alphabet.length))];
      expect(decodeInteger(text, 1), `'${text}'`).toBe(referenceInteger(text, 1));
    }
  });
});

describe('the timestamp kind', () => {
  it('takes the fast path only for timestamps Date.parse accepts', () => {
    const texts: string[] = [];
    for (const month of ['00', '01', '02', '09', '10', '12', '13', '99'])
      for (const day of ['00', '01', '28', '29', '30', '31', '32', '99'])
        for (const time of ['00:00:00', '23:59:59', '24:00:00', '12:60:00', '12:00:60', '25:00:00', '9a:00:00'])
          for (const year of ['0000', '2026', '9999', '20x6']) texts.push(`${year}-${month}-${day}T${time}.000Z`);
    texts.push('2026-01-01T00:00:00.0a0Z', '2026-01-01T00:00:00.000z', '2026-01-01T00:00:00,000Z', '2026-01-01 00:00:00.000Z');
    let fast = 0;
    for (const text of texts) {
      if (isPlainIsoTimestamp(text)) {
        fast++;
        expect(referenceTimestamp(text), text).toBe(true);
      }
      expect(cells.timestamp.decode(text) !== INVALID, text).toBe(referenceTimestamp(text));
    }
    expect(fast).toBeGreaterThan(100);
  });

  it('still accepts what only the general path knows: offsets, no milliseconds, 24:00', () => {
    for (const text of ['2026-01-01T00:00:00+01:00', '2026-01-01T00:00Z', '2026-01-01T24:00:00.000Z', '2026-01-01T00:00:00.123456Z']) {
      expect(isPlainIsoTimestamp(text)).toBe(false);
      expect(cells.timestamp.decode(text)).toBe(text);
    }
  });
});

describe('defineCsvSchema decode', () => {
  const at = TIMING_COLUMNS.map((_, i) => i);

  it('builds the same records as a loop over the columns, with the columns in order', () => {
    const rows = [timingRow(), timingRow({ status: 'error', error: 'boom', wall_ns: null, cpu_user_ns: null, cpu_sys_ns: null, max_rss_kb: null, gil: false })];
    for (const row of rows) {
      const decoded = timingSchema.decode(timingSchema.encode(row), at);
      expect(decoded).toEqual({ ok: true, value: row });
      if (decoded.ok) expect(Object.keys(decoded.value)).toEqual([...TIMING_COLUMNS]);
    }
  });

  it('lists every problem of a row, cells first, then the invariants of a row with valid cells', () => {
    const cellsOf = (overrides: Record<string, string>) => TIMING_COLUMNS.map((c, i) => overrides[c] ?? timingSchema.encode(timingRow())[i]!);
    expect(timingSchema.decode(cellsOf({ num_threads: '0', gil: 'maybe' }), at)).toEqual({
      ok: false,
      problems: [
        { column: 'gil', message: coreMessages.expectedGot("'true', 'false' or empty", 'maybe') },
        { column: 'num_threads', message: coreMessages.expectedGot('a positive integer', '0') },
      ],
    });
    const decoded = timingSchema.decode(cellsOf({ wall_ns: '0', error: 'x' }), at);
    expect(decoded.ok === false && decoded.problems.map((p) => p.column)).toEqual(['wall_ns', 'error']);
  });
});
