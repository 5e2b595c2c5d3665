// The canvas: Cytoscape.js (served from /explorer/vendor, copied from npm at build time). One edge per pair of
// entities, however many relations join them (a count on it, the relations listed when it is clicked); edge labels
// only where a reader looks (the selected entity's edges, the one under the pointer, or once zoomed in); names at
// 11 CSS px whatever the zoom, shortened, in full for the selected and the hovered entity (labels.js).
import { kindOf, nodeShape } from './kinds.js';
import { layout } from './layout.js';
import { typeWords, shortName, fullName } from './words.js';
import { edgeStyle, canvasFont, labelZoom, textSize } from './graphstyle.js';
import { LINE, sizeOf, measure, layoutBox, cull, cullEdges } from './labels.js';

const confidenceRank = { H: 0, M: 1, L: 2 };
const looks = new Map();
/** A kind's colour and outline as the entity's data. */
function look(kind) {
  if (!looks.has(kind)) {
    const shape = nodeShape(kind);
    looks.set(kind, { colour: kindOf(kind).colour, shape: shape.shape, ...(shape['shape-polygon-points'] ? { points: shape['shape-polygon-points'] } : {}) });
  }
  return looks.get(kind);
}
/** A pair's key, the same whichever way its relations go. */
export const pairKey = (a, b) => (a < b ? `${a}|${b}` : `${b}|${a}`);

// Names keep their size on the screen: their size on the canvas follows the zoom (graphstyle.js' labelZoom).
const onScreen = px => () => px / labelZoom.value;

const style = [
  {
    selector: 'node',
    style: {
      label: 'data(short)', 'font-size': textSize, 'font-family': canvasFont, 'text-valign': 'bottom',
      'text-margin-y': onScreen(3), 'text-wrap': 'wrap', 'text-max-width': 2000, 'line-height': LINE, width: 24, height: 24,
      'border-width': 1.5, 'border-color': '#222', color: '#111', 'text-background-color': '#fff', 'text-background-opacity': 0.85,
      'text-background-padding': onScreen(1), 'min-zoomed-font-size': 0,
      // Each entity carries its kind's colour, outline and size (kinds.js): one rule instead of one a kind, which
      // Cytoscape would match against every entity.
      'background-color': 'data(colour)', shape: 'data(shape)',
    },
  },
  { selector: 'node[points]', style: { 'shape-polygon-points': 'data(points)' } },
  { selector: 'node[size]', style: { width: 'data(size)', height: 'data(size)' } },
  { selector: 'node[kind = "Country"]', style: { 'font-weight': 'bold' } },
  { selector: 'node.absent', style: { opacity: 0.45, 'border-style': 'dashed', 'background-opacity': 0.3 } },
  // Ended by the date, drawn for the acts that keep it in history: grey whatever its kind, with a dashed outline and
  // "ended <date>" under its name, so that it reads without colour too.
  { selector: 'node.ended', style: { 'background-color': '#c4c4c4', 'border-style': 'dashed', 'border-width': 2.5, 'border-color': '#555', color: '#555' } },
  // A name that would cover another, more important one (labels.js): shown on hover, or once zoomed in.
  { selector: 'node.unnamed', style: { label: '' } },
  // Where there was no room under the entity (labels.js).
  { selector: 'node.label-right', style: { 'text-valign': 'center', 'text-halign': 'right', 'text-margin-y': 0, 'text-margin-x': onScreen(4) } },
  { selector: 'node.label-left', style: { 'text-valign': 'center', 'text-halign': 'left', 'text-margin-y': 0, 'text-margin-x': onScreen(-4) } },
  { selector: 'node.label-above', style: { 'text-valign': 'top', 'text-margin-y': onScreen(-3) } },
  // At a corner, starting a little inside the entity's square (labels.js' places).
  { selector: 'node.label-below-right', style: { 'text-valign': 'bottom', 'text-halign': 'right', 'text-margin-y': 0, 'text-margin-x': n => -0.2 * n.data('size') } },
  { selector: 'node.label-below-left', style: { 'text-valign': 'bottom', 'text-halign': 'left', 'text-margin-y': 0, 'text-margin-x': n => 0.2 * n.data('size') } },
  { selector: 'node.label-above-right', style: { 'text-valign': 'top', 'text-halign': 'right', 'text-margin-y': 0, 'text-margin-x': n => -0.2 * n.data('size') } },
  { selector: 'node.label-above-left', style: { 'text-valign': 'top', 'text-halign': 'left', 'text-margin-y': 0, 'text-margin-x': n => 0.2 * n.data('size') } },
  // A name with room only for its shortest form: one line, cut with "…".
  { selector: 'node.label-tiny', style: { label: 'data(tiny)' } },
  // The selected and the hovered entity: the whole name, above the others.
  { selector: 'node.hover, node:selected', style: { label: 'data(full)', 'z-index': 20, 'text-background-opacity': 1, 'font-weight': 'bold', 'text-valign': 'bottom', 'text-halign': 'center', 'text-margin-x': 0, 'text-margin-y': onScreen(3) } },
  // The keyboard's marker: an outline apart from the selection's yellow, so that both can be told apart.
  { selector: 'node.marked', style: { label: 'data(full)', 'outline-width': 3, 'outline-color': '#0b57d0', 'outline-offset': 10, 'outline-opacity': 1, 'font-weight': 'bold' } },
  { selector: 'node:selected', style: { 'border-width': 4, 'border-color': '#000', 'underlay-color': '#ffd400', 'underlay-opacity': 0.7, 'underlay-padding': 7, 'underlay-shape': 'ellipse' } },
  ...edgeStyle,
];

/** The relations of each pair of entities, as one edge. */
function bundles(relations) {
  const pairs = new Map();
  for (const r of relations.values()) {
    const key = pairKey(r.fromId, r.toId);
    if (!pairs.has(key)) pairs.set(key, []);
    pairs.get(key).push(r);
  }
  const edges = [];
  for (const [key, rels] of pairs) {
    rels.sort((a, b) => (a.type < b.type ? -1 : a.type > b.type ? 1 : a.id < b.id ? -1 : 1));
    const first = rels[0], both = rels.some(r => r.fromId !== first.fromId);
    const types = [...new Set(rels.map(r => typeWords(r.type)))];
    const best = rels.map(r => r.confidence).sort((a, b) => confidenceRank[a] - confidenceRank[b])[0];
    const many = rels.length > 1;
    edges.push({
      group: 'edges',
      classes: many ? 'bundle' : '',
      data: {
        id: `e:${key}`, source: first.fromId, target: first.toId, relations: rels.map(r => r.id), count: rels.length, both,
        confidence: best, count_label: many ? `×${rels.length}` : '',
        label: many ? `×${rels.length}: ${types[0]}${types.length > 1 ? ', …' : ''}` : typeWords(first.type),
        all: rels.map(r => `${r.fromId === first.fromId ? '→' : '←'} ${typeWords(r.type)}`).join('\n'),
      },
    });
  }
  return edges;
}

/** Whether an element's data already holds every value of `data` (arrays compared item by item). */
function holds(element, data) {
  for (const [key, value] of Object.entries(data)) {
    const had = element.data(key);
    if (Array.isArray(value) ? !Array.isArray(had) || had.length !== value.length || value.some((v, i) => v !== had[i]) : had !== value) return false;
  }
  return true;
}

/** The classes a drawing sets; the others (selection, paths, windows, labels, hover) belong to what runs after it. */
const drawn = ['absent', 'ended', 'bundle'];

/**
 * Brings the canvas to `nodes` and `edges` in place: what is gone is removed, what is new is added, and what stays is
 * touched only where its data or classes changed. An element left alone keeps Cytoscape's cached drawing of it, so a
 * redraw costs what changed rather than the whole picture.
 */
function update(cy, nodes, edges) {
  const ends = new Map(edges.map(e => [e.data.id, e.data]));
  cy.edges().filter(e => { const d = ends.get(e.id()); return !d || d.source !== e.data('source') || d.target !== e.data('target'); }).remove();
  const ids = new Set(nodes.map(n => n.data.id));
  cy.nodes().filter(n => !ids.has(n.id())).remove();
  const added = [];
  for (const item of [...nodes, ...edges]) {
    const element = cy.getElementById(item.data.id);
    if (element.empty()) { added.push(item); continue; }
    if (!holds(element, item.data)) element.data(item.data);
    const classes = new Set(item.classes.split(' ').filter(Boolean));
    for (const c of drawn) if (element.hasClass(c) !== classes.has(c)) element.toggleClass(c, classes.has(c));
  }
  cy.add(added);
}

/**
 * The zoom and centre that show every entity and its name (names keep their size on the screen), at most 1.4: a lone
 * entity would otherwise fill the screen.
 */
function fitting(nodes, view) {
  let zoom = 1.4, x = 0, y = 0;
  for (let round = 0; round < 3; round++) {
    let x1 = Infinity, x2 = -Infinity, y1 = Infinity, y2 = -Infinity;
    for (const { position: p, data: d } of nodes) {
      const half = Math.max(d.size / 2, d.lw / 2 / zoom);
      x1 = Math.min(x1, p.x - half); x2 = Math.max(x2, p.x + half);
      y1 = Math.min(y1, p.y - d.size / 2); y2 = Math.max(y2, p.y + d.size / 2 + (3 + d.lh) / zoom);
    }
    zoom = Math.min(1.4, view.w / (x2 - x1), view.h / (y2 - y1));
    x = (x1 + x2) / 2; y = (y1 + y2) / 2;
  }
  return { zoom, x, y };
}

export class Canvas {
  #cy = null;
  #zoomLabels = false;
  #settle = null;

  constructor(container, { onSelect, onBackground, onEdge = () => {} }) {
    this.container = container;
    this.handlers = { onSelect, onBackground, onEdge };
    this.marked = null;
    this.selected = null;
    this.hovered = null;
    this.entities = new Map();
    this.relations = new Map();
    // The zoom of the last fitted picture: every edge is labelled past 1.6 times it.
    this.fitZoom = 1;
  }

  /**
   * Cytoscape is started with the first drawing rather than with the page: an empty canvas would be rendered while
   * the first answer is on its way, and that work would stand between the answer and the first graph.
   */
  get cy() {
    if (this.#cy) return this.#cy;
    // Cytoscape's own wheel pace: it tells a mouse from a touchpad and scales each. A custom sensitivity scales both
    // alike (0.3 made a mouse notch zoom by under 1 %), and Cytoscape warns against it on every load.
    const cy = (this.#cy = window.cytoscape({ container: this.container, style, minZoom: 0.1, maxZoom: 4 }));
    // When the canvas changes size (the timeline opens under it, the window is resized), what was in its middle stays there.
    let size = { w: this.container.clientWidth, h: this.container.clientHeight };
    new ResizeObserver(() => {
      const w = this.container.clientWidth, h = this.container.clientHeight;
      if (!w || !h || (w === size.w && h === size.h)) return;
      cy.resize();
      cy.panBy({ x: (w - size.w) / 2, y: (h - size.h) / 2 });
      size = { w, h };
    }).observe(this.container);
    cy.on('tap', 'node', e => this.handlers.onSelect(e.target.id()));
    cy.on('tap', 'edge', e => {
      this.openEdge(e.target.id());
      const d = e.target.data();
      this.handlers.onEdge({ from: d.source, to: d.target, relations: d.relations });
    });
    cy.on('tap', e => { if (e.target === cy) { this.openEdge(null); this.handlers.onBackground(); } });
    // Under the pointer: an entity's whole name and its edges' labels, an edge's label; room is made for them.
    const hover = (e, on) => {
      this.hovered = on && e.target.isNode() ? e.target.id() : null;
      e.target.toggleClass('hover', on && e.target.isNode());
      // A hovered edge's label is drawn whatever it covers; a hovered entity's edges say what they are where there is room.
      if (e.target.isNode()) e.target.connectedEdges().toggleClass('near-label', on);
      else e.target.toggleClass('hover-label', on);
      this.#cull();
    };
    cy.on('mouseover', 'node, edge', e => hover(e, true));
    cy.on('mouseout', 'node, edge', e => hover(e, false));
    // Once the zoom or the pan rests, names take their size on the screen again, and room decides which are drawn.
    cy.on('viewport', () => {
      clearTimeout(this.#settle);
      this.#settle = setTimeout(() => this.#labels(), 120);
    });
    return cy;
  }

  /** Sizes the names for the zoom, draws those that have room, and labels every edge past 1.6 times the fitted zoom. */
  #labels() {
    const cy = this.cy;
    if (Math.abs(labelZoom.value - cy.zoom()) > 1e-6) {
      labelZoom.value = cy.zoom();
      cy.style().update();
    }
    const on = cy.zoom() >= 1.6 * this.fitZoom;
    if (on !== this.#zoomLabels) { this.#zoomLabels = on; cy.edges().toggleClass('zoom-label', on); }
    this.#cull();
  }

  /**
   * Replaces what is drawn. Entities already on the canvas keep their places; new ones settle around the entity they
   * came with (`centres`: the entities the view is about, in the order they were asked). A new picture is fitted.
   */
  draw(entities, relations, { absent = new Set(), ended = new Set(), selected = null, centres = [] } = {}) {
    const cy = this.cy;
    this.entities = entities;
    this.relations = relations;
    const before = new Map(cy.nodes().map(n => [n.id(), { ...n.position() }]));
    const edges = bundles(relations);
    const degree = new Map();
    edges.forEach(e => [e.data.source, e.data.target].forEach(id => degree.set(id, (degree.get(id) ?? 0) + 1)));
    const nodes = [], boxes = [];
    for (const e of entities.values()) {
      const gone = ended.has(e.id) && e.validTo ? `ended ${e.validTo}` : '';
      const note = absent.has(e.id) ? '\n(not on this date)' : gone ? `\n(${gone})` : '';
      const short = shortName(e.name, e.aliases ?? []) + note, full = fullName(e.name) + note;
      const label = measure(short, e.kind === 'Country'), whole = measure(full, true);
      // The shortest form, for where only one line fits: a two-line name's first line, cut with "…".
      const [head, ...rest] = short.split('\n'), cut = rest.length && !note ? `${head.replace(/…$/, '')}…` : '';
      const tiny = cut ? measure(cut, e.kind === 'Country') : null;
      // Which names are drawn first when they compete for room: the view's own entities, countries, the better linked.
      const rank = centres.includes(e.id) ? 0 : e.kind === 'Country' ? 1 : 2 + 1 / (1 + (degree.get(e.id) ?? 0));
      nodes.push({
        group: 'nodes',
        data: {
          id: e.id, name: e.name, kind: e.kind, country: e.countryId ?? '', validFrom: e.validFrom ?? '', validTo: e.validTo ?? '', ended: gone,
          short, full, size: sizeOf(e.kind), lw: label.w, lh: label.h, fw: whole.w, fh: whole.h, tiny: cut, tw: tiny?.w ?? 0, th: tiny?.h ?? 0, rank, ...look(e.kind),
        },
        classes: absent.has(e.id) ? 'absent' : gone ? 'ended' : '',
      });
      if (!before.has(e.id)) boxes.push(layoutBox(e.id, e.kind, label));
    }
    const kept = nodes.filter(n => before.has(n.data.id)).map(n => n.data);
    const view = { w: Math.max(this.container.clientWidth - 40, 200), h: Math.max(this.container.clientHeight - 40, 150) };
    if (boxes.length) {
      const placed = layout({
        nodes: [...boxes, ...kept.map(d => layoutBox(d.id, d.kind, { w: d.lw, h: d.lh }))], links: edges.map(e => [e.data.source, e.data.target]),
        centres, fixed: new Map(kept.map(d => [d.id, before.get(d.id)])), viewport: view,
      });
      nodes.forEach(n => { n.position = before.get(n.data.id) ?? placed.get(n.data.id); });
    } else {
      nodes.forEach(n => { n.position = before.get(n.data.id); });
    }
    const fit = boxes.length && !kept.length ? fitting(nodes, view) : null;
    if (fit) labelZoom.value = fit.zoom;
    cy.batch(() => update(cy, nodes, edges));
    if (this.#zoomLabels) cy.edges().addClass('zoom-label');
    if (fit) {
      cy.resize(); // the viewport as it is now: Cytoscape notices a change of size only 100 ms later
      cy.viewport({ zoom: fit.zoom, pan: { x: this.container.clientWidth / 2 - fit.x * fit.zoom, y: this.container.clientHeight / 2 - fit.y * fit.zoom } });
      this.fitZoom = fit.zoom;
    } else if (boxes.length) {
      this.#reveal(cy.nodes().filter(n => !before.has(n.id())));
    }
    this.select(selected);
    if (this.marked) this.mark(this.marked);
    clearTimeout(this.#settle);
    this.#labels();
  }

  /** Brings newly drawn entities into view with what they are linked to, zooming out no further than 0.7 of the fitted zoom. */
  #reveal(added) {
    const cy = this.cy, box = cy.extent();
    const inside = n => { const p = n.position(); return p.x > box.x1 && p.x < box.x2 && p.y > box.y1 && p.y < box.y2; };
    if (added.every(inside)) return;
    const area = added.union(added.neighborhood('node')), zoom = cy.zoom();
    cy.fit(area, 30);
    const level = Math.min(zoom, Math.max(cy.zoom(), 0.7 * this.fitZoom));
    if (level !== cy.zoom()) { cy.zoom(level); cy.center(area); }
  }

  /** Takes everything off the canvas: the next drawing is a new picture, laid out and fitted afresh. */
  clear() {
    if (this.#cy) this.#cy.elements().remove();
    this.entities = new Map();
  }

  /** Moves the keyboard's marker (null: none), bringing the entity into view when it is outside. */
  mark(id) {
    this.marked = null;
    if (!id && !this.#cy) return;
    const cy = this.cy;
    cy.nodes('.marked').removeClass('marked');
    cy.edges('.focus-label').removeClass('focus-label');
    const node = id ? cy.getElementById(id) : cy.collection();
    this.marked = node.nonempty() ? id : null;
    // The ringed entity's whole name and its edges' labels, as for the entity under the pointer, where there is room.
    node.addClass('marked');
    node.connectedEdges().addClass('focus-label');
    this.#cull();
    if (node.empty()) return;
    const box = cy.extent(), p = node.position();
    if (p.x < box.x1 || p.x > box.x2 || p.y < box.y1 || p.y > box.y2) cy.animate({ center: { eles: node } }, { duration: 200 });
  }

  /** Selects an entity (null: none); its edges say what they are, and its whole name is drawn. */
  select(id) {
    const cy = this.cy;
    this.selected = id;
    cy.elements(':selected').unselect();
    cy.edges('.selected-label').removeClass('selected-label');
    const node = id ? cy.getElementById(id) : cy.collection();
    if (node.empty()) return;
    node.select();
    node.connectedEdges().addClass('selected-label');
    this.#cull();
  }

  /** Which names and edge labels have room to be drawn (labels.js). */
  #cull() {
    cullEdges(this.cy, cull(this.cy, [this.selected, this.hovered, this.marked].filter(Boolean)));
  }

  /** Opens the edge of a pair (its relations listed on it), or closes the open one (null). */
  openEdge(edgeId) {
    const cy = this.cy;
    cy.edges('.opened').removeClass('opened');
    if (edgeId) cy.getElementById(edgeId).addClass('opened');
    this.#cull();
  }

  /** Highlights the entities and relations of some paths and fades the rest. */
  highlight(entityIds, relationIds) {
    const cy = this.cy;
    // Only from the elements that have them: Cytoscape restyles every element it is asked to remove a class from.
    cy.elements('.path, .faded').removeClass('path faded');
    if (!entityIds.length) return;
    const on = new Set(entityIds), rel = new Set(relationIds);
    cy.batch(() => {
      cy.nodes().forEach(n => n.addClass(on.has(n.id()) ? 'path' : 'faded'));
      cy.edges().forEach(e => e.addClass(e.data('relations').some(r => rel.has(r)) ? 'path' : 'faded'));
    });
  }

  /**
   * What changed in a window (relation id → 'began', 'ended' or 'occurred'; null: no window): the edges of those
   * relations are marked, the others and the entities they do not touch fade.
   */
  changes(changed) {
    const cy = this.cy;
    cy.elements('.changed, .quiet').removeClass('changed quiet ch-began ch-ended ch-occurred');
    if (!changed) return;
    const rank = { began: 0, ended: 1, occurred: 2 };
    cy.batch(() => {
      cy.edges().forEach(e => {
        const kinds = e.data('relations').map(r => changed.get(r)).filter(Boolean).sort((a, b) => rank[a] - rank[b]);
        if (!kinds.length) { e.addClass('quiet'); return; }
        e.data('change', [...new Set(kinds)].map(k => (k === 'occurred' ? 'happened' : k)).join(', '));
        e.addClass(`changed ch-${kinds[0]}`);
      });
      cy.nodes().forEach(n => { if (!n.connectedEdges('.changed').length) n.addClass('quiet'); });
    });
  }

  /** The relations drawn, on the whole canvas or touching one entity. */
  relationIds(id = null) {
    const edges = id ? this.cy.getElementById(id).connectedEdges() : this.cy.edges();
    return edges.map(e => e.data('relations')).flat();
  }

  /** Brings an entity into view without losing the context around it. */
  focus(id) {
    const node = this.cy.getElementById(id);
    if (node.empty()) return;
    this.cy.animate({ center: { eles: node }, zoom: Math.max(this.cy.zoom(), this.fitZoom) }, { duration: 250 });
  }

  png() { return this.cy.png({ full: true, scale: 2, bg: '#ffffff' }); }

  /** GraphML of what is on the canvas (Gephi and yEd read it): every relation, with kinds, types, temporalities and dates. */
  graphml() {
    const x = v => String(v ?? '').replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
    const nodeKeys = ['name', 'kind', 'country', 'validFrom', 'validTo'];
    const edgeKeys = ['type', 'confidence', 'temporality', 'occurredOn', 'validFrom', 'validTo', 'attestedOn'];
    const keys = [...nodeKeys.map(k => [k, 'node']), ...edgeKeys.map(k => [k, 'edge'])];
    const lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">'];
    // Dates stay as precise as the sources give them, so they are strings.
    for (const [key, target] of keys) lines.push(`  <key id="${target === 'node' ? 'n' : 'e'}${key}" for="${target}" attr.name="${key}" attr.type="string"/>`);
    lines.push('  <graph id="wb6graph" edgedefault="directed">');
    this.cy.nodes().forEach(n => {
      const data = nodeKeys.filter(k => n.data(k)).map(k => `<data key="n${k}">${x(n.data(k))}</data>`).join('');
      lines.push(`    <node id="${x(n.id())}">${data}</node>`);
    });
    for (const id of this.relationIds()) {
      const r = this.relations.get(id);
      const data = edgeKeys.filter(k => r[k]).map(k => `<data key="e${k}">${x(r[k])}</data>`).join('');
      lines.push(`    <edge id="${x(r.id)}" source="${x(r.fromId)}" target="${x(r.toId)}">${data}</edge>`);
    }
    lines.push('  </graph>', '</graphml>');
    return lines.join('\n');
  }
}

export { kindOf };
