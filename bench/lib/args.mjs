// The options of `pnpm bench`.
import { parseArgs } from 'node:util';

/** The figure groups, in the order the suite runs them, and the figures each one yields. */
export const FIGURE_GROUPS = [
  { key: 'node-speedup', figures: ['1'] },
  { key: 'node-overhead', figures: ['2'] },
  { key: 'python-overhead', figures: ['3'] },
  { key: 'analysis', figures: ['4', '6'] },
  { key: 'pipeline', figures: ['5'] },
];

export const USAGE = `usage: pnpm bench [--quick] [--only 1,2,...] [--out FILE] [--no-lock]
  --quick     a smoke check: fewer rounds, a 100,000-row CSV, a tiny pipeline (about 2 minutes);
              its figures are not comparable with the targets
  --only      run only these figures (1-6; 4 and 6 come together)
  --out       where to write the results (default bench/results.json for the full suite,
              bench/results-partial.json for --quick or --only)
  --no-lock   do not take ${'/tmp/poolscope-measure.lock'} (where flock(1) is missing, or nothing else measures)`;

/**
 * Parses the suite's argv. Throws an Error naming the option for bad input. Returns
 * { quick, groups (keys to run), out (null: the default), lock, help }.
 */
export function parseBenchArgs(argv) {
  const { values } = parseArgs({
    args: argv.filter((a) => a !== '--'),
    options: {
      quick: { type: 'boolean', default: false },
      only: { type: 'string' },
      out: { type: 'string' },
      'no-lock': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  let groups = FIGURE_GROUPS.map((g) => g.key);
  if (values.only !== undefined) {
    const wanted = values.only.split(',').map((s) => s.trim());
    const known = FIGURE_GROUPS.flatMap((g) => g.figures).sort();
    const bad = wanted.filter((w) => !known.includes(w));
    if (wanted.length === 0 || bad.length > 0) throw new Error(`--only must be a list of figures among ${known.join(', ')}, got '${values.only}'`);
    groups = FIGURE_GROUPS.filter((g) => g.figures.some((f) => wanted.includes(f))).map((g) => g.key);
  }
  return { quick: values.quick, groups, partial: values.quick || values.only !== undefined, out: values.out ?? null, lock: !values['no-lock'], help: values.help };
}
