/** Every text @poolscope/plots puts in a figure or an error, in one place. */
export const plotsMessages = {
  threadScalingTitle: (taskTypeLabel: string) => `Speedup vs threads, ${taskTypeLabel}`,
  threadScalingSubtitle: 'One panel per task count; higher is better, the dashed grey line is perfect scaling.',
  gilImpactTitle: 'Speedup vs threads, cpu-bound vs io-bound tasks',
  gilImpactSubtitle: 'Rows: task type; columns: task count. The dashed grey line is perfect scaling.',
  breakdownTitle: 'Where the time goes inside the pool',
  breakdownSubtitle: 'Bars: thread time per function category (left axis); lines: speedup and CPU cores kept busy (right axis).',
  distributionTitle: 'Share of thread time per function category',
  distributionSubtitle: 'Each bar is 100% of the thread time of one cell; one panel per task count.',
  uslFitTitle: 'Scalability fits: Universal Scalability Law and Amdahl',
  uslFitSubtitle: 'Points: measured medians; N*: USL peak; 1/s: the Amdahl limit no thread count exceeds.',
  noFit: 'too few points to fit',
  peak: (x: string, y: string) => `USL peak at N* = ${x}, value ${y}`,
  noPeak: 'USL: no peak (κ = 0)',
  asymptote: (y: string) => `Amdahl limit 1/s = ${y}`,
} as const;
