import type { ConfigWarning, UntrackedPlatform } from '../analysis/config-check.js';
import type { Config } from '../config/types.js';
import { untrackedSentences } from './untracked-platforms.js';

/**
 * Prints each warning of the config-against-data check on stderr, one line each, naming the config file and key;
 * then the platforms whose posts reach no brand (no account of any brand there).
 */
export function printConfigWarnings(config: Config, warnings: ConfigWarning[], untracked: readonly UntrackedPlatform[]): void {
  for (const warning of warnings) process.stderr.write(`replybench: warning: ${config.source}: ${warning.key}: ${warning.message}\n`);
  for (const sentence of untrackedSentences(untracked)) process.stderr.write(`replybench: warning: ${config.source}: ${sentence}\n`);
}
