import type { Block, Section } from './document.js';
import { list, paragraph } from './document.js';
import { measuredTypes, targetsOf } from './experiments.js';
import { figureBlock } from './figures.js';
import { taskWorkKey, type ReportInputs } from './inputs.js';
import { reportMessages as m } from './messages.js';

const CORE_SOURCES = { 'host.json': 'raw/host.json', option: 'the --cores option', assumed: "the analysing machine's own count" } as const;

/** The task sizes each target ran (from the rows; several when runs were merged). */
function taskSizes(inputs: ReportInputs): Block[] {
  const types = measuredTypes(inputs.summary);
  const targets = targetsOf(inputs.summary.groups);
  const rows = targets.map((target) => [target, ...types.map((type) => inputs.rows.taskWork.get(taskWorkKey(target, type))?.join(', ') ?? '-')]);
  const header = m.taskSizesHeader(types);
  const blocks: Block[] = [paragraph(m.taskSizesIntro), { kind: 'table', header, numeric: header.map((_, i) => i > 0), rows }];
  const sizes = inputs.plan?.matrix.task_size;
  if (sizes) {
    const notes = types.flatMap((type) => {
      const size = sizes[type];
      if (!size || !('task_us' in size)) return [];
      // Only cpu loops are calibrated to a duration; an io task waits the time asked.
      return [type === 'io' ? m.ioWait(size.task_us) : m.calibrated(type, size.task_us)];
    });
    const fixed = types.filter((type) => { const size = sizes[type]; return !(size && 'task_us' in size); });
    if (fixed.length > 0) notes.push(m.fixedSize(fixed));
    blocks.push(paragraph(notes.join(' ')));
  }
  return blocks;
}

/** "Methods": the matrix, repetitions, order, warm-up, task sizes, statistics, fit definitions. */
export function methodsSection(inputs: ReportInputs): Section {
  const { summary, plan } = inputs;
  const groups = summary.groups;
  const items: string[] = [];
  const types = measuredTypes(summary);
  const tasks = [...new Set(groups.map((g) => g.key.num_tasks))].sort((a, b) => a - b);
  const threadCounts = [...new Set(groups.flatMap((g) => g.points.map((p) => p.x)))].sort((a, b) => a - b);
  items.push(m.matrix(targetsOf(groups), types, tasks, threadCounts));
  if (plan) {
    items.push(m.repeats(plan.matrix.repeats, plan.matrix.warmup), m.order(plan.seed), m.warmupNote, m.timeout(plan.timeout_s));
  } else if (groups.length > 0) {
    const repeats = groups.flatMap((g) => g.points.map((p) => p.repeats));
    items.push(m.repeatsFromRows(Math.min(...repeats), Math.max(...repeats)));
  }
  const s = summary.settings;
  const stats = [
    m.stats(s.bootstrap_resamples, s.seed),
    m.cpuUse(s.logical_cores.value, CORE_SOURCES[s.logical_cores.source]),
    m.amdahl,
    m.usl,
    m.fitting,
    m.plateau(s.plateau_gain, s.fit_resamples),
    m.crossover(s.crossover_gain),
  ];
  if (inputs.categories !== null && inputs.categories.length > 0) stats.push(m.callStacks);
  const fitted = groups.some((g) => g.fits.usl.status === 'ok' || g.fits.amdahl.status === 'ok');
  const fits = fitted || groups.length === 0 ? [paragraph(m.fitFigure), figureBlock(inputs, 'usl-fit')] : [paragraph(m.noFitAtAll(threadCounts.length))];
  const blocks: Block[] = [list(items), ...taskSizes(inputs), list(stats), ...fits];
  blocks.push(paragraph(m.files(summary.inputs.rows, summary.inputs.ok_rows, summary.inputs.files)));
  const measured = inputs.pipeline?.durations_s.measure;
  if (measured !== undefined) blocks.push(paragraph(m.measuringTime(measured)));
  return { id: 'methods', title: m.methodsTitle, blocks };
}
