// Why a "poolscope / bare script" figure stands where it does, from what the rounds measured.
import { median } from './stats.mjs';

/**
 * The two sides' medians over all rounds, how far apart they are, and, when they agree within 2%
 * while the paired ratios spread wider, that the spread is the rounds' noise rather than a cost
 * of poolscope's. `a` and `b` are the per-round medians of poolscope's side and the bare side (ns).
 */
export function overheadReason(bareName, a, b, samples) {
  const [ma, mb] = [median(a), median(b)];
  const gap = ma / mb - 1;
  const spread = Math.max(...samples) - Math.min(...samples);
  const text = `median cell ${(ma / 1e6).toFixed(1)} ms in poolscope vs ${(mb / 1e6).toFixed(1)} ms in the ${bareName} (${gap >= 0 ? '+' : ''}${(100 * gap).toFixed(1)}%)`;
  if (Math.abs(gap) < 0.02 && spread > 0.1) return `${text}; the rounds' ratios spread over ${spread.toFixed(2)}: noise of the machine, not a cost of poolscope's`;
  return text;
}
