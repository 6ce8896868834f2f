// The search page: one state object, kept in the URL, rendered from the JSON API.
//
// Safety rule: text from articles (titles, outlets, speakers, quotes, bodies, URLs) only ever
// reaches the page through textContent, element attributes or checked http(s) links. The two
// exceptions are `snippet` and `bodyHtml`, which the server escapes and marks up with <mark> itself.
'use strict';

(() => {
  const PAGE_SIZE = 10;
  // The API refuses page × size beyond its result window (SearchOptions.MaxResultWindow).
  const MAX_RESULT_WINDOW = 10000;
  const SORTS = ['relevance', 'newest', 'oldest'];

  const $ = (id) => document.getElementById(id);
  const els = {
    form: $('search-form'), q: $('q'), sort: $('sort'), qError: $('q-error'),
    filters: $('filters'), clearAll: $('clear-all'), dateForm: $('date-form'), from: $('from'), to: $('to'),
    dateError: $('date-error'),
    resultsView: $('results-view'), resultsHeading: $('results-heading'), status: $('status'),
    message: $('message'), hits: $('hits'), pager: $('pager'), prev: $('prev-page'), next: $('next-page'),
    pageInfo: $('page-info'), articleView: $('article-view'), back: $('back-link'),
    articleTitle: $('article-title'), articleMeta: $('article-meta'), articleSpeakers: $('article-speakers'),
    articleBody: $('article-body'), articleQuotes: $('article-quotes'), quoteList: $('quote-list'),
  };
  const facetLists = {
    outlet: document.querySelector('#facet-outlet .facet-values'),
    speaker: document.querySelector('#facet-speaker .facet-values'),
    month: document.querySelector('#facet-month .facet-values'),
  };

  // ---- State <-> URL -------------------------------------------------------------------------

  /** Reads the page state from a query string: everything a shared link needs to reproduce. */
  function readState(search) {
    const p = new URLSearchParams(search);
    const page = Number.parseInt(p.get('page') ?? '1', 10);
    const sort = p.get('sort') ?? 'relevance';
    return {
      q: p.get('q') ?? '',
      outlet: p.getAll('outlet'),
      speaker: p.getAll('speaker'),
      from: isDay(p.get('from')) ? p.get('from') : '',
      to: isDay(p.get('to')) ? p.get('to') : '',
      sort: SORTS.includes(sort) ? sort : 'relevance',
      page: Number.isFinite(page) && page > 0 ? page : 1,
      article: p.get('article') ?? '',
    };
  }

  /** The query string for a state, leaving out defaults so links stay short. */
  function writeState(state) {
    const p = new URLSearchParams();
    if (state.q) p.set('q', state.q);
    state.outlet.forEach((v) => p.append('outlet', v));
    state.speaker.forEach((v) => p.append('speaker', v));
    if (state.from) p.set('from', state.from);
    if (state.to) p.set('to', state.to);
    if (state.sort !== 'relevance') p.set('sort', state.sort);
    if (state.page > 1) p.set('page', String(state.page));
    if (state.article) p.set('article', state.article);
    const text = p.toString();
    return text ? `?${text}` : location.pathname;
  }

  function isDay(value) {
    return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);
  }

  let state = readState(location.search);

  /** Moves to a new state: a history entry (so Back undoes it), then a render. */
  function navigate(next, focusTarget) {
    const url = new URL(writeState(next), location.href);
    if (url.href !== location.href) {
      history.pushState(null, '', url);
    }
    state = next;
    render(focusTarget);
  }

  window.addEventListener('popstate', () => {
    state = readState(location.search);
    render(state.article ? 'article' : 'results');
  });

  // ---- API -----------------------------------------------------------------------------------

  /** Thrown for non-2xx answers; carries the ProblemDetails body when the server sent one. */
  class ApiError extends Error {
    constructor(status, problem) {
      super(problem?.detail || problem?.title || `HTTP ${status}`);
      this.status = status;
      this.problem = problem;
    }
  }

  let inflight = null;

  /** GETs JSON; a newer request cancels the older one, so slow answers never overwrite fresh ones. */
  async function getJson(url) {
    inflight?.abort();
    const controller = new AbortController();
    inflight = controller;
    const response = await fetch(url, { signal: controller.signal, headers: { Accept: 'application/json' } });
    const type = response.headers.get('Content-Type') ?? '';
    const body = type.includes('json') ? await response.json().catch(() => null) : null;
    if (!response.ok) throw new ApiError(response.status, body);
    return body;
  }

  function searchUrl(s) {
    const p = new URLSearchParams();
    p.set('q', s.q);
    s.outlet.forEach((v) => p.append('outlet', v));
    s.speaker.forEach((v) => p.append('speaker', v));
    if (s.from) p.set('from', s.from);
    if (s.to) p.set('to', s.to);
    p.set('sort', s.sort);
    p.set('page', String(s.page));
    p.set('size', String(PAGE_SIZE));
    return `/search?${p}`;
  }

  // ---- Rendering -----------------------------------------------------------------------------

  /** What the page shows: loading, results, article or error (a hook for styles and browser tests). */
  function setView(view) {
    document.body.dataset.view = view;
  }

  function render(focusTarget) {
    els.q.value = state.q;
    els.sort.value = state.sort;
    els.from.value = state.from;
    els.to.value = state.to;
    if (state.article) {
      void showArticle(focusTarget === 'article');
    } else {
      void showResults(focusTarget);
    }
  }

  async function showResults(focusTarget) {
    document.body.classList.remove('reading');
    els.articleView.hidden = true;
    els.resultsView.hidden = false;
    document.title = state.q ? `${state.q} – News search` : 'News search';
    els.resultsView.setAttribute('aria-busy', 'true');
    setView('loading');
    const requested = state;
    let response;
    try {
      response = await getJson(searchUrl(requested));
    } catch (error) {
      if (error.name === 'AbortError') return;
      els.resultsView.removeAttribute('aria-busy');
      showSearchError(error);
      setView('error');
      return;
    }

    els.resultsView.removeAttribute('aria-busy');
    clearQueryError();
    renderHits(response);
    renderFacets(response.facets ?? {});
    renderPager(response);
    setView('results');
    if (focusTarget === 'results') {
      els.resultsHeading.focus();
    } else if (focusTarget && focusTarget.startsWith('hit:')) {
      const link = [...els.hits.querySelectorAll('a.hit-link')].find((a) => a.dataset.id === focusTarget.slice(4));
      (link ?? els.resultsHeading).focus();
    }
  }

  function renderHits(response) {
    const total = response.total;
    const noun = total === 1 ? 'article' : 'articles';
    els.status.textContent = total === 0
      ? 'No articles found.'
      : `${total.toLocaleString()} ${noun} found in ${response.tookMs} ms` +
        (total > PAGE_SIZE ? `, page ${response.page} of ${pageCount(total)}.` : '.');

    els.hits.replaceChildren(...response.hits.map(renderHit));
    if (total === 0) {
      const filtered = hasFilters(state);
      showMessage('empty', 'Nothing matches.',
        filtered
          ? 'No article matches this query with these filters. Try removing a filter or use “Clear all filters”.'
          : 'No article matches this query. Check the spelling, use fewer words, or try OR between words.');
    } else {
      hideMessage();
    }
  }

  function renderHit(hit) {
    const li = el('li', 'hit');
    const heading = el('h3', 'hit-title');
    const link = el('a', 'hit-link', hit.title || '(untitled article)');
    link.href = writeState({ ...state, article: hit.id });
    link.dataset.id = hit.id;
    heading.append(link);
    li.append(heading);

    const meta = el('p', 'meta');
    if (hit.outlet) meta.append(el('span', 'outlet', hit.outlet));
    if (hit.published) meta.append(timeElement(hit.published));
    li.append(meta);

    if (hit.speakers?.length) li.append(speakerChips(hit.speakers));

    const snippet = el('p', 'snippet');
    // Escaped by the server; its only markup is <mark> around the matches.
    snippet.innerHTML = hit.snippet ?? '';
    li.append(snippet);
    return li;
  }

  /** Speaker names as buttons that toggle the speaker filter. */
  function speakerChips(speakers) {
    const list = el('ul', 'chips');
    list.setAttribute('aria-label', 'Speakers quoted');
    for (const name of speakers) {
      const item = el('li');
      const chip = el('button', 'chip', name);
      chip.type = 'button';
      const active = state.speaker.includes(name);
      chip.setAttribute('aria-pressed', String(active));
      chip.title = active ? `Stop filtering by ${name}` : `Show only articles quoting ${name}`;
      chip.addEventListener('click', () => {
        navigate({ ...state, article: '', page: 1, speaker: toggle(state.speaker, name) }, 'results');
      });
      item.append(chip);
      list.append(item);
    }
    return list;
  }

  function renderFacets(facets) {
    // Re-rendering replaces the checkboxes; keep keyboard focus on the one the user just toggled.
    const active = document.activeElement;
    const focused = active?.dataset?.facet ? `${active.dataset.facet}\u0000${active.dataset.value}` : null;

    renderFacet('outlet', facets.outlet ?? [], state.outlet, (v) => v);
    renderFacet('speaker', facets.speaker ?? [], state.speaker, (v) => v);
    renderMonths(facets.published ?? []);

    if (focused) {
      const match = [...document.querySelectorAll('.facet input[type=checkbox]')]
        .find((box) => `${box.dataset.facet}\u0000${box.dataset.value}` === focused);
      match?.focus();
    }
  }

  function renderFacet(name, values, selected, label) {
    // Selected values stay listed even when the API's top list leaves them out.
    const shown = [...values];
    for (const value of selected) {
      if (!shown.some((v) => v.value === value)) shown.push({ value, count: 0 });
    }
    const items = shown.map(({ value, count }) => facetItem(name, value, label(value), count,
      selected.includes(value), false, () => {
        navigate({ ...state, article: '', page: 1, [name]: toggle(state[name], value) });
      }));
    facetLists[name].replaceChildren(...(items.length ? items : [emptyFacet()]));
  }

  /**
   * Months select a date range: the API filters by from/to, so ticking months sets the range to span
   * from the first ticked month to the last (months in between are included, and shown ticked).
   * A month only partly inside the range shows as indeterminate.
   */
  function renderMonths(values) {
    const months = [...values].sort((a, b) => a.value.localeCompare(b.value));
    const items = months.map(({ value, count }) => {
      const coverage = monthCoverage(value);
      return facetItem('month', value, monthLabel(value), count, coverage === 'all', coverage === 'some', (checked) => {
        navigate({ ...state, article: '', page: 1, ...rangeAfterToggle(value, checked, months.map((m) => m.value)) });
      });
    });
    facetLists.month.replaceChildren(...(items.length ? items : [emptyFacet()]));
  }

  function facetItem(facet, value, text, count, checked, indeterminate, onChange) {
    const li = el('li');
    const label = el('label', 'facet-value');
    const box = el('input');
    box.type = 'checkbox';
    box.checked = checked;
    box.indeterminate = indeterminate;
    box.dataset.facet = facet;
    box.dataset.value = value;
    box.addEventListener('change', () => onChange(box.checked));
    const name = el('span', 'facet-name', text);
    const counter = el('span', 'facet-count', String(count));
    counter.append(el('span', 'visually-hidden', count === 1 ? ' article' : ' articles'));
    label.dataset.count = String(count);
    label.append(box, name, counter);
    li.append(label);
    return li;
  }

  function emptyFacet() {
    return el('li', 'facet-empty', 'None in these results');
  }

  function monthBounds(month) {
    const [y, m] = month.split('-').map(Number);
    const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
    return { first: `${month}-01`, last: `${month}-${String(last).padStart(2, '0')}` };
  }

  /** 'all' when the month lies inside from..to, 'some' when it overlaps it, 'none' otherwise. */
  function monthCoverage(month) {
    if (!state.from && !state.to) return 'none';
    const { first, last } = monthBounds(month);
    const from = state.from || '0000-01-01';
    const to = state.to || '9999-12-31';
    if (from <= first && last <= to) return 'all';
    if (from <= last && first <= to) return 'some';
    return 'none';
  }

  function rangeAfterToggle(month, checked, allMonths) {
    const ticked = new Set(allMonths.filter((m) => monthCoverage(m) === 'all'));
    if (checked) ticked.add(month); else ticked.delete(month);
    if (!checked && state.from && state.to && monthCoverage(month) !== 'none') {
      // Unticking a month inside the range keeps the part of the range before it.
      for (const m of [...ticked]) if (m > month) ticked.delete(m);
    }
    const sorted = [...ticked].sort();
    if (!sorted.length) return { from: '', to: '' };
    return { from: monthBounds(sorted[0]).first, to: monthBounds(sorted[sorted.length - 1]).last };
  }

  function pageCount(total) {
    return Math.max(1, Math.ceil(Math.min(total, MAX_RESULT_WINDOW) / PAGE_SIZE));
  }

  function renderPager(response) {
    const pages = pageCount(response.total);
    els.pager.hidden = pages <= 1;
    els.pageInfo.textContent = `Page ${response.page} of ${pages}`;
    setPageLink(els.prev, response.page > 1 ? response.page - 1 : null);
    setPageLink(els.next, response.page < pages ? response.page + 1 : null);
  }

  function setPageLink(link, page) {
    if (page === null) {
      link.removeAttribute('href');
      link.setAttribute('aria-disabled', 'true');
      link.dataset.page = '';
    } else {
      link.href = writeState({ ...state, page });
      link.removeAttribute('aria-disabled');
      link.dataset.page = String(page);
    }
  }

  async function showArticle(focus) {
    document.body.classList.add('reading');
    els.resultsView.hidden = true;
    els.articleView.hidden = false;
    els.back.href = writeState({ ...state, article: '' });
    setView('loading');
    const id = state.article;
    const url = `/articles/${encodeURIComponent(id)}` + (state.q.trim() ? `?q=${encodeURIComponent(state.q)}` : '');
    let article;
    try {
      article = await getJson(url);
    } catch (error) {
      if (error.name === 'AbortError') return;
      renderArticleError(error);
      setView('error');
      if (focus) els.articleTitle.focus();
      return;
    }

    clearQueryError();
    document.title = `${article.title || 'Article'} – News search`;
    const terms = queryTerms(state.q);
    els.articleTitle.replaceChildren(...highlightText(article.title || '(untitled article)', terms));

    const meta = [];
    if (article.outlet) meta.push(el('span', 'outlet', article.outlet));
    if (article.published) meta.push(timeElement(article.published));
    const safeUrl = httpUrl(article.url);
    if (safeUrl) {
      const original = el('a', 'original', 'Original article');
      original.href = safeUrl;
      original.rel = 'noopener noreferrer nofollow';
      meta.push(original);
    }
    if (article.sources?.length) meta.push(el('span', 'sources', `Cites: ${article.sources.join(', ')}`));
    els.articleMeta.replaceChildren(...meta);
    els.articleSpeakers.replaceChildren(...(article.speakers?.length ? [speakerChips(article.speakers)] : []));

    if (article.bodyHtml) {
      // Escaped by the server; its only markup is <mark>. Blank line between paragraphs (pre-line).
      els.articleBody.innerHTML = article.bodyHtml.replaceAll('\n', '\n\n');
    } else {
      els.articleBody.textContent = (article.body ?? '').replaceAll('\n', '\n\n');
    }

    const quotes = article.quotes ?? [];
    els.articleQuotes.hidden = quotes.length === 0;
    els.quoteList.replaceChildren(...quotes.map((quote) => {
      const li = el('li', 'quote');
      const text = el('blockquote');
      text.append(...highlightText(quote.text, terms));
      const who = el('p', 'quote-speaker', `— ${quote.speaker}`);
      li.append(text, who);
      return li;
    }));
    setView('article');
    if (focus) els.articleTitle.focus();
  }

  function renderArticleError(error) {
    els.articleMeta.replaceChildren();
    els.articleSpeakers.replaceChildren();
    els.articleQuotes.hidden = true;
    if (error instanceof ApiError && error.status === 404) {
      els.articleTitle.textContent = 'Article not found';
      els.articleBody.textContent = error.problem?.detail ?? 'There is no article with this id.';
    } else {
      els.articleTitle.textContent = 'The article could not be loaded';
      els.articleBody.textContent = serverErrorText(error);
    }
  }

  // ---- Errors and messages -------------------------------------------------------------------

  function showSearchError(error) {
    els.hits.replaceChildren();
    els.pager.hidden = true;
    const errors = error instanceof ApiError ? error.problem?.errors ?? {} : {};
    if (error instanceof ApiError && error.status === 400 && ('from' in errors || 'to' in errors)) {
      // A date range the API rejects (e.g. from after to): say so beside the dates.
      clearQueryError();
      els.dateError.textContent = error.problem.detail ?? 'These dates are not a valid range.';
      els.dateError.hidden = false;
      els.filters.open = true;
      els.status.textContent = 'The search could not run: the date range needs fixing.';
      showMessage('bad-query', 'The search could not run', 'Fix the date range in the filters and apply it again.');
    } else if (error instanceof ApiError && error.status === 400) {
      // A query or parameter the API rejects: say why next to the box, keep what was typed.
      const detail = error.problem?.detail ?? 'The server did not accept this search.';
      els.qError.textContent = detail;
      els.qError.hidden = false;
      els.q.setAttribute('aria-invalid', 'true');
      els.status.textContent = 'The search could not run: the query needs fixing.';
      showMessage('bad-query', 'The search could not run', 'Fix the query in the search box (the reason is shown below it) and search again.');
    } else {
      clearQueryError();
      els.status.textContent = 'The search failed.';
      showMessage('server-error', 'Something went wrong', serverErrorText(error), true);
    }
  }

  function serverErrorText(error) {
    if (error instanceof ApiError) {
      return `The server answered with an error (${error.status}${error.problem?.title ? `: ${error.problem.title}` : ''}). Please try again in a moment.`;
    }
    return 'The server could not be reached. Check your connection and try again.';
  }

  function clearQueryError() {
    els.dateError.hidden = true;
    els.dateError.textContent = '';
    els.qError.hidden = true;
    els.qError.textContent = '';
    els.q.removeAttribute('aria-invalid');
  }

  function showMessage(kind, title, text, retry = false) {
    els.message.className = `message message-${kind}`;
    const children = [el('p', 'message-title', title), el('p', null, text)];
    if (retry) {
      const button = el('button', 'retry', 'Try again');
      button.type = 'button';
      button.addEventListener('click', () => render('results'));
      children.push(button);
    }
    els.message.replaceChildren(...children);
    els.message.hidden = false;
  }

  function hideMessage() {
    els.message.hidden = true;
    els.message.replaceChildren();
  }

  // ---- Small helpers -------------------------------------------------------------------------

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function toggle(list, value) {
    return list.includes(value) ? list.filter((v) => v !== value) : [...list, value];
  }

  function hasFilters(s) {
    return s.outlet.length > 0 || s.speaker.length > 0 || Boolean(s.from) || Boolean(s.to);
  }

  function timeElement(day) {
    const time = el('time', 'published', formatDay(day));
    time.dateTime = day;
    return time;
  }

  function formatDay(day) {
    const [y, m, d] = day.split('-').map(Number);
    const date = new Date(Date.UTC(y, m - 1, d));
    return Number.isNaN(date.getTime())
      ? day
      : date.toLocaleDateString(undefined, { timeZone: 'UTC', day: 'numeric', month: 'short', year: 'numeric' });
  }

  function monthLabel(month) {
    const [y, m] = month.split('-').map(Number);
    const date = new Date(Date.UTC(y, m - 1, 1));
    return Number.isNaN(date.getTime())
      ? month
      : date.toLocaleDateString(undefined, { timeZone: 'UTC', month: 'short', year: 'numeric' });
  }

  /** Only http(s) links from articles become hrefs; anything else (javascript:, data:) is dropped. */
  function httpUrl(value) {
    if (!value) return null;
    try {
      const url = new URL(value);
      return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
    } catch {
      return null;
    }
  }

  /**
   * The plain words of a query, for marking them in text the server does not highlight (title,
   * quotes). Operators, field names and negated terms are left out; a trailing * matches a prefix.
   */
  function queryTerms(q) {
    const terms = [];
    const pattern = /(-|NOT\s+)?(?:\w+:)?("([^"]*)"|[^\s()"]+)/g;
    for (const match of q.matchAll(pattern)) {
      if (match[1]) continue;
      const text = match[3] ?? match[2];
      for (const word of text.split(/[^\p{L}\p{N}*]+/u)) {
        if (!word || ['AND', 'OR', 'NOT', 'TO'].includes(word) || word.replaceAll('*', '').length < 2) continue;
        terms.push(word.toLowerCase());
      }
    }
    return [...new Set(terms)];
  }

  /** Text nodes with <mark> elements around query words: built from nodes, never from HTML. */
  function highlightText(text, terms) {
    if (!terms.length) return [document.createTextNode(text)];
    const alternatives = terms.map((t) => t.endsWith('*')
      ? `${escapeRegExp(t.slice(0, -1))}[\\p{L}\\p{N}]*`
      : `${escapeRegExp(t)}`);
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`, 'giu');
    const nodes = [];
    let last = 0;
    for (const match of text.matchAll(pattern)) {
      if (match.index > last) nodes.push(document.createTextNode(text.slice(last, match.index)));
      nodes.push(el('mark', null, match[0]));
      last = match.index + match[0].length;
    }
    if (last < text.length) nodes.push(document.createTextNode(text.slice(last)));
    return nodes;
  }

  function escapeRegExp(text) {
    return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }

  // ---- Events --------------------------------------------------------------------------------

  els.form.addEventListener('submit', (event) => {
    event.preventDefault();
    navigate({ ...state, q: els.q.value.trim(), sort: els.sort.value, page: 1, article: '' });
  });

  els.sort.addEventListener('change', () => {
    navigate({ ...state, q: els.q.value.trim(), sort: els.sort.value, page: 1, article: '' });
  });

  els.dateForm.addEventListener('submit', (event) => {
    event.preventDefault();
    navigate({ ...state, from: els.from.value, to: els.to.value, page: 1, article: '' });
  });

  els.clearAll.addEventListener('click', () => {
    navigate({ ...state, outlet: [], speaker: [], from: '', to: '', page: 1, article: '' }, 'results');
  });

  // Links inside the page change state without a reload; modified clicks (new tab) behave normally.
  function isPlainClick(event) {
    return event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey;
  }

  els.hits.addEventListener('click', (event) => {
    const link = event.target.closest('a.hit-link');
    if (!link || !isPlainClick(event)) return;
    event.preventDefault();
    navigate({ ...state, article: link.dataset.id }, 'article');
  });

  for (const link of [els.prev, els.next]) {
    link.addEventListener('click', (event) => {
      if (!link.dataset.page || !isPlainClick(event)) return;
      event.preventDefault();
      navigate({ ...state, page: Number(link.dataset.page) }, 'results');
      window.scrollTo(0, 0);
    });
  }

  els.back.addEventListener('click', (event) => {
    if (!isPlainClick(event)) return;
    event.preventDefault();
    const opened = state.article;
    navigate({ ...state, article: '' }, `hit:${opened}`);
  });

  $('home-link').addEventListener('click', (event) => {
    if (!isPlainClick(event)) return;
    event.preventDefault();
    navigate(readState(''), 'results');
    els.q.focus();
  });

  // Narrow screens start with the filters folded so results come first.
  if (window.matchMedia('(max-width: 720px)').matches) els.filters.open = false;

  render(state.article ? 'article' : null);
})();
