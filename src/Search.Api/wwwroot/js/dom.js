// DOM building blocks. Article text goes in through textContent only: nothing here parses HTML.

export function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** A <time> showing a yyyy-MM-dd day in the reader's locale. */
export function timeElement(day) {
  const time = el('time', 'published', formatDate(day, { day: 'numeric', month: 'short', year: 'numeric' }));
  time.dateTime = day;
  return time;
}

/** "2022-03" → "Mar 2022" in the reader's locale. */
export function monthLabel(month) {
  return formatDate(`${month}-01`, { month: 'short', year: 'numeric' });
}

function formatDate(day, options) {
  const [y, m, d] = day.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  // UTC both ways, so the reader's time zone never shifts the day.
  return Number.isNaN(date.getTime()) ? day : date.toLocaleDateString(undefined, { timeZone: 'UTC', ...options });
}

/** Only http(s) links from articles become hrefs; anything else (javascript:, data:) is dropped. */
export function httpUrl(value) {
  if (!value) return null;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** Speaker names as toggle buttons (pressed when the speaker filter holds them). */
export function speakerChips(speakers, selected, onToggle) {
  const list = el('ul', 'chips');
  list.setAttribute('aria-label', 'Speakers quoted');
  for (const name of speakers) {
    const item = el('li');
    const chip = el('button', 'chip', name);
    chip.type = 'button';
    const active = selected.includes(name);
    chip.setAttribute('aria-pressed', String(active));
    chip.title = active ? `Stop filtering by ${name}` : `Show only articles quoting ${name}`;
    chip.addEventListener('click', () => onToggle(name));
    // The speaker's own page (what they said, when and where); app.js turns the click into in-page navigation.
    const about = el('a', 'speaker-page-link', 'quotes');
    about.href = `/?speakerPage=${encodeURIComponent(name)}`;
    about.dataset.speaker = name;
    about.setAttribute('aria-label', `${name}: speaker page`);
    item.append(chip, ' ', about);
    list.append(item);
  }
  return list;
}

/** True for a plain left click: modified clicks (new tab, new window) keep the browser's behaviour. */
export function isPlainClick(event) {
  return event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey;
}
