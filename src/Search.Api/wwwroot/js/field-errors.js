// Errors the user can fix, shown beside what needs fixing: the query under the search box, a date
// range beside the dates. Both are role="alert", so screen readers hear them at once.

export function createFieldErrors() {
  const q = document.getElementById('q');
  const qError = document.getElementById('q-error');
  const dateError = document.getElementById('date-error');
  const filters = document.getElementById('filters');

  return {
    /** The API's ProblemDetails detail for a query it could not parse; the query stays in the box. */
    showQuery(detail) {
      this.clear();
      qError.textContent = detail;
      qError.hidden = false;
      q.setAttribute('aria-invalid', 'true');
    },

    showDates(detail) {
      this.clear();
      dateError.textContent = detail;
      dateError.hidden = false;
      filters.open = true;
    },

    clear() {
      for (const node of [qError, dateError]) {
        node.hidden = true;
        node.textContent = '';
      }
      q.removeAttribute('aria-invalid');
    },
  };
}
