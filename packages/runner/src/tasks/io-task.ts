/**
 * The io-bound tasks: wait at least `work` microseconds without burning CPU, as `time.sleep` does
 * in a Python thread.
 *
 * Neither kind of wait trusts its timer to end late enough. Node's timers run on the event loop's
 * cached clock, which was read before the timer was set, so a 3 ms timer can fire 2.7 ms after it
 * was set by `process.hrtime` (we saw 0.93 ms for a 1 ms one); a timed `Atomics.wait` measures its
 * timeout on a clock of V8's own. So each wait checks the monotonic clock when it wakes and waits
 * again for whatever is left: never shorter than asked, and never spinning.
 */

// One shared cell nobody ever notifies: waiting on it always runs into the timeout.
const neverNotified = new Int32Array(new SharedArrayBuffer(4));

/** Nanoseconds left until `deadline` on the monotonic clock (process.hrtime, ns). */
const leftNs = (deadline: bigint): number => Number(deadline - process.hrtime.bigint());

/**
 * Blocks the calling thread for at least `work` microseconds (a worker thread's `time.sleep`).
 * `Atomics.wait` parks the thread in the kernel with sub-millisecond resolution; it cannot be
 * used on the main thread of a browser, but Node allows it in any thread.
 */
export function ioTaskBlocking(work: number): number {
  const deadline = process.hrtime.bigint() + BigInt(Math.round(work * 1000));
  for (let left = work * 1000; left > 0; left = leftNs(deadline)) Atomics.wait(neverNotified, 0, 0, left / 1e6);
  return work;
}

const sleepMs = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Waits at least `work` microseconds on the event loop, letting other tasks run meanwhile (the
 * event-loop analogue of a sleeping thread). Node's timers take whole milliseconds, so each wait
 * is rounded up to the next millisecond: a wait ends 0 to 1 ms late, never early.
 */
export async function ioTaskAsync(work: number): Promise<number> {
  const deadline = process.hrtime.bigint() + BigInt(Math.round(work * 1000));
  for (let left = work * 1000; left > 0; left = leftNs(deadline)) await sleepMs(Math.max(1, Math.ceil(left / 1e6)));
  return work;
}
