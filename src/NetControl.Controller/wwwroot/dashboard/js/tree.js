// The reflector overlay tree: reflectors at their coordinates, tree links coloured by their measured quality.
import { fitCanvas } from './charts.js';

export function drawTree(canvas, overlay, tree, qualityOf) {
  const ctx = fitCanvas(canvas);
  const w = canvas.clientWidth, h = canvas.clientHeight;
  ctx.clearRect(0, 0, w, h);
  ctx.font = '10px system-ui, sans-serif';
  if (!overlay) { ctx.fillStyle = '#8fa3b8'; ctx.fillText('no reflector overlay on this controller', 10, 20); return 0; }
  const nodes = new Map(overlay.nodes.filter(n => n.lat != null && n.lon != null).map(n => [n.id, n]));
  const xs = [...nodes.values()].map(n => n.lon), ys = [...nodes.values()].map(n => -n.lat);
  const minX = Math.min(...xs), maxX = Math.max(...xs), minY = Math.min(...ys), maxY = Math.max(...ys);
  const s = Math.min((w - 20) / Math.max(maxX - minX, 1), (h - 20) / Math.max(maxY - minY, 1));
  const p = n => [10 + (n.lon - minX) * s, 10 + (-n.lat - minY) * s];
  let edges = 0;
  for (const edge of tree ? tree.edges : []) {
    const a = nodes.get(edge.a), b = nodes.get(edge.b);
    if (!a || !b) continue;
    const q = qualityOf(edge.link);
    ctx.strokeStyle = edge.cost == null ? '#ff1744' : q == null ? '#5c7a99' : qualityColor(q);
    ctx.lineWidth = 2;
    const [x1, y1] = p(a), [x2, y2] = p(b);
    ctx.beginPath(); ctx.moveTo(x1, y1); ctx.lineTo(x2, y2); ctx.stroke();
    edges++;
  }
  for (const n of nodes.values()) {
    const [x, y] = p(n);
    ctx.fillStyle = '#e0e0e0';
    ctx.beginPath(); ctx.arc(x, y, 3, 0, Math.PI * 2); ctx.fill();
    ctx.fillStyle = '#8fa3b8';
    ctx.fillText(n.label || n.id, x + 4, y - 3);
  }
  return edges;
}

// MonALISA quality 1000 / (1 + rtt + 7 loss% + 8 jitter): red at 3 or below, green at 100 or above (log scale).
export function qualityColor(q) {
  const v = Math.max(0, Math.min(1, (Math.log10(Math.max(q, 1e-3)) - Math.log10(3)) / (Math.log10(100) - Math.log10(3))));
  const hue = 120 * v;
  return `hsl(${hue.toFixed(0)}, 70%, 50%)`;
}
