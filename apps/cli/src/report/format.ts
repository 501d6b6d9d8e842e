/** Number formats of the report: what a reader of the RCA expects to see. */

/** `10,000`: task and thread counts with thousands separators (fixed locale, so reports never vary). */
export const count = (n: number): string => n.toLocaleString('en-US');

/** `1.9x`, `0.43x`, `10.7x`: a speedup or a ratio, one decimal from 1 up, two significant figures below (as the analysis writes them). */
export function times(x: number): string {
  return `${x >= 1 ? x.toFixed(1) : x.toPrecision(2)}x`;
}

/** `1.9x (95% CI 1.7x-2.0x)` */
export function timesWithCi(x: number, ci: readonly [number, number]): string {
  return `${times(x)} (95% CI ${times(ci[0])}-${times(ci[1])})`;
}

/** `42%` of a fraction. */
export const percent = (fraction: number): string => `${Math.round(fraction * 100)}%`;

/** `0.123 s`, `12.3 ms`, `45 us`: three significant figures in a unit that suits. */
export function seconds(s: number): string {
  const sig = (v: number) => Number(v.toPrecision(3)).toString();
  if (s >= 1) return `${sig(s)} s`;
  if (s >= 1e-3) return `${sig(s * 1e3)} ms`;
  return `${sig(s * 1e6)} us`;
}

/** `0.3 s`, `52.4 s`, `2m 11s`, `1h 05m`: how long a stage took. */
export function duration(s: number): string {
  if (s < 60) return `${s.toFixed(1)} s`;
  const whole = Math.round(s);
  if (whole < 3600) return `${Math.floor(whole / 60)}m ${String(whole % 60).padStart(2, '0')}s`;
  return `${Math.floor(whole / 3600)}h ${String(Math.floor((whole % 3600) / 60)).padStart(2, '0')}m`;
}

/** `23.4 GiB` */
export const gibibytes = (bytes: number): string => `${(bytes / 2 ** 30).toFixed(1)} GiB`;

/** `1, 2 and 4` */
export function listAnd(items: readonly (string | number)[]): string {
  const texts = items.map(String);
  if (texts.length <= 1) return texts.join('');
  return `${texts.slice(0, -1).join(', ')} and ${texts.at(-1)}`;
}
