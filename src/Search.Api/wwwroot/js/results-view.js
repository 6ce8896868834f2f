// The result list: count and time, hits with highlighted snippets, paging, and the no-results,
// bad-query and server-error states.

import { ApiError, PAGE_SIZE, describeFailure, exportUrl, limits, search } from './api.js';
import { el, isPlainClick, speakerChips, timeElement } from './dom.js';
import { createTimelineChart } from './timeline-chart.js';
import { createTrendingChips, queryWithTerm } from './trending-chips.js';
import { hasFilters, toggle, writeState } from './url-state.js';

export function createResultsView(page, facets, fieldErrors) {
  const suggestion = document.getElementById('suggestion');
  const collapse = document.getElementById('collapse');
  const timeline = createTimelineChart(document.getElementById('timeline'), ({ from, to }) => {
    page.navigate({ ...page.state, from, to, page: 1, article: '' }, 'results');
  });
  const trending = createTrendingChips(document.getElementById('trending'), (term) => {
    page.navigate({ ...page.state, q: queryWithTerm(page.state.q, term), page: 1, article: '' }, 'results');
  });
  collapse.addEventListener('change', () => {
    page.navigate({ ...page.state, collapse: collapse.checked, page: 1, article: '' }, 'results');
  });
  const download = document.getElementById('download-csv');
  const view = document.getElementById('results-view');
  const heading = document.getElementById('results-heading');
  const status = document.getElementById('status');
  const message = document.getElementById('message');
  const hits = document.getElementById('hits');
  const pager = document.getElementById('pager');
  const pageInfo = document.getElementById('page-info');
  const prev = document.getElementById('prev-page');
  const next = document.getElementById('next-page');

  hits.addEventListener('click', (event) => {
    const link = event.target.closest('a.hit-link');
    if (!link || !isPlainClick(event)) return;
    event.preventDefault();
    page.navigate({ ...page.state, article: link.dataset.id }, 'article');
  });

  for (const link of [prev, next]) {
    link.addEventListener('click', (event) => {
      if (!link.dataset.page || !isPlainClick(event)) return;
      event.preventDefault();
      page.navigate({ ...page.state, page: Number(link.dataset.page), after: link.dataset.after ?? '' }, 'results');
      window.scrollTo(0, 0);
    });
  }

  /**
   * Loads and shows the current state's results. focusTarget: 'results' moves focus to the list
   * (after paging or clearing filters), 'hit:<id>' to that result's link (coming back from it).
   */
  async function show(focusTarget) {
    const { state } = page;
    document.title = state.q ? `${state.q} – News search` : 'News search';
    view.setAttribute('aria-busy', 'true');
    page.setView('loading');
    let response;
    try {
      response = await search(state);
    } catch (error) {
      if (error.name === 'AbortError') return;
      view.removeAttribute('aria-busy');
      showError(error);
      page.setView('error');
      return;
    }

    view.removeAttribute('aria-busy');
    fieldErrors.clear();
    collapse.checked = state.collapse;
    renderSuggestion(response);
    timeline.render(response, state.from, state.to);
    // Every match of this search, not just this page, in the same order.
    download.href = exportUrl(state);
    download.hidden = response.total === 0;
    trending.render(response.significantTerms);
    renderHits(response);
    facets.render(response.facets ?? {});
    renderPager(response);
    page.setView('results');
    if (focusTarget === 'results') {
      heading.focus();
    } else if (focusTarget?.startsWith('hit:')) {
      const link = [...hits.querySelectorAll('a.hit-link')].find((a) => a.dataset.id === focusTarget.slice(4));
      (link ?? heading).focus();
    }
  }

  /** "Did you mean olympics?" as a link that searches for the suggestion. */
  function renderSuggestion(response) {
    const text = response.suggestion;
    suggestion.hidden = !text;
    if (!text) {
      suggestion.replaceChildren();
      return;
    }
    const link = el('a', null, text);
    link.href = writeState({ ...page.state, q: text, page: 1, after: '', article: '' });
    link.addEventListener('click', (event) => {
      if (!isPlainClick(event)) return;
      event.preventDefault();
      page.navigate({ ...page.state, q: text, page: 1, after: '', article: '' }, 'results');
    });
    suggestion.replaceChildren(response.suggestionApplied ? 'Showing results for ' : 'Did you mean ', link, '?');
  }

  function renderHits(response) {
    const { total } = response;
    const noun = total === 1 ? 'article' : 'articles';
    status.textContent = total === 0
      ? 'No articles found.'
      : `${total.toLocaleString()} ${noun} found in ${response.tookMs} ms`
        + (total > PAGE_SIZE ? `, page ${page.state.page} of ${pageCount(total)}.` : '.');

    hits.replaceChildren(...response.hits.map(renderHit));
    if (total > 0) {
      hideMessage();
    } else if (hasFilters(page.state)) {
      showMessage('empty', 'Nothing matches.',
        'No article matches this query with these filters. Try removing a filter or use “Clear all filters”.');
    } else {
      showMessage('empty', 'Nothing matches.',
        'No article matches this query. Check the spelling, use fewer words, or try OR between words.');
    }
  }

  function renderHit(hit) {
    const li = el('li', 'hit');
    const title = el('h3', 'hit-title');
    const link = el('a', 'hit-link', hit.title || '(untitled article)');
    link.href = writeState({ ...page.state, article: hit.id });
    link.dataset.id = hit.id;
    title.append(link);

    const meta = el('p', 'meta');
    if (hit.outlet) meta.append(el('span', 'outlet', hit.outlet));
    if (hit.published) meta.append(timeElement(hit.published));
    li.append(title, meta);

    if (hit.copies > 1) {
      // "+3 copies: CBS News, Newsmax": the other outlets that ran this story among the matches.
      const others = (hit.storyOutlets ?? []).filter((o) => o !== hit.outlet);
      const extra = hit.copies - 1;
      li.append(el('p', 'story-copies', `+${extra} ${extra === 1 ? 'copy' : 'copies'}${others.length ? `: ${others.join(', ')}` : ''}`));
    }

    if (hit.speakers?.length) {
      li.append(speakerChips(hit.speakers, page.state.speaker, (name) => {
        page.navigate({ ...page.state, article: '', page: 1, speaker: toggle(page.state.speaker, name) }, 'results');
      }));
    }

    const snippet = el('p', 'snippet');
    // Escaped by the server; its only markup is <mark> around the matches.
    snippet.innerHTML = hit.snippet ?? '';
    li.append(snippet);
    return li;
  }

  /**
   * Next follows the API's cursor ('after'), so deep pages cost what the first does and reach past the
   * page × size window; Previous goes back by page number while that is inside the window.
   */
  function renderPager(response) {
    const total = response.stories ?? response.total;
    const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
    const current = page.state.page;
    pager.hidden = pages <= 1;
    pageInfo.textContent = `Page ${current} of ${pages}`;
    setPageLink(prev, current > 1 && (current - 1) * PAGE_SIZE <= limits.maxResultWindow ? current - 1 : null);
    const hasNext = page.state.collapse ? current < Math.min(pages, Math.floor(limits.maxResultWindow / PAGE_SIZE)) : Boolean(response.after);
    setPageLink(next, hasNext ? current + 1 : null, page.state.collapse ? '' : response.after);
  }

  function setPageLink(link, number, after = '') {
    if (number === null) {
      // Without href the link leaves the tab order.
      link.removeAttribute('href');
      link.setAttribute('aria-disabled', 'true');
      link.dataset.page = '';
    } else {
      link.href = writeState({ ...page.state, page: number, after });
      link.removeAttribute('aria-disabled');
      link.dataset.page = String(number);
      link.dataset.after = after;
    }
  }

  function showError(error) {
    hits.replaceChildren();
    pager.hidden = true;
    const problem = error instanceof ApiError && error.status === 400 ? error.problem ?? {} : null;
    if (problem && ('from' in (problem.errors ?? {}) || 'to' in (problem.errors ?? {}))) {
      // A date range the API rejects (e.g. from after to).
      fieldErrors.showDates(problem.detail ?? 'These dates are not a valid range.');
      status.textContent = 'The search could not run: the date range needs fixing.';
      showMessage('bad-query', 'The search could not run', 'Fix the date range in the filters and apply it again.');
    } else if (problem) {
      // A query the API rejects: its reason goes beside the box, which keeps what was typed.
      fieldErrors.showQuery(problem.detail ?? 'The server did not accept this search.');
      status.textContent = 'The search could not run: the query needs fixing.';
      showMessage('bad-query', 'The search could not run', 'Fix the query in the search box (the reason is shown below it) and search again.');
    } else {
      fieldErrors.clear();
      status.textContent = 'The search failed.';
      showMessage('server-error', 'Something went wrong', describeFailure(error), () => show('results'));
    }
  }

  function showMessage(kind, title, text, retry) {
    message.className = `message message-${kind}`;
    const children = [el('p', 'message-title', title), el('p', null, text)];
    if (retry) {
      const button = el('button', 'retry', 'Try again');
      button.type = 'button';
      button.addEventListener('click', retry);
      children.push(button);
    }
    message.replaceChildren(...children);
    message.hidden = false;
  }

  function hideMessage() {
    message.hidden = true;
    message.replaceChildren();
  }

  return { show };
}

function pageCount(total) {
  return Math.max(1, Math.ceil(total / PAGE_SIZE));
}
