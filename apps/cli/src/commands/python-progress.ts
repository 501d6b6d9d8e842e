import { INSTALL_STAGES, type InstallEvent } from '@poolscope/runner';
import type { CliIO } from '../io.js';
import { pythonMessages as m } from './python-messages.js';
import { formatDuration, progressBar } from './run-progress.js';

/**
 * Draws an install's events on stderr: on a terminal, one line per stage redrawn in place (a bar
 * when make's progress can be told, with the time left at the pace so far); otherwise whole lines,
 * a stage's progress at most every `intervalMs`. Backends passed over or failed, and each stage's
 * end, are lines of their own.
 */
export class InstallProgress {
  readonly #io: CliIO;
  readonly #tty: boolean;
  readonly #intervalMs: number;
  readonly #now: () => number;
  #lastLine = -Infinity;
  #drawn = false;

  constructor(io: CliIO, options: { tty?: boolean; intervalMs?: number; now?: () => number } = {}) {
    this.#io = io;
    this.#tty = options.tty ?? io.stderr.isTTY === true;
    this.#intervalMs = options.intervalMs ?? 10_000;
    this.#now = options.now ?? Date.now;
  }

  line(text: string): void {
    this.finish();
    this.#io.stderr.write(`${text}\n`);
  }

  #head(stage: (typeof INSTALL_STAGES)[number]): string {
    return m.stage(INSTALL_STAGES.indexOf(stage) + 1, INSTALL_STAGES.length, stage);
  }

  handle(event: InstallEvent): void {
    switch (event.type) {
      case 'start':
        this.line(m.start(event.request, event.log));
        return;
      case 'reused':
        this.line(m.reused(event.manifest.name, event.manifest.prefix));
        return;
      case 'backend':
        if (event.status === 'skipped') this.line(m.backendSkipped(event.backend, event.reason ?? ''));
        else if (event.status === 'failed') this.line(m.backendFailed(event.backend, event.reason ?? ''));
        else this.line(m.backendTrying(event.backend, event.reason));
        return;
      case 'stage': {
        const head = this.#head(event.stage);
        const elapsed = formatDuration(event.elapsed_ms);
        const text =
          event.fraction === null
            ? m.stageRunning(head, event.detail, elapsed)
            : m.stageProgress(head, progressBar(event.fraction, 1), event.detail, elapsed, event.eta_ms === null ? null : formatDuration(event.eta_ms));
        if (this.#tty) {
          const width = this.#io.stderr.columns ?? 100;
          this.#io.stderr.write(`\r\x1b[K${text.slice(0, Math.max(20, width - 1))}`);
          this.#drawn = true;
        } else if (this.#now() - this.#lastLine >= this.#intervalMs) {
          this.#lastLine = this.#now();
          this.line(text);
        }
        return;
      }
      case 'stage-done':
        this.line(m.stageDone(this.#head(event.stage), formatDuration(event.seconds * 1000)));
        this.#lastLine = -Infinity;
        return;
      case 'installed': {
        const x = event.manifest;
        this.line(m.installed(x.name, x.prefix, x.backend, formatDuration(x.duration_s * 1000)));
        if (x.missing_modules.length > 0) this.line(m.lacks(x.missing_modules));
        this.line(m.logKept(x.log));
        return;
      }
    }
  }

  /** Leaves the terminal clean. */
  finish(): void {
    if (this.#drawn) this.#io.stderr.write('\r\x1b[K');
    this.#drawn = false;
  }
}
