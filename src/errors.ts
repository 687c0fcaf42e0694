/**
 * The one error class for problems the user can fix: bad input files, bad
 * config, bad arguments. The CLI prints `message` on one line and exits 1;
 * anything else is a bug and only shows its stack with `--debug`.
 */
export class UserError extends Error {
  override readonly name = 'UserError';
}

/**
 * Ends a command with exit status 1 when it has already told the user, on
 * stderr, everything that failed: the CLI adds no line of its own.
 */
export class AlreadyReported extends Error {
  override readonly name = 'AlreadyReported';
}
