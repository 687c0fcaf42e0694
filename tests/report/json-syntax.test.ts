/** The line, column and reason of a template file's first JSON mistake, for files JSON.parse refuses. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonSyntaxError } from '../../src/report/json-syntax.js';

function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** A JSON text with one character removed, replaced or added somewhere: mostly broken, sometimes still JSON. */
const edited = fc
  .tuple(fc.json(), fc.nat(), fc.constantFrom('', ',', '}', ']', '"', ':', '\n', '\\', 'x', '0', '-', '.', ' '), fc.boolean())
  .map(([text, at, char, replace]) => {
    const position = text.length === 0 ? 0 : at % text.length;
    return text.slice(0, position) + char + text.slice(replace ? position + 1 : position);
  });

describe('jsonSyntaxError', () => {
  it('finds a mistake exactly when JSON.parse refuses the text', () => {
    fc.assert(
      fc.property(fc.oneof(edited, fc.string(), fc.json()), (text) => {
        expect(jsonSyntaxError(text) === null).toBe(parses(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('names the line and column of the mistake and what is wrong there', () => {
    expect(jsonSyntaxError('{\n  "a": 1,\n}')).toEqual({ line: 3, column: 1, problem: 'a comma before "}" (JSON allows none there)' });
    expect(jsonSyntaxError('{\n  "sections": ["cover" "summary"]\n}')).toEqual({ line: 2, column: 24, problem: 'expected "," or "]" after a list item' });
    expect(jsonSyntaxError('{"a" 1}')).toEqual({ line: 1, column: 6, problem: 'expected ":" after the property name' });
    expect(jsonSyntaxError("{'a': 1}")).toEqual({ line: 1, column: 2, problem: 'expected a property name in double quotes' });
    expect(jsonSyntaxError('{"a": "it\'s\n"}')).toEqual({ line: 1, column: 12, problem: 'a line break or tab inside text in double quotes; write it as \\n or \\t' });
    expect(jsonSyntaxError('{"a": "open}')).toEqual({ line: 1, column: 7, problem: 'text in double quotes that is never closed' });
    expect(jsonSyntaxError('{"a": [1, 2]')).toEqual({ line: 1, column: 13, problem: 'the file ends before the closing "}"' });
    expect(jsonSyntaxError('  \n')).toEqual({ line: 2, column: 1, problem: 'the file is empty' });
    expect(jsonSyntaxError('{} {}')).toEqual({ line: 1, column: 4, problem: 'more text after the end of the JSON' });
  });

  it('follows any depth of nesting without recursion', () => {
    expect(jsonSyntaxError(`${'['.repeat(100_000)}${']'.repeat(100_000)}`)).toBeNull();
    expect(jsonSyntaxError(`${'['.repeat(100_000)}1,]${']'.repeat(99_999)}`)).toEqual({ line: 1, column: 100_003, problem: 'a comma before "]" (JSON allows none there)' });
  });
});
