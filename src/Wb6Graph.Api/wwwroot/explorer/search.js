// Suggestions over entities(search:), which already ignores case and diacritics ("qkss", "Shqiperi"): the search
// box and the two ends of the paths form share them. A name picked in a path end is remembered with its id.
import { run, searchDocument } from './api.js';
import { esc, kindLabel } from './render.js';
import { swatch } from './kinds.js';

/** Suggestions under `input`, in the listbox `list`; `onPick` gets the entity chosen ({id, name, kind, ...}). */
export function attachSearch(input, list, { onPick, asOf, clearOnPick = true }) {
  let items = [], active = -1, ticket = 0, timer;

  const close = () => { list.hidden = true; input.setAttribute('aria-expanded', 'false'); input.removeAttribute('aria-activedescendant'); active = -1; };
  const mark = i => {
    active = i;
    [...list.children].forEach((li, j) => li.setAttribute('aria-selected', String(j === i)));
    if (i >= 0) input.setAttribute('aria-activedescendant', `${list.id}-${i}`);
  };
  const pick = i => {
    const e = items[i];
    if (!e) return;
    close();
    input.value = clearOnPick ? '' : e.name;
    onPick(e);
  };

  // Suggestions are for the field being typed in: an answer that arrives after the focus has left it (to the next
  // field, to the form's button) opens nothing, or the list would cover what the focus went to and stay open.
  const typing = () => document.activeElement === input;

  async function suggest() {
    const text = input.value.trim();
    const mine = ++ticket;
    if (text.length < 2 || !typing()) { close(); return; }
    let data;
    try { data = await run(searchDocument(text, asOf())); } catch (error) { if (typing()) { list.innerHTML = `<li>${esc(error.message)}</li>`; list.hidden = false; } return; }
    if (mine !== ticket || !typing()) return; // a later keystroke already asked again, or the focus has moved on
    items = data.entities.nodes;
    list.innerHTML = items.length
      ? items.map((e, i) => `<li role="option" id="${list.id}-${i}" data-index="${i}" aria-selected="false">${swatch(e.kind, 14)}
          <span>${esc(e.name)}</span><span class="meta">${esc(kindLabel(e.kind))}${e.countryId ? ` · ${esc(e.country.name)}` : ''}</span></li>`).join('')
        + (data.entities.totalCount > items.length ? `<li class="hint" aria-disabled="true">${data.entities.totalCount - items.length} more: type more letters</li>` : '')
      : `<li class="hint" aria-disabled="true">Nothing matches “${esc(text)}”.</li>`;
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    mark(items.length ? 0 : -1);
  }

  input.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(suggest, 120); });
  input.addEventListener('keydown', e => {
    if (list.hidden) return;
    if (e.key === 'ArrowDown' && items.length) { mark((active + 1) % items.length); e.preventDefault(); }
    else if (e.key === 'ArrowUp' && items.length) { mark((active - 1 + items.length) % items.length); e.preventDefault(); }
    else if (e.key === 'Enter' && active >= 0) { pick(active); e.preventDefault(); }
    else if (e.key === 'Escape') close();
  });
  list.addEventListener('mousedown', e => {
    const li = e.target.closest('li[data-index]');
    if (li) { e.preventDefault(); pick(Number(li.dataset.index)); }
  });
  input.addEventListener('blur', () => setTimeout(close, 150));
}

/** A path end: the name shown, the entity's id kept beside it until the text is changed. */
export function setEnd(input, entity) {
  input.value = entity?.name ?? '';
  input.dataset.id = entity?.id ?? '';
  input.dataset.name = entity?.name ?? '';
}

/** The id a path end stands for when its text is still the name picked; null when it was typed. */
export const endId = input => (input.dataset.id && input.value.trim() === input.dataset.name ? input.dataset.id : null);
