import type { ModelSpec } from './_least-squares.js';

/**
 * `spec` on the log scale: ln f(p, x), with gradient ∇f / f. Least squares on ln y is maximum
 * likelihood when the noise is multiplicative and log-normal, y = f(x) e^ε with ε ~ N(0, τ²), as
 * timings' noise is (it grows with the time measured): on the original scale such noise is
 * heteroscedastic, and unweighted least squares there gives the largest values the most say.
 */
export function logScale<P extends string>(spec: ModelSpec<P>): ModelSpec<P> {
  return {
    ...spec,
    value: (p, x) => Math.log(spec.value(p, x)),
    gradient: (p, x) => {
      const f = spec.value(p, x);
      // A model's gradient is a fresh array per call: divide it in place.
      const g = spec.gradient(p, x);
      for (let i = 0; i < g.length; i++) g[i] = g[i]! / f;
      return g;
    },
  };
}
