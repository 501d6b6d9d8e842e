/** How a race against the clock ended. */
export type Raced<T> = { readonly done: true; readonly value: T } | { readonly done: false };

/**
 * Waits for `promise` at most `ms` milliseconds. A promise that settles later is left to settle
 * unobserved (its rejection is swallowed, so it cannot become an unhandled rejection).
 */
export async function withTimeout<T>(promise: Promise<T>, ms: number): Promise<Raced<T>> {
  promise.catch(() => undefined);
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<Raced<T>>((resolve) => {
    timer = setTimeout(() => resolve({ done: false }), ms);
  });
  try {
    return await Promise.race([promise.then((value): Raced<T> => ({ done: true, value })), expired]);
  } finally {
    clearTimeout(timer);
  }
}
