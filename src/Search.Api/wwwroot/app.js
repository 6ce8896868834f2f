// The search page. One state object lives in the URL (js/url-state.js); every change is a history
// entry, and rendering reads only the state, so reload, shared links and back/forward all work.
//
// Safety rule: text from articles (titles, outlets, speakers, quotes, bodies, URLs) reaches the page
// only through textContent, attributes or checked http(s) links. The exceptions are `snippet` and
// `bodyHtml`, which the server escapes and marks up with <mark> itself.

import { createAlertsPanel } from './js/alerts-panel.js';
import { createArticleView } from './js/article-view.js';
import { attachAutocomplete } from './js/autocomplete.js';
import { isPlainClick } from './js/dom.js';
import { createFacetSidebar } from './js/facet-sidebar.js';
import { createFieldErrors } from './js/field-errors.js';
import { createResultsView } from './js/results-view.js';
import { readState, writeState } from './js/url-state.js';

const $ = (id) => document.getElementById(id);
const form = $('search-form');
const q = $('q');
const sort = $('sort');
const from = $('from');
const to = $('to');

let state = readState(location.search);

const page = {
  get state() {
    return state;
  },

  /** Moves to a new state: a history entry (so Back undoes it), then a render. */
  navigate(next, focusTarget) {
    const url = new URL(writeState(next), location.href);
    if (url.href !== location.href) history.pushState(null, '', url);
    state = next;
    render(focusTarget);
  },

  /** What the page shows: loading, results, article or error (a hook for styles and browser tests). */
  setView(view) {
    document.body.dataset.view = view;
  },
};

attachAutocomplete(q, $('q-suggestions'));
const fieldErrors = createFieldErrors();
const results = createResultsView(page, createFacetSidebar(page), fieldErrors);
const article = createArticleView(page, fieldErrors);
createAlertsPanel(page);

function render(focusTarget) {
  q.value = state.q;
  sort.value = state.sort;
  from.value = state.from;
  to.value = state.to;
  const reading = Boolean(state.article);
  document.body.classList.toggle('reading', reading);
  $('results-view').hidden = reading;
  $('article-view').hidden = !reading;
  if (reading) {
    void article.show(focusTarget === 'article');
  } else {
    void results.show(focusTarget);
  }
}

window.addEventListener('popstate', () => {
  state = readState(location.search);
  render(state.article ? 'article' : 'results');
});

form.addEventListener('submit', (event) => {
  event.preventDefault();
  page.navigate({ ...state, q: q.value.trim(), sort: sort.value, page: 1, article: '' });
});

sort.addEventListener('change', () => {
  page.navigate({ ...state, q: q.value.trim(), sort: sort.value, page: 1, article: '' });
});

$('date-form').addEventListener('submit', (event) => {
  event.preventDefault();
  page.navigate({ ...state, from: from.value, to: to.value, page: 1, article: '' });
});

$('clear-all').addEventListener('click', () => {
  page.navigate({ ...state, outlet: [], speaker: [], from: '', to: '', page: 1, article: '' }, 'results');
});

$('home-link').addEventListener('click', (event) => {
  if (!isPlainClick(event)) return;
  event.preventDefault();
  page.navigate(readState(''));
  q.focus();
});

// Narrow screens start with the filters folded so results come first.
if (window.matchMedia('(max-width: 720px)').matches) $('filters').open = false;

render(state.article ? 'article' : null);
