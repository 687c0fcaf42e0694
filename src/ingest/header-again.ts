import { UserError } from '../errors.js';
import type { CanonicalPlan } from './canonical.js';
import { LineMap } from './line-map.js';
import type { PreparedSource } from './source/prepare.js';
import type { Layout } from './staging.js';
import type { FileStats } from './stats.js';

/** The refusal of a file whose header comes again in another order: `line` is where (the page says it in its language). */
export class ReorderedHeader extends UserError {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
  }
}

/**
 * Refuses a file whose header comes again with its columns in another order
 * (canonical.ts, headerAgainSql): two exports joined into one file, the rows
 * after it read by the first header's positions would put parents in the
 * place of responses, authors in the place of texts. `lines`: the file's line
 * map when the caller has one.
 */
export async function refuseReorderedHeader(source: PreparedSource, layout: Layout, plan: CanonicalPlan, stats: FileStats, lines: LineMap | null): Promise<void> {
  const found = stats.rejects[plan.codes.reorderedHeader - 1];
  if (!found || found.count === 0 || found.firstRow === null) return;
  const line = (lines ?? (await LineMap.build(source, layout, stats.rows))).lineOf(found.firstRow);
  throw new ReorderedHeader(
    `${source.path}:${line}: the header comes again here with its columns in another order (exports joined into one file?): the rows after it would be read into the wrong columns. Split the file at line ${line} and import each part.`,
    line,
  );
}
