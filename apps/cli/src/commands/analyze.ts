import { statSync } from 'node:fs';
import { Command, Option } from 'commander';
import {
  ERROR_CODES,
  PoolscopeError,
  assertReadableFile,
  choiceParser,
  coreMessages,
  locateColumns,
  parseFraction,
  parsePositiveInt,
  parsePositiveNumberList,
  readCsvRows,
  timingSchema,
} from '@poolscope/core';
import {
  DEFAULT_PLATEAU_GAIN,
  DEFAULT_RESAMPLES,
  DEFAULT_SEED,
  MODEL_NAMES,
  analyze,
  analyzeFiles,
  analyzeRunDirectory,
  loadScalingCsv,
  modelEntry,
  type AnalysisSummary,
  type CalibratedInterval,
  type GroupAnalysis,
  type GroupSettings,
  type Metric,
  type ModelFit,
  type ScalingAnalysis,
  type ScalingPoint,
} from '@poolscope/analysis';
import type { CliIO } from '../io.js';
import { analyzeMessages as m } from './analyze-messages.js';

interface AnalyzeFlags {
  x?: string;
  y?: string;
  by?: string;
  metric: string;
  json?: boolean;
  predict?: string;
  cores?: string;
  seed?: string;
  resamples?: string;
  plateauGain?: string;
}

const METRICS = ['throughput', 'time'] as const satisfies readonly Metric[];
const parseMetric = choiceParser(METRICS, m.oneOf(METRICS));

function settingsOf(flags: AnalyzeFlags): GroupSettings {
  const settings: GroupSettings = {};
  if (flags.predict !== undefined) settings.predict = parsePositiveNumberList(flags.predict, '--predict');
  if (flags.seed !== undefined) settings.seed = parsePositiveInt(flags.seed, '--seed');
  if (flags.resamples !== undefined) settings.resamples = parsePositiveInt(flags.resamples, '--resamples');
  if (flags.plateauGain !== undefined) settings.plateauGain = parseFraction(flags.plateauGain, '--plateau-gain');
  return settings;
}

/** Formats a number for the table: 3 significant figures, or exponent notation when tiny. */
const f = (v: number | null | undefined) => (v === null || v === undefined ? '-' : v !== 0 && Math.abs(v) < 1e-3 ? v.toExponential(2) : String(Number(v.toPrecision(3))));
const pm = (v: number, se: number | null) => (se === null ? f(v) : `${f(v)}±${f(se)}`);

/** Lays out rows as aligned columns. */
function columns(rows: readonly (readonly string[])[]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) => r.map((c, i) => c.padStart(widths[i]!)).join('  ')).join('\n');
}

/** A calibrated interval's ends, or its reason when it was not given. */
const ciText = (interval: CalibratedInterval) => (interval.status === 'ok' ? m.span(f(interval.ci95[0]), interval.ci95[1] === null ? null : f(interval.ci95[1])) : interval.reason);

/** The calibrated intervals of a fit: one line with those given, one per reason for those not. */
function intervalLines(intervals: Readonly<Record<string, CalibratedInterval>>): string[] {
  const entries = Object.entries(intervals);
  const given = entries.filter(([, iv]) => iv.status === 'ok').map(([name, iv]) => `${name} ${ciText(iv)}`);
  const missing = new Map<string, string[]>();
  for (const [name, iv] of entries) if (iv.status !== 'ok') missing.set(iv.reason, [...(missing.get(iv.reason) ?? []), name]);
  return [...(given.length > 0 ? [m.intervals(given)] : []), ...[...missing].map(([reason, names]) => m.intervalMissing(names, reason))];
}

function describeGroup(g: GroupAnalysis<unknown>, header: string[], row: (p: ScalingPoint) => string[]): string[] {
  const out = [columns([header, ...g.points.map(row)])];
  // The most general model first: the registry lists the simplest first.
  for (const name of [...MODEL_NAMES].reverse()) {
    const model = modelEntry(name);
    const fit: ModelFit = g.fits[name];
    if (fit.status !== 'ok') {
      out.push(m.notFitted(model.label, fit.reason));
      continue;
    }
    const parts = model.params.map((p) => m.fitPart(p, pm(fit.params[p]!, fit.stderr[p] ?? null)));
    if (model.peak) parts.push(m.fitPart('peak', f(model.peak(fit.params)?.x)));
    if (model.asymptote) parts.push(m.fitPart('limit', f(model.asymptote(fit.params))));
    out.push(m.fit(model.label, parts, f(fit.rse), f(fit.aic)));
    out.push(...intervalLines(fit.intervals));
  }
  if (g.fits.preferred) out.push(m.preferred(g.fits.preferred));
  const p = g.plateau;
  const where = (interval: CalibratedInterval) => (interval.status === 'ok' ? m.plateauWhere(ciText(interval)) : interval.reason);
  out.push(
    p.status === 'found'
      ? m.plateauFound(p.threshold, where(p.interval), p.knee, !p.within_measured)
      : p.status === 'none'
        ? m.plateauNone(p.search_limit, where(p.interval), p.knee)
        : m.plateauInsufficient(p.reason),
  );
  for (const pr of g.predictions) out.push(m.prediction(pr.x, f(pr.speedup), f(pr.speedup_pi95[0]), f(pr.speedup_pi95[1]), pr.extrapolated));
  return out;
}

const pointRow = (p: ScalingPoint) => [String(p.x), String(p.repeats), f(p.median), f(p.iqr), f(p.speedup), `${f(p.speedup_ci95[0])}-${f(p.speedup_ci95[1])}`, f(p.efficiency)];

function printForeign(io: CliIO, result: ScalingAnalysis): void {
  const blocks = result.groups.map((g) => {
    const key = Object.entries(g.key).map(([k, v]) => `${k}=${v}`).join(', ') || 'all rows';
    return [m.groupHeading(key), ...describeGroup(g, m.tableHeader(result.x, result.y), pointRow)].join('\n');
  });
  io.stdout.write(`${blocks.join('\n\n')}\n`);
}

function printSummary(io: CliIO, summary: AnalysisSummary): void {
  const blocks = summary.groups.map((g) =>
    [
      m.groupHeading(`${g.key.target}, ${g.key.num_tasks} ${g.key.task_type} tasks`),
      ...describeGroup(g, [...m.timingHeader], (p) => {
        const t = g.points.find((q) => q.x === p.x)!;
        return [...pointRow(p), f(t.cpu_utilisation)];
      }),
    ].join('\n'),
  );
  const tail = [m.observations, ...summary.observations.map((o) => `- ${o.text}`)];
  if (summary.notes.length > 0) tail.push(m.notes, ...summary.notes.map((n) => `- ${n}`));
  io.stdout.write(`${blocks.join('\n\n')}\n\n${tail.join('\n')}\n`);
}

/**
 * Whether `file` holds poolscope timings: false for another CSV (to analyse with --x and --y).
 * Refuses an empty file, a header split by another delimiter, and a header that holds most of the
 * timing columns but not all (a damaged timings file), naming the file and what is wrong.
 */
async function isTimingsCsv(file: string): Promise<boolean> {
  for await (const { cells } of readCsvRows(file)) {
    const present = timingSchema.columns.filter((c) => cells.includes(c)).length;
    if (present === timingSchema.columns.length) return true;
    const otherDelimiter = cells.length === 1 && /[;\t|]/.test(cells[0]!);
    if (otherDelimiter || present >= timingSchema.columns.length / 2) locateColumns(file, cells, timingSchema.columns, timingSchema.name);
    return false;
  }
  throw new PoolscopeError(ERROR_CODES.BAD_DATA, coreMessages.emptyFile(file), { hint: m.emptyFileHint });
}

/** `poolscope analyze PATH`: analyses a run directory, a raw timings CSV, or any CSV (--x, --y). */
export function analyzeCommand(io: CliIO): Command {
  return new Command('analyze')
    .description(m.description)
    .argument('<path>', m.pathArgument)
    .option('--x <column>', m.xOption)
    .option('--y <column>', m.yOption)
    .option('--by <columns>', m.byOption)
    .addOption(new Option('--metric <metric>', m.metricOption).default('throughput'))
    .option('--json', m.jsonOption)
    .option('--predict <threads>', m.predictOption)
    .option('--cores <n>', m.coresOption)
    .addOption(new Option('--seed <n>', m.seedOption).default(String(DEFAULT_SEED), String(DEFAULT_SEED)))
    .addOption(new Option('--resamples <n>', m.resamplesOption).default(String(DEFAULT_RESAMPLES), String(DEFAULT_RESAMPLES)))
    .addOption(new Option('--plateau-gain <fraction>', m.plateauGainOption).default(String(DEFAULT_PLATEAU_GAIN), String(DEFAULT_PLATEAU_GAIN)))
    .action(async (path: string, flags: AnalyzeFlags) => {
      const metric = parseMetric(flags.metric, '--metric');
      if ((flags.x === undefined) !== (flags.y === undefined)) {
        throw new PoolscopeError(ERROR_CODES.USAGE, flags.x === undefined ? m.xWithoutY('--y', '--x') : m.xWithoutY('--x', '--y'), { hint: m.xyHint });
      }
      const settings = settingsOf(flags);
      const cores = flags.cores === undefined ? undefined : parsePositiveInt(flags.cores, '--cores');
      let directory = false;
      try {
        directory = statSync(path).isDirectory();
      } catch {
        assertReadableFile(path);
      }
      if (directory) {
        for (const [option, value] of [['--x', flags.x], ['--by', flags.by]] as const) {
          if (value !== undefined) throw new PoolscopeError(ERROR_CODES.USAGE, m.foreignOnDirectory(option), { hint: m.foreignOnlyHint });
        }
        const { summary, files } = await analyzeRunDirectory(path, { ...settings, cores });
        if (flags.json) io.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
        else {
          printSummary(io, summary);
          io.stderr.write(`${m.wrote([files.summary, files.speedup, files.fits])}\n`);
        }
        return;
      }
      if (flags.x !== undefined && flags.y !== undefined) {
        const by = flags.by === undefined ? [] : flags.by.split(',').map((s) => s.trim()).filter((s) => s !== '');
        const table = await loadScalingCsv(path, { x: flags.x, y: flags.y, by });
        const result = analyze(table, { ...settings, x: flags.x, y: flags.y, by, metric, source: path });
        if (flags.json) io.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
        else printForeign(io, result);
        return;
      }
      if (!(await isTimingsCsv(path))) throw new PoolscopeError(ERROR_CODES.USAGE, m.notTimings(path), { hint: m.xyHint });
      const summary = await analyzeFiles([path], { ...settings, cores });
      if (flags.json) io.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
      else printSummary(io, summary);
    });
}
