// Trending terms (`significantTerms`): words and two-word phrases unusually frequent in the matches,
// shown as chips. Clicking one adds it to the query (a phrase in quotes, so it stays a phrase).

import { el } from './dom.js';

/** The query with `term` added: "q term", or q "two words" for a phrase. */
export function queryWithTerm(q, term) {
  const part = term.includes(' ') ? `"${term}"` : term;
  return q.trim() ? `${q.trim()} ${part}` : part;
}

export function createTrendingChips(container, onAdd) {
  const heading = el('h3', 'trending-heading', 'Trending in these results');
  heading.id = 'trending-heading';
  const list = el('ul', 'chips trending-chips');
  list.setAttribute('aria-labelledby', 'trending-heading');
  container.replaceChildren(heading, list);

  function render(terms) {
    container.hidden = !terms?.length;
    list.replaceChildren(...(terms ?? []).map((t) => {
      const item = el('li');
      const chip = el('button', 'chip trending-chip', t.term);
      chip.type = 'button';
      chip.dataset.term = t.term;
      chip.title = `Add “${t.term}” to the query (${t.count} of the top matches)`;
      chip.addEventListener('click', () => onAdd(t.term));
      item.append(chip);
      return item;
    }));
  }

  return { render };
}
