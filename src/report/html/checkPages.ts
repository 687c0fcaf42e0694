import { UserError } from '../../errors.js';
import { FIX_OR_REMOVE, type ReportTemplate } from '../template.js';
import { newEngine } from './engine.js';

/** The page templates read besides the sections (every file of sections/ is loaded). */
const PAGES = ['layout.eta', 'footer.eta'];

/**
 * The page templates an agency's copy has of its own (layout.eta, footer.eta,
 * sections/*.eta), compiled before any number is computed: one that Eta
 * cannot read is a one-line UserError naming its file.
 */
export function checkTemplatePages(template: ReportTemplate): void {
  const eta = newEngine();
  const own = [...template.ownFiles('', '.eta').filter((file) => PAGES.includes(file)), ...template.ownFiles('sections', '.eta')];
  for (const relative of own) {
    try {
      eta.compile(template.text(relative));
    } catch (error) {
      throw new UserError(`${template.path(relative)}: Eta cannot read the template: ${etaProblem(error)}; ${FIX_OR_REMOVE}.`);
    }
  }
}

/**
 * Eta's message on one line. A tag left open names its line and column; a
 * mistake in the JavaScript of a tag only comes with the compiled function's
 * text, of which the first line after the title says what is wrong.
 */
function etaProblem(error: unknown): string {
  const lines = (error instanceof Error ? error.message : String(error))
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !/^=+$/.test(line));
  if (lines[0] === 'Bad template syntax') return `the JavaScript of its <% %> tags does not parse: ${lines[1] ?? 'no detail'} (in the code Eta makes of the file)`;
  return (lines[0] ?? 'no detail').replace(/:$/, '');
}
