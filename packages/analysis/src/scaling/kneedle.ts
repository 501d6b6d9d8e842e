/**
 * The knee of a rising curve by Kneedle (Satopää, Albrecht, Irwin & Raghavan, "Finding a 'Kneedle'
 * in a Haystack", ICDCS workshops 2011), offline form: scale x and y to [0, 1], take the difference
 * curve y' - x', and return the x where it is largest. Null with fewer than 3 points, a flat curve,
 * or a difference curve that never rises above 0 (no knee: the curve is straight or convex).
 */
export function kneedle(x: readonly number[], y: readonly number[]): number | null {
  if (x.length < 3) return null;
  const xMin = Math.min(...x);
  const xMax = Math.max(...x);
  const yMin = Math.min(...y);
  const yMax = Math.max(...y);
  if (xMax === xMin || yMax === yMin) return null;
  let best = -Infinity;
  let knee: number | null = null;
  x.forEach((xi, i) => {
    const d = (y[i]! - yMin) / (yMax - yMin) - (xi - xMin) / (xMax - xMin);
    if (d > best) {
      best = d;
      knee = xi;
    }
  });
  return best > 0 ? knee : null;
}
