#!/usr/bin/env node
// The command line as one bundle (scripts/bundle-cli.mjs): it starts faster than dist/cli/main.js, which it is built from.
import { runCli } from '../dist/cli-bundle/main.js';

process.exitCode = await runCli(process.argv.slice(2));
