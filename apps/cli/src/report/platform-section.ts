import type { PipelineRecord } from '../pipeline/record.js';
import type { Block, Section } from './document.js';
import { paragraph } from './document.js';
import { gibibytes } from './format.js';
import type { ReportHost } from './inputs.js';
import { reportMessages as m } from './messages.js';

const yesNo = (value: boolean | null) => (value === null ? m.unknown : value ? m.yes : m.no);
const onOff = (value: boolean | null) => (value === null ? m.unknown : value ? m.on : m.off);

/** The machine's table and its interpreters' table. */
function machineBlocks(host: ReportHost): Block[] {
  const { info } = host;
  const r = m.platformRows;
  const blocks: Block[] = [
    {
      kind: 'table',
      header: m.platformHeader,
      numeric: [false, false],
      rows: [
        [r.os, `${info.os.name} (${info.os.platform})`],
        [r.kernel, info.os.kernel],
        [r.arch, info.os.arch],
        [r.cpu, info.cpu.model],
        [r.cores, m.coresValue(info.cpu.logical_cores, info.cpu.physical_cores)],
        [r.memory, gibibytes(info.memory_bytes)],
        [r.node, info.node_version],
        [r.hostId, host.id],
      ],
    },
  ];
  if (info.interpreters.length === 0) blocks.push(paragraph(m.noInterpreters));
  else
    blocks.push({
      kind: 'table',
      caption: m.interpretersTitle,
      header: m.interpretersHeader,
      numeric: m.interpretersHeader.map(() => false),
      rows: info.interpreters.map((i) => [i.target, i.implementation, i.version, yesNo(i.free_threaded_build), onOff(i.gil_enabled), i.path]),
    });
  return blocks;
}

/** What the pipeline chose to measure, and every interpreter it found and left out, with why. */
function runtimesSection(record: PipelineRecord): Section {
  const { runtimes } = record;
  const blocks: Block[] = [
    paragraph(m.runtimesIntro(record.profile)),
    { kind: 'table', header: m.runtimesUsedHeader, numeric: [false, false], rows: runtimes.used.map((u) => [u.target, u.description]) },
  ];
  if (runtimes.targets_given) blocks.push(paragraph(m.runtimesGiven));
  if (runtimes.skipped.length > 0) {
    blocks.push(paragraph(m.runtimesSkippedIntro(runtimes.skipped.length)), {
      kind: 'table',
      header: m.runtimesSkippedHeader,
      numeric: [false, false, false],
      rows: runtimes.skipped.map((s) => [s.name, s.version ?? m.unknown, s.reason]),
    });
  }
  const shims = runtimes.pyenv_shims?.length ?? 0;
  if (shims > 0) blocks.push(paragraph(m.pyenvShimsCounted(shims)));
  if (runtimes.notes.length > 0) blocks.push({ kind: 'list', items: runtimes.notes });
  return { id: 'runtimes', title: m.runtimesTitle, blocks };
}

/**
 * "Platform setup", from the host files: OS, kernel, CPU model and counts, memory, Node, and each
 * interpreter with its full version string and build flags; one subsection per machine when rows
 * were merged from several. Then the runtimes the pipeline measured and skipped.
 */
export function platformSection(hosts: readonly ReportHost[], record: PipelineRecord | null): Section {
  const sections: Section[] = [];
  let blocks: Block[];
  if (hosts.length === 0) blocks = [paragraph(m.noHost)];
  else if (hosts.length === 1) blocks = [paragraph(m.platformIntro(1)), ...machineBlocks(hosts[0]!)];
  else {
    blocks = [paragraph(m.platformIntro(hosts.length))];
    for (const host of hosts)
      sections.push({ id: `machine-${host.id}`, title: m.machineTitle(host.id, host.file), blocks: [paragraph(m.machineTargets(host.targets)), ...machineBlocks(host)] });
  }
  if (record) sections.push(runtimesSection(record));
  return { id: 'platform', title: m.platformTitle, blocks, sections };
}
