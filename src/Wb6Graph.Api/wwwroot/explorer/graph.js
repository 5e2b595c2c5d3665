// The canvas: Cytoscape.js (served from /explorer/vendor, copied from npm at build time).
import { kinds, kindOf, nodeShape } from './kinds.js';

const style = [
  {
    selector: 'node',
    style: {
      label: 'data(label)', 'font-size': 11, 'text-valign': 'bottom', 'text-margin-y': 4, 'text-wrap': 'wrap',
      'text-max-width': 150, width: 30, height: 30, 'border-width': 1.5, 'border-color': '#222', color: '#111',
      'text-background-color': '#fff', 'text-background-opacity': 0.8, 'text-background-padding': 1,
    },
  },
  ...Object.entries(kinds).map(([kind, k]) => ({
    selector: `node[kind = "${kind}"]`,
    style: { 'background-color': k.colour, ...nodeShape(kind), ...(k.small ? { width: 20, height: 20 } : {}) },
  })),
  { selector: 'node[kind = "Country"]', style: { width: 38, height: 38, 'font-weight': 'bold' } },
  { selector: 'node.absent', style: { opacity: 0.45, 'border-style': 'dashed', 'background-opacity': 0.3 } },
  // Ended by the date, drawn for the acts that keep it in history: grey whatever its kind, with a dashed outline and
  // "ended <date>" under its name, so that it reads without colour too.
  { selector: 'node.ended', style: { 'background-color': '#c4c4c4', 'border-style': 'dashed', 'border-width': 2.5, 'border-color': '#555', color: '#555' } },
  // The keyboard's marker: an outline apart from the selection's yellow, so that both can be told apart.
  { selector: 'node.marked', style: { 'outline-width': 3, 'outline-color': '#0b57d0', 'outline-offset': 10, 'outline-opacity': 1, 'font-weight': 'bold' } },
  { selector: 'node:selected', style: { 'border-width': 4, 'border-color': '#000', 'underlay-color': '#ffd400', 'underlay-opacity': 0.7, 'underlay-padding': 7, 'underlay-shape': 'ellipse' } },
  {
    selector: 'edge',
    style: {
      width: 1.5, 'line-color': '#8a8a8a', 'target-arrow-color': '#8a8a8a', 'target-arrow-shape': 'triangle',
      'curve-style': 'bezier', label: 'data(label)', 'font-size': 8, 'min-zoomed-font-size': 6, color: '#333', 'text-rotation': 'autorotate',
      'text-background-color': '#fff', 'text-background-opacity': 0.85, 'text-background-padding': 1,
    },
  },
  { selector: 'edge[confidence = "M"]', style: { 'line-style': 'dashed' } },
  { selector: 'edge[confidence = "L"]', style: { 'line-style': 'dotted' } },
  { selector: '.faded', style: { opacity: 0.18 } },
  { selector: 'node.path', style: { 'border-width': 4, 'border-color': '#ffb000' } },
  { selector: 'edge.path', style: { width: 5, 'line-color': '#ffb000', 'target-arrow-color': '#ffb000', 'font-size': 10, 'font-weight': 'bold', 'z-index': 10 } },
];

/**
 * A name in lines of about 20 characters, broken between words, at most three (the last cut short with …). Breaking
 * them here saves Cytoscape from measuring the label word by word, the largest part of drawing the first graph.
 */
function wrapped(name) {
  const lines = [];
  for (const word of name.split(/\s+/)) {
    const line = lines.at(-1);
    if (line !== undefined && line.length + 1 + word.length <= 20) lines[lines.length - 1] = `${line} ${word}`;
    else lines.push(word);
  }
  if (lines.length > 3) lines.splice(2, Infinity, `${lines[2].slice(0, 19)}…`);
  return lines.join('\n');
}

export class Canvas {
  #cy = null;

  constructor(container, { onSelect, onBackground }) {
    this.container = container;
    this.handlers = { onSelect, onBackground };
    this.marked = null;
  }

  /**
   * Cytoscape is started with the first drawing rather than with the page: an empty canvas would be rendered while
   * the first answer is on its way, and that work would stand between the answer and the first graph.
   */
  get cy() {
    if (this.#cy) return this.#cy;
    // Cytoscape's own wheel pace: it tells a mouse from a touchpad and scales each. A custom sensitivity scales both
    // alike (0.3 made a mouse notch zoom by under 1 %), and Cytoscape warns against it on every load.
    const cy = (this.#cy = window.cytoscape({ container: this.container, style, minZoom: 0.2, maxZoom: 3 }));
    cy.on('tap', 'node', e => this.handlers.onSelect(e.target.id()));
    cy.on('tap', e => { if (e.target === cy) this.handlers.onBackground(); });
    return cy;
  }

  /** Replaces what is drawn; keeps the positions of entities already on the canvas so the picture does not jump. */
  draw(entities, relations, { absent = new Set(), ended = new Set(), selected = null } = {}) {
    const cy = this.cy;
    const before = new Map(cy.nodes().map(n => [n.id(), { ...n.position() }]));
    const elements = [];
    for (const e of entities.values()) {
      const gone = ended.has(e.id) && e.validTo ? `ended ${e.validTo}` : '';
      elements.push({
        group: 'nodes',
        data: {
          id: e.id, name: e.name, kind: e.kind, country: e.countryId ?? '', validFrom: e.validFrom ?? '', validTo: e.validTo ?? '', ended: gone,
          label: wrapped(e.name) + (absent.has(e.id) ? '\n(not on this date)' : gone ? `\n(${gone})` : ''),
        },
        classes: absent.has(e.id) ? 'absent' : gone ? 'ended' : '',
        position: before.get(e.id),
      });
    }
    for (const r of relations.values()) {
      elements.push({
        group: 'edges',
        data: {
          id: `r:${r.id}`, relation: r.id, source: r.fromId, target: r.toId, type: r.type, label: r.type.replaceAll('_', ' ').toLowerCase(),
          confidence: r.confidence, temporality: r.temporality ?? '', occurredOn: r.occurredOn ?? '', validFrom: r.validFrom ?? '', validTo: r.validTo ?? '',
          attestedOn: r.attestedOn ?? '',
        },
      });
    }
    cy.batch(() => {
      cy.elements().remove();
      cy.add(elements);
    });
    const fresh = cy.nodes().filter(n => !before.has(n.id()));
    if (fresh.length) {
      cy.resize(); // the layout fits the box as it is now: Cytoscape notices a change of size only 100 ms later
      cy.layout({
        name: 'cose', animate: false, randomize: before.size === 0, fit: true, padding: 40, nodeDimensionsIncludeLabels: true,
        nodeRepulsion: () => 600000, idealEdgeLength: () => 120, edgeElasticity: () => 80, nodeOverlap: 30, gravity: 0.3, numIter: 1000, coolingFactor: 0.95,
      }).run();
      // A lone entity would otherwise fill the screen.
      if (cy.zoom() > 1.4) { cy.zoom(1.4); cy.center(); }
    }
    if (selected && cy.getElementById(selected).nonempty()) cy.getElementById(selected).select();
    if (this.marked) this.mark(this.marked);
  }

  /** Moves the keyboard's marker (null: none), bringing the entity into view when it is outside. */
  mark(id) {
    this.marked = null;
    if (!id && !this.#cy) return;
    const cy = this.cy;
    cy.nodes('.marked').removeClass('marked');
    const node = id ? cy.getElementById(id) : cy.collection();
    this.marked = node.nonempty() ? id : null;
    if (node.empty()) return;
    node.addClass('marked');
    const box = cy.extent(), p = node.position();
    if (p.x < box.x1 || p.x > box.x2 || p.y < box.y1 || p.y > box.y2) cy.animate({ center: { eles: node } }, { duration: 200 });
  }

  select(id) {
    this.cy.elements().unselect();
    const node = this.cy.getElementById(id);
    if (node.nonempty()) node.select();
  }

  /** Highlights the entities and relations of some paths and fades the rest. */
  highlight(entityIds, relationIds) {
    const cy = this.cy;
    // Only from the elements that have them: Cytoscape restyles every element it is asked to remove a class from.
    cy.elements('.path, .faded').removeClass('path faded');
    if (!entityIds.length) return;
    const on = new Set(entityIds), rel = new Set(relationIds);
    cy.nodes().forEach(n => n.addClass(on.has(n.id()) ? 'path' : 'faded'));
    cy.edges().forEach(e => e.addClass(rel.has(e.data('relation')) ? 'path' : 'faded'));
  }

  /** Brings an entity into view without losing the context around it. */
  focus(id) {
    const node = this.cy.getElementById(id);
    if (node.empty()) return;
    this.cy.animate({ center: { eles: node }, zoom: Math.max(this.cy.zoom(), 1) }, { duration: 250 });
  }

  png() { return this.cy.png({ full: true, scale: 2, bg: '#ffffff' }); }

  /** GraphML of what is on the canvas (Gephi and yEd read it), with kinds, types, temporalities and dates as attributes. */
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
    this.cy.edges().forEach(e => {
      const data = edgeKeys.filter(k => e.data(k)).map(k => `<data key="e${k}">${x(e.data(k))}</data>`).join('');
      lines.push(`    <edge id="${x(e.data('relation'))}" source="${x(e.data('source'))}" target="${x(e.data('target'))}">${data}</edge>`);
    });
    lines.push('  </graph>', '</graphml>');
    return lines.join('\n');
  }
}

export { kindOf };
