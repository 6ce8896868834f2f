// One article: title, outlet, date, original link, speakers, clean body (with the query's matches
// marked when a query is active) and the quotes with their speakers.

import { ApiError, describeFailure, getArticle } from './api.js';
import { el, httpUrl, isPlainClick, speakerChips, timeElement } from './dom.js';
import { highlightText, queryTerms } from './highlight.js';
import { toggle, writeState } from './url-state.js';

export function createArticleView(page, fieldErrors) {
  const back = document.getElementById('back-link');
  const title = document.getElementById('article-title');
  const meta = document.getElementById('article-meta');
  const speakers = document.getElementById('article-speakers');
  const body = document.getElementById('article-body');
  const quotesSection = document.getElementById('article-quotes');
  const quoteList = document.getElementById('quote-list');

  back.addEventListener('click', (event) => {
    if (!isPlainClick(event)) return;
    event.preventDefault();
    const opened = page.state.article;
    page.navigate({ ...page.state, article: '' }, `hit:${opened}`);
  });

  /** Loads and shows the current state's article; focus moves to its title when asked. */
  async function show(focus) {
    const { state } = page;
    // Back leads to the results the article was opened from: same query, filters and page.
    back.href = writeState({ ...state, article: '' });
    page.setView('loading');
    let article;
    try {
      article = await getArticle(state.article, state.q);
    } catch (error) {
      if (error.name === 'AbortError') return;
      showError(error);
      page.setView('error');
      if (focus) title.focus();
      return;
    }

    fieldErrors.clear();
    render(article, queryTerms(state.q));
    page.setView('article');
    if (focus) title.focus();
  }

  function render(article, terms) {
    document.title = `${article.title || 'Article'} – News search`;
    title.replaceChildren(...highlightText(article.title || '(untitled article)', terms));

    const parts = [];
    if (article.outlet) parts.push(el('span', 'outlet', article.outlet));
    if (article.published) parts.push(timeElement(article.published));
    const url = httpUrl(article.url);
    if (url) {
      const original = el('a', 'original', 'Original article');
      original.href = url;
      original.rel = 'noopener noreferrer nofollow';
      parts.push(original);
    }
    if (article.sources?.length) parts.push(el('span', 'sources', `Cites: ${article.sources.join(', ')}`));
    meta.replaceChildren(...parts);

    speakers.replaceChildren(...(article.speakers?.length
      ? [speakerChips(article.speakers, page.state.speaker, (name) => {
        page.navigate({ ...page.state, article: '', page: 1, speaker: toggle(page.state.speaker, name) }, 'results');
      })]
      : []));

    // Paragraphs are separated by one newline; the body is shown pre-line with a blank line between.
    if (article.bodyHtml) {
      // Escaped by the server; its only markup is <mark> around the query's matches.
      body.innerHTML = article.bodyHtml.replaceAll('\n', '\n\n');
    } else {
      body.textContent = (article.body ?? '').replaceAll('\n', '\n\n');
    }

    const quotes = article.quotes ?? [];
    quotesSection.hidden = quotes.length === 0;
    quoteList.replaceChildren(...quotes.map((quote) => {
      const li = el('li', 'quote');
      const text = el('blockquote');
      text.append(...highlightText(quote.text, terms));
      li.append(text, el('p', 'quote-speaker', `— ${quote.speaker}`));
      return li;
    }));
  }

  function showError(error) {
    meta.replaceChildren();
    speakers.replaceChildren();
    quotesSection.hidden = true;
    if (error instanceof ApiError && error.status === 404) {
      title.textContent = 'Article not found';
      body.textContent = error.problem?.detail ?? 'There is no article with this id.';
    } else {
      title.textContent = 'The article could not be loaded';
      body.textContent = describeFailure(error);
    }
  }

  return { show };
}
