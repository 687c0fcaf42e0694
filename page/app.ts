/**
 * The page of `replybench serve`: clients, exports, brands, check and
 * reports, over the JSON API (docs/serve.md). Every text from the data is set
 * as text, never as HTML; the page loads nothing but its own files.
 */
import { token } from './api.js';
import { showClients } from './clients.js';
import { refreshWhenShownAgain } from './exports.js';
import { act, app, el, statusLine } from './dom.js';
import { LANGUAGE_NAMES, language, PAGE_LANGUAGES, t } from './language.js';

/** The page's language switch, in the header: the same address (its token kept) in another language. */
function languageSwitch(): HTMLElement {
  const select = el('select', { name: 'page-language', 'aria-label': t('language') }, ...PAGE_LANGUAGES.map((code) => el('option', { value: code }, LANGUAGE_NAMES[code])));
  select.value = language;
  select.addEventListener('change', () => {
    if (document.querySelector<HTMLElement>('#brands')?.dataset.unsaved === 'yes' && !window.confirm(t('leaveUnsaved'))) {
      select.value = language;
      return;
    }
    const address = new URL(location.href);
    address.searchParams.set('language', select.value);
    const shown = document.querySelector('.clients button.current')?.getAttribute('data-client');
    if (shown) address.searchParams.set('client', shown);
    else address.searchParams.delete('client');
    location.assign(address.href);
  });
  return select;
}

statusLine.before(languageSwitch());

if (token === '') {
  app.replaceChildren(el('p', { class: 'problem' }, t('noToken')));
} else {
  // The client the language switch was pressed on, shown again.
  void act(() => showClients(new URLSearchParams(location.search).get('client')));
  refreshWhenShownAgain();
}

