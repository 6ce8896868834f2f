// Marks query words in text the server does not highlight (titles, quotes), building DOM nodes
// rather than HTML so the text stays text.

/**
 * The plain words of a query. Operators, field names and negated terms are left out; a trailing *
 * matches a prefix. An approximation of the server's analysis, good enough for marking.
 */
export function queryTerms(q) {
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

/** Text nodes with <mark> elements around whole-word matches of the terms. */
export function highlightText(text, terms) {
  if (!terms.length) return [document.createTextNode(text)];
  const alternatives = terms.map((t) => (t.endsWith('*') ? `${escapeRegExp(t.slice(0, -1))}[\\p{L}\\p{N}]*` : escapeRegExp(t)));
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`, 'giu');
  const nodes = [];
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    if (match.index > last) nodes.push(document.createTextNode(text.slice(last, match.index)));
    const mark = document.createElement('mark');
    mark.textContent = match[0];
    nodes.push(mark);
    last = match.index + match[0].length;
  }
  if (last < text.length) nodes.push(document.createTextNode(text.slice(last)));
  return nodes;
}

function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
