// How the canvas draws relations. One edge per pair of entities: its line gives the best confidence among its
// relations (solid H, dashed M, dotted L), its width how many there are, a count "×3" when there are several. Labels
// only where a reader looks: the selected entity's edges, the edge or entity under the pointer, an opened edge (all
// its relations, one a line), and every edge once zoomed in. In a time window, what began, ended or occurred is
// marked by colour and by the arrow's shape (a bar for an end, a dot for an act), the rest fades.

/** The font of the canvas, as the page's (the layout measures names in it). */
export const canvasFont = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';

/** CSS pixels of a name or an edge's label on the screen: 11, or 12 on a screen 1800 px wide or more (the page's type grows there too). */
export const screenFont = () => (window.innerWidth >= 1800 ? 12 : 11);

/** The zoom labels are sized for: they keep their size on the screen, so their size on the canvas is px / zoom. */
export const labelZoom = { value: 1 };
const px = n => () => n / labelZoom.value;
/** A label's font size on the canvas: screenFont on the screen at any zoom. */
export const textSize = () => screenFont() / labelZoom.value;

const labelled = {
  label: 'data(label)', 'font-size': textSize, color: '#222', 'text-background-color': '#fff', 'text-background-opacity': 0.9,
  'text-background-padding': px(2), 'z-index': 5,
};

export const edgeStyle = [
  {
    selector: 'edge',
    style: {
      width: 1.5, 'line-color': '#8a8a8a', 'target-arrow-color': '#8a8a8a', 'source-arrow-color': '#8a8a8a', 'target-arrow-shape': 'triangle',
      'arrow-scale': 0.8, 'curve-style': 'straight', 'font-family': canvasFont, 'text-rotation': 'autorotate',
    },
  },
  { selector: 'edge[?both]', style: { 'source-arrow-shape': 'triangle' } },
  { selector: 'edge[count > 1]', style: { width: 'mapData(count, 2, 8, 2.5, 6)' } },
  { selector: 'edge[confidence = "M"]', style: { 'line-style': 'dashed' } },
  { selector: 'edge[confidence = "L"]', style: { 'line-style': 'dotted' } },
  // The count of a pair's relations, always: a number in a round box.
  {
    selector: 'edge.bundle',
    style: {
      label: 'data(count_label)', 'font-size': textSize, 'font-weight': 'bold', color: '#333', 'text-rotation': 'none', 'text-background-color': '#fff',
      'text-background-opacity': 1, 'text-background-shape': 'round-rectangle', 'text-background-padding': px(2), 'text-border-width': px(1),
      'text-border-color': '#999', 'text-border-opacity': 1,
    },
  },
  { selector: 'edge.zoom-label', style: { ...labelled, 'text-border-width': 0 } },
  { selector: 'edge.selected-label, edge.near-label, edge.focus-label, edge.hover-label', style: { ...labelled, 'text-border-width': 0, 'line-color': '#555', 'target-arrow-color': '#555', 'source-arrow-color': '#555' } },
  { selector: 'edge.opened', style: { ...labelled, label: 'data(all)', 'text-wrap': 'wrap', 'text-rotation': 'none', 'line-color': '#0b57d0', 'target-arrow-color': '#0b57d0', 'source-arrow-color': '#0b57d0', 'z-index': 15 } },
  { selector: '.faded', style: { opacity: 0.18 } },
  { selector: 'node.path', style: { 'border-width': 4, 'border-color': '#ffb000' } },
  { selector: 'edge.path', style: { width: 5, 'line-color': '#ffb000', 'target-arrow-color': '#ffb000', 'source-arrow-color': '#ffb000', 'z-index': 10 } },
  { selector: '.quiet', style: { opacity: 0.15 } },
  { selector: 'edge.changed', style: { ...labelled, label: 'data(change)', width: 4, 'z-index': 12 } },
  { selector: 'edge.ch-began', style: { 'line-color': '#1a7f37', 'target-arrow-color': '#1a7f37', 'source-arrow-color': '#1a7f37', 'line-style': 'solid' } },
  { selector: 'edge.ch-ended', style: { 'line-color': '#b3261e', 'target-arrow-color': '#b3261e', 'source-arrow-color': '#b3261e', 'target-arrow-shape': 'tee', 'line-style': 'dashed' } },
  { selector: 'edge.ch-occurred', style: { 'line-color': '#0b57d0', 'target-arrow-color': '#0b57d0', 'source-arrow-color': '#0b57d0', 'target-arrow-shape': 'circle' } },
  // A label slid along its edge to where it has room (labels.js' cullEdges), or with no room at all.
  { selector: 'edge[slide]', style: { 'text-margin-x': e => e.data('slide')[0], 'text-margin-y': e => e.data('slide')[1] } },
  { selector: 'edge.label-hidden', style: { label: '' } },
];
