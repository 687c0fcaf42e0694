#!/usr/bin/env node
// The command line as one bundle (scripts/bundle-cli.mjs): it starts faster than dist/cli/main.js, which it is built from.
// With --debug, stack traces name the source lines: source maps apply only to code loaded after they are turned on.
if (process.argv.includes('--debug')) process.setSourceMapsEnabled(true);
const { runCli } = await import('../dist/cli-bundle/main.js');

process.exitCode = await runCli(process.argv.slice(2));
