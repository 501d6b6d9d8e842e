// Compile-time check, run by `pnpm typecheck` (not a vitest file): the schemas plots reads
// summary.json with must accept everything the analysis writes, so the two packages cannot drift
// apart unnoticed. A field the analysis renames or retypes makes this file fail to compile.
import type { AnalysisSummary, ScalingAnalysis } from '@poolscope/analysis';
import type { ScalingDocument, SummaryDocument } from '../../src/data/summary-schema.js';

export const summaryFitsSchema = (summary: AnalysisSummary): SummaryDocument => summary;
export const scalingFitsSchema = (analysis: ScalingAnalysis): ScalingDocument => analysis;
