/** The page's elements: text set as text (never HTML), the status line, and actions that say they are at work. */
import { type Activity, api, describeActivity } from './api.js';
import { language, t } from './language.js';

export const app = document.getElementById('app') as HTMLElement;
export const statusLine = document.getElementById('status') as HTMLElement;

/** An element with attributes and children; strings become text nodes (never HTML). */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Record<string, string> = {}, ...children: Array<Node | string | null>): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value);
  for (const child of children) if (child !== null) node.append(child);
  return node;
}

/** Whether the brands form holds edits not saved yet. */
export function unsavedBrands(): boolean {
  return document.querySelector<HTMLElement>('#brands')?.dataset.unsaved === 'yes';
}

/** Says what an action did in the status line: plainly, as a warning (done, with something to look at), or as an error (not done). */
export function say(text: string, tone: boolean | 'warning' = false): void {
  statusLine.textContent = text;
  statusLine.className = tone === 'warning' ? 'warning' : tone ? 'error' : '';
}

/** What a failed action says: the error's message, or what was thrown, as text. */
export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** A field the API refused a value of: marked, as an empty name is, and given the focus (the status line says why). */
export function markRefused(field: HTMLElement | undefined): void {
  field?.classList.add('missing');
  field?.focus();
}

/** A refusal said beside the button that asked, as well as in the status line (act): `note` names it (data-note). */
export function refusalNote(note: string, error: unknown): HTMLElement {
  return el('p', { class: 'warning', 'data-note': note }, errorText(error));
}

/** How many actions are under way (act): the status line is busy until none is. */
let running = 0;

/**
 * Runs an action with the status line saying so; its error is shown, not
 * thrown. For an import or a report of `client`, the line says the step it
 * is at, as the server reports it.
 */
export async function act(work: () => Promise<void>, client?: string): Promise<void> {
  const started = Date.now();
  const working = () => `${t('working')} ${Math.floor((Date.now() - started) / 1000)} s`;
  say(working());
  // The line is rewritten every second while the work runs: a screen reader waits for the outcome instead of reading each
  // second, until the last of the actions under way ends (a report runs while an earlier one is opened).
  running += 1;
  statusLine.setAttribute('aria-busy', 'true');
  // A long import or report shows its time running, so the page is seen to be at work.
  const ticking = setInterval(() => {
    if (!statusLine.textContent?.startsWith(t('working'))) return;
    if (client === undefined) return say(working());
    api<{ activity: Activity | null }>('GET', `/api/clients/${client}/activity`).then(
      ({ activity }) => {
        if (statusLine.textContent?.startsWith(t('working'))) say(activity ? `${t('working')} ${describeActivity(activity)}` : working());
      },
      () => undefined,
    );
  }, 1000);
  try {
    await work();
    // What the action said of itself ("Saved.") stays; "Working…" stays too while another action is under way (a save
    // started while a preview ran): the line is emptied by the last of them to end.
    if (running === 1 && statusLine.textContent?.startsWith(t('working'))) say('');
  } catch (error) {
    say(errorText(error), true);
  } finally {
    clearInterval(ticking);
    running -= 1;
    if (running === 0) statusLine.removeAttribute('aria-busy');
  }
}

/**
 * Runs `work` as `act` does, with `button` marked disabled (and deaf to clicks) until it ends: a second click would send the request again (a new
 * user's double click saved twice, the second refused as if another window had changed the file; wrote a report twice,
 * the second refused as busy; uploaded a file twice).
 */
export async function actFrom(button: HTMLButtonElement, work: () => Promise<void>, client?: string): Promise<void> {
  if (button.getAttribute('aria-disabled') === 'true') return;
  // Marked, not disabled: a disabled button loses the focus, and a keyboard user was sent back to the top of the page.
  button.setAttribute('aria-disabled', 'true');
  try {
    await act(work, client);
  } finally {
    button.removeAttribute('aria-disabled');
  }
}

export function table(header: string[], rows: Array<Array<string | number>>): HTMLTableElement {
  return el(
    'table',
    {},
    el('thead', {}, el('tr', {}, ...header.map((cell) => el('th', {}, cell)))),
    el('tbody', {}, ...rows.map((row) => el('tr', {}, ...row.map((cell) => (typeof cell === 'number' ? el('td', { class: 'number' }, cell.toLocaleString(language)) : el('td', {}, cell)))))),
  );
}
