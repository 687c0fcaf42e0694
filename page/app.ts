/**
 * The page of `replybench serve`: clients, exports, brands, check and
 * reports, over the JSON API (docs/serve.md). Every text from the data is set
 * as text, never as HTML; the page loads nothing but its own files.
 */
import { token } from './api.js';
import { showClients } from './clients.js';
import { refreshWhenShownAgain } from './exports.js';
import { act, app, el, say, statusLine, unsavedBrands } from './dom.js';
import { LANGUAGE_NAMES, language, PAGE_LANGUAGES, t } from './language.js';

/** The page's language switch, in the header: the same address (its token kept) in another language. */
function languageSwitch(): HTMLElement {
  const select = el('select', { name: 'page-language', 'aria-label': t('pageLanguage') }, ...PAGE_LANGUAGES.map((code) => el('option', { value: code }, LANGUAGE_NAMES[code])));
  select.value = language;
  // A closed select changes at each arrow key: a keyboard user going to the third language would load the second first.
  // Keys only move the choice, Enter (or leaving the field) takes it; a pick with the mouse takes it at once.
  let browsing = false;
  select.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') go();
    else if (event.key === 'Escape') {
      // Browsed, then given up: the page's language again, and nothing taken on leaving.
      select.value = language;
      browsing = false;
    } else if (!event.altKey && (event.key.startsWith('Arrow') || ['Home', 'End', 'PageUp', 'PageDown'].includes(event.key) || (event.key.length === 1 && event.key !== ' '))) browsing = true;
  });
  // A pick with the mouse (or from the list a key opened) is taken at once.
  select.addEventListener('pointerdown', () => {
    browsing = false;
  });
  select.addEventListener('change', () => {
    if (!browsing) go();
  });
  select.addEventListener('blur', () => {
    if (browsing) go();
    browsing = false;
  });
  function go(): void {
    browsing = false;
    if (select.value === language) return;
    if (unsavedBrands() && !window.confirm(t('leaveUnsaved'))) {
      select.value = language;
      return;
    }
    // Asked already: the page's own question before leaving is not asked again.
    const brands = document.querySelector<HTMLElement>('#brands');
    if (brands) brands.dataset.unsaved = 'no';
    const address = new URL(location.href);
    address.searchParams.set('language', select.value);
    const shown = document.querySelector('.clients button.current')?.getAttribute('data-client');
    if (shown) address.searchParams.set('client', shown);
    else address.searchParams.delete('client');
    location.assign(address.href);
  }
  return select;
}

statusLine.before(languageSwitch());

/** The page's first stop for the keyboard: past the header, to the page's content; shown once it has the focus. */
function skipLink(): HTMLElement {
  const link = el('a', { class: 'skip', href: '#app' }, t('skipToMain'));
  link.addEventListener('click', (event) => {
    // The focus goes there itself (the link alone would only scroll), and the address takes no #app.
    event.preventDefault();
    app.setAttribute('tabindex', '-1');
    app.focus();
  });
  return link;
}

document.body.prepend(skipLink());

// An error stays only until the user changes a field to mend it: a form the browser itself refuses to send (a field left
// empty) would otherwise leave the earlier error beside the browser's own message.
app.addEventListener('input', () => {
  if (statusLine.className === 'error') say('');
});

// A reload or a closed tab would drop the brands form's edits: the browser asks first.
window.addEventListener('beforeunload', (event) => {
  if (unsavedBrands()) event.preventDefault();
});

// Back and Forward go from one client shown to another (each client opened is a step of the history), asking first when edits would be lost.
window.addEventListener('popstate', () => {
  const wanted = new URLSearchParams(location.search).get('client');
  const shown = document.querySelector('.clients button.current')?.getAttribute('data-client') ?? null;
  if (wanted === shown) return;
  if (unsavedBrands() && !window.confirm(t('leaveUnsavedClient'))) {
    const address = new URL(location.href);
    if (shown) address.searchParams.set('client', shown);
    history.pushState(null, '', address.href);
    return;
  }
  void act(() => showClients(wanted));
});

if (token === '') {
  app.replaceChildren(el('p', { class: 'problem' }, t('noToken')));
} else {
  // The client the language switch was pressed on, shown again.
  void act(() => showClients(new URLSearchParams(location.search).get('client')));
  refreshWhenShownAgain();
}

