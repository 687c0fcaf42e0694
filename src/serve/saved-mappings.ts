import { existsSync, lstatSync, mkdirSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import { stringify } from 'yaml';
import { UserError } from '../errors.js';
import { type GenericMapping, loadGenericMapping, mappingFits, parseGenericMapping } from '../ingest/formats/generic.js';
import { isLink, isRealFolder } from '../paths.js';
import { stableJson } from '../stable-json.js';
import { freeName } from './free-name.js';

/** The client's folder of column mappings the page saved, which `replybench import --mapping` reads too. */
const MAPPINGS = 'mappings';

/** The valid mappings of a client's folder, the last used first: regular files only, never a link out of the folder. */
function savedMappings(folder: string): Array<{ path: string; mapping: GenericMapping }> {
  const mappings = join(folder, MAPPINGS);
  if (!isRealFolder(mappings)) return [];
  return readdirSync(mappings)
    .filter((name) => extname(name) === '.yaml')
    .map((name) => ({ path: join(mappings, name), stat: lstatSync(join(mappings, name)) }))
    .filter(({ stat }) => stat.isFile())
    .sort((a, b) => b.stat.mtimeMs - a.stat.mtimeMs)
    .flatMap(({ path }) => {
      try {
        return [{ path, mapping: loadGenericMapping(path) }];
      } catch (error) {
        // Not a mapping (or one of another version of the file's keys): passed over.
        if (error instanceof UserError) return [];
        throw error;
      }
    });
}

/**
 * The mapping last used for an earlier export that reads this one (its header `names`, its `delimiter`): next month's
 * export of a layout the import does not know opens the mapper on the columns picked last time. Without its zone:
 * the page's own zone field says how times naming none are read, as for a new mapping. Null when none fits.
 */
export function savedMappingFor(folder: string, names: readonly string[], delimiter: string | null): { file: string; mapping: GenericMapping } | null {
  const found = savedMappings(folder).find(({ mapping }) => mappingFits(mapping, names, delimiter));
  if (!found) return null;
  const { timezone: _zone, ...date } = found.mapping.date;
  return { file: relative(folder, found.path), mapping: { ...found.mapping, date } };
}

/**
 * The file that holds `mapping` for an import of `exportName`: a saved one that says the same (the same layout
 * imported month after month adds no copy; it becomes the last used), else a new mappings/<export>.yaml. A mapping
 * the import would refuse is written as sent, for the import to say why; `created` when it is new (the import that
 * fails removes it).
 */
export function mappingFileFor(folder: string, exportName: string, mapping: unknown): { path: string; created: boolean } {
  const mappings = join(folder, MAPPINGS);
  if ((existsSync(mappings) || isLink(mappings)) && !isRealFolder(mappings)) throw new UserError(`${MAPPINGS}/ in the client's folder is a link or a file, not a folder: remove it, and the page makes the folder again.`);
  let wanted: string | null = null;
  try {
    wanted = stableJson(parseGenericMapping(mapping, 'mapping'));
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
  }
  const same = wanted === null ? undefined : savedMappings(folder).find(({ mapping: saved }) => stableJson(saved) === wanted);
  if (same) {
    const now = new Date();
    utimesSync(same.path, now, now);
    return { path: same.path, created: false };
  }
  mkdirSync(mappings, { recursive: true });
  const path = freeName(mappings, `${exportName.slice(0, exportName.length - extname(exportName).length)}.yaml`);
  writeFileSync(path, stringify(mapping), { flag: 'wx' });
  return { path, created: true };
}
