// Runs compared commands side by side: round after round, every command in turn (A B A B ...),
// with what the rest of the machine did meanwhile. The caller holds the measuring lock.
import { interleave } from './stats.mjs';
import { machineLoad, ticks, waitForQuiet } from './machine.mjs';

/**
 * Runs `commands` ({ name: () => Promise<result> }) for `rounds` rounds in interleaved order and
 * returns one entry per round: { round, results: { name: result }, waited_s, others_cores,
 * steal_share }. Each round first waits (5 s at most) for the rest of the machine to be quiet.
 * `onRound` sees each round as it ends (for progress).
 */
export async function compareInRounds({ commands, rounds, onRound = () => undefined }) {
  const order = interleave(Object.keys(commands), rounds);
  const out = [];
  for (let round = 0; round < rounds; round++) {
    const waited_s = await waitForQuiet();
    const before = ticks();
    const results = {};
    for (const { name } of order.filter((o) => o.round === round)) results[name] = await commands[name]();
    const entry = { round, results, waited_s, ...machineLoad(before, ticks()) };
    out.push(entry);
    onRound(entry);
  }
  return out;
}

/** The median, min and max of a list of machine-load numbers, skipping unknowns (null off Linux). */
export function loadSummary(entries, key) {
  const values = entries.map((e) => e[key]).filter((v) => v !== null && v !== undefined);
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return { median: sorted[sorted.length >> 1], max: sorted.at(-1) };
}
