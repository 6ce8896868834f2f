// The facet sidebar: one group of checkboxes per facet the API lists (GET /search/limits), with its
// counts. Counts follow the API's multi-select semantics (a facet's own filter does not narrow its own
// counts), so ticking a second outlet shows what it would add. Dates (the published facet) are picked on
// the timeline chart above the results, so that facet gets no checkboxes.

import { limits } from './api.js';
import { el } from './dom.js';
import { toggle } from './url-state.js';

export function createFacetSidebar(page) {
  const lists = {};
  const container = document.getElementById('facet-groups');
  for (const name of limits.facets.filter((f) => f !== 'published')) {
    const fieldset = el('fieldset', 'facet');
    fieldset.id = `facet-${name}`;
    fieldset.dataset.facet = name;
    fieldset.append(el('legend', null, name.charAt(0).toUpperCase() + name.slice(1)));
    lists[name] = el('ul', 'facet-values');
    fieldset.append(lists[name]);
    container.append(fieldset);
  }

  function render(facets) {
    // Re-rendering replaces the checkboxes; keep keyboard focus on the one the user just toggled.
    const active = document.activeElement;
    const focused = active?.dataset?.facet ? key(active.dataset.facet, active.dataset.value) : null;

    for (const name of Object.keys(lists)) renderValues(name, facets[name] ?? []);

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

  return { render };
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
