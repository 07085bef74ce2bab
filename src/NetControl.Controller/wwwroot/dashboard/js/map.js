// The geographic map: equirectangular projection of node coordinates on a canvas, with pan (drag) and zoom (wheel).
// Everything is drawn on one canvas, so a 754-node network costs a few thousand path segments a frame, no DOM.
import { fitCanvas } from './charts.js';

export const COLORS = { down: '#ff1744', degraded: '#ffa726', unknown: '#5c7a99', path: '#00e5ff', node: '#e0e0e0', host: '#ffd54f', land: '#1b2a38' };

export class MapView {
  constructor(canvas, onHover, onPick) {
    this.canvas = canvas;
    this.land = [];
    this.nodes = new Map();
    this.links = [];
    this.view = { scale: 1, x: 0, y: 0 };
    this.drawn = { nodes: [], links: [], path: [], frame: 0 };
    this.onHover = onHover;
    this.onPick = onPick;
    this.pending = false;
    this.attachInput();
    new ResizeObserver(() => this.invalidate()).observe(canvas);
  }

  setTopology(topology) {
    this.nodes = new Map(topology.nodes.map(n => [n.id, { id: n.id, label: n.label || n.id, kind: n.kind, lat: n.lat, lon: n.lon }]));
    const end = text => (this.nodes.has(text) ? text : text.slice(0, text.lastIndexOf(':')));
    this.links = topology.links.map(l => ({ id: l.id, a: end(l.a), b: end(l.b), capacityBps: l.capacityBps, offset: 0 }));
    const pairs = new Map();
    for (const link of this.links) {
      const key = link.a < link.b ? `${link.a}|${link.b}` : `${link.b}|${link.a}`;
      if (!pairs.has(key)) pairs.set(key, []);
      pairs.get(key).push(link);
    }
    for (const group of pairs.values()) group.forEach((link, i) => { link.offset = (i - (group.length - 1) / 2) * (link.a < link.b ? 1 : -1); });
    placeUnlocated(this.nodes, this.links);
    this.fit();
  }

  fit() {
    const w = this.canvas.clientWidth || 800, h = this.canvas.clientHeight || 600;
    const xs = [...this.nodes.values()].map(n => n.lon), ys = [...this.nodes.values()].map(n => -n.lat);
    if (xs.length === 0) return;
    const minX = Math.min(...xs), maxX = Math.max(...xs), minY = Math.min(...ys), maxY = Math.max(...ys);
    const scale = Math.min(w / Math.max(maxX - minX, 1), h / Math.max(maxY - minY, 1)) * 0.85;
    this.view = { scale, x: w / 2 - ((minX + maxX) / 2) * scale, y: h / 2 - ((minY + maxY) / 2) * scale };
    this.invalidate();
  }

  project(lon, lat) { return [lon * this.view.scale + this.view.x, -lat * this.view.scale + this.view.y]; }

  // Screen end points of a link; parallel links between the same nodes are drawn side by side, 5 px apart.
  segment(link) {
    const a = this.nodes.get(link.a), b = this.nodes.get(link.b);
    if (!a || !b) return null;
    const [x1, y1] = this.project(a.lon, a.lat), [x2, y2] = this.project(b.lon, b.lat);
    if (!link.offset) return [x1, y1, x2, y2];
    const len = Math.hypot(x2 - x1, y2 - y1) || 1, ox = (-(y2 - y1) / len) * 5 * link.offset, oy = ((x2 - x1) / len) * 5 * link.offset;
    return [x1 + ox, y1 + oy, x2 + ox, y2 + oy];
  }

  invalidate() {
    if (this.pending) return;
    this.pending = true;
    requestAnimationFrame(() => { this.pending = false; this.draw(); });
  }

  // style(link) -> { color, width }; highlighted: Set of link ids of the selected circuit's path.
  setStyle(style, highlighted, selectedLink) { this.style = style; this.highlighted = highlighted; this.selectedLink = selectedLink; this.invalidate(); }

  draw() {
    const started = performance.now();
    const ctx = fitCanvas(this.canvas);
    const w = this.canvas.clientWidth, h = this.canvas.clientHeight;
    ctx.fillStyle = '#0b121a';
    ctx.fillRect(0, 0, w, h);
    ctx.fillStyle = COLORS.land;
    ctx.beginPath();
    for (const ring of this.land) {
      ring.forEach(([lon, lat], i) => { const [x, y] = this.project(lon, lat); if (i === 0) ctx.moveTo(x, y); else ctx.lineTo(x, y); });
      ctx.closePath();
    }
    ctx.fill();

    const drawnLinks = [];
    const highlighted = this.highlighted || new Set();
    for (const link of this.links) {
      const seg = this.segment(link);
      if (!seg) continue;
      const { color, width } = this.style ? this.style(link) : { color: COLORS.unknown, width: 1 };
      const [x1, y1, x2, y2] = seg;
      ctx.strokeStyle = color;
      ctx.lineWidth = link.id === this.selectedLink ? width + 3 : width;
      ctx.beginPath(); ctx.moveTo(x1, y1); ctx.lineTo(x2, y2); ctx.stroke();
      drawnLinks.push({ id: link.id, color, highlighted: highlighted.has(link.id) });
    }
    const path = [];
    ctx.strokeStyle = COLORS.path;
    ctx.lineWidth = 5;
    ctx.globalAlpha = 0.55;
    for (const link of this.links) {
      if (!highlighted.has(link.id)) continue;
      const seg = this.segment(link);
      if (!seg) continue;
      const [x1, y1, x2, y2] = seg;
      ctx.beginPath(); ctx.moveTo(x1, y1); ctx.lineTo(x2, y2); ctx.stroke();
      path.push(link.id);
    }
    ctx.globalAlpha = 1;

    const drawnNodes = [];
    const labels = this.nodes.size <= 80 || this.view.scale > 40;
    ctx.font = '11px system-ui, sans-serif';
    for (const node of this.nodes.values()) {
      const [x, y] = this.project(node.lon, node.lat);
      ctx.fillStyle = node.kind === 'host' ? COLORS.host : COLORS.node;
      ctx.beginPath(); ctx.arc(x, y, node.kind === 'host' ? 2.5 : 3.5, 0, Math.PI * 2); ctx.fill();
      if (labels) { ctx.fillStyle = '#9fb3c8'; ctx.fillText(node.label, x + 5, y - 4); }
      drawnNodes.push({ id: node.id, visible: x >= 0 && y >= 0 && x <= w && y <= h });
    }
    this.drawn = { nodes: drawnNodes, links: drawnLinks, path, frame: this.drawn.frame + 1, drawMs: performance.now() - started };
  }

  linkAt(px, py) {
    let best = null, bestDistance = 6;
    for (const link of this.links) {
      const seg = this.segment(link);
      if (!seg) continue;
      const d = segmentDistance(px, py, [seg[0], seg[1]], [seg[2], seg[3]]);
      if (d < bestDistance) { bestDistance = d; best = link; }
    }
    return best;
  }

  nodeAt(px, py) {
    for (const node of this.nodes.values()) {
      const [x, y] = this.project(node.lon, node.lat);
      if (Math.hypot(px - x, py - y) < 6) return node;
    }
    return null;
  }

  attachInput() {
    let drag = null;
    const c = this.canvas;
    c.addEventListener('mousedown', e => { drag = { x: e.clientX, y: e.clientY, moved: false }; c.style.cursor = 'grabbing'; });
    window.addEventListener('mouseup', e => {
      if (drag && !drag.moved) {
        const r = c.getBoundingClientRect();
        this.onPick(this.nodeAt(e.clientX - r.left, e.clientY - r.top), this.linkAt(e.clientX - r.left, e.clientY - r.top));
      }
      drag = null; c.style.cursor = 'grab';
    });
    c.addEventListener('mousemove', e => {
      const r = c.getBoundingClientRect();
      if (drag) {
        const dx = e.clientX - drag.x, dy = e.clientY - drag.y;
        if (Math.abs(dx) + Math.abs(dy) > 2) drag.moved = true;
        this.view.x += dx; this.view.y += dy; drag.x = e.clientX; drag.y = e.clientY;
        this.invalidate();
      } else {
        this.onHover(this.nodeAt(e.clientX - r.left, e.clientY - r.top), this.linkAt(e.clientX - r.left, e.clientY - r.top));
      }
    });
    c.addEventListener('wheel', e => {
      e.preventDefault();
      const r = c.getBoundingClientRect();
      this.zoom(e.deltaY < 0 ? 1.2 : 1 / 1.2, e.clientX - r.left, e.clientY - r.top);
    }, { passive: false });
  }

  zoom(factor, px, py) {
    this.view.x = px - (px - this.view.x) * factor;
    this.view.y = py - (py - this.view.y) * factor;
    this.view.scale *= factor;
    this.invalidate();
  }
}

function segmentDistance(px, py, [x1, y1], [x2, y2]) {
  const dx = x2 - x1, dy = y2 - y1, len = dx * dx + dy * dy;
  const t = len === 0 ? 0 : Math.max(0, Math.min(1, ((px - x1) * dx + (py - y1) * dy) / len));
  return Math.hypot(px - (x1 + t * dx), py - (y1 + t * dy));
}

// Nodes without coordinates go to the mean of their located neighbours (a host beside its switch), offset a little;
// the rest on a row below the others.
function placeUnlocated(nodes, links) {
  const located = n => n.lat != null && n.lon != null;
  for (let pass = 0; pass < 3; pass++) {
    for (const node of nodes.values()) {
      if (located(node)) continue;
      const near = links.flatMap(l => (l.a === node.id ? [l.b] : l.b === node.id ? [l.a] : []))
        .map(id => nodes.get(id)).filter(n => n && located(n) && !n.placed);
      if (near.length === 0) continue;
      const jitter = (hash(node.id) % 360) * Math.PI / 180;
      node.lat = near.reduce((s, n) => s + n.lat, 0) / near.length + 1.2 * Math.sin(jitter);
      node.lon = near.reduce((s, n) => s + n.lon, 0) / near.length + 1.2 * Math.cos(jitter);
      node.placed = true;
    }
  }
  const all = [...nodes.values()].filter(located);
  const minLat = all.length ? Math.min(...all.map(n => n.lat)) : 0, minLon = all.length ? Math.min(...all.map(n => n.lon)) : 0;
  let i = 0;
  for (const node of nodes.values()) {
    if (located(node)) continue;
    node.lat = minLat - 3; node.lon = minLon + 2 * i++; node.placed = true;
  }
}

function hash(text) { let h = 7; for (const ch of text) h = (h * 31 + ch.charCodeAt(0)) >>> 0; return h; }
