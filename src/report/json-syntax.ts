/** Where a text stops being JSON, and what is wrong there. */
export interface JsonSyntaxError {
  line: number;
  column: number;
  problem: string;
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const ESCAPE = /\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4})/y;
const LITERALS = ['true', 'false', 'null'];

type Expected = 'value' | 'item' | 'next-item' | 'key' | 'next-key' | 'after';

/**
 * The first syntax error of a text JSON.parse refused, with its line and
 * column (JSON.parse's own message names no line, and quotes the text). The
 * nesting is followed with a stack, not recursion, so no depth overflows it.
 * Null when the text is JSON.
 */
export function jsonSyntaxError(text: string): JsonSyntaxError | null {
  let at = 0;
  const open: Array<'{' | '['> = [];
  let expected: Expected = 'value';
  const fail = (problem: string, offset = at): JsonSyntaxError => ({ ...lineAndColumn(text, offset), problem });
  for (;;) {
    while (at < text.length && ' \t\n\r'.includes(text.charAt(at))) at++;
    const closer = open.at(-1) === '{' ? '}' : ']';
    if (at >= text.length) {
      if (open.length > 0) return fail(`the file ends before the closing "${closer}"`);
      return expected === 'after' ? null : fail('the file is empty');
    }
    const char = text.charAt(at);
    if (expected === 'after') {
      if (open.length === 0) return fail('more text after the end of the JSON');
      if (char === ',') expected = closer === '}' ? 'next-key' : 'next-item';
      else if (char === closer) open.pop();
      else return fail(`expected "," or "${closer}" after ${closer === '}' ? "a property's value" : 'a list item'}`);
      at++;
      continue;
    }
    if ((expected === 'key' && char === '}') || (expected === 'item' && char === ']')) {
      open.pop();
      at++;
      expected = 'after';
      continue;
    }
    if ((expected === 'next-key' && char === '}') || (expected === 'next-item' && char === ']')) return fail(`a comma before "${char}" (JSON allows none there)`);
    if (expected === 'key' || expected === 'next-key') {
      if (char !== '"') return fail('expected a property name in double quotes');
      const unclosed = skipString();
      if (unclosed) return unclosed;
      while (at < text.length && ' \t\n\r'.includes(text.charAt(at))) at++;
      if (text.charAt(at) !== ':') return fail('expected ":" after the property name');
      at++;
      expected = 'value';
      continue;
    }
    if (char === '{' || char === '[') {
      open.push(char);
      at++;
      expected = char === '{' ? 'key' : 'item';
      continue;
    }
    if (char === '"') {
      const unclosed = skipString();
      if (unclosed) return unclosed;
    } else if (char === '-' || (char >= '0' && char <= '9')) {
      NUMBER.lastIndex = at;
      if (!NUMBER.test(text)) return fail('not a valid number');
      at = NUMBER.lastIndex;
    } else {
      const literal = LITERALS.find((word) => text.startsWith(word, at));
      if (!literal) return fail('expected a value: text in double quotes, a number, true, false, null, {...} or [...]');
      at += literal.length;
    }
    expected = 'after';
  }

  /** Moves past the string that starts at `at`; returns its error, if any. */
  function skipString(): JsonSyntaxError | null {
    const start = at;
    at++;
    while (at < text.length) {
      const code = text.charCodeAt(at);
      if (code === 0x22) {
        at++;
        return null;
      }
      if (code === 0x5c) {
        ESCAPE.lastIndex = at;
        if (!ESCAPE.test(text)) return fail('not a valid escape in text (use \\n, \\t, \\" or \\\\)');
        at = ESCAPE.lastIndex;
        continue;
      }
      if (code < 0x20) return fail('a line break or tab inside text in double quotes; write it as \\n or \\t');
      at++;
    }
    return fail('text in double quotes that is never closed', start);
  }
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let index = text.indexOf('\n'); index !== -1 && index < offset; index = text.indexOf('\n', index + 1)) {
    line += 1;
    lineStart = index + 1;
  }
  return { line, column: offset - lineStart + 1 };
}
