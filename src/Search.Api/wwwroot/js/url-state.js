// The page state and its URL form: everything a shared link needs to reproduce what is on screen.

export const SORTS = ['relevance', 'newest', 'oldest'];

/**
 * Reads the state from a query string (?q=&outlet=&speaker=&source=&author=&lang=&from=&to=&sort=&page=&after=&collapse=
 * &tab=&speakerPage=&article=).
 */
export function readState(search) {
  const p = new URLSearchParams(search);
  const page = Number.parseInt(p.get('page') ?? '1', 10);
  const sort = p.get('sort') ?? 'relevance';
  return {
    q: p.get('q') ?? '',
    outlet: p.getAll('outlet'),
    speaker: p.getAll('speaker'),
    source: p.getAll('source'),
    organization: p.getAll('organization'),
    author: p.getAll('author'),
    lang: p.getAll('lang'),
    from: isDay(p.get('from')) ? p.get('from') : '',
    to: isDay(p.get('to')) ? p.get('to') : '',
    sort: SORTS.includes(sort) ? sort : 'relevance',
    page: Number.isFinite(page) && page > 0 ? page : 1,
    // Cursor of the page shown (the API's 'after' from the page before it): deep pages cost no more than the first.
    after: p.get('after') ?? '',
    collapse: p.get('collapse') === 'story',
    tab: p.get('tab') === 'quotes' ? 'quotes' : '',
    speakerPage: p.get('speakerPage') ?? '',
    article: p.get('article') ?? '',
  };
}

/** The link for a state, leaving out defaults so links stay short ("/" when everything is default). */
export function writeState(state) {
  const p = new URLSearchParams();
  if (state.q) p.set('q', state.q);
  state.outlet.forEach((v) => p.append('outlet', v));
  state.speaker.forEach((v) => p.append('speaker', v));
  (state.source ?? []).forEach((v) => p.append('source', v));
  (state.organization ?? []).forEach((v) => p.append('organization', v));
  (state.author ?? []).forEach((v) => p.append('author', v));
  (state.lang ?? []).forEach((v) => p.append('lang', v));
  if (state.from) p.set('from', state.from);
  if (state.to) p.set('to', state.to);
  if (state.sort !== 'relevance') p.set('sort', state.sort);
  if (state.page > 1) p.set('page', String(state.page));
  if (state.after) p.set('after', state.after);
  if (state.collapse) p.set('collapse', 'story');
  if (state.tab) p.set('tab', state.tab);
  if (state.speakerPage) p.set('speakerPage', state.speakerPage);
  if (state.article) p.set('article', state.article);
  const text = p.toString();
  return text ? `?${text}` : '/';
}

export function hasFilters(state) {
  return state.outlet.length > 0 || state.speaker.length > 0 || (state.source ?? []).length > 0
    || (state.author ?? []).length > 0 || (state.lang ?? []).length > 0 || Boolean(state.from) || Boolean(state.to);
}

/** The list with the value added, or removed when it was there (a checkbox or chip toggle). */
export function toggle(list, value) {
  return list.includes(value) ? list.filter((v) => v !== value) : [...list, value];
}

function isDay(value) {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);
}
