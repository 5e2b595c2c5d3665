// Kind → colour and shape. Shapes carry the meaning for readers who cannot tell the colours apart, so every
// kind gets its own outline, one that shares at most 85 % of its area with any other's (an octagon or a heptagon
// beside a circle, or a hexagon beside a pentagon, shared more, and looked alike in grey: a browser test measures
// it); the legend draws the same points.

const regular = (n, turn = -Math.PI / 2) =>
  Array.from({ length: n }, (_, i) => [Math.cos(turn + (2 * Math.PI * i) / n), Math.sin(turn + (2 * Math.PI * i) / n)]);
const star = Array.from({ length: 10 }, (_, i) => {
  const r = i % 2 ? 0.45 : 1, a = -Math.PI / 2 + (Math.PI * i) / 5;
  return [r * Math.cos(a), r * Math.sin(a)];
});
const shapes = {
  circle: null,
  square: [[-0.9, -0.9], [0.9, -0.9], [0.9, 0.9], [-0.9, 0.9]],
  diamond: [[0, -1], [1, 0], [0, 1], [-1, 0]],
  triangle: [[0, -1], [1, 0.8], [-1, 0.8]],
  invertedTriangle: [[-1, -0.8], [1, -0.8], [0, 1]],
  trapezoid: [[-0.55, -0.8], [0.55, -0.8], [1, 0.8], [-1, 0.8]],
  hexagon: regular(6, 0),
  shield: [[-1, -1], [1, -1], [1, 0.15], [0, 1], [-1, 0.15]],
  compass: [[0, -1], [0.28, -0.28], [1, 0], [0.28, 0.28], [0, 1], [-0.28, 0.28], [-1, 0], [-0.28, -0.28]],
  bust: [[-0.3, -1], [0.3, -1], [0.45, -0.7], [0.3, -0.4], [0.15, -0.3], [0.85, 0.05], [1, 1], [-1, 1], [-0.85, 0.05], [-0.15, -0.3], [-0.3, -0.4], [-0.45, -0.7]],
  star,
  rhomboid: [[-0.5, -0.8], [1, -0.8], [0.5, 0.8], [-1, 0.8]],
  tag: [[-1, -0.7], [0.4, -0.7], [1, 0], [0.4, 0.7], [-1, 0.7]],
  wide: [[-1, -0.55], [1, -0.55], [1, 0.55], [-1, 0.55]],
  chevron: [[-1, -0.8], [0.2, -0.8], [1, 0], [0.2, 0.8], [-1, 0.8], [-0.2, 0]],
  cross: [[-0.35, -1], [0.35, -1], [0.35, -0.35], [1, -0.35], [1, 0.35], [0.35, 0.35], [0.35, 1], [-0.35, 1], [-0.35, 0.35], [-1, 0.35], [-1, -0.35], [-0.35, -0.35]],
  house: [[0, -1], [1, -0.2], [1, 1], [-1, 1], [-1, -0.2]],
  doc: [[-0.8, -1], [0.4, -1], [0.8, -0.6], [0.8, 1], [-0.8, 1]],
  bowtie: [[-1, -0.8], [0, -0.2], [1, -0.8], [1, 0.8], [0, 0.2], [-1, 0.8]],
  bolt: [[0.25, -1], [-0.75, 0.15], [-0.05, 0.15], [-0.3, 1], [0.75, -0.2], [0.05, -0.2], [0.45, -1]],
  // A gauge: the upper half of a disc.
  gauge: [[-1, 0.45], ...Array.from({ length: 9 }, (_, i) => [-Math.cos((Math.PI * (i + 1)) / 10), 0.45 - Math.sin((Math.PI * (i + 1)) / 10)]), [1, 0.45]],
  hourglass: [[-0.8, -1], [0.8, -1], [0.15, 0], [0.8, 1], [-0.8, 1], [-0.15, 0]],
  bubble: [[-1, -0.8], [1, -0.8], [1, 0.4], [-0.1, 0.4], [-0.6, 1], [-0.5, 0.4], [-1, 0.4]],
};

export const kinds = {
  Country: { colour: '#4477aa', shape: 'circle', label: 'Country' },
  EuBody: { colour: '#1f3a93', shape: 'star', label: 'EU body' },
  NationalAuthority: { colour: '#228833', shape: 'hexagon', label: 'National authority' },
  Csirt: { colour: '#cc3311', shape: 'shield', label: 'CSIRT' },
  Ministry: { colour: '#997700', shape: 'house', label: 'Ministry' },
  RegionalCentre: { colour: '#aa3377', shape: 'diamond', label: 'Regional centre' },
  InternationalOrganization: { colour: '#33bbee', shape: 'trapezoid', label: 'International organisation' },
  NonProfit: { colour: '#ee7733', shape: 'triangle', label: 'Non-profit' },
  Foundation: { colour: '#009988', shape: 'invertedTriangle', label: 'Foundation' },
  Project: { colour: '#0077bb', shape: 'chevron', label: 'Project' },
  Event: { colour: '#ee3377', shape: 'square', label: 'Event' },
  Person: { colour: '#777777', shape: 'bust', label: 'Person', small: true },
  Tool: { colour: '#555555', shape: 'cross', label: 'Tool' },
  Legislation: { colour: '#886600', shape: 'doc', label: 'Legislation' },
  Strategy: { colour: '#66aa55', shape: 'tag', label: 'Strategy' },
  Convention: { colour: '#5566aa', shape: 'wide', label: 'Convention' },
  Network: { colour: '#884499', shape: 'compass', label: 'Network' },
  Forum: { colour: '#bbaa33', shape: 'bubble', label: 'Forum' },
  Company: { colour: '#994455', shape: 'rhomboid', label: 'Company' },
  Incident: { colour: '#ee6677', shape: 'bolt', label: 'Incident' },
  Assessment: { colour: '#44aa99', shape: 'gauge', label: 'Assessment' },
  Agreement: { colour: '#6677cc', shape: 'hourglass', label: 'Agreement' },
};

const fallback = { colour: '#999999', shape: 'bowtie', label: 'Other' };

export const kindOf = kind => kinds[kind] ?? fallback;

/** Cytoscape style for a kind: `polygon` with the shape's points, or an ellipse. */
export function nodeShape(kind) {
  const points = shapes[kindOf(kind).shape];
  return points ? { shape: 'polygon', 'shape-polygon-points': points.flat().map(v => v.toFixed(3)).join(' ') } : { shape: 'ellipse' };
}

/** The same outline as a small SVG, for the legend and the lists. */
export function swatch(kind, size = 16) {
  const k = kindOf(kind), points = shapes[k.shape], r = size / 2 - 1.5;
  const body = points
    ? `<polygon points="${points.map(([x, y]) => `${(size / 2 + x * r).toFixed(1)},${(size / 2 + y * r).toFixed(1)}`).join(' ')}"/>`
    : `<circle cx="${size / 2}" cy="${size / 2}" r="${r}"/>`;
  return `<svg class="swatch" width="${size}" height="${size}" viewBox="0 0 ${size} ${size}" aria-hidden="true" fill="${k.colour}" stroke="#222" stroke-width="1">${body}</svg>`;
}

/**
 * Gap statuses: each with a mark and a word, so that a cell reads without its colour, and what it means in plain words
 * (the matrix's legend and the evidence panel say it). Only MISSING is a documented gap; UNKNOWN is an open question.
 */
export const statuses = {
  PRESENT: { label: 'present', mark: '✓', meaning: 'the link exists on the date; its chain of relations and sources is the evidence' },
  PARTIAL: { label: 'partial', mark: '◐', meaning: 'partly there: a law only partly aligned or still a draft, or adopted and not yet applicable' },
  EXPIRED: { label: 'expired', mark: '◷', meaning: 'the link held once and has ended (a strategy that ran out)' },
  MISSING: { label: 'missing', mark: '✗', meaning: 'a source documents the absence: a documented gap' },
  UNKNOWN: { label: 'unknown', mark: '?', meaning: 'nobody found evidence either way: not a documented gap; the research record says what was consulted' },
  NOT_ELIGIBLE: { label: 'not eligible', mark: '–', meaning: 'open to EU member states only: not a failure before accession' },
};

export const statusOf = status => statuses[status] ?? { label: String(status).toLowerCase(), mark: '?', meaning: '' };
