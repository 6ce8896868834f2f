// The coverage timeline: an SVG bar chart of the API's `histogram` (matches per day, week, month or
// year) above the results. The picture is one role="img" with a text summary; its bars can also be
// reached by keyboard (one tab stop, arrow keys move, Enter or Space picks a bar, Shift+Enter extends
// the pick from the last one). Clicking a bar, or dragging across several, sets from/to. A compact
// list of the same buckets as links stays available for screen readers. When the buckets carry `total`
// (/search's histogram: the articles in the bucket without the query), a toggle shows the share of coverage
// (count ÷ total) instead of raw counts, since the number of articles per month changes over time.

import { el } from './dom.js';

const SVG = 'http://www.w3.org/2000/svg';
const WIDTH = 600;
const HEIGHT = 90;

/** The last day of the bucket starting on `start` ("yyyy-MM-dd"). */
export function bucketEnd(start, interval) {
  const [y, m, d] = start.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  if (interval === 'week') date.setUTCDate(date.getUTCDate() + 6);
  else if (interval === 'month') date.setUTCMonth(date.getUTCMonth() + 1, 0);
  else if (interval === 'year') date.setUTCFullYear(date.getUTCFullYear(), 11, 31);
  return date.toISOString().slice(0, 10);
}

/** A bucket's name as people say it: "3 Mar 2022", "week of 7 Mar 2022", "Mar 2022", "2022". */
export function bucketLabel(start, interval) {
  const [y, m, d] = start.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  const format = (options) => date.toLocaleDateString(undefined, { timeZone: 'UTC', ...options });
  if (interval === 'year') return String(y);
  if (interval === 'month') return format({ month: 'short', year: 'numeric' });
  const day = format({ day: 'numeric', month: 'short', year: 'numeric' });
  return interval === 'week' ? `week of ${day}` : day;
}

/** A bucket's bar value: its count, or in share mode its count ÷ total (0 for a bucket with no article). */
export function barValue(bucket, mode) {
  if (mode !== 'share') return bucket.count;
  return bucket.total ? bucket.count / bucket.total : 0;
}

function formatShare(value) {
  return `${(value * 100).toLocaleString(undefined, { maximumFractionDigits: 1 })}%`;
}

/** One sentence for the chart's text alternative. */
export function summarise(buckets, interval, mode = 'count') {
  if (mode === 'share' && buckets.some((b) => b.count > 0)) {
    const peak = buckets.reduce((best, b) => (barValue(b, mode) > barValue(best, mode) ? b : best), buckets[0]);
    return `Share of all coverage by ${interval}; highest in ${bucketLabel(peak.start, interval)} (${formatShare(barValue(peak, mode))}, `
      + `${peak.count.toLocaleString()} of ${peak.total.toLocaleString()}).`;
  }
  const total = buckets.reduce((sum, b) => sum + b.count, 0);
  if (!buckets.length || total === 0) return 'No dated articles match.';
  const peak = buckets.reduce((best, b) => (b.count > best.count ? b : best), buckets[0]);
  const first = bucketLabel(buckets[0].start, interval);
  const last = bucketLabel(buckets[buckets.length - 1].start, interval);
  return `${total.toLocaleString()} dated articles by ${interval}, ${first} to ${last}; most in ${bucketLabel(peak.start, interval)} (${peak.count.toLocaleString()}).`;
}

/**
 * Creates the chart inside `container`. onRange({from, to}) is called when the reader picks bars.
 * render({histogram, histogramInterval}, from, to) draws the response's timeline and marks the range.
 */
export function createTimelineChart(container, onRange) {
  const summary = el('p', 'timeline-summary');
  summary.id = 'timeline-summary';
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-labelledby', 'timeline-summary');
  svg.setAttribute('viewBox', `0 0 ${WIDTH} ${HEIGHT}`);
  svg.setAttribute('preserveAspectRatio', 'none');
  svg.classList.add('timeline-chart');
  const list = el('details', 'timeline-list');
  list.append(el('summary', null, 'Timeline as a list'));
  const listItems = el('ul');
  list.append(listItems);
  const modes = el('div', 'timeline-modes');
  modes.setAttribute('role', 'group');
  modes.setAttribute('aria-label', 'Timeline shows');
  const modeButtons = [['count', 'Counts'], ['share', 'Share of coverage']].map(([value, text]) => {
    const button = el('button', 'timeline-mode', text);
    button.type = 'button';
    button.dataset.mode = value;
    button.addEventListener('click', () => {
      mode = value;
      draw();
    });
    return button;
  });
  modes.append(...modeButtons);
  container.replaceChildren(modes, summary, svg, list);

  let buckets = [];
  let interval = 'month';
  let focusIndex = 0;
  let anchor = null;
  let drag = null;
  let mode = 'count';
  let range = { from: '', to: '' };

  function pick(a, b) {
    const lo = Math.min(a, b);
    const hi = Math.max(a, b);
    onRange({ from: buckets[lo].start, to: bucketEnd(buckets[hi].start, interval) });
  }

  function bars() {
    return [...svg.querySelectorAll('rect.bar-hit')];
  }

  function focusBar(index) {
    const all = bars();
    if (!all.length) return;
    focusIndex = Math.max(0, Math.min(all.length - 1, index));
    all.forEach((bar, i) => bar.setAttribute('tabindex', i === focusIndex ? '0' : '-1'));
    all[focusIndex].focus();
  }

  svg.addEventListener('keydown', (event) => {
    const index = Number(event.target?.dataset?.index);
    if (Number.isNaN(index)) return;
    const moves = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 };
    if (event.key in moves) {
      event.preventDefault();
      focusBar(index + moves[event.key]);
    } else if (event.key === 'Home' || event.key === 'End') {
      event.preventDefault();
      focusBar(event.key === 'Home' ? 0 : buckets.length - 1);
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      if (event.shiftKey && anchor !== null) pick(anchor, index);
      else {
        anchor = index;
        pick(index, index);
      }
    }
  });

  svg.addEventListener('pointerdown', (event) => {
    const index = Number(event.target?.dataset?.index);
    if (Number.isNaN(index) || event.button !== 0) return;
    event.preventDefault();
    drag = { start: index, end: index };
    markDrag();
  });

  svg.addEventListener('pointermove', (event) => {
    if (!drag) return;
    const index = indexAt(event.clientX);
    if (index !== null && index !== drag.end) {
      drag.end = index;
      markDrag();
    }
  });

  window.addEventListener('pointerup', () => {
    if (!drag) return;
    const { start, end } = drag;
    drag = null;
    anchor = start;
    pick(start, end);
  });

  function indexAt(clientX) {
    const box = svg.getBoundingClientRect();
    if (!box.width || !buckets.length) return null;
    const x = ((clientX - box.left) / box.width) * buckets.length;
    return Math.max(0, Math.min(buckets.length - 1, Math.floor(x)));
  }

  function markDrag() {
    const lo = Math.min(drag.start, drag.end);
    const hi = Math.max(drag.start, drag.end);
    svg.querySelectorAll('rect.bar').forEach((bar, i) => bar.classList.toggle('dragging', i >= lo && i <= hi));
  }

  function render(response, from, to) {
    buckets = response.histogram ?? [];
    interval = response.histogramInterval ?? 'month';
    range = { from, to };
    draw();
  }

  function draw() {
    const { from, to } = range;
    const shares = buckets.length > 0 && buckets.every((b) => typeof b.total === 'number');
    if (!shares) mode = 'count';
    modes.hidden = !shares;
    modeButtons.forEach((button) => button.setAttribute('aria-pressed', String(button.dataset.mode === mode)));
    container.dataset.mode = mode;
    container.hidden = buckets.length === 0;
    summary.textContent = summarise(buckets, interval, mode);
    svg.replaceChildren();
    const max = mode === 'share' ? Math.max(0.0001, ...buckets.map((b) => barValue(b, mode))) : Math.max(1, ...buckets.map((b) => b.count));
    const width = WIDTH / Math.max(1, buckets.length);
    buckets.forEach((bucket, i) => {
      const end = bucketEnd(bucket.start, interval);
      const selected = (from || to) && (!from || from <= end) && (!to || bucket.start <= to);
      const value = barValue(bucket, mode);
      const height = bucket.count === 0 ? 0 : Math.max(2, (value / max) * (HEIGHT - 4));
      const bar = document.createElementNS(SVG, 'rect');
      bar.setAttribute('class', `bar${selected ? ' selected' : ''}`);
      bar.setAttribute('x', String(i * width + width * 0.1));
      bar.setAttribute('width', String(width * 0.8));
      bar.setAttribute('y', String(HEIGHT - height));
      bar.setAttribute('height', String(height));
      // A full-height transparent target per bucket: thin bars and empty buckets stay easy to hit.
      const hit = document.createElementNS(SVG, 'rect');
      hit.setAttribute('class', 'bar-hit');
      hit.setAttribute('x', String(i * width));
      hit.setAttribute('width', String(width));
      hit.setAttribute('y', '0');
      hit.setAttribute('height', String(HEIGHT));
      hit.setAttribute('tabindex', i === 0 ? '0' : '-1');
      hit.setAttribute('focusable', 'true');
      hit.dataset.index = String(i);
      hit.dataset.start = bucket.start;
      const title = document.createElementNS(SVG, 'title');
      title.textContent = mode === 'share'
        ? `${bucketLabel(bucket.start, interval)}: ${formatShare(value)} (${bucket.count.toLocaleString()} of ${(bucket.total ?? 0).toLocaleString()})`
        : `${bucketLabel(bucket.start, interval)}: ${bucket.count.toLocaleString()}`;
      bar.dataset.value = String(value);
      hit.append(title);
      svg.append(bar, hit);
    });
    focusIndex = 0;
    listItems.replaceChildren(...buckets.filter((b) => b.count > 0).map((bucket) => {
      const item = el('li');
      const button = el('button', 'link-button', `${bucketLabel(bucket.start, interval)}: ${bucket.count.toLocaleString()}`);
      button.type = 'button';
      button.addEventListener('click', () => onRange({ from: bucket.start, to: bucketEnd(bucket.start, interval) }));
      item.append(button);
      return item;
    }));
  }

  return { render };
}
