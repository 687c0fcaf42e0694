/**
 * The one error class for problems the user can fix: bad input files, bad
 * config, bad arguments. The CLI prints `message` on one line and exits 1;
 * anything else is a bug and only shows its stack with `--debug`.
 */
export class UserError extends Error {
  override readonly name = 'UserError';
}

/** Builds "file:line:column: what went wrong. What to do." with the parts that are known. */
export function locatedMessage(
  where: { file?: string; line?: number; column?: string | number; key?: string },
  problem: string,
  remedy?: string,
): string {
  const place = [where.file, where.line, where.column].filter((part) => part !== undefined && part !== '').join(':');
  const key = where.key ? `${place ? ' ' : ''}${where.key}` : '';
  const prefix = place || key ? `${place}${key}: ` : '';
  return `${prefix}${problem}${remedy ? ` ${remedy}` : ''}`;
}

/**
 * Ends a command with exit status 1 when it has already told the user, on
 * stderr, everything that failed: the CLI adds no line of its own.
 */
export class AlreadyReported extends Error {
  override readonly name = 'AlreadyReported';
}
