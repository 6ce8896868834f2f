// The facet sidebar: one group of checkboxes per facet the API lists (GET /search/limits), with its
// counts. Counts follow the API's multi-select semantics (a facet's own filter does not narrow its own
// counts), so ticking a second outlet shows what it would add. Dates (the published facet) are picked on
// the timeline chart above the results, so that facet gets no checkboxes on the Articles tab. On the Quotes
// tab the sidebar shows the facets /quotes returns (speaker, outlet and month), with the same multi-select
// counts; a month is a date range, so ticking one sets from/to to that month (one month at a time).

import { limits } from './api.js';
import { el } from './dom.js';
import { toggle } from './url-state.js';

/** Facets of the Quotes tab, in sidebar order (published is the month). */
const QUOTE_FACETS = ['speaker', 'outlet', 'published'];

const LEGENDS = { lang: 'Language', published: 'Month' };

export function createFacetSidebar(page) {
  const lists = {};
  const groups = {};
  const container = document.getElementById('facet-groups');
  for (const name of [...limits.facets.filter((f) => f !== 'published'), 'published']) {
    const fieldset = el('fieldset', 'facet');
    fieldset.id = `facet-${name}`;
    fieldset.dataset.facet = name;
    fieldset.append(el('legend', null, LEGENDS[name] ?? name.charAt(0).toUpperCase() + name.slice(1)));
    lists[name] = el('ul', 'facet-values');
    fieldset.append(lists[name]);
    container.append(fieldset);
    groups[name] = fieldset;
  }

  /** Shows the counts of a response: mode 'articles' (/search facets) or 'quotes' (/quotes facets). */
  function render(facets, mode = 'articles') {
    // Re-rendering replaces the checkboxes; keep keyboard focus on the one the user just toggled.
    const active = document.activeElement;
    const focused = active?.dataset?.facet ? key(active.dataset.facet, active.dataset.value) : null;

    const shown = mode === 'quotes' ? QUOTE_FACETS : Object.keys(lists).filter((name) => name !== 'published');
    for (const name of Object.keys(lists)) {
      groups[name].hidden = !shown.includes(name);
      if (!shown.includes(name)) continue;
      if (name === 'published') renderMonths(facets.published ?? []);
      else renderValues(name, facets[name] ?? []);
    }

    if (focused) {
      [...document.querySelectorAll('.facet input[type=checkbox]')]
        .find((box) => key(box.dataset.facet, box.dataset.value) === focused)
        ?.focus();
    }
  }

  function renderValues(name, values) {
    const { state } = page;
    const selected = state[name] ?? [];
    // Selected values stay listed even when the API's top values leave them out.
    const shown = [...values];
    for (const value of selected) {
      if (!shown.some((v) => v.value === value)) shown.push({ value, count: 0 });
    }
    const items = shown.map(({ value, count }) => facetItem(name, value, value, count, selected.includes(value), false, () => {
      page.navigate({ ...page.state, article: '', page: 1, [name]: toggle(page.state[name] ?? [], value) });
    }));
    lists[name].replaceChildren(...(items.length ? items : [emptyItem()]));
  }

  function renderMonths(values) {
    const { state } = page;
    const selectedMonth = monthOf(state.from, state.to);
    const shown = [...values];
    if (selectedMonth && !shown.some((v) => v.value === selectedMonth)) shown.push({ value: selectedMonth, count: 0 });
    const items = shown.map(({ value, count }) => facetItem('published', value, monthLabel(value), count, value === selectedMonth, false, (checked) => {
      const range = checked ? monthRange(value) : { from: '', to: '' };
      page.navigate({ ...page.state, article: '', page: 1, ...range });
    }));
    lists.published.replaceChildren(...(items.length ? items : [emptyItem()]));
  }

  return { render };
}

/** First and last day of month "yyyy-MM". */
export function monthRange(month) {
  const [y, m] = month.split('-').map(Number);
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
}

/** The month "yyyy-MM" when from/to are exactly its first and last day, else ''. */
export function monthOf(from, to) {
  if (!from || !to || from.slice(0, 7) !== to.slice(0, 7)) return '';
  const month = from.slice(0, 7);
  const range = monthRange(month);
  return range.from === from && range.to === to ? month : '';
}

function monthLabel(month) {
  const [y, m] = month.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, 1)).toLocaleDateString(undefined, { timeZone: 'UTC', month: 'short', year: 'numeric' });
}

function facetItem(facet, value, text, count, checked, indeterminate, onChange) {
  const li = el('li');
  const label = el('label', 'facet-value');
  label.dataset.count = String(count);
  const box = el('input');
  box.type = 'checkbox';
  box.checked = checked;
  box.indeterminate = indeterminate;
  box.dataset.facet = facet;
  box.dataset.value = value;
  box.addEventListener('change', () => onChange(box.checked));
  const counter = el('span', 'facet-count', String(count));
  counter.append(el('span', 'visually-hidden', count === 1 ? ' article' : ' articles'));
  label.append(box, el('span', 'facet-name', text), counter);
  li.append(label);
  return li;
}

function emptyItem() {
  return el('li', 'facet-empty', 'None in these results');
}

function key(facet, value) {
  return `${facet}\u0000${value}`;
}
