// Names and edge labels on the canvas. They are measured in the canvas' font, drawn at one size on the screen (11 CSS
// px, 12 on a wide screen) whatever the zoom, and placed where they cover nothing drawn before them, the more important
// first: the selected, hovered or marked entity, then the entities the view is about, countries, the better connected,
// then the edges' labels. A name tries every place round its entity, then its shortest form; an edge's label slides
// along its edge. What finds no room shows on hover, and as soon as zooming in makes room for it.
import { kindOf } from './kinds.js';
import { canvasFont, screenFont } from './graphstyle.js';

export const LINE = 1.23;
export const sizeOf = kind => (kind === 'Country' ? 32 : kindOf(kind).small ? 18 : 24);


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
 * Where a name can go round its entity, in the order tried: under it, to its right, left or above, then at its four
 * corners. Each gives the class that draws it there (graph.js) and its box on the screen for a name `w` by `h` round an
 * entity of half-size `s` at `p`, a few pixels wider than the text: two names closer than that read as one.
 */
const places = [
  ['below', (p, w, h, s) => ({ x1: p.x - w / 2 - 3, x2: p.x + w / 2 + 3, y1: p.y + s + 2, y2: p.y + s + 4 + h })],
  ['right', (p, w, h, s) => ({ x1: p.x + s + 1, x2: p.x + s + 7 + w, y1: p.y - h / 2 - 1, y2: p.y + h / 2 + 1 })],
  ['left', (p, w, h, s) => ({ x1: p.x - s - 7 - w, x2: p.x - s - 1, y1: p.y - h / 2 - 1, y2: p.y + h / 2 + 1 })],
  ['above', (p, w, h, s) => ({ x1: p.x - w / 2 - 3, x2: p.x + w / 2 + 3, y1: p.y - s - 4 - h, y2: p.y - s - 2 })],
  // A corner's name starts a little inside the entity's square, where a round or pointed outline leaves it empty.
  ['below-right', (p, w, h, s) => ({ x1: p.x + s * 0.6 - 3, x2: p.x + s * 0.6 + w + 3, y1: p.y + s - 1, y2: p.y + s + 1 + h })],
  ['below-left', (p, w, h, s) => ({ x1: p.x - s * 0.6 - w - 3, x2: p.x - s * 0.6 + 3, y1: p.y + s - 1, y2: p.y + s + 1 + h })],
  ['above-right', (p, w, h, s) => ({ x1: p.x + s * 0.6 - 3, x2: p.x + s * 0.6 + w + 3, y1: p.y - s - 1 - h, y2: p.y - s + 1 })],
  ['above-left', (p, w, h, s) => ({ x1: p.x - s * 0.6 - w - 3, x2: p.x - s * 0.6 + 3, y1: p.y - s - 1 - h, y2: p.y - s + 1 })],
];
const placeClasses = places.slice(1).map(([name]) => `label-${name}`).join(' ');

/**
 * Places each name where it covers no name or entity drawn before it, in order of importance: in the first free place
 * round its entity (`places`), else in its shortest form (one line, cut with "…") in the first free place; a name with
 * no such place is left out (it shows on hover). `first` (the selected, hovered and marked entities) always keep
 * theirs, drawn in full, under the entity.
 */
export function cull(cy, first = []) {
  const zoom = cy.zoom(), taken = [];
  const nodes = cy.nodes().toArray();
  const hits = (a, b) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;
  const shapes = nodes.map(n => {
    const p = n.renderedPosition(), s = (n.data('size') * zoom) / 2;
    return { id: n.id(), x1: p.x - s, x2: p.x + s, y1: p.y - s, y2: p.y + s };
  });
  const rank = n => (first.includes(n.id()) ? -1 : n.data('rank'));
  nodes.sort((a, b) => rank(a) - rank(b) || (a.id() < b.id() ? -1 : 1));
  // Only the screen counts: a name off it takes no room, and keeps its place for when it comes into view; a name on
  // it must fit in it whole.
  const screen = { x1: 0, y1: 0, x2: cy.width(), y2: cy.height() };
  const within = box => box.x1 >= 0 && box.y1 >= 0 && box.x2 <= screen.x2 && box.y2 <= screen.y2;
  const free = (box, id) => within(box) && !taken.some(t => hits(t, box)) && !shapes.some(s => s.id !== id && hits(s, box));
  /** The first free place for a name of `w` by `h`: [name, box], or undefined. */
  const placeFor = (n, p, s, w, h) => places.map(([name, box]) => [name, box(p, w, h, s)]).find(([, box]) => free(box, n.id()));
  cy.batch(() => {
    for (const n of nodes) {
      const p = n.renderedPosition(), full = first.includes(n.id()), s = (n.data('size') * zoom) / 2;
      n.removeClass(`unnamed label-tiny ${placeClasses}`);
      const below = places[0][1](p, n.data(full ? 'fw' : 'lw'), n.data(full ? 'fh' : 'lh'), s);
      if (full || !hits(below, screen)) { taken.push(below); continue; }
      let found = placeFor(n, p, s, n.data('lw'), n.data('lh'));
      if (!found && n.data('tiny')) {
        found = placeFor(n, p, s, n.data('tw'), n.data('th'));
        if (found) n.addClass('label-tiny');
      }
      if (!found) { n.addClass('unnamed'); continue; }
      if (found[0] !== 'below') n.addClass(`label-${found[0]}`);
      taken.push(found[1]);
    }
  });
  // What an edge's label must not cover: the names drawn and the entities.
  return [...taken, ...shapes];
}

let edgeContext;
/**
 * Where an edge's label can stand on the screen: rectangles turned along the edge as it is drawn ({x, y, hw, hh,
 * angle, t}), at its middle, then slid towards either end (t, a share of the edge's length) as far as the label stays
 * between the two entities. A label turned along an edge longer than the room between them has no place but the middle,
 * marked as not fitting.
 */
function edgeSpots(e, zoom) {
  const font = screenFont(), bold = e.pstyle('font-weight').strValue === 'bold';
  edgeContext ??= document.createElement('canvas').getContext('2d');
  edgeContext.font = `${bold ? 'bold ' : ''}${font}px ${canvasFont}`;
  const rows = String(e.style('label') ?? '').split('\n');
  const w = Math.max(...rows.map(r => edgeContext.measureText(r).width)) + 6, h = rows.length * font * 1.25 + 4;
  const a = e.source().renderedPosition(), b = e.target().renderedPosition(), m = e.renderedMidpoint();
  const turned = e.pstyle('text-rotation').strValue === 'autorotate';
  let angle = turned ? Math.atan2(b.y - a.y, b.x - a.x) : 0;
  if (angle > Math.PI / 2) angle -= Math.PI; else if (angle < -Math.PI / 2) angle += Math.PI;
  const length = Math.hypot(b.x - a.x, b.y - a.y);
  const from = (e.source().data('size') * zoom) / 2, to = length - (e.target().data('size') * zoom) / 2;
  const at = t => ({ x: m.x + t * (b.x - a.x), y: m.y + t * (b.y - a.y), hw: w / 2, hh: h / 2, angle, t });
  if (!turned) return [{ ...at(0), fits: true }];
  // Along the edge, the label's centre from the source's centre, and the room it needs on either side.
  const centre = t => length / 2 + t * length, half = w / 2 + 4;
  return [0, 0.12, -0.12, 0.24, -0.24, 0.36, -0.36].filter(t => centre(t) - half >= from && centre(t) + half <= to)
    .map(t => ({ ...at(t), fits: true }))
    .concat(w + 8 <= to - from ? [] : [{ ...at(0), fits: false }]);
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
 * Places the edge labels where they cover no name drawn (`taken`, from cull), no entity and no label placed before
 * them: at the middle of the edge or slid along it (edgeSpots), in order of importance: the hovered edge first, then
 * the opened one, the selected entity's, the hovered entity's, the keyboard's ringed entity's, a window's changes,
 * the counts of pairs, and those of
 * zooming in. A label with no such place, or longer than its edge, is left out; it shows on hover. The labels of the
 * hovered edge and of the opened one, asked for, are always drawn (over what they cover: they come to the front).
 */
export function cullEdges(cy, taken) {
  const order = ['hover-label', 'opened', 'selected-label', 'near-label', 'focus-label', 'changed', 'bundle', 'zoom-label'];
  const rank = e => { const i = order.findIndex(c => e.hasClass(c)); return i < 0 ? order.length : i; };
  const edges = cy.edges().toArray().filter(e => rank(e) < order.length).sort((a, b) => rank(a) - rank(b) || (a.id() < b.id() ? -1 : 1));
  const zoom = cy.zoom(), placed = taken.map(upright);
  // Outside the batch below, so that each label is measured as it reads, not as the empty one of its last hiding.
  cy.edges('.label-hidden').removeClass('label-hidden');
  const spotsOf = new Map(edges.map(e => [e, edgeSpots(e, zoom)]));
  cy.batch(() => {
    cy.edges('[slide]').removeData('slide');
    for (const e of edges) {
      const spots = spotsOf.get(e);
      const spot = spots.find(s => s.fits && !placed.some(t => overlap(t, s))) ?? (rank(e) <= 1 ? spots[0] : null);
      if (!spot) { e.addClass('label-hidden'); continue; }
      placed.push(spot);
      // The shift on the canvas (graphstyle.js' text margins): a share of the edge, so it holds at any zoom.
      if (spot.t) e.data('slide', [spot.t * (e.target().position('x') - e.source().position('x')), spot.t * (e.target().position('y') - e.source().position('y'))]);
    }
  });
}
