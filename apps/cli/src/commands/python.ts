import { Command } from 'commander';
import { ERROR_CODES, PoolscopeError } from '@poolscope/core';
import { installPythons, listManifests, managedPythons, pairRequests, parseInstallRequest, removePythons, type InstallManifest } from '@poolscope/runner';
import type { CliIO } from '../io.js';
import { pythonMessages as m } from './python-messages.js';
import { InstallProgress } from './python-progress.js';
import { formatDuration } from './run-progress.js';
import { interruptHandlers } from './run.js';

/** The table of `poolscope python list`. */
function formatList(manifests: readonly InstallManifest[]): string {
  const rows = manifests.map((x) => [
    x.name,
    x.version,
    x.free_threaded ? m.freeThreaded : m.gil,
    x.backend,
    x.installed_at.slice(0, 10),
    formatDuration(x.duration_s * 1000),
    x.missing_modules.map((o) => o.module).join(',') || m.none,
    x.prefix,
  ]);
  const widths = m.listHeader.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: readonly string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!))).join('  ');
  return `${[line(m.listHeader), ...rows.map(line)].join('\n')}\n`;
}

function installCommand(io: CliIO): Command {
  return new Command('install')
    .description(m.installDescription)
    .argument('[versions...]', m.versionsArgument)
    .option('--pair <X.Y>', m.pairOption)
    .option('--source <file|url>', m.sourceOption)
    .option('--jobs <n>', m.jobsOption)
    .addHelpText('after', m.installHelp)
    .action(async (versions: string[], options: { pair?: string; source?: string; jobs?: string }) => {
      const requests = [...(options.pair ? pairRequests(options.pair) : []), ...versions.map(parseInstallRequest)];
      if (requests.length === 0) throw new PoolscopeError(ERROR_CODES.USAGE, m.nothingToInstall, { hint: m.nothingToInstallHint });
      const jobs = options.jobs === undefined ? undefined : Number(options.jobs);
      if (jobs !== undefined && !(Number.isInteger(jobs) && jobs > 0)) throw new PoolscopeError(ERROR_CODES.USAGE, m.badJobs(options.jobs!));
      const progress = new InstallProgress(io);
      const signals = interruptHandlers(() => undefined);
      try {
        const installed = await installPythons(requests, { env: io.env, source: options.source ?? null, jobs, signal: signals.stop }, (event) => progress.handle(event));
        for (const x of installed) io.stdout.write(`${x.executable}\n`);
      } finally {
        progress.finish();
        signals.remove();
      }
    });
}

/** `poolscope python install|list|remove`. */
export function pythonCommand(io: CliIO): Command {
  const python = new Command('python').description(m.description);
  python.addCommand(installCommand(io));
  python.addCommand(
    new Command('list')
      .description(m.listDescription)
      .option('--json', m.json)
      .action(async (options: { json?: boolean }) => {
        const layout = managedPythons(io.env);
        const manifests = await listManifests(layout);
        if (options.json) io.stdout.write(`${JSON.stringify(manifests, null, 2)}\n`);
        else if (manifests.length === 0) io.stderr.write(`${m.nothingInstalled(layout.root)}\n`);
        else io.stdout.write(`${formatList(manifests)}${m.summary(manifests.length, layout.root)}\n`);
      }),
  );
  python.addCommand(
    new Command('remove')
      .description(m.removeDescription)
      .argument('<names...>', m.namesArgument)
      .action(async (names: string[]) => {
        const removed = await removePythons(managedPythons(io.env), names, { ...io.env } as NodeJS.ProcessEnv);
        for (const x of removed) io.stderr.write(`${m.removed(x.name, x.prefix)}\n`);
      }),
  );
  return python;
}
