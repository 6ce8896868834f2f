// The search page. One state object lives in the URL (js/url-state.js); every change is a history
// entry, and rendering reads only the state, so reload, shared links and back/forward all work.
//
// Safety rule: text from articles (titles, outlets, speakers, quotes, bodies, URLs) reaches the page
// only through textContent, attributes or checked http(s) links. The exceptions are `snippet` and
// `bodyHtml`, which the server escapes and marks up with <mark> itself.

import { PAGE_SIZE, getSpeaker, loadLimits, searchQuotes } from './js/api.js';
import { createAlertsPanel } from './js/alerts-panel.js';
import { createArticleView } from './js/article-view.js';
import { attachAutocomplete } from './js/autocomplete.js';
import { isPlainClick } from './js/dom.js';
import { createFacetSidebar } from './js/facet-sidebar.js';
import { createFieldErrors } from './js/field-errors.js';
import { createQuotesView } from './js/quotes-view.js';
import { createResultsView } from './js/results-view.js';
import { createSpeakerView } from './js/speaker-view.js';
import { createTimelineChart } from './js/timeline-chart.js';
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
    // A cursor belongs to the page it was issued for: any move back to page 1 (new query, filter) drops it.
    if (next.page <= 1) next = { ...next, after: '' };
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

// Limits and facet names come from the server; the sidebar is built from them.
await loadLimits();
attachAutocomplete(q, $('q-suggestions'));
const fieldErrors = createFieldErrors();
const sidebar = createFacetSidebar(page);
const results = createResultsView(page, sidebar, fieldErrors);
const article = createArticleView(page, fieldErrors);
const quotes = createQuotesView(page, PAGE_SIZE, searchQuotes, sidebar);
const speaker = createSpeakerView(page, getSpeaker, (container) => createTimelineChart(container, () => {}));
createAlertsPanel(page);

function render(focusTarget) {
  q.value = state.q;
  sort.value = state.sort;
  from.value = state.from;
  to.value = state.to;
  const reading = Boolean(state.article);
  const onSpeaker = !reading && Boolean(state.speakerPage);
  const onQuotes = !reading && !onSpeaker && state.tab === 'quotes';
  document.body.classList.toggle('reading', reading);
  $('results-view').hidden = reading || onSpeaker;
  $('article-view').hidden = !reading;
  $('speaker-view').hidden = !onSpeaker;
  $('articles-panel').hidden = onQuotes;
  $('quotes-panel').hidden = !onQuotes;
  $('tab-articles').setAttribute('aria-selected', String(!onQuotes));
  $('tab-quotes').setAttribute('aria-selected', String(onQuotes));
  if (reading) {
    void article.show(focusTarget === 'article');
  } else if (onSpeaker) {
    void speaker.show(focusTarget === 'speaker');
  } else if (onQuotes) {
    void quotes.show();
  } else {
    void results.show(focusTarget);
  }
}

for (const [id, tab] of [['tab-articles', ''], ['tab-quotes', 'quotes']]) {
  $(id).addEventListener('click', () => page.navigate({ ...state, tab, page: 1, article: '', speakerPage: '' }));
}

// Speaker names link to their pages (?speakerPage=); a plain click stays in the page.
document.addEventListener('click', (event) => {
  const link = event.target.closest?.('a.speaker-link, a.speaker-page-link, a.quote-article');
  if (!link || !isPlainClick(event)) return;
  event.preventDefault();
  const next = readState(new URL(link.href).search);
  page.navigate(next, next.article ? 'article' : 'speaker');
});

$('speaker-back').addEventListener('click', (event) => {
  if (!isPlainClick(event)) return;
  event.preventDefault();
  page.navigate({ ...state, speakerPage: '' }, 'results');
});

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
  page.navigate({ ...state, outlet: [], speaker: [], source: [], organization: [], author: [], lang: [], from: '', to: '', page: 1, article: '' }, 'results');
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
