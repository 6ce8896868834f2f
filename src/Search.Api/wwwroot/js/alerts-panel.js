// Saved searches: "Save this search" stores the page's query and filters as an alert (POST /alerts, which
// needs the API key), and the list shows each alert with how many matches arrived since it was last opened.
// "Seen" counts live in localStorage, the key in sessionStorage (gone when the tab closes).
// Alert names and queries reach the page through textContent only.

import { el } from './dom.js';

const SEEN_KEY = 'alerts-seen';
const API_KEY = 'alerts-api-key';
const REFRESH_MS = 5000;

export function createAlertsPanel(page) {
  const save = document.getElementById('save-search');
  const keyInput = document.getElementById('api-key');
  const list = document.getElementById('alert-list');
  const status = document.getElementById('alerts-status');
  const empty = document.getElementById('alerts-empty');

  keyInput.value = sessionStorage.getItem(API_KEY) ?? '';
  keyInput.addEventListener('change', () => sessionStorage.setItem(API_KEY, keyInput.value.trim()));

  save.addEventListener('click', async () => {
    const { state } = page;
    const body = { q: state.q, outlet: state.outlet, speaker: state.speaker, name: describe(state) };
    const response = await send('POST', '/alerts', body);
    if (!response) return;
    const { id } = await response.json();
    markSeen(id, 0);
    say(`Saved “${body.name}”. New matching articles will be counted here.`);
    await refresh();
  });

  list.addEventListener('click', async (event) => {
    const button = event.target.closest('button[data-action]');
    if (!button) return;
    const item = button.closest('li');
    if (button.dataset.action === 'delete') {
      if (await send('DELETE', `/alerts/${encodeURIComponent(item.dataset.id)}`)) {
        say(`Deleted “${item.dataset.name}”.`);
        await refresh();
      }
    } else if (button.dataset.action === 'open') {
      markSeen(item.dataset.id, Number(item.dataset.matches));
      const alert = JSON.parse(item.dataset.search);
      page.navigate({ ...page.state, q: alert.q, outlet: alert.outlet, speaker: alert.speaker, page: 1, article: '' }, 'results');
      await refresh();
    }
  });

  /** Sends a write with the API key; says what went wrong and returns null when it failed. */
  async function send(method, url, body) {
    const key = keyInput.value.trim();
    if (!key) {
      say('Enter the API key to save or delete alerts.', true);
      keyInput.focus();
      return null;
    }
    sessionStorage.setItem(API_KEY, key);
    try {
      const response = await fetch(url, {
        method,
        headers: { 'X-Api-Key': key, 'Content-Type': 'application/json', Accept: 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      if (response.ok) return response;
      const problem = await response.json().catch(() => null);
      say(response.status === 401 ? 'The API key was not accepted.' : (problem?.detail ?? `The server answered ${response.status}.`), true);
    } catch {
      say('The server could not be reached.', true);
    }
    return null;
  }

  let shown = '';

  async function refresh() {
    let alerts;
    try {
      const response = await fetch('/alerts', { headers: { Accept: 'application/json' } });
      if (!response.ok) return;
      alerts = await response.json();
    } catch {
      return;
    }
    const seen = readSeen();
    // Unchanged lists are left alone, so a periodic refresh does not replace buttons under the pointer.
    const key = JSON.stringify([alerts, seen]);
    if (key === shown) return;
    shown = key;
    list.replaceChildren(...alerts.map((alert) => renderAlert(alert, seen[alert.id] ?? 0)));
    empty.hidden = alerts.length > 0;
  }

  function renderAlert(alert, seenCount) {
    const item = el('li', 'alert');
    item.dataset.id = alert.id;
    item.dataset.name = alert.name;
    item.dataset.matches = String(alert.matches);
    item.dataset.search = JSON.stringify({ q: alert.q, outlet: alert.outlet, speaker: alert.speaker });
    const open = el('button', 'link-button alert-name', alert.name);
    open.type = 'button';
    open.dataset.action = 'open';
    open.title = 'Show this search and mark its matches as read';
    const fresh = Math.max(0, alert.matches - seenCount);
    const count = el('span', fresh > 0 ? 'alert-count new' : 'alert-count', fresh > 0 ? `${fresh} new` : 'no new');
    const remove = el('button', 'link-button alert-delete', 'Delete');
    remove.type = 'button';
    remove.dataset.action = 'delete';
    remove.setAttribute('aria-label', `Delete alert ${alert.name}`);
    item.append(open, ' ', count, ' ', remove);
    return item;
  }

  function say(text, isError = false) {
    status.textContent = text;
    status.classList.toggle('error', isError);
  }

  void refresh();
  setInterval(() => void refresh(), REFRESH_MS);
  return { refresh };
}

/** A name for the current search: its query and filters in words. */
function describe(state) {
  const parts = [state.q || 'All articles'];
  if (state.outlet.length) parts.push(`from ${state.outlet.join(' or ')}`);
  if (state.speaker.length) parts.push(`quoting ${state.speaker.join(' or ')}`);
  return parts.join(' ');
}

function readSeen() {
  try {
    return JSON.parse(localStorage.getItem(SEEN_KEY) ?? '{}') ?? {};
  } catch {
    return {};
  }
}

function markSeen(id, count) {
  const seen = readSeen();
  seen[id] = count;
  localStorage.setItem(SEEN_KEY, JSON.stringify(seen));
}
