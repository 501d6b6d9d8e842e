import { targetsMessages } from '../commands/targets-messages.js';
import { PIPELINE_PROFILES } from './profiles.js';

const plural = (n: number, word: string, words = `${word}s`) => `${n} ${n === 1 ? word : words}`;

/** Every text `poolscope pipeline` and `poolscope report` print, and the runtime descriptions they record. */
export const pipelineMessages = {
  pipelineDescription: 'run the whole job: measure, analyse, draw the figures and write the report into results/<run-id>/',
  reportDescription: 'recompute the analysis, the figures and the report of a run directory from its raw CSVs, measuring nothing',
  reportDirArgument: 'run directory: reads DIR/raw/*timings*.csv (and profile.csv, host*.json), writes DIR/analysis, DIR/figures, DIR/report.{md,html}',
  profileOption: `the matrix to run: ${PIPELINE_PROFILES.join(' or ')} (see below)`,
  callStacksOption: "also run each cell once under a call-stack profiler (raw/profile.csv, Experiment 3); the rca profile's default",
  noCallStacksOption: 'do not profile call stacks, whatever the profile says',
  resultsOption: 'where run directories go: DIR/<run-id>, and DIR/latest points at the newest',
  resumeOption: 'continue the run in DIR/latest (or DIR/<--run-id>) where it stopped, then analyse and report it',
  formatOption: 'figure formats, comma-separated (svg, png)',
  fromProfile: 'from --profile',
  seeRunHelp: 'see `poolscope run --help`',
  runIdOption: "the run id rows carry, and the run directory's name",
  runIdDefault: 'the UTC start time and the profile, 20251126-001500-default',
  badProfileHint: 'default fits a few minutes on this machine; rca runs the RCA\'s whole matrix (hours on a small machine).',
  pipelineHelpAfter: `
Profiles (any option of \`poolscope run\` given here overrides the profile):
  default  node-pool, node-main and the CPython pair found (newest GIL build and a free-threaded
           build, the same minor version when possible); cpu and io tasks of 50 us; 100, 1000,
           10000 tasks; threads 1, 2, 4, ... up to 2 x cores; 3 repeats. About 3 minutes on 2 cores.
  rca      the RCA's matrix: 100 to 100000 tasks; threads 1, 2, 4, 8 and 12 (or up to the core
           count); 5 repeats after a warm-up; cpu tasks of 200 us, io waits of 1 ms; call stacks.

Examples:
  poolscope pipeline
  poolscope pipeline --profile rca --results /data/poolscope
  poolscope pipeline --targets node-pool,python3.13t --tasks 1000 --repeats 5
  poolscope pipeline --resume`,

  recordNotJson: (file: string, reason: string) => `${file}: not valid JSON: ${reason}`,
  recordInvalid: (file: string, problems: string) => `${file}: not a pipeline record: ${problems}`,
  recordHint: 'raw/pipeline.json is written by `poolscope pipeline`; delete it and the report is written without what it recorded.',

  // Runtimes.
  nodePool: (version: string) => `Node ${version}, worker pool (piscina)`,
  nodeMain: (version: string) => `Node ${version}, one event loop`,
  gilBuild: 'GIL build',
  freeThreadedBuild: 'free-threaded build',
  gilOn: 'GIL on',
  gilOff: 'GIL off',
  notCpython: (implementation: string) => `${implementation}, not CPython: the RCA compares CPython builds`,
  sameVersionName: (name: string, chosen: string) => `${name} names ${chosen}, a newer release of the same version`,
  olderThan: (build: string, chosen: string, version: string) => `an older ${build} than ${chosen} (${version})`,
  notPaired: 'not part of the pair measured',
  newerUnpaired: (build: string, chosen: string, partner: string) =>
    `a newer ${build}, but ${chosen} is measured instead: it pairs with ${partner}, of the same minor version`,
  noPythonFound: 'no usable CPython was found: only the Node targets are measured',
  noFreeThreaded:
    'no free-threaded CPython build was found, so there is no GIL vs free-threaded comparison; build one ' +
    '(`poolscope python install --pair 3.13`), or name it with --targets ...,python:/path/to/python3.13t',
  targetsGiven: 'targets given with --targets: no interpreter search',
  namedTarget: 'named with --targets',
  callStacksOff: (profile: string) => `profile ${profile} does not record them (--call-stacks does)`,
  nothingToResume: (dir: string) => `${dir}: no run to resume`,
  nothingToResumeHint: 'Start a new run with `poolscope pipeline`, or name the run to resume: --resume --run-id ID (a directory under --results).',
  interruptedHint: (results: string) => `Continue it, then analyse and report it, with: poolscope pipeline --resume${results}`,
  runExists: (dir: string) => `${dir} already holds a pipeline run`,
  runExistsHint: 'Pass --resume to continue it, or choose another --run-id.',


  // Progress.
  heading: (profile: string, cores: number, dir: string) => `poolscope pipeline: profile ${profile}, ${plural(cores, 'logical core')} -> ${dir}`,
  resuming: (dir: string) => `poolscope pipeline: resuming ${dir}`,
  reportHeading: (dir: string) => `poolscope report: ${dir} (from its raw CSVs; nothing is measured)`,
  searching: 'looking for Python interpreters ...',
  measuring: 'measuring:',
  usedRuntime: (target: string, description: string) => `  ${target}: ${description}`,
  skippedHeading: (count: number) => `skipped ${plural(count, 'interpreter')}:`,
  skippedRuntime: (name: string, version: string | null, reason: string) => `  ${name}${version ? ` ${version}` : ''}: ${reason}`,
  note: (text: string) => `note: ${text}`,
  pyenvShims: targetsMessages.shimsCounted,
  stage: (index: number, total: number, name: string) => `[${index}/${total}] ${name}`,
  stageDone: (index: number, total: number, name: string, what: string, seconds: string) => `[${index}/${total}] ${name}: ${what} (${seconds})`,
  stageNames: { measure: 'measure', analyse: 'analyse', figures: 'figures', report: 'report' },
  measured: (cells: number, rows: number, failed: number) =>
    `${plural(cells, 'cell')}, ${plural(rows, 'row')} written${failed ? `, ${failed} failed` : ''}`,
  analysed: (groups: number) => `${plural(groups, 'group')} -> analysis/`,
  drew: (figures: number, skipped: number) => `${plural(figures, 'figure')} -> figures/${skipped ? ` (${skipped} skipped)` : ''}`,
  skippedFigure: (name: string, reason: string) => `  ${name} skipped: ${reason}`,
  reported: 'report.md, report.html',
  finished: (report: string) => `done: open ${report}`,
  share: (measure: string, rest: string, percent: string) => `measuring took ${measure}; analysis, figures and report ${rest} (${percent} of the measuring time)`,
} as const;
