// The "Quotes" tab: GET /quotes for the page's query and filters, each quote its own result with its
// speaker (a link to the speaker's page), the article it comes from, and the matches marked.

import { limits } from './api.js';
import { el, isPlainClick, timeElement } from './dom.js';
import { writeState } from './url-state.js';

/** The /quotes URL for a page state. */
export function quotesUrl(state, size) {
  const p = new URLSearchParams();
  if (state.q) p.set('q', state.q);
  state.speaker.forEach((v) => p.append('speaker', v));
  state.outlet.forEach((v) => p.append('outlet', v));
  if (state.from) p.set('from', state.from);
  if (state.to) p.set('to', state.to);
  if (state.sort !== 'relevance') p.set('sort', state.sort);
  p.set('page', String(state.page));
  p.set('size', String(size));
  return `/quotes?${p}`;
}

/** A link to a speaker's page (in this page: ?speakerPage=name). */
export function speakerLink(page, name) {
  const link = el('a', 'speaker-link', name);
  link.href = writeState({ ...page.state, speakerPage: name, article: '', tab: '' });
  link.dataset.speaker = name;
  return link;
}

/** One quote as a list item; text is server-escaped HTML whose only markup is <mark>. */
export function quoteItem(page, hit) {
  const li = el('li', 'quote-hit');
  const text = el('blockquote', 'quote-text');
  text.innerHTML = hit.text;
  const meta = el('p', 'meta');
  meta.append(speakerLink(page, hit.speaker));
  const article = el('a', 'quote-article', hit.title || '(untitled article)');
  article.href = writeState({ ...page.state, article: hit.articleId, tab: '', speakerPage: '' });
  meta.append(' — ', article);
  if (hit.outlet) meta.append(el('span', 'outlet', hit.outlet));
  if (hit.published) meta.append(timeElement(hit.published));
  li.append(text, meta);
  return li;
}

export function renderQuotes(page, list, status, response) {
  const { total } = response;
  status.textContent = total === 0 ? 'No quotes found.'
    : `${total.toLocaleString()} ${total === 1 ? 'quote' : 'quotes'} found${response.complete ? '' : ' (from the best-matching articles)'}.`;
  list.replaceChildren(...response.hits.map((hit) => quoteItem(page, hit)));
}

/**
 * The last page a reader may open: the quotes found, in pages of `size`, within the server's result window
 * (a later page is refused with a 400).
 */
export function lastQuotePage(total, size, maxResultWindow) {
  return Math.max(1, Math.min(Math.ceil(total / size), Math.floor(maxResultWindow / size)));
}

/** The Quotes tab's controller: loads /quotes for the page state and shows it, with a pager. */
export function createQuotesView(page, size, load, sidebar) {
  const status = document.getElementById('quote-status');
  const list = document.getElementById('quote-hits');
  const pager = document.getElementById('quote-pager');
  const info = document.getElementById('quote-page-info');
  const prev = document.getElementById('quote-prev');
  const next = document.getElementById('quote-next');

  for (const link of [prev, next]) {
    link.addEventListener('click', (event) => {
      if (!link.dataset.page || !isPlainClick(event)) return;
      event.preventDefault();
      page.navigate({ ...page.state, page: Number(link.dataset.page), tab: 'quotes' }, 'quotes');
      window.scrollTo(0, 0);
    });
  }

  function setLink(link, target, enabled) {
    link.hidden = !enabled;
    if (enabled) {
      link.dataset.page = String(target);
      link.href = writeState({ ...page.state, page: target, tab: 'quotes' });
    } else {
      delete link.dataset.page;
    }
  }

  function renderPager(total) {
    const current = page.state.page;
    const last = lastQuotePage(total, size, limits.maxResultWindow);
    pager.hidden = total <= size && current <= 1;
    info.textContent = `Page ${current.toLocaleString()} of ${last.toLocaleString()}`;
    setLink(prev, current - 1, current > 1);
    setLink(next, current + 1, current < last);
  }

  async function show() {
    page.setView('loading');
    try {
      const response = await load(quotesUrl(page.state, size));
      renderQuotes(page, list, status, response);
      sidebar?.render(response.facets ?? {}, 'quotes');
      renderPager(response.total);
      page.setView('quotes');
    } catch (error) {
      if (error.name === 'AbortError') return;
      list.replaceChildren();
      sidebar?.render({}, 'quotes');
      pager.hidden = true;
      status.textContent = error.problem?.detail ?? 'The quote search failed. Please try again.';
      page.setView('error');
    }
  }

  return { show };
}
