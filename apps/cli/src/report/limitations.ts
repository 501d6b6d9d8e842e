import { CV_WARNING_THRESHOLD } from '@poolscope/runner';
import type { Section } from './document.js';
import { list, paragraph } from './document.js';
import { count, percent } from './format.js';
import { taskWorkKey, type ReportInputs } from './inputs.js';
import { reportMessages as m } from './messages.js';

/** A task is "dominated by overhead" when one took more than this many times the work asked, on one thread. */
const OVERHEAD_FACTOR = 2;

/** Per (target, task type): one task's wall time on one thread at the largest task count, against the work asked. */
function overheadLimits(inputs: ReportInputs): string[] {
  const out: string[] = [];
  const sizes = inputs.plan?.matrix.task_size;
  const seen = new Set<string>();
  const groups = [...inputs.summary.groups].sort((a, b) => b.key.num_tasks - a.key.num_tasks);
  for (const g of groups) {
    const key = taskWorkKey(g.key.target, g.key.task_type);
    if (seen.has(key)) continue;
    seen.add(key);
    const one = g.points.find((p) => p.x === 1);
    const works = inputs.rows.taskWork.get(key);
    if (!one || !works || works.length !== 1) continue;
    // The work asked, in seconds: io task_work is microseconds; a cpu task's is known only as calibrated.
    const size = sizes?.[g.key.task_type];
    const asked = g.key.task_type === 'io' ? works[0]! / 1e6 : size && 'task_us' in size ? size.task_us / 1e6 : null;
    if (asked === null) continue;
    const perTask = one.median / g.key.num_tasks;
    if (perTask > OVERHEAD_FACTOR * asked) out.push(m.overhead(g.key.target, g.key.task_type, g.key.num_tasks, perTask, asked));
  }
  return out;
}

/**
 * "Limitations", generated from the data: too few cores for the thread counts, extrapolated plateaus,
 * groups too small to fit, no call stacks, interpreters skipped, unstable cells, few repetitions, tasks dominated by per-task overhead, merged machines, the analysis's notes (failed repetitions, the core count used).
 */
export function limitationsSection(inputs: ReportInputs): Section {
  const { summary } = inputs;
  const items: string[] = [];
  const cores = summary.settings.logical_cores.value;
  const threadCounts = [...new Set(summary.groups.flatMap((g) => g.points.map((p) => p.x)))].sort((a, b) => a - b);
  const above = threadCounts.filter((n) => n > cores);
  if (above.length > 0) items.push(m.fewCores(cores, above));

  const label = (g: (typeof summary.groups)[number]) => `${g.key.target} ${count(g.key.num_tasks)} ${g.key.task_type}`;
  const extrapolated = summary.groups.filter((g) => g.plateau.status === 'found' && !g.plateau.within_measured).map(label);
  if (extrapolated.length > 0) items.push(m.extrapolated(extrapolated));
  const unfitted = summary.groups.filter((g) => g.fits.usl.status === 'insufficient');
  const reason = unfitted[0]?.fits.usl.status === 'insufficient' ? unfitted[0].fits.usl.reason : '';
  if (unfitted.length > 0) items.push(m.noFit(unfitted.length, reason));

  const profiled = inputs.categories !== null && inputs.categories.length > 0;
  if (!profiled) items.push(m.noProfile(inputs.pipeline?.call_stacks.reason ?? m.profileHow));
  const skipped = inputs.pipeline?.runtimes.skipped.length ?? 0;
  if (skipped > 0) items.push(m.skippedRuntimes(skipped));
  items.push(...(inputs.pipeline?.runtimes.notes ?? []));

  const cells = summary.groups.flatMap((g) => g.points.map((p) => ({ g, p })));
  const unstable = cells.filter(({ p }) => p.cv !== null && p.cv > CV_WARNING_THRESHOLD).sort((a, b) => (b.p.cv ?? 0) - (a.p.cv ?? 0));
  if (unstable.length > 0) {
    const worst = unstable[0]!;
    items.push(m.unstable(unstable.length, cells.length, `${label(worst.g)} x ${worst.p.x}, ${percent(worst.p.cv!)}`));
  }
  const repeats = cells.map(({ p }) => p.repeats);
  if (repeats.length > 0 && Math.max(...repeats) < 5) items.push(m.fewRepeats(Math.max(...repeats)));
  items.push(...overheadLimits(inputs));

  for (const target of new Set(summary.groups.map((g) => g.key.target))) {
    const hosts = [...inputs.rows.hostTargets].filter(([, targets]) => targets.includes(target)).length;
    if (hosts > 1) items.push(m.mixedHostTarget(target, hosts));
  }
  for (const unknown of inputs.unknownHosts) items.push(m.unknownHost(unknown.id, unknown.targets));
  items.push(...summary.notes);
  return { id: 'limitations', title: m.limitationsTitle, blocks: [items.length > 0 ? list(items) : paragraph(m.none)] };
}
