/* global process, console, URL */
// The other side of the node-pool comparisons: the same cell in a bare piscina script, as a user
// would write it without poolscope. One pool of exactly N workers per thread count (piscina's
// defaults otherwise), `warmup` unrecorded repetitions, then `repeats` rounds of every thread
// count in turn; each repetition times submitting `tasks` tasks (task i gets i, as
// `executor.map(task, range(num_tasks))`) and awaiting every result. Prints
//   {"walls": {"THREADS": [wall_ns per repetition]}, "failed": 0}
// Usage: node cells/bare-piscina.mjs '{"tasks":1000,"threads":[1,2],"repeats":5,"warmup":1,"taskWork":12345}'
import { Piscina } from 'piscina';

const spec = JSON.parse(process.argv[2] ?? '{}');
const filename = new URL('./bare-piscina-worker.mjs', import.meta.url).href;

const pools = new Map(spec.threads.map((n) => [n, new Piscina({ filename, minThreads: n, maxThreads: n, workerData: { work: spec.taskWork } })]));

async function repetition(pool) {
  const start = process.hrtime.bigint();
  const pending = new Array(spec.tasks);
  for (let i = 0; i < spec.tasks; i++) pending[i] = pool.run(i);
  await Promise.all(pending);
  return Number(process.hrtime.bigint() - start);
}

for (const pool of pools.values()) for (let w = 0; w < spec.warmup; w++) await repetition(pool);
const walls = Object.fromEntries(spec.threads.map((n) => [n, []]));
for (let r = 0; r < spec.repeats; r++) for (const [n, pool] of pools) walls[n].push(await repetition(pool));
await Promise.all([...pools.values()].map((pool) => pool.destroy()));
console.log(JSON.stringify({ walls, failed: 0 }));
