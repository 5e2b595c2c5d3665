// The canvas: Cytoscape.js (served from /explorer/vendor, copied from npm at build time).
import { kinds, kindOf, nodeShape } from './kinds.js';

const style = [
  {
    selector: 'node',
    style: {
      label: 'data(label)', 'font-size': 11, 'text-valign': 'bottom', 'text-margin-y': 4, 'text-wrap': 'wrap',
      'text-max-width': 120, width: 30, height: 30, 'border-width': 1.5, 'border-color': '#222', color: '#111',
      'text-background-color': '#fff', 'text-background-opacity': 0.8, 'text-background-padding': 1,
    },
  },
  ...Object.entries(kinds).map(([kind, k]) => ({
    selector: `node[kind = "${kind}"]`,
    style: { 'background-color': k.colour, ...nodeShape(kind), ...(k.small ? { width: 20, height: 20 } : {}) },
  })),
  { selector: 'node[kind = "Country"]', style: { width: 38, height: 38, 'font-weight': 'bold' } },
  { selector: 'node.absent', style: { opacity: 0.45, 'border-style': 'dashed', 'background-opacity': 0.3 } },
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

const shortName = name => (name.length > 42 ? `${name.slice(0, 40)}…` : name);

export class Canvas {
  constructor(container, { onSelect, onBackground }) {
    this.cy = window.cytoscape({ container, style, wheelSensitivity: 0.3, minZoom: 0.2, maxZoom: 3 });
    this.cy.on('tap', 'node', e => onSelect(e.target.id()));
    this.cy.on('tap', e => { if (e.target === this.cy) onBackground(); });
  }

  /** Replaces what is drawn; keeps the positions of entities already on the canvas so the picture does not jump. */
  draw(entities, relations, { absent = new Set(), selected = null } = {}) {
    const cy = this.cy;
    const before = new Map(cy.nodes().map(n => [n.id(), { ...n.position() }]));
    const elements = [];
    for (const e of entities.values()) {
      elements.push({
        group: 'nodes',
        data: { id: e.id, name: e.name, kind: e.kind, country: e.country ?? '', label: shortName(e.name) + (absent.has(e.id) ? '\n(not on this date)' : '') },
        classes: absent.has(e.id) ? 'absent' : '',
        position: before.get(e.id),
      });
    }
    for (const r of relations.values()) {
      elements.push({
        group: 'edges',
        data: {
          id: `r:${r.id}`, relation: r.id, source: r.fromId, target: r.toId, type: r.type, label: r.type.replaceAll('_', ' ').toLowerCase(),
          confidence: r.confidence, validFrom: r.validFrom ?? '', validTo: r.validTo ?? '',
        },
      });
    }
    cy.batch(() => {
      cy.elements().remove();
      cy.add(elements);
    });
    const fresh = cy.nodes().filter(n => !before.has(n.id()));
    if (fresh.length) {
      cy.layout({
        name: 'cose', animate: false, randomize: before.size === 0, fit: true, padding: 40, nodeDimensionsIncludeLabels: true,
        nodeRepulsion: () => 600000, idealEdgeLength: () => 120, edgeElasticity: () => 80, nodeOverlap: 30, gravity: 0.3, numIter: 1000,
      }).run();
      // A lone entity would otherwise fill the screen.
      if (cy.zoom() > 1.4) { cy.zoom(1.4); cy.center(); }
    }
    if (selected && cy.getElementById(selected).nonempty()) cy.getElementById(selected).select();
  }

  select(id) {
    this.cy.elements().unselect();
    const node = this.cy.getElementById(id);
    if (node.nonempty()) node.select();
  }

  /** Highlights the entities and relations of some paths and fades the rest. */
  highlight(entityIds, relationIds) {
    const cy = this.cy;
    cy.elements().removeClass('path faded');
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

  /** GraphML of what is on the canvas (Gephi and yEd read it), with kinds, types and dates as attributes. */
  graphml() {
    const x = v => String(v ?? '').replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
    const keys = [['name', 'node'], ['kind', 'node'], ['country', 'node'], ['type', 'edge'], ['confidence', 'edge'], ['validFrom', 'edge'], ['validTo', 'edge']];
    const lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">'];
    for (const [key, target] of keys) lines.push(`  <key id="${key}" for="${target}" attr.name="${key}" attr.type="string"/>`);
    lines.push('  <graph id="wb6graph" edgedefault="directed">');
    this.cy.nodes().forEach(n => {
      lines.push(`    <node id="${x(n.id())}">${['name', 'kind', 'country'].map(k => `<data key="${k}">${x(n.data(k))}</data>`).join('')}</node>`);
    });
    this.cy.edges().forEach(e => {
      const data = ['type', 'confidence', 'validFrom', 'validTo'].filter(k => e.data(k)).map(k => `<data key="${k}">${x(e.data(k))}</data>`).join('');
      lines.push(`    <edge id="${x(e.data('relation'))}" source="${x(e.data('source'))}" target="${x(e.data('target'))}">${data}</edge>`);
    });
    lines.push('  </graph>', '</graphml>');
    return lines.join('\n');
  }
}

export { kindOf };
