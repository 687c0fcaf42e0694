import type { Command } from 'commander';
import { format, subMonths } from 'date-fns';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { UserError } from '../../errors.js';
import { STARTER_CONFIG } from '../../config/starter.js';
import { CHECKOUT, commandIn } from '../launcher.js';

export function registerInit(program: Command): Command {
  return program
    .command('init')
    .description('scaffold replybench.yaml and the exports/, reports/ and data/ folders')
    .argument('[dir]', 'project folder', '.')
    .action((dir: string) => {
      const root = resolve(dir);
      const configPath = join(root, 'replybench.yaml');
      if (existsSync(configPath)) throw new UserError(`${configPath}: already exists; edit it, or run init in another folder.`);
      for (const folder of ['exports', 'reports', 'data']) mkdirSync(join(root, folder), { recursive: true });
      writeFileSync(configPath, STARTER_CONFIG);
      // The month an agency usually reports on: the one just ended.
      const lastMonth = format(subMonths(new Date(), 1), 'yyyy-MM');
      const replybench = commandIn(root);
      process.stdout.write(
        `Created ${configPath} and the folders exports/, reports/, data/.\n` +
          'Next: put your export files in exports/, edit the brands in replybench.yaml, then run\n' +
          `${relative(process.cwd(), root) === '' ? '' : `  cd ${relative(process.cwd(), root)}\n`}  ${replybench} import exports/*\n  ${replybench} check --period ${lastMonth}\n  ${replybench} report --period ${lastMonth}\n` +
          `or do it all in the page of \`${replybench} serve\`.\n` +
          (replybench.startsWith('node ') ? `To type \`replybench\` instead, run \`npm link\` once in ${CHECKOUT}.\n` : ''),
      );
    });
}
