import { lstatSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import { UserError } from '../errors.js';
import { type GenericMapping, loadGenericMapping, mappingFits } from '../ingest/formats/generic.js';
import { isRealFolder } from '../paths.js';
import { freeName } from './free-name.js';

/** The client's folder of column mappings the page saved, which `replybench import --mapping` reads too. */
const MAPPINGS = 'mappings';

/** The mapping files of a client's folder, newest first: regular files only, never a link out of the folder. */
function mappingFiles(folder: string): string[] {
  const mappings = join(folder, MAPPINGS);
  if (!isRealFolder(mappings)) return [];
  return readdirSync(mappings)
    .filter((name) => extname(name) === '.yaml')
    .map((name) => ({ path: join(mappings, name), stat: lstatSync(join(mappings, name)) }))
    .filter(({ stat }) => stat.isFile())
    .sort((a, b) => b.stat.mtimeMs - a.stat.mtimeMs)
    .map(({ path }) => path);
}

/**
 * The newest mapping saved for an earlier export whose every column the file's header `names` holds: next month's
 * export of a layout the import does not know opens the mapper on the columns picked last time. Null when none fits;
 * a file that is no valid mapping is passed over.
 */
export function savedMappingFor(folder: string, names: readonly string[]): { file: string; mapping: GenericMapping } | null {
  for (const path of mappingFiles(folder)) {
    try {
      const mapping = loadGenericMapping(path);
      if (mappingFits(mapping, names)) return { file: relative(folder, path), mapping };
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
    }
  }
  return null;
}

/**
 * The file that holds a mapping of `text` (as written) for an import of `exportName`: a saved one with the same text
 * when there is one (the same layout imported again month after month adds no copy), else a new mappings/<export>.yaml.
 */
export function mappingFileFor(folder: string, exportName: string, text: string): string {
  const same = mappingFiles(folder).find((path) => readFileSync(path, 'utf8') === text);
  if (same) return same;
  mkdirSync(join(folder, MAPPINGS), { recursive: true });
  const path = freeName(join(folder, MAPPINGS), `${exportName.slice(0, exportName.length - extname(exportName).length)}.yaml`);
  writeFileSync(path, text);
  return path;
}
