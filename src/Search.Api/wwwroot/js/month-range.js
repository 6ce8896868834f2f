// Month facet ↔ date range. The API filters dates by one from/to range, and the published facet
// ignores that range (multi-select), so ticked months are shown as the range they span: ticking
// months sets from/to from the first ticked month to the last, months in between included.

function monthBounds(month) {
  const [y, m] = month.split('-').map(Number);
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { first: `${month}-01`, last: `${month}-${String(last).padStart(2, '0')}` };
}

/** 'all' when the month lies inside from..to, 'some' when it overlaps it, 'none' otherwise. */
export function monthCoverage(month, from, to) {
  if (!from && !to) return 'none';
  const { first, last } = monthBounds(month);
  const start = from || '0000-01-01';
  const end = to || '9999-12-31';
  if (start <= first && last <= end) return 'all';
  if (start <= last && first <= end) return 'some';
  return 'none';
}

/**
 * The {from, to} after ticking or unticking a month. Unticking the first or last month shrinks the
 * range; unticking one in the middle keeps the part before it, since one range cannot have a hole.
 */
export function rangeAfterToggle(month, checked, allMonths, from, to) {
  const ticked = new Set(allMonths.filter((m) => monthCoverage(m, from, to) === 'all'));
  if (checked) {
    ticked.add(month);
  } else {
    ticked.delete(month);
    const before = [...ticked].some((m) => m < month);
    if (before) for (const m of [...ticked]) if (m > month) ticked.delete(m);
  }
  const sorted = [...ticked].sort();
  if (!sorted.length) return { from: '', to: '' };
  return { from: monthBounds(sorted[0]).first, to: monthBounds(sorted[sorted.length - 1]).last };
}
