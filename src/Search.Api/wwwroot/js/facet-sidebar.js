// The facet sidebar: outlet, speaker and source checkboxes with the API's counts. Counts follow the
// API's multi-select semantics (a facet's own filter does not narrow its own counts), so ticking a
// second outlet shows what it would add. Dates are picked on the timeline chart above the results.

import { el } from './dom.js';
import { toggle } from './url-state.js';

export function createFacetSidebar(page) {
  const lists = {
    outlet: document.querySelector('#facet-outlet .facet-values'),
    speaker: document.querySelector('#facet-speaker .facet-values'),
    source: document.querySelector('#facet-source .facet-values'),
  };

  function render(facets) {
    // Re-rendering replaces the checkboxes; keep keyboard focus on the one the user just toggled.
    const active = document.activeElement;
    const focused = active?.dataset?.facet ? key(active.dataset.facet, active.dataset.value) : null;

    renderValues('outlet', facets.outlet ?? []);
    renderValues('speaker', facets.speaker ?? []);
    renderValues('source', facets.source ?? []);

    if (focused) {
      [...document.querySelectorAll('.facet input[type=checkbox]')]
        .find((box) => key(box.dataset.facet, box.dataset.value) === focused)
        ?.focus();
    }
  }

  function renderValues(name, values) {
    const { state } = page;
    const selected = state[name];
    // Selected values stay listed even when the API's top values leave them out.
    const shown = [...values];
    for (const value of selected) {
      if (!shown.some((v) => v.value === value)) shown.push({ value, count: 0 });
    }
    const items = shown.map(({ value, count }) => facetItem(name, value, value, count, selected.includes(value), false, () => {
      page.navigate({ ...page.state, article: '', page: 1, [name]: toggle(page.state[name], value) });
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
