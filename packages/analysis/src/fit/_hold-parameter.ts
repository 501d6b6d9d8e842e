import type { ModelSpec } from './_least-squares.js';

/**
 * `spec` with parameter `index` held at `value`: a model of the other parameters, in their order.
 * The profile of that parameter minimizes this model's residual sum of squares.
 */
export function holdParameter<P extends string>(spec: ModelSpec<P>, index: number, value: number): ModelSpec<P> {
  const k = spec.names.length;
  // Profiles call these thousands of times per group: plain loops, one array each.
  const full = (p: readonly number[]) => {
    const out = new Array<number>(k);
    for (let i = 0; i < k; i++) out[i] = i < index ? p[i]! : i === index ? value : p[i - 1]!;
    return out;
  };
  const drop = <T>(values: readonly T[]) => {
    const out = new Array<T>(k - 1);
    for (let i = 0; i < k - 1; i++) out[i] = values[i < index ? i : i + 1]!;
    return out;
  };
  return {
    names: drop(spec.names),
    lower: drop(spec.lower),
    upper: drop(spec.upper),
    scaleIndex: spec.scaleIndex === null || spec.scaleIndex === index ? null : spec.scaleIndex - (spec.scaleIndex > index ? 1 : 0),
    value: (p, x) => spec.value(full(p), x),
    gradient: (p, x) => drop(spec.gradient(full(p), x)),
    starts: () => [],
  };
}
