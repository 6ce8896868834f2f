// Autocomplete for the search box: GET /suggest for the word being typed, offered through a <datalist>.
// Choosing a speaker or outlet turns the word into a fielded clause (speaker:"Liu Pengyu"); a title
// becomes the exact phrase of that title. Values are set as properties, never as HTML.

const FIELD_OF_KIND = { speaker: 'speaker', outlet: 'outlet' };
const DELAY_MS = 120;

/** The word under the cursor at the end of the box, when it is long enough to complete. */
function wordBeingTyped(value) {
  const match = /(^|\s)([^\s:"()]{2,})$/.exec(value);
  return match ? match[2] : null;
}

export function attachAutocomplete(input, list) {
  let timer = 0;
  let controller = null;

  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      const value = input.value;
      const word = wordBeingTyped(value);
      controller?.abort();
      if (!word) {
        list.replaceChildren();
        return;
      }

      controller = new AbortController();
      try {
        const response = await fetch(`/suggest?size=8&prefix=${encodeURIComponent(word)}`, { signal: controller.signal });
        if (!response.ok) return;
        const items = await response.json();
        const before = value.slice(0, value.length - word.length);
        list.replaceChildren(...items.map((item) => {
          const option = document.createElement('option');
          const field = FIELD_OF_KIND[item.kind];
          option.value = before + (field ? `${field}:"${item.text}"` : `"${item.text}"`);
          option.label = `${item.text} (${item.kind})`;
          return option;
        }));
      } catch {
        // Aborted by a newer keystroke, or offline: no suggestions this time.
      }
    }, DELAY_MS);
  });
}
