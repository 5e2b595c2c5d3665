// Where each entity stands on the canvas. Deterministic: no random number is drawn, every order and every tie is
// settled by the entity ids, so the same view draws the same way on every load. Aware of each entity's box (its shape
// and its name under it), so that names do not cover one another, and shaped to the canvas (a wide canvas gets a
// wide picture). Incremental: entities already drawn keep their places, and new ones settle around the entity they
// came with.

/** FNV-1a: a stable number for an id. */
export function hash(text) {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

const GAP = 6;

/**
 * Positions (id → {x, y}) for `nodes` ({id, w, h, dy, group}: the box around the entity and its name, `dy` from the
 * entity's centre to the box's, `group` sorting neighbours into sectors), joined by `links` ([a, b], each pair once).
 * `fixed`: positions that are kept; `centres`: the entities the view is about, placed first; `viewport`: the canvas'
 * size ({w, h}, in the same units as the boxes). A first layout (nothing fixed) is drawn to fit the viewport at
 * zoom 1, so that names read at the size they are given, as far as it can be without covering one another.
 */
export function layout({ nodes, links, fixed = new Map(), centres = [], viewport = { w: 800, h: 500 } }) {
  const aspect = viewport.w / viewport.h;
  // The work is done in a space where the canvas is round (heights times the aspect); positions return at the end.
  const n = nodes.length, index = new Map(nodes.map((d, i) => [d.id, i]));
  const w = Float64Array.from(nodes, d => d.w + GAP), h = Float64Array.from(nodes, d => (d.h + GAP) * aspect);
  const dy = Float64Array.from(nodes, d => d.dy * aspect);
  const x = new Float64Array(n), y = new Float64Array(n), placed = new Uint8Array(n), locked = new Uint8Array(n);
  const seed = nodes.map(d => hash(d.id));
  const near = nodes.map(() => []);
  for (const [a, b] of links) {
    const i = index.get(a), j = index.get(b);
    if (i === undefined || j === undefined || i === j) continue;
    near[i].push(j);
    near[j].push(i);
  }
  const byId = (i, j) => (nodes[i].id < nodes[j].id ? -1 : 1);
  near.forEach(list => list.sort(byId));

  for (const [id, p] of fixed) {
    const i = index.get(id);
    if (i === undefined) continue;
    x[i] = p.x; y[i] = p.y * aspect; placed[i] = locked[i] = 1;
  }
  const order = [];
  for (const id of centres) if (index.has(id)) order.push(index.get(id));
  const unplacedRoot = () => {
    let best = -1;
    for (let i = 0; i < n; i++) if (!placed[i] && (best < 0 || near[i].length > near[best].length || (near[i].length === near[best].length && byId(i, best) < 0))) best = i;
    return best;
  };
  if (!locked.some(Boolean)) {
    const root = order.find(i => !placed[i]) ?? unplacedRoot();
    if (root >= 0) { placed[root] = 1; }
  }

  // Breadth first from what is placed, centres first: each entity's new neighbours go round it in rings, sorted by
  // group and id so that kinds share a sector, starting on the side away from the rest of the picture.
  const queue = [...order.filter(i => placed[i]), ...[...Array(n).keys()].filter(i => placed[i] && !order.includes(i))];
  let cx = 0, cy = 0;
  for (let head = 0; ; head++) {
    if (head === queue.length) {
      // A part not joined to anything placed: beside the picture, on its right.
      const rest = unplacedRoot();
      if (rest < 0) break;
      let right = -Infinity, mid = 0, count = 0;
      for (let i = 0; i < n; i++) if (placed[i]) { right = Math.max(right, x[i] + w[i] / 2); mid += y[i]; count++; }
      x[rest] = count ? right + w[rest] : 0; y[rest] = count ? mid / count : 0; placed[rest] = 1;
      queue.push(rest);
    }
    const p = queue[head];
    const children = near[p].filter(i => !placed[i]);
    if (!children.length) continue;
    children.sort((i, j) => (nodes[i].group < nodes[j].group ? -1 : nodes[i].group > nodes[j].group ? 1 : seed[i] - seed[j] || byId(i, j)));
    let mx = 0, my = 0, count = 0;
    for (let i = 0; i < n; i++) if (placed[i] && i !== p) { mx += x[i]; my += y[i]; count++; }
    const away = count ? Math.atan2(y[p] - my / count, x[p] - mx / count) : -Math.PI / 2;
    ring(p, children, count ? away : -Math.PI / 2);
    for (const c of children) { placed[c] = 1; queue.push(c); }
  }

  function ring(p, children, start) {
    const size = i => Math.max(w[i], h[i]);
    let r = size(p) / 2 + size(children[0]) / 2 + 40, angle = 0, turn = 0, ringSize = 0;
    for (const c of children) {
      const theta = start + angle;
      const along = Math.abs(Math.sin(theta)) * w[c] + Math.abs(Math.cos(theta)) * h[c];
      const step = along / r;
      if (angle > 0 && angle + step > 2 * Math.PI) {
        r += ringSize + GAP;
        turn += 0.5;
        angle = (turn % 1) * step;
        ringSize = 0;
      }
      const t = start + angle + step / 2;
      x[c] = x[p] + r * Math.cos(t);
      y[c] = y[p] + r * Math.sin(t);
      angle += step;
      ringSize = Math.max(ringSize, Math.abs(Math.cos(t)) * w[c] + Math.abs(Math.sin(t)) * h[c]);
    }
  }

  for (let i = 0; i < n; i++) { cx += x[i]; cy += y[i]; }
  cx /= n || 1; cy /= n || 1;
  relax();
  separate(60);
  if (!locked.some(Boolean)) fit();

  /** Draws the picture together until it fits the viewport, or until its boxes stop it. */
  function fit() {
    for (let round = 0; round < 4; round++) {
      let x1 = Infinity, x2 = -Infinity, y1 = Infinity, y2 = -Infinity;
      for (let i = 0; i < n; i++) {
        x1 = Math.min(x1, x[i] - w[i] / 2); x2 = Math.max(x2, x[i] + w[i] / 2);
        y1 = Math.min(y1, y[i] + dy[i] - h[i] / 2); y2 = Math.max(y2, y[i] + dy[i] + h[i] / 2);
      }
      const zoom = Math.min(viewport.w / (x2 - x1), (viewport.h * aspect) / (y2 - y1));
      if (zoom >= 0.97) return;
      const mx = (x1 + x2) / 2, my = (y1 + y2) / 2;
      for (let i = 0; i < n; i++) { x[i] = mx + (x[i] - mx) * zoom; y[i] = my + (y[i] - my) * zoom; }
      separate(50);
    }
  }

  function relax() {
    let area = 0;
    for (let i = 0; i < n; i++) area += w[i] * h[i];
    const k = Math.sqrt(area / (n || 1)) * 1.15, k2 = k * k, far = 36 * k2, rounds = n > 300 ? 60 : 90;
    const dx = new Float64Array(n), dyv = new Float64Array(n), degree = Float64Array.from(near, list => list.length);
    for (let round = 0; round < rounds; round++) {
      const heat = k * 1.2 * (1 - round / rounds) + 1;
      dx.fill(0); dyv.fill(0);
      for (let i = 0; i < n; i++) {
        const xi = x[i], yi = y[i] + dy[i], wi = w[i], hi = h[i], li = locked[i];
        for (let j = i + 1; j < n; j++) {
          if (li && locked[j]) continue;
          let ux = x[j] - xi, uy = (y[j] + dy[j]) - yi;
          if (ux === 0 && uy === 0) { ux = ((seed[j] % 7) - 3) || 1; uy = ((seed[i] % 5) - 2) || 1; }
          const d2 = ux * ux + uy * uy;
          if (d2 > far) continue;
          // Boxes that overlap push harder than the usual repulsion.
          const ox = (wi + w[j]) / 2 - Math.abs(ux), oy = (hi + h[j]) / 2 - Math.abs(uy);
          const f = (k2 / d2) * (ox > 0 && oy > 0 ? 4 : 1);
          dx[i] -= ux * f; dyv[i] -= uy * f; dx[j] += ux * f; dyv[j] += uy * f;
        }
      }
      for (let i = 0; i < n; i++) {
        const list = near[i];
        for (let e = 0; e < list.length; e++) {
          const j = list[e];
          if (j < i) continue;
          const ux = x[j] - x[i], uy = y[j] - y[i], d = Math.sqrt(ux * ux + uy * uy) || 1;
          const f = d / k / Math.sqrt(Math.max(degree[i], degree[j]));
          dx[i] += ux * f; dyv[i] += uy * f; dx[j] -= ux * f; dyv[j] -= uy * f;
        }
        // A pull to the middle keeps parts together and the picture round (in this space: the canvas' shape).
        dx[i] -= (x[i] - cx) * 0.02; dyv[i] -= (y[i] - cy) * 0.02;
      }
      for (let i = 0; i < n; i++) {
        if (locked[i]) continue;
        const d = Math.sqrt(dx[i] * dx[i] + dyv[i] * dyv[i]);
        if (d > 0) { const m = Math.min(d, heat) / d; x[i] += dx[i] * m; y[i] += dyv[i] * m; }
      }
    }
  }

  /**
   * Pushes apart the boxes that still overlap, along the axis where they overlap least. Boxes are swept in order of
   * their left edge, so that only those that meet across x are compared.
   */
  function separate(rounds) {
    const order = [...Array(n).keys()];
    for (let round = 0; round < rounds; round++) {
      let moved = false;
      order.sort((i, j) => x[i] - w[i] / 2 - (x[j] - w[j] / 2));
      for (let a = 0; a < n; a++) {
        const i = order[a], right = x[i] + w[i] / 2;
        for (let b = a + 1; b < n; b++) {
          const j = order[b];
          if (x[j] - w[j] / 2 >= right) break;
          if (locked[i] && locked[j]) continue;
          const ux = x[j] - x[i], uy = (y[j] + dy[j]) - (y[i] + dy[i]);
          const ox = (w[i] + w[j]) / 2 - Math.abs(ux), oy = (h[i] + h[j]) / 2 - Math.abs(uy);
          if (ox <= 0 || oy <= 0) continue;
          moved = true;
          const si = locked[i] ? 0 : locked[j] ? 1 : 0.5, sj = 1 - si;
          if (ox < oy) {
            const d = (ux > 0 || (ux === 0 && seed[i] < seed[j]) ? 1 : -1) * (ox + 0.5);
            x[i] -= d * si; x[j] += d * sj;
          } else {
            const d = (uy > 0 || (uy === 0 && seed[i] < seed[j]) ? 1 : -1) * (oy + 0.5);
            y[i] -= d * si; y[j] += d * sj;
          }
        }
      }
      if (!moved) break;
    }
  }

  const result = new Map();
  for (let i = 0; i < n; i++) result.set(nodes[i].id, { x: x[i], y: y[i] / aspect });
  return result;
}
