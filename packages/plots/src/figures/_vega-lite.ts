/**
 * The parts of a Vega-Lite spec the figure builders define apart and reuse across layers, typed
 * as Vega-Lite types them. vega-lite's index exports only `TopLevelSpec` and `Config`; the rest it
 * offers as `types_unstable` (vega-lite is pinned in the workspace catalog, so they hold still).
 */
import type { Field } from 'vega-lite/types_unstable/channeldef.js';
import type { LayerSpec } from 'vega-lite/types_unstable/spec/index.js';

export type { Field, MarkPropFieldDef, PositionFieldDef, StringFieldDef } from 'vega-lite/types_unstable/channeldef.js';
export type { Axis } from 'vega-lite/types_unstable/axis.js';
export type { Scale } from 'vega-lite/types_unstable/scale.js';
export type { TopLevelFacetSpec } from 'vega-lite/types_unstable/spec/index.js';
export type { FilterTransform } from 'vega-lite/types_unstable/transform.js';

/**
 * One layer of a layered spec. Layers built apart (a group of them that a figure may leave out)
 * are typed with it (or built by `layersIf`): TypeScript does not carry the spec's type into
 * `...spread` elements.
 */
export type Layer = LayerSpec<Field>['layer'][number];

/** `layers` when `include`, else none: a group of layers a figure leaves out when it would draw nothing. */
export function layersIf(include: boolean, layers: Layer[]): Layer[] {
  return include ? layers : [];
}
