// A speaker's page (?speakerPage=name): GET /speakers/{name} — quote count, quotes over time (the same
// chart as the results timeline), the outlets quoting them most and their newest quotes.

import { el } from './dom.js';
import { quoteItem } from './quotes-view.js';
import { summarise } from './timeline-chart.js';

export function renderSpeaker(page, container, profile) {
  const heading = el('h2', 'speaker-name', profile.name);
  heading.id = 'speaker-heading';
  heading.tabIndex = -1;
  const counts = el('p', 'meta', `${profile.quotes.toLocaleString()} ${profile.quotes === 1 ? 'quote' : 'quotes'} in ${profile.articles.toLocaleString()} ${profile.articles === 1 ? 'article' : 'articles'}.`);
  const timeline = el('p', 'speaker-timeline', summarise(profile.timeline, profile.interval).replace('dated articles', 'quotes'));
  const outletsHeading = el('h3', null, 'Outlets quoting them most');
  const outlets = el('ul', 'speaker-outlets');
  outlets.append(...profile.outlets.map((o) => el('li', null, `${o.value} (${o.count})`)));
  const recentHeading = el('h3', null, 'Newest quotes');
  const recent = el('ol', 'quotes-list');
  recent.append(...profile.recent.map((hit) => quoteItem(page, hit)));
  container.replaceChildren(heading, counts, timeline, outletsHeading, outlets, recentHeading, recent);
  return heading;
}

/** The speaker page's controller: loads /speakers/{name} and shows it with its timeline chart. */
export function createSpeakerView(page, load, createChart) {
  const content = document.getElementById('speaker-content');
  const chart = createChart(document.getElementById('speaker-timeline'));

  async function show(focus) {
    page.setView('loading');
    try {
      const profile = await load(page.state.speakerPage);
      const heading = renderSpeaker(page, content, profile);
      chart.render({ histogram: profile.timeline, histogramInterval: profile.interval }, '', '');
      document.title = `${profile.name} – News search`;
      page.setView('speaker');
      if (focus) heading.focus();
    } catch (error) {
      if (error.name === 'AbortError') return;
      content.replaceChildren(el('p', 'error', error.problem?.detail ?? 'This speaker page could not be loaded.'));
      page.setView('error');
    }
  }

  return { show };
}
