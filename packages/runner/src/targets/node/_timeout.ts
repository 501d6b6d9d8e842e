/** How a race against the clock ended. */
export type Raced<T> = { readonly done: true; readonly value: T } | { readonly done: false };

/** The longest delay a Node timer takes; longer ones fire at once (Node's TIMEOUT_MAX, 2^31 - 1 ms). */
const TIMER_MAX_MS = 2 ** 31 - 1;

/**
 * Waits for `promise` at most `ms` milliseconds (at most about 24.8 days, the longest Node timer). A promise that settles later is left to settle
 * unobserved (its rejection is swallowed, so it cannot become an unhandled rejection).
 */
export async function withTimeout<T>(promise: Promise<T>, ms: number): Promise<Raced<T>> {
  promise.catch(() => undefined);
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<Raced<T>>((resolve) => {
    timer = setTimeout(() => resolve({ done: false }), Math.min(ms, TIMER_MAX_MS));
  });
  try {
    return await Promise.race([promise.then((value): Raced<T> => ({ done: true, value })), expired]);
  } finally {
    clearTimeout(timer);
  }
}
