// The JSON API: GET /search and GET /articles/{id}; errors arrive as RFC 7807 ProblemDetails.

// The page's own choice of page size (the server's limits are in `limits`).
export const PAGE_SIZE = 10;

/**
 * The server's limits and facet names (GET /search/limits), loaded once before the first render, so the page
 * holds no copy of them: maxPageSize, maxResultWindow, maxQueryLength, facetSize, facets, histogramIntervals.
 */
export const limits = { maxPageSize: PAGE_SIZE, maxResultWindow: PAGE_SIZE, maxQueryLength: 0, facetSize: 0, facets: [], histogramIntervals: [] };

/** Reads the server's limits into `limits`. */
export async function loadLimits() {
  const response = await fetch('/search/limits', { headers: { Accept: 'application/json' } });
  if (response.ok) Object.assign(limits, await response.json());
}

/** Thrown for non-2xx answers; carries the ProblemDetails body when the server sent one. */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
  }
}

let inflight = null;

/**
 * GETs JSON. A newer request aborts the older one (which rejects with an AbortError), so a slow
 * answer never overwrites a fresh one.
 */
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

/** One page of results with facet counts for the state's query and filters. */
/** The query and filters of a page state as /search and /export take them. */
export function searchParams(state) {
  const p = new URLSearchParams();
  p.set('q', state.q);
  for (const name of ['outlet', 'speaker', 'source', 'organization', 'author', 'lang']) (state[name] ?? []).forEach((v) => p.append(name, v));
  if (state.from) p.set('from', state.from);
  if (state.to) p.set('to', state.to);
  p.set('sort', state.sort);
  return p;
}

/** The CSV download of every match of a page state (GET /export). */
export function exportUrl(state) {
  const p = searchParams(state);
  p.set('format', 'csv');
  return `/export?${p}`;
}

export function search(state) {
  const p = searchParams(state);
  // With a cursor the API starts after it; the page number is only what the page shows.
  p.set('page', state.after && !state.collapse ? '1' : String(state.page));
  p.set('size', String(Math.min(PAGE_SIZE, limits.maxPageSize)));
  if (state.after && !state.collapse) p.set('after', state.after);
  if (state.collapse) p.set('collapse', 'story');
  // The timeline and trending chips come with the results (one request, one reader).
  p.set('histogram', 'auto');
  p.set('terms', 'significant');
  return getJson(`/search?${p}`);
}

/** One page of quotes (GET /quotes) for the state's query and filters. */
export function searchQuotes(url) {
  return getJson(url);
}

/** A speaker's page: GET /speakers/{name}. */
export function getSpeaker(name) {
  return getJson(`/speakers/${encodeURIComponent(name)}`);
}

/** One whole article; with a query, bodyHtml marks its matches. */
export function getArticle(id, q) {
  const query = q.trim() ? `?q=${encodeURIComponent(q)}` : '';
  return getJson(`/articles/${encodeURIComponent(id)}${query}`);
}

/** Words for an error the user cannot fix by editing the query. */
export function describeFailure(error) {
  if (error instanceof ApiError) {
    const title = error.problem?.title ? `: ${error.problem.title}` : '';
    return `The server answered with an error (${error.status}${title}). Please try again in a moment.`;
  }
  return 'The server could not be reached. Check your connection and try again.';
}
