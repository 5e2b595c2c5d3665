// Names on the canvas. They are measured in the canvas' font, drawn at one size on the screen (11 CSS px, 12 on a wide
// screen) whatever the zoom, and where two would cover each other, or an entity, only the more important one is drawn:
// the selected, hovered or marked entity, then the entities the view is about, countries, and the better connected.
// A name left out shows on hover, and as soon as zooming in makes room for it.
import { kindOf } from './kinds.js';
import { canvasFont } from './graphstyle.js';

export const LINE = 1.23;
export const sizeOf = kind => (kind === 'Country' ? 32 : kindOf(kind).small ? 18 : 24);

/** CSS pixels of a name on the screen: 11, or 12 on a screen 1800 px wide or more (the page's type grows there too). */
export const screenFont = () => (window.innerWidth >= 1800 ? 12 : 11);

let context, contextFont;
/** A name's size on the screen, in CSS px: the widest line and the lines' height. */
export function measure(text, bold = false) {
  const font = screenFont(), wanted = `${bold ? 'bold ' : ''}${font}px ${canvasFont}`;
  context ??= document.createElement('canvas').getContext('2d');
  // Setting a font parses it: only when it changes.
  if (contextFont !== wanted) context.font = contextFont = wanted;
  const rows = text.split('\n');
  return { w: Math.max(...rows.map(r => context.measureText(r).width)) + 4, h: rows.length * font * LINE + 2 };
}

/** The box the layout keeps apart from the others: the entity and its name under it, with the offset to its centre. */
export function layoutBox(id, kind, label) {
  const size = sizeOf(kind), margin = 3;
  return { id, w: Math.max(size, label.w), h: size + margin + label.h, dy: (margin + label.h) / 2, group: kind };
}

/**
 * Places each name where it covers no name or entity drawn before it, in order of importance: under its entity, else
 * to its right, left or above; a name with no such place is left out (it shows on hover). `first` (the selected,
 * hovered and marked entities) always keep theirs, drawn in full, under the entity.
 */
export function cull(cy, first = []) {
  const zoom = cy.zoom(), taken = [];
  const nodes = cy.nodes().toArray();
  const hits = (a, b) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;
  const shapes = nodes.map(n => {
    const p = n.renderedPosition(), s = (n.data('size') * zoom) / 2;
    return { id: n.id(), x1: p.x - s, x2: p.x + s, y1: p.y - s, y2: p.y + s };
  });
  // A name keeps a few pixels clear on each side: two names closer than that read as one.
  const places = (p, w, h, s) => ({
    below: { x1: p.x - w / 2 - 3, x2: p.x + w / 2 + 3, y1: p.y + s + 2, y2: p.y + s + 4 + h },
    right: { x1: p.x + s + 1, x2: p.x + s + 7 + w, y1: p.y - h / 2 - 1, y2: p.y + h / 2 + 1 },
    left: { x1: p.x - s - 7 - w, x2: p.x - s - 1, y1: p.y - h / 2 - 1, y2: p.y + h / 2 + 1 },
    above: { x1: p.x - w / 2 - 3, x2: p.x + w / 2 + 3, y1: p.y - s - 4 - h, y2: p.y - s - 2 },
  });
  const rank = n => (first.includes(n.id()) ? -1 : n.data('rank'));
  nodes.sort((a, b) => rank(a) - rank(b) || (a.id() < b.id() ? -1 : 1));
  // Only the screen counts: a name off it takes no room, and keeps its place for when it comes into view; a name on
  // it must fit in it whole.
  const screen = { x1: 0, y1: 0, x2: cy.width(), y2: cy.height() };
  const within = box => box.x1 >= 0 && box.y1 >= 0 && box.x2 <= screen.x2 && box.y2 <= screen.y2;
  const free = (box, id) => within(box) && !taken.some(t => hits(t, box)) && !shapes.some(s => s.id !== id && hits(s, box));
  cy.batch(() => {
    for (const n of nodes) {
      const p = n.renderedPosition(), full = first.includes(n.id()), s = (n.data('size') * zoom) / 2;
      const options = places(p, n.data(full ? 'fw' : 'lw'), n.data(full ? 'fh' : 'lh'), s);
      const place = full || !hits(options.below, screen) ? 'below' : ['below', 'right', 'left', 'above'].find(k => free(options[k], n.id()));
      n.removeClass('unnamed label-right label-left label-above');
      if (!place) { n.addClass('unnamed'); continue; }
      if (place !== 'below') n.addClass(`label-${place}`);
      taken.push(options[place]);
    }
  });
  // What an edge's label must not cover: the names drawn and the entities.
  return [...taken, ...shapes];
}

let edgeContext;
/** The label of an edge on the screen: a rectangle turned along the edge as it is drawn ({x, y, hw, hh, angle}). */
function edgeLabel(e, zoom) {
  edgeContext ??= document.createElement('canvas').getContext('2d');
  edgeContext.font = `10px ${canvasFont}`;
  const rows = String(e.style('label') ?? '').split('\n');
  const w = Math.max(...rows.map(r => edgeContext.measureText(r).width)) + 6, h = rows.length * 12.5 + 4;
  const a = e.source().renderedPosition(), b = e.target().renderedPosition();
  const turned = e.pstyle('text-rotation').strValue === 'autorotate';
  let angle = turned ? Math.atan2(b.y - a.y, b.x - a.x) : 0;
  if (angle > Math.PI / 2) angle -= Math.PI; else if (angle < -Math.PI / 2) angle += Math.PI;
  const room = Math.hypot(b.x - a.x, b.y - a.y) - ((e.source().data('size') + e.target().data('size')) * zoom) / 2;
  return { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2, hw: w / 2, hh: h / 2, angle, fits: !turned || w + 8 <= room };
}

/** A box of cull's as a rectangle that is not turned. */
const upright = t => ({ x: (t.x1 + t.x2) / 2, y: (t.y1 + t.y2) / 2, hw: (t.x2 - t.x1) / 2, hh: (t.y2 - t.y1) / 2, angle: 0 });

/** Whether two turned rectangles overlap (separating axes: the two axes of each). */
function overlap(p, q) {
  for (const r of [p, q]) {
    for (const axis of [r.angle, r.angle + Math.PI / 2]) {
      const cx = Math.cos(axis), cy = Math.sin(axis);
      const span = t => Math.abs(Math.cos(t.angle - axis)) * t.hw + Math.abs(Math.sin(t.angle - axis)) * t.hh;
      if (Math.abs((q.x - p.x) * cx + (q.y - p.y) * cy) >= span(p) + span(q)) return false;
    }
  }
  return true;
}

/**
 * Leaves out the edge labels that would cover a name drawn (`taken`, from cull) or a label placed before them, or that
 * are longer than their edge: the hovered edge first, then the opened one, the selected entity's, a window's changes,
 * the counts of pairs, and those of zooming in. A label left out shows on hover.
 */
export function cullEdges(cy, taken) {
  const order = ['hover-label', 'opened', 'selected-label', 'changed', 'bundle', 'zoom-label'];
  const rank = e => { const i = order.findIndex(c => e.hasClass(c)); return i < 0 ? order.length : i; };
  const edges = cy.edges().toArray().filter(e => rank(e) < order.length).sort((a, b) => rank(a) - rank(b) || (a.id() < b.id() ? -1 : 1));
  const zoom = cy.zoom(), placed = taken.map(upright);
  cy.batch(() => {
    edges.forEach(e => e.removeClass('label-hidden'));
    for (const e of edges) {
      const label = edgeLabel(e, zoom);
      const shown = rank(e) === 0 || (label.fits && !placed.some(t => overlap(t, label)));
      if (shown) placed.push(label);
      else e.addClass('label-hidden');
    }
  });
}
