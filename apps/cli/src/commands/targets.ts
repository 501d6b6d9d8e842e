import { Command } from 'commander';
import { ERROR_CODES, PoolscopeError } from '@poolscope/core';
import { NODE_TARGETS, discoverPythons, parsePythonTarget, pythonTargetName, type DiscoveredPython } from '@poolscope/runner';
import type { CliIO } from '../io.js';
import { targetsMessages as m } from './targets-messages.js';

/** One line of the listing, and one element of `--json`. */
interface TargetEntry {
  /** The name to use in --targets; null for an interpreter that cannot be used. */
  target: string | null;
  runtime: string;
  status: 'ok' | 'failed' | 'shim';
  /** The full version string (`sys.version`, `process.version`); null if it did not run. */
  version: string | null;
  runtime_version: string | null;
  path: string;
  free_threaded_build: boolean | null;
  gil_enabled: boolean | null;
  sources: string[];
  aliases: string[];
  reason?: string;
}

/** The runner's Node targets: they run on the Node that runs poolscope. */
function nodeEntries(): TargetEntry[] {
  return NODE_TARGETS.map((target) => ({
    target,
    runtime: 'node',
    status: 'ok',
    version: process.version,
    runtime_version: process.versions.node,
    path: process.execPath,
    free_threaded_build: null,
    gil_enabled: null,
    sources: [m.nodeSource],
    aliases: [],
  }));
}

function pythonEntry(python: DiscoveredPython, all: readonly DiscoveredPython[]): TargetEntry {
  const common = { path: python.path, sources: [...python.sources], aliases: [...python.aliases] };
  if (python.status === 'ok') {
    return {
      target: pythonTargetName(python, all),
      runtime: python.implementation,
      status: 'ok',
      version: python.version,
      runtime_version: python.runtime_version,
      free_threaded_build: python.free_threaded_build,
      gil_enabled: python.gil_enabled,
      ...common,
    };
  }
  return {
    target: null,
    runtime: 'python',
    status: python.status,
    version: null,
    runtime_version: python.status === 'failed' ? (python.runtime_version ?? null) : null,
    free_threaded_build: null,
    gil_enabled: null,
    reason: python.reason,
    ...common,
  };
}

const flag = (value: boolean | null, yes: string, no: string) => (value === null ? m.none : value ? yes : no);

/** An aligned table; a failed interpreter's reason goes on the line below it. */
function formatTable(entries: readonly TargetEntry[]): string {
  const rows = entries.map((e) => [
    e.target === null ? m.none : e.target.startsWith('python:') ? m.byPath : e.target,
    e.status,
    e.runtime_version ?? m.unknown,
    e.runtime === 'node' ? m.none : e.status === 'ok' ? flag(e.free_threaded_build, m.yes, m.no) : m.unknown,
    e.runtime === 'node' ? m.none : e.status === 'ok' ? flag(e.gil_enabled, m.on, m.off) : m.unknown,
    e.sources.join(','),
    e.path,
  ]);
  const widths = m.header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: readonly string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!))).join('  ');
  const out = [line(m.header)];
  entries.forEach((e, i) => {
    out.push(line(rows[i]!));
    if (e.reason) out.push(`${' '.repeat(widths[0]! + 2)}${e.reason}`);
  });
  if (entries.some((e) => e.target?.startsWith('python:'))) out.push('', m.legend);
  return `${out.join('\n')}\n`;
}

/** `poolscope targets [--json] [--all] [python:PATH ...]`. */
export function targetsCommand(io: CliIO): Command {
  return new Command('targets')
    .description(m.description)
    .addHelpText('after', m.help)
    .argument('[interpreters...]', m.argument)
    .option('--json', m.json)
    .option('--all', m.all)
    .action(async (interpreters: string[], options: { json?: boolean; all?: boolean }) => {
      const explicit = interpreters.map((arg) => {
        const spec = parsePythonTarget(arg);
        if (spec?.kind !== 'path') throw new PoolscopeError(ERROR_CODES.USAGE, m.notAnInterpreter(arg), { hint: m.notAnInterpreterHint });
        return spec.path;
      });
      const found = await discoverPythons({ env: io.env, cwd: io.cwd, explicit });
      const shims = found.filter((p) => p.status === 'shim').length;
      const listed = options.all ? found : found.filter((p) => p.status !== 'shim');
      const entries = [...nodeEntries(), ...listed.map((p) => pythonEntry(p, found))];
      io.stdout.write(options.json ? `${JSON.stringify(entries, null, 2)}\n` : formatTable(entries));
      if (shims > 0 && !options.all && !options.json) io.stdout.write(`\n${m.shimsCounted(shims)}\n`);
    });
}
