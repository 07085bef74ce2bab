// Small canvas time-series charts, one row per metric, drawn from a link's samples (no chart library).
const METRICS = [
  { key: 'rttMs', label: 'RTT ms', color: '#4fc3f7' },
  { key: 'jitterMs', label: 'jitter ms', color: '#ba68c8' },
  { key: 'loss', label: 'loss %', color: '#ef5350', scale: 100 },
  { key: 'availableMbpsLow', high: 'availableMbpsHigh', label: 'avail Mbit/s', color: '#81c784' },
  { key: 'utilisation', label: 'utilisation %', color: '#ffd54f', step: true, min: 0, max: 100 },
];

// samples: probe samples { t, rttMs, jitterMs, loss, availableMbpsLow, availableMbpsHigh }; utilisation: { source,
// points: [{ t, utilisation }] }, the link's utilisation in percent of its capacity, 'measured' (the switches' interface
// counters) or 'reserved' (the share reserved by lightpaths; null: neither, no points); either way a step line that
// holds until now, and the row's legend says which.
export function drawCharts(canvas, probeSamples, utilisation) {
  const points = utilisation ? utilisation.points || [] : [];
  const samples = [...(probeSamples || []), ...points].sort((a, b) => a.t - b.t);
  if (points.length > 0) samples.push({ t: Date.now(), utilisation: points[points.length - 1].utilisation });
  const ctx = fitCanvas(canvas);
  const w = canvas.clientWidth, h = canvas.clientHeight;
  ctx.clearRect(0, 0, w, h);
  ctx.font = '11px system-ui, sans-serif';
  const rowH = h / METRICS.length;
  if (!samples || samples.length === 0) {
    ctx.fillStyle = '#8fa3b8';
    ctx.fillText('no measurements or reservations for this link yet', 10, 20);
    return 0;
  }
  const t0 = samples[0].t, t1 = Math.max(samples[samples.length - 1].t, t0 + 1);
  METRICS.forEach((m, row) => {
    const top = row * rowH + 14, bottom = (row + 1) * rowH - 4, left = 44, right = w - 6;
    const value = s => (s[m.key] == null ? null : s[m.key] * (m.scale || 1));
    let previous = null;
    const high = s => (m.high && s[m.high] != null ? s[m.high] * (m.scale || 1) : null);
    const values = samples.flatMap(s => [value(s), high(s)]).filter(v => v != null);
    ctx.fillStyle = '#8fa3b8';
    ctx.fillText(m.key === 'utilisation' && utilisation && utilisation.source ? `${m.label} (${utilisation.source})` : m.label, 4, top - 3);
    ctx.strokeStyle = '#26364a';
    ctx.strokeRect(left, top, right - left, bottom - top);
    if (values.length === 0) { ctx.fillText('-', left + 4, top + 12); return; }
    let lo = Math.min(...values), hi = Math.max(...values);
    if (m.min != null) lo = Math.min(lo, m.min);
    if (m.max != null) hi = Math.max(hi, m.max);
    if (hi - lo < 1e-9) { hi += 1; lo = Math.max(0, lo - 1); }
    ctx.fillText(format(hi), 2, top + 10);
    ctx.fillText(format(lo), 2, bottom);
    const x = t => left + ((t - t0) / (t1 - t0)) * (right - left);
    const y = v => bottom - ((v - lo) / (hi - lo)) * (bottom - top);
    ctx.strokeStyle = m.color;
    ctx.lineWidth = 1.5;
    for (const pick of [value, high]) {
      ctx.beginPath();
      let open = false;
      for (const s of samples) {
        const v = pick(s);
        if (v == null) { open = false; continue; }
        if (open && m.step) ctx.lineTo(x(s.t), y(previous));
        if (open) ctx.lineTo(x(s.t), y(v)); else ctx.moveTo(x(s.t), y(v));
        previous = v;
        open = true;
      }
      ctx.stroke();
      if (!m.high) break;
    }
  });
  return samples.length;
}

function format(v) { return Math.abs(v) >= 100 ? v.toFixed(0) : v.toFixed(2); }

export function fitCanvas(canvas) {
  const ratio = window.devicePixelRatio || 1;
  const w = Math.max(1, Math.round(canvas.clientWidth * ratio)), h = Math.max(1, Math.round(canvas.clientHeight * ratio));
  if (canvas.width !== w || canvas.height !== h) { canvas.width = w; canvas.height = h; }
  const ctx = canvas.getContext('2d');
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  return ctx;
}
