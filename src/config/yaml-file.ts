import { readFileSync } from 'node:fs';
import { LineCounter, parseDocument } from 'yaml';
import { UserError } from '../errors.js';

/**
 * Reads a YAML file into plain JS values; a missing file or a syntax error is
 * a one-line UserError (`file:line:col` for syntax). `missing` says what to do
 * when the file is not there.
 */
export function readYamlFile(path: string, missing: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new UserError(`${path}: ${missing}`);
  }
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { prettyErrors: false, lineCounter });
  const yamlError = document.errors[0];
  if (yamlError) {
    const { line, col } = lineCounter.linePos(yamlError.pos[0]);
    throw new UserError(`${path}:${line}:${col}: invalid YAML: ${yamlError.message.split('\n')[0]}`);
  }
  return document.toJS();
}
