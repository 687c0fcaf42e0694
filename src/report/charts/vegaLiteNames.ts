import { createRequire } from 'node:module';
import { z } from 'zod';

/** The names a Vega-Lite spec may use where a misspelling is not caught by Vega-Lite itself, or only with a confusing message. */
export interface VegaLiteNames {
  marks: string[];
  channels: string[];
  types: string[];
}

const enumOf = z.object({ enum: z.array(z.string()) });
const constOf = z.object({ const: z.string() });

/** The parts of Vega-Lite's JSON schema that hold those names (the schema ships with the package). */
const schemaNames = z.object({
  definitions: z.object({
    Mark: enumOf,
    BoxPlot: constOf,
    ErrorBar: constOf,
    ErrorBand: constOf,
    Type: enumOf,
    FacetedEncoding: z.object({ properties: z.record(z.string(), z.unknown()) }),
  }),
});

let names: VegaLiteNames | undefined;

/**
 * The marks, encoding channels and field types of the installed Vega-Lite,
 * read from its own JSON schema so that they follow its version.
 *
 * @example vegaLiteNames().marks.includes('bar') // true
 */
export function vegaLiteNames(): VegaLiteNames {
  if (names) return names;
  const { definitions } = schemaNames.parse(createRequire(import.meta.url)('vega-lite/vega-lite-schema.json'));
  names = {
    marks: [...definitions.Mark.enum, definitions.BoxPlot.const, definitions.ErrorBar.const, definitions.ErrorBand.const],
    channels: Object.keys(definitions.FacetedEncoding.properties),
    types: definitions.Type.enum,
  };
  return names;
}
