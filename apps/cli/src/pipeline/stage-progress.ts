import { isAbsolute, relative } from 'node:path';
import type { RunEvent } from '@poolscope/runner';
import { ProgressRenderer } from '../commands/run-progress.js';
import type { CliIO } from '../io.js';
import { duration } from '../report/format.js';
import type { ReportStage, StageResult } from '../report/write-report.js';
import { pipelineMessages as m } from './messages.js';

/** What a finished stage did, in a few words. */
function stageSummary(result: StageResult): string {
  switch (result.stage) {
    case 'analyse':
      return m.analysed(result.summary.groups.length);
    case 'figures':
      return m.drew(result.plotted.written.length, result.plotted.skipped.length);
    case 'report':
      return m.reported;
  }
}

/**
 * One progress display over the stages of `poolscope pipeline` (measure, analyse, figures,
 * report) and `poolscope report` (the last three): `[i/n] stage` while a stage runs (a bar of cells
 * with the ETA while measuring, on a terminal), one line with what it did and how long it took when
 * it ends. Without a terminal only whole lines are written, so a log reads cleanly.
 */
export class StageProgress {
  readonly #io: CliIO;
  readonly #total: number;
  /** Stages before the first one this display numbers (0 for the pipeline, which measures first). */
  readonly #first: number;
  readonly #tty: boolean;
  #transient = false;
  #cells: ProgressRenderer | undefined;

  constructor(io: CliIO, total: number, first: number) {
    this.#io = io;
    this.#total = total;
    this.#first = first;
    this.#tty = io.stderr.isTTY === true;
  }

  /** A path as the user should see it: relative to the working directory when under it. */
  shown(file: string): string {
    const rel = relative(this.#io.cwd, file);
    return rel === '' || rel.startsWith('..') || isAbsolute(rel) ? file : rel;
  }

  #clear(): void {
    if (this.#transient) this.#io.stderr.write('\r\x1b[K');
    this.#transient = false;
  }

  /** A line of its own. */
  line(text: string): void {
    if (this.#cells) this.#cells.line(text);
    else {
      this.#clear();
      this.#io.stderr.write(`${text}\n`);
    }
  }

  /**
   * The measuring stage's events, drawn by `poolscope run`'s own renderer (a bar of cells with the
   * ETA on a terminal, periodic lines otherwise), after a line that opens the stage.
   */
  measure(event: RunEvent): void {
    if (!this.#cells) {
      this.line(`${m.stage(1, this.#total, m.stageNames.measure)} ...`);
      this.#cells = new ProgressRenderer(this.#io);
    }
    this.#cells.handle(event);
  }

  /** Ends the measuring stage with what it wrote. */
  measured(seconds: number, what: string): void {
    this.#cells?.finish();
    this.#cells = undefined;
    this.line(m.stageDone(1, this.#total, m.stageNames.measure, what, duration(seconds)));
  }

  /** A stage after measuring starts or ends. */
  stage(event: { readonly stage: ReportStage; readonly done?: { readonly seconds: number; readonly result: StageResult } }): void {
    const index = this.#first + (['analyse', 'figures', 'report'] as const).indexOf(event.stage) + 1;
    const name = m.stageNames[event.stage];
    if (!event.done) {
      if (this.#tty) {
        this.#clear();
        this.#io.stderr.write(`${m.stage(index, this.#total, name)} ...`);
        this.#transient = true;
      }
      return;
    }
    this.line(m.stageDone(index, this.#total, name, stageSummary(event.done.result), duration(event.done.seconds)));
    if (event.done.result.stage === 'figures') for (const s of event.done.result.plotted.skipped) this.line(m.skippedFigure(s.name, s.reason));
  }

  /** Leaves the terminal clean (after an error too). */
  finish(): void {
    this.#cells?.finish();
    this.#clear();
  }
}
