/**
 * Runs `count` tasks on the current event loop with at most `limit` of them in flight, and
 * returns their results in task order: `limit` lanes each take the next task index as soon as
 * their previous task settles. A task that throws rejects the whole batch, as
 * `list(executor.map(...))` raises the first task exception.
 *
 * Synchronous tasks cannot overlap here whatever the limit (one thread runs them all); tasks that
 * await can.
 */
export async function runOnEventLoop<R>(count: number, limit: number, task: (index: number) => R | Promise<R>): Promise<R[]> {
  const results = new Array<R>(count);
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < count) {
      const index = next++;
      results[index] = await task(index);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, count)) }, lane));
  return results;
}
