// The canvas without a mouse. Tab reaches the canvas; the arrow keys move a marker to the nearest entity in that
// direction, Home and End to the first and last (top to bottom), Enter or Space opens the marked entity in the
// panel, as a click does. For screen readers the marker is announced, and the panel lists the entities on the
// canvas as buttons, in step with every redraw.
import { esc, kindLabel } from './render.js';
import { swatch } from './kinds.js';

const directions = { ArrowRight: [1, 0], ArrowLeft: [-1, 0], ArrowDown: [0, 1], ArrowUp: [0, -1] };

/** The nearest entity in a direction; distance off the axis counts double, so the marker goes where the key points. */
function nearest(nodes, from, [dx, dy]) {
  const p = from.position();
  let best = null, bestScore = Infinity;
  nodes.forEach(n => {
    const q = n.position(), vx = q.x - p.x, vy = q.y - p.y;
    const along = vx * dx + vy * dy;
    if (n === from || along <= 0) return;
    const score = along + 2 * Math.abs(vx * dy - vy * dx);
    if (score < bestScore) [best, bestScore] = [n, score];
  });
  return best;
}

const topToBottom = nodes => nodes.toArray().sort((a, b) => a.position('y') - b.position('y') || a.position('x') - b.position('x'));

export function attachKeyboard(canvas, { announce, onOpen }) {
  const container = canvas.container;
  const marked = () => (canvas.marked ? canvas.cy.getElementById(canvas.marked) : canvas.cy.collection());
  const start = () => {
    const selected = canvas.cy.nodes(':selected');
    return selected.nonempty() ? selected[0] : topToBottom(canvas.cy.nodes())[0];
  };
  const mark = node => {
    canvas.mark(node.id());
    const relations = node.connectedEdges().reduce((n, e) => n + e.data('count'), 0);
    const ended = node.data('ended') ? `, ${node.data('ended')}` : '';
    announce(`${node.data('name')}, ${kindLabel(node.data('kind'))}${ended}, ${relations} relation${relations === 1 ? '' : 's'} on the canvas. Enter opens it.`);
  };

  container.addEventListener('keydown', e => {
    const cy = canvas.cy;
    if (e.altKey || e.ctrlKey || e.metaKey || cy.nodes().empty()) return;
    const current = marked();
    let next = null;
    if (directions[e.key]) next = current.nonempty() ? nearest(cy.nodes(), current[0], directions[e.key]) ?? current[0] : start();
    else if (e.key === 'Home' || e.key === 'End') next = topToBottom(cy.nodes()).at(e.key === 'Home' ? 0 : -1);
    else if (e.key === 'Enter' || e.key === ' ') {
      if (current.nonempty()) onOpen(current.id());
      else next = start();
    } else return;
    e.preventDefault(); // the page must not scroll under the canvas
    if (next) mark(next);
  });
  // The marker shows where the keyboard is, so it goes with the focus (and comes back with it).
  let last = null;
  container.addEventListener('blur', () => { last = canvas.marked; canvas.mark(null); });
  container.addEventListener('focus', () => {
    const node = last ? canvas.cy.getElementById(last) : null;
    if (node?.nonempty() && container.matches(':focus-visible')) mark(node);
  });
}

/**
 * The entities on the canvas as buttons, by name, the selected one marked as current. The buttons are built while the
 * list is open (sorting by name wakes the collator, too slow to do with every drawing); the count always follows.
 */
export function attachList(details, list, count, { onOpen }) {
  let entities = new Map(), absent = new Set(), ended = new Set(), selected = null, byName;
  const render = () => {
    byName ??= new Intl.Collator(undefined, { sensitivity: 'base' });
    list.innerHTML = [...entities.values()].sort((a, b) => byName.compare(a.name, b.name)).map(e => `<li><button type="button"
        data-entity="${esc(e.id)}" aria-current="${e.id === selected}">${swatch(e.kind, 14)} <span>${esc(e.name)}</span>
        <span class="hint">${esc(kindLabel(e.kind))}${absent.has(e.id) ? ', not on this date' : ended.has(e.id) ? `, ended ${esc(e.validTo)}` : ''}</span></button></li>`).join('');
  };
  details.addEventListener('toggle', () => { if (details.open) render(); });
  list.addEventListener('click', e => {
    const button = e.target.closest('[data-entity]');
    if (button) onOpen(button.dataset.entity);
  });
  return {
    update(drawn, options) {
      ({ absent, ended = new Set(), selected } = options);
      entities = drawn;
      count.textContent = String(drawn.size);
      if (details.open) render();
    },
    select(id) {
      selected = id;
      list.querySelectorAll('[data-entity]').forEach(b => b.setAttribute('aria-current', String(b.dataset.entity === id)));
    },
  };
}
