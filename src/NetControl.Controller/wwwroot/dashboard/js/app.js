// The NetControl dashboard: subscribes to the controller's SignalR hub, keeps the state it sends (a snapshot, then
// coalesced deltas) and draws it. window.netcontrolDashboard exposes what is drawn, for tests and benchmarks.
import { MapView, COLORS } from './map.js';
import { drawCharts } from './charts.js';
import { drawTree, qualityColor } from './tree.js';
import { decodeRings } from './topojson.js';

const $ = id => document.getElementById(id);
const HISTORY = 900;

const state = {
  token: null, filter: {}, connection: null, connected: false, snapshot: null, faults: false,
  linkStates: new Map(), qualities: new Map(), series: new Map(), utilisation: new Map(), measured: new Map(), measuredSeries: new Map(),
  circuits: new Map(), tree: null, overlay: null, colourBy: 'quality',
  events: [], selectedCircuit: null, selectedLink: null, chartLink: null,
  stats: { batches: 0, updates: 0, delays: [], sampleDelays: [], dropped: 0, resyncs: 0, snapshots: 0 },
};

const map = new MapView($('map'), hover, pick);

function readToken() {
  const fromHash = new URLSearchParams(location.hash.slice(1)).get('token');
  if (fromHash) { sessionStorage.setItem('netcontrol-token', fromHash); history.replaceState(null, '', location.pathname); }
  return fromHash || sessionStorage.getItem('netcontrol-token');
}

async function start() {
  state.token = readToken();
  fetch('vendor/land-110m.json').then(r => (r.ok ? r.json() : null)).then(t => { if (t) { map.land = decodeRings(t, 'land'); map.invalidate(); } }).catch(() => {});
  if (!state.token) { askToken(); return; }
  await connect();
}

function askToken() {
  $('token-form').hidden = false;
  $('token-form').onsubmit = e => {
    e.preventDefault();
    state.token = $('token-input').value.trim();
    sessionStorage.setItem('netcontrol-token', state.token);
    $('token-form').hidden = true;
    connect();
  };
}

async function connect() {
  const connection = new signalR.HubConnectionBuilder()
    .withUrl('hub', { accessTokenFactory: () => state.token })
    .withAutomaticReconnect({ nextRetryDelayInMilliseconds: ctx => Math.min(5000, 500 * (ctx.previousRetryCount + 1)) })
    .configureLogging(signalR.LogLevel.Warning)
    .build();
  state.connection = connection;
  connection.on('deltas', onDeltas);
  connection.onreconnecting(() => setConnected(false));
  connection.onreconnected(() => subscribe());
  connection.onclose(() => setConnected(false));
  try {
    await connection.start();
    await subscribe();
  } catch (err) {
    logLocal('alarm', `cannot connect to the hub: ${err.message || err}`);
    if (String(err).includes('401')) askToken();
  }
}

async function subscribe() {
  const snapshot = await state.connection.invoke('Subscribe', state.filter);
  setConnected(true);
  applySnapshot(snapshot);
}

function setConnected(on) {
  state.connected = on;
  $('connection').textContent = on ? 'live' : 'disconnected';
  $('connection').className = on ? 'badge' : 'badge off';
}

function applySnapshot(s) {
  state.snapshot = s;
  state.stats.snapshots++;
  state.faults = s.faultInjection;
  state.overlay = s.overlay;
  $('topology-name').textContent = `${s.topology.name}: ${s.topology.nodes.length} nodes, ${s.topology.links.length} links`;
  map.setTopology(s.topology);
  state.linkStates = new Map(s.linkStates.map(l => [l.link, l]));
  state.qualities = new Map();
  s.qualities.forEach(q => setQuality(q));
  state.measured = new Map();
  (s.utilisations || []).forEach(u => setMeasured(u));
  state.circuits = new Map(s.circuits.map(c => [c.id, c]));
  recordUtilisation();
  state.tree = s.tree;
  state.events = s.events.slice().reverse();
  fillEndpoints(s.topology);
  renderAll();
}

function onDeltas(batch) {
  const now = Date.now();
  state.stats.batches++;
  state.stats.dropped += batch.dropped;
  const touched = new Set();
  for (const u of batch.updates) {
    state.stats.updates++;
    if (state.stats.delays.length < 200000) state.stats.delays.push(now - u.ingestedAt);
    switch (u.kind) {
      case 'link': state.linkStates.set(u.data.link, u.data); touched.add('map'); break;
      case 'quality':
        setQuality(u.data);
        if (state.stats.sampleDelays.length < 200000) state.stats.sampleDelays.push(now - Date.parse(u.data.at));
        touched.add('map'); touched.add('charts');
        break;
      case 'utilisation': setMeasured(u.data); touched.add('map'); touched.add('charts'); break;
      case 'circuit': state.circuits.set(u.data.id, u.data); touched.add('circuits'); touched.add('map'); break;
      case 'tree': state.tree = u.data; touched.add('tree'); break;
      case 'event': state.events.unshift(u.data); state.events.length = Math.min(state.events.length, 300); touched.add('events'); break;
    }
  }
  if (batch.resync) { state.stats.resyncs++; subscribe(); return; }
  if (touched.has('circuits')) { autoSelectCircuit(); recordUtilisation(); renderCircuits(); touched.add('charts'); }
  if (touched.has('map')) renderMap();
  if (touched.has('charts')) { renderChartChoices(); renderCharts(); }
  if (touched.has('tree') || touched.has('map')) renderTree();
  if (touched.has('events')) renderEvents();
  renderCounters();
}

function setQuality(q) {
  state.qualities.set(q.link, q);
  let series = state.series.get(q.link);
  if (!series) { series = []; state.series.set(q.link, series); }
  const t = Date.parse(q.at);
  if (series.length === 0 || series[series.length - 1].t < t) {
    series.push({ t, rttMs: q.rttMs, jitterMs: q.jitterMs, loss: q.loss, availableMbpsLow: q.availableMbpsLow, availableMbpsHigh: q.availableMbpsHigh });
    if (series.length > HISTORY) series.splice(0, series.length - HISTORY);
  }
}

// The measured utilisation of a link (the controller polls the switches' interface counters over SNMP), kept as a
// series of { t, utilisation } (percent of the link's capacity, the busier direction).
function setMeasured(u) {
  state.measured.set(u.link, u);
  if (u.percent == null) return;
  let series = state.measuredSeries.get(u.link);
  if (!series) { series = []; state.measuredSeries.set(u.link, series); }
  const t = Date.parse(u.at);
  if (series.length === 0 || series[series.length - 1].t < t) {
    series.push({ t, utilisation: u.percent });
    if (series.length > HISTORY) series.splice(0, series.length - HISTORY);
  }
}

// A link's utilisation in percent and where it comes from: measured when the controller has a measurement of the
// link, else the share of its capacity reserved by live lightpaths; null when neither is known.
function utilisationOf(linkId) {
  const m = state.measured.get(linkId);
  if (m && m.percent != null) return { percent: m.percent, source: 'measured' };
  const r = state.utilisation.get(linkId);
  return r && r.length > 0 ? { percent: r[r.length - 1].utilisation, source: 'reserved' } : null;
}

function utilisationColor(percent) {
  const v = Math.max(0, Math.min(100, percent)) / 100;
  return `hsl(${(120 * (1 - v)).toFixed(0)}, 80%, 55%)`;
}

// Styles: down red, degraded amber, otherwise (colouring by quality) the probe quality when measured, or (colouring by
// utilisation) the measured utilisation, else the reserved share; width grows with the circuits carried.
function linkStyle(link) {
  const s = state.linkStates.get(link.id);
  const q = state.qualities.get(link.id);
  const u = state.colourBy === 'utilisation' ? utilisationOf(link.id) : null;
  let color = COLORS.unknown;
  if (s && s.state === 'down') color = COLORS.down;
  else if (s && s.state === 'degraded') color = COLORS.degraded;
  else if (u && s) color = utilisationColor(u.percent);
  else if (state.colourBy !== 'utilisation' && q && q.quality != null) color = qualityColor(q.quality);
  else if (s && s.state === 'up') color = '#43a047';
  const carried = circuitsOn(link.id);
  return { color, width: 1.5 + Math.min(carried, 6) * 1.5 };
}

// The share of each link's capacity reserved by live lightpaths (a lightpath without a bandwidth takes the whole
// wavelength, i.e. the link's capacity), recorded as a point whenever it changes: the utilisation series.
function recordUtilisation() {
  if (!state.snapshot) return;
  const now = Date.now();
  for (const link of state.snapshot.topology.links) {
    let reserved = 0;
    for (const c of state.circuits.values()) {
      if (c.state === 'released' || c.state === 'failed' || !c.working || !c.working.links.includes(link.id)) continue;
      reserved += c.bandwidth ? parseRate(c.bandwidth) : (link.capacityBps || 0);
    }
    const value = link.capacityBps ? Math.min(100, (100 * reserved) / link.capacityBps) : 0;
    let series = state.utilisation.get(link.id);
    if (!series) { series = []; state.utilisation.set(link.id, series); }
    if (series.length === 0 || series[series.length - 1].utilisation !== value) {
      series.push({ t: now, utilisation: value });
      if (series.length > HISTORY) series.splice(0, series.length - HISTORY);
    }
  }
}

function parseRate(text) {
  const m = /^([\d.]+)\s*([kMGT]?)b\/s$/.exec(text);
  return m ? parseFloat(m[1]) * ({ '': 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12 })[m[2]] : 0;
}

function circuitsOn(linkId) {
  let n = 0;
  for (const c of state.circuits.values()) {
    if (c.state !== 'released' && c.working && c.working.links.includes(linkId)) n++;
  }
  return n;
}

function highlightedLinks() {
  const c = state.selectedCircuit && state.circuits.get(state.selectedCircuit);
  if (!c) return new Set();
  const leg = c.activeLeg === 'protection' && c.protectionLeg ? c.protectionLeg : c.working;
  return new Set(leg ? leg.links : []);
}

function autoSelectCircuit() {
  const current = state.selectedCircuit && state.circuits.get(state.selectedCircuit);
  if (current && current.state !== 'released') return;
  const live = [...state.circuits.values()].filter(c => c.state !== 'released');
  if (live.length > 0) state.selectedCircuit = live[live.length - 1].id;
}

function renderAll() { autoSelectCircuit(); renderMap(); renderCircuits(); renderChartChoices(); renderCharts(); renderTree(); renderEvents(); renderCounters(); }

function renderMap() {
  map.setStyle(linkStyle, highlightedLinks(), state.selectedLink);
  renderLinkPanel();
}

function renderCircuits() {
  const list = $('circuits');
  list.replaceChildren(...[...state.circuits.values()].reverse().map(c => {
    const li = document.createElement('li');
    li.dataset.id = c.id;
    li.className = c.id === state.selectedCircuit ? 'selected' : '';
    li.innerHTML = `<span>${esc(c.id)} ${esc(c.from)} &rarr; ${esc(c.to)}</span><span class="state-${esc(c.state)}">${esc(c.state)}</span>`;
    li.onclick = () => { state.selectedCircuit = c.id; renderCircuits(); renderMap(); };
    return li;
  }));
  const c = state.selectedCircuit && state.circuits.get(state.selectedCircuit);
  $('circuit-detail').hidden = !c;
  if (!c) return;
  const leg = c.activeLeg === 'protection' && c.protectionLeg ? c.protectionLeg : c.working;
  $('circuit-path').textContent = leg ? `${leg.nodes.join(' > ')} (${leg.latencyMs.toFixed(1)} ms)` : 'no path';
  $('release').disabled = c.state === 'released' || c.state === 'releasing';
  $('circuit-history').tBodies[0].replaceChildren(...c.history.slice().reverse().map(t => {
    const tr = document.createElement('tr');
    tr.innerHTML = `<td>${esc(time(t.at))}</td><td>${esc(t.from)}</td><td>${esc(t.to)}</td><td>${esc(t.cause)}</td>`;
    return tr;
  }));
}

function renderChartChoices() {
  const select = $('chart-link');
  const network = state.snapshot ? state.snapshot.topology.links.map(l => l.id) : [];
  const links = [...new Set([...network, ...[...state.qualities.keys()].sort()])];
  if (select.options.length !== links.length) {
    select.replaceChildren(...links.map(id => new Option(id, id)));
    const before = state.chartLink;
    const measured = [...state.qualities.keys()].sort()[0];
    select.value = state.chartLink || measured || links[0] || '';
    state.chartLink = select.value || null;
    if (state.chartLink && state.chartLink !== before) loadHistory(state.chartLink);
  }
}

// The utilisation row charts the measured series when the link has one, else the reserved share (the legend says which).
function renderCharts() {
  const id = state.chartLink;
  const measured = id ? state.measuredSeries.get(id) : null;
  const reserved = id ? state.utilisation.get(id) : null;
  const utilisation = measured && measured.length > 0 ? { source: 'measured', points: measured }
    : reserved && reserved.length > 0 ? { source: 'reserved', points: reserved }
    : { source: null, points: [] };
  state.chartUtilisation = id ? utilisation.source : null;
  state.chartPoints = drawCharts($('charts'), id ? state.series.get(id) : null, utilisation);
}

function renderTree() {
  const edges = drawTree($('tree'), state.overlay, state.tree, id => state.qualities.get(id)?.quality);
  $('tree-info').textContent = state.tree ? `v${state.tree.version}, ${edges} links, cost ${state.tree.cost == null ? '-' : state.tree.cost.toFixed(1)}` : '';
}

function renderEvents() {
  $('events').replaceChildren(...state.events.slice(0, 200).map(e => {
    const li = document.createElement('li');
    li.className = e.severity;
    li.textContent = `${time(e.at)} ${e.text}`;
    return li;
  }));
}

function renderCounters() {
  const d = state.stats.delays;
  const last = d.length ? d[d.length - 1] : null;
  $('counters').textContent = `${state.stats.updates} updates, ${state.stats.batches} batches${last == null ? '' : `, last delay ${last.toFixed(0)} ms`}`;
}

function renderLinkPanel() {
  const id = state.selectedLink;
  $('link-panel').hidden = !id;
  if (!id) return;
  const s = state.linkStates.get(id), q = state.qualities.get(id);
  $('link-title').textContent = id;
  const u = utilisationOf(id), m = state.measured.get(id);
  $('link-info').textContent = `${s ? `${s.state} (${s.cause})` : 'state unknown'}; ${circuitsOn(id)} circuit(s)` +
    (u ? `; utilisation ${fmt(u.percent)} % (${u.source})` : '') +
    (m ? `; ${rate(m.aToBBps)} A>B, ${rate(m.bToABps)} B>A` : '') +
    (q ? `; RTT ${fmt(q.rttMs)} ms, jitter ${fmt(q.jitterMs)} ms, loss ${fmt(q.loss * 100)} %` : '');
  $('fault-actions').hidden = !state.faults;
}

function hover(node, link) { $('hover').textContent = node ? `${node.label} (${node.id})` : link ? link.id : ''; }

function pick(node, link) {
  state.selectedLink = !node && link ? link.id : null;
  if (link) { state.chartLink = link.id; $('chart-link').value = link.id; renderCharts(); loadHistory(link.id); }
  renderMap();
}

function fillEndpoints(topology) {
  const names = topology.nodes.filter(n => n.kind === 'host').map(n => n.id);
  const all = names.length >= 2 ? names : topology.nodes.map(n => n.id);
  for (const [id, pickIndex] of [['req-from', 0], ['req-to', all.length - 1]]) {
    const select = $(id);
    const keep = select.value;
    select.replaceChildren(...all.map(n => new Option(n, n)));
    select.value = keep && all.includes(keep) ? keep : all[pickIndex];
  }
}

async function api(method, path, body) {
  const response = await fetch(path, {
    method,
    headers: { Authorization: `Bearer ${state.token}`, ...(body ? { 'Content-Type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!response.ok) {
    const problem = await response.json().catch(() => ({ detail: response.statusText }));
    logLocal('alarm', `${method} ${path}: ${response.status} ${problem.detail || ''}`);
    return null;
  }
  return response.status === 204 ? {} : response.json();
}

function logLocal(severity, text) {
  state.events.unshift({ at: new Date().toISOString(), severity, text });
  renderEvents();
}

$('request-form').onsubmit = async e => {
  e.preventDefault();
  const created = await api('POST', '/api/v1/lightpaths', { from: $('req-from').value, to: $('req-to').value, protection: $('req-protection').value, description: 'requested from the dashboard' });
  if (created) { state.selectedCircuit = created.id; logLocal('info', `requested ${created.id}`); }
};
$('release').onclick = () => state.selectedCircuit && api('DELETE', `/api/v1/lightpaths/${encodeURIComponent(state.selectedCircuit)}`);
$('cut').onclick = () => state.selectedLink && api('POST', `faults/links/${encodeURIComponent(state.selectedLink)}/cut`);
$('repair').onclick = () => state.selectedLink && api('POST', `faults/links/${encodeURIComponent(state.selectedLink)}/repair`);
$('fit').onclick = () => map.fit();
$('colour-by').onchange = e => { state.colourBy = e.target.value; renderMap(); };
$('filter-form').onsubmit = e => {
  e.preventDefault();
  const list = id => $(id).value.split(',').map(x => x.trim()).filter(x => x.length > 0);
  state.filter = { sites: list('filter-sites'), links: list('filter-links') };
  state.series = new Map();
  if (state.connected) subscribe();
};
$('chart-link').onchange = e => { state.chartLink = e.target.value; renderCharts(); loadHistory(state.chartLink); };

async function loadHistory(linkId) {
  if (!linkId || !state.connected) return;
  const samples = await state.connection.invoke('History', linkId);
  const series = samples.map(q => ({ t: Date.parse(q.at), rttMs: q.rttMs, jitterMs: q.jitterMs, loss: q.loss, availableMbpsLow: q.availableMbpsLow, availableMbpsHigh: q.availableMbpsHigh }));
  const live = state.series.get(linkId) || [];
  const merged = [...series, ...live.filter(s => series.length === 0 || s.t > series[series.length - 1].t)];
  state.series.set(linkId, merged.slice(-HISTORY));
  renderCharts();
}

function esc(text) { return String(text ?? '').replace(/[&<>"']/g, ch => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]); }
function time(at) { return new Date(at).toISOString().slice(11, 23); }
function fmt(v) { return v == null ? '-' : v.toFixed(2); }
function rate(bps) { return bps == null ? '-' : bps >= 1e9 ? `${(bps / 1e9).toFixed(2)} Gbit/s` : `${(bps / 1e6).toFixed(1)} Mbit/s`; }

// What the page has drawn, for browser tests and the benchmark: read from the last frame of the map, not from the
// model, so a test sees what an engineer sees.
window.netcontrolDashboard = {
  state() {
    const drawn = map.drawn;
    return {
      connected: state.connected,
      topology: state.snapshot ? state.snapshot.topology.name : null,
      frame: drawn.frame,
      drawMs: drawn.drawMs,
      scale: map.view.scale,
      nodes: drawn.nodes.map(n => n.id),
      visibleNodes: drawn.nodes.filter(n => n.visible).length,
      links: drawn.links.map(l => ({ id: l.id, color: l.color, highlighted: l.highlighted })),
      highlightedPath: drawn.path,
      selectedCircuit: state.selectedCircuit,
      circuits: [...state.circuits.values()].map(c => ({ id: c.id, state: c.state, links: c.working ? c.working.links : [] })),
      treeEdges: state.tree ? state.tree.edges.length : 0,
      chartLink: state.chartLink,
      chartPoints: state.chartPoints || 0,
      chartUtilisation: state.chartUtilisation || null,
      colourBy: state.colourBy,
      measuredLinks: [...state.measured.values()].filter(u => u.percent != null).map(u => ({ id: u.link, percent: u.percent })),
      events: state.events.length,
      faultInjection: state.faults,
      batches: state.stats.batches,
      downLinks: [...state.linkStates.values()].filter(l => l.state === 'down').map(l => l.link),
    };
  },
  select(circuitId) { state.selectedCircuit = circuitId; renderCircuits(); renderMap(); },
  selectLink(linkId) { pick(null, { id: linkId }); },
  colourBy(mode) { state.colourBy = mode; $('colour-by').value = mode; renderMap(); },
  zoom(factor) { map.zoom(factor, map.canvas.clientWidth / 2, map.canvas.clientHeight / 2); },
  pan(dx, dy) { map.view.x += dx; map.view.y += dy; map.invalidate(); },
  colors: COLORS,
  stats() { return { ...state.stats, delays: undefined, sampleDelays: undefined, delayCount: state.stats.delays.length }; },
  // Delays (ms) of the updates received since the last call: from the dashboard's ingest of each update, and for link
  // quality also from the end of the measured interval (when the sample was recorded into link telemetry).
  takeDelays() { const d = state.stats.delays; state.stats.delays = []; state.stats.sampleDelays = []; return d; },
  takeSampleDelays() { const d = state.stats.sampleDelays; state.stats.sampleDelays = []; state.stats.delays = []; return d; },
};

start();
