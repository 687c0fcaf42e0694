/**
 * The one error class for problems the user can fix: bad input files, bad
 * config, bad arguments. The CLI prints `message` on one line and exits 1;
 * anything else is a bug and only shows its stack with `--debug`.
 */
export class UserError extends Error {
  override readonly name = 'UserError';
  /**
   * What is wrong, without the advice given in the command line's words (an option to pass, a file to write): the
   * page's API gives its own way out beside it. The whole message where it names no option.
   */
  readonly fault: string;

  constructor(message: string, fault?: string) {
    super(message);
    this.fault = fault ?? message;
  }
}

/**
 * Ends a command with exit status 1 when it has already told the user, on
 * stderr, everything that failed: the CLI adds no line of its own.
 */
export class AlreadyReported extends Error {
  override readonly name = 'AlreadyReported';
}
