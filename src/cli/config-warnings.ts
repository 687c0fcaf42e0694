import type { ConfigWarning } from '../analysis/config-check.js';
import type { Config } from '../config/types.js';

/** Prints each warning of the config-against-data check on stderr, one line each, naming the config file and key. */
export function printConfigWarnings(config: Config, warnings: ConfigWarning[]): void {
  for (const warning of warnings) process.stderr.write(`replybench: warning: ${config.source}: ${warning.key}: ${warning.message}\n`);
}
