import { experiment3 } from './call-stacks.js';
import type { Block, ReportDocument, Section } from './document.js';
import { list, paragraph } from './document.js';
import { experiment1, experiment2, measuredTypes, targetsOf } from './experiments.js';
import { harnessSection } from './harness-section.js';
import type { ReportInputs } from './inputs.js';
import { limitationsSection } from './limitations.js';
import { reportMessages as m } from './messages.js';
import { methodsSection } from './methods.js';
import { platformSection } from './platform-section.js';

/** `2025-11-26 00:15` from an ISO 8601 time. */
const day = (iso: string) => iso.slice(0, 16).replace('T', ' ');

/** What was measured, and the headline observations: how far each target scales at the largest task count. */
function summarySection(inputs: ReportInputs): Section {
  const { summary, rows } = inputs;
  if (summary.groups.length === 0) return { id: 'summary', title: m.summaryTitle, blocks: [paragraph(m.summaryNoData)] };
  const tasks = [...new Set(summary.groups.map((g) => g.key.num_tasks))].sort((a, b) => a - b);
  const threadCounts = [...new Set(summary.groups.flatMap((g) => g.points.map((p) => p.x)))].sort((a, b) => a - b);
  const blocks: Block[] = [paragraph(m.summaryIntro(tasks, threadCounts, measuredTypes(summary)))];
  if (rows.startedBetween) blocks.push(paragraph(m.summaryRuns(rows.runIds, day(rows.startedBetween[0]), day(rows.startedBetween[1]))));
  const largest = Math.max(...tasks);
  const headline = summary.observations.filter((o) => o.kind === 'scaling' && o.num_tasks === largest).map((o) => o.text);
  if (headline.length > 0) blocks.push(list(headline));
  return { id: 'summary', title: m.summaryTitle, blocks };
}

/**
 * The report, in the RCA's order: summary, the harness code, platform setup, Experiments 1 to 3
 * (each with its figures and observations), methods, limitations. Pure: every input is read
 * beforehand, and every number comes from the analysis, the profile or the host files.
 */
export function buildReport(inputs: ReportInputs): ReportDocument {
  const targets = targetsOf(inputs.summary.groups);
  const host = inputs.hosts[0]?.info;
  const subtitle =
    inputs.hosts.length === 1 && host ? m.subtitle(targets, host.cpu.model, host.cpu.logical_cores) : m.subtitleHosts(targets, Math.max(1, inputs.hosts.length));
  return {
    title: m.title,
    subtitle,
    sections: [
      summarySection(inputs),
      harnessSection(inputs.harness),
      platformSection(inputs.hosts, inputs.pipeline),
      experiment1(inputs),
      experiment2(inputs),
      experiment3(inputs),
      methodsSection(inputs),
      limitationsSection(inputs),
    ],
  };
}
