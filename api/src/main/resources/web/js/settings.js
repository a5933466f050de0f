// Settings: cameras, zones drawn on a snapshot of the playpen, alert thresholds, webhooks and retention.
import { api } from './api.js';
import { topbar, el, showError, humanise, reviewUrl } from './ui.js';

topbar('settings');
const $ = (id) => document.getElementById(id);
const main = $('settings');

const ZONE_COLOURS = { cover: '#7a5bbf', barrier: '#d23c32', perch: '#e0a021' };

function flash(id) {
  const s = $(id);
  s.hidden = false;
  setTimeout(() => { s.hidden = true; }, 2500);
}

// ---- cameras --------------------------------------------------------------------------------------------------------

async function loadCameras() {
  const cams = await api.get('/api/cameras');
  $('camera-rows').replaceChildren(...(cams.length ? cams.map((c) => el('tr', {},
    el('td', {}, c.id), el('td', { class: 'clip-text', title: c.source }, c.source), el('td', {}, el('span', { class: 'badge' }, c.state)),
    el('td', { class: 'num' }, c.fps != null ? c.fps.toFixed(1) : '–'),
    el('td', { class: 'num' }, c.droppedFrames ?? '–'),
    el('td', {}, c.sessionId != null ? el('a', { href: reviewUrl(c.sessionId) }, '#' + c.sessionId) : '–')))
    : [el('tr', {}, el('td', { colspan: 6, class: 'muted' }, 'No cameras.'))]));
  const sel = $('zone-camera');
  const keep = sel.value;
  sel.replaceChildren(...cams.map((c) => el('option', { value: c.id }, c.id)));
  if (keep && cams.some((c) => c.id === keep)) sel.value = keep;
  return cams;
}

// ---- zones editor ------------------------------------------------------------------------------------------------------

let zones = { zones: [] };
let draft = [];          // points of the zone being drawn, in source-frame pixels

const img = $('snapshot');
const canvas = $('zone-canvas');

function camera() { return $('zone-camera').value; }

async function loadZones() {
  $('zones-saved').hidden = true;
  draft = [];
  try {
    zones = await api.get('/api/cameras/' + encodeURIComponent(camera()) + '/zones');
  } catch (e) {
    if (e.status !== 404) showError($('zones-panel'), e);
    zones = { zones: [] };
  }
  if (!zones || !Array.isArray(zones.zones)) zones = { ...(zones || {}), zones: [] };
  $('view-width').value = zones.viewWidthCm ?? '';
  loadSnapshot();
  renderZoneList();
}

function loadSnapshot() {
  img.onload = () => { canvas.width = img.naturalWidth; canvas.height = img.naturalHeight; draw(); };
  img.onerror = () => showError($('zones-panel'), new Error('No snapshot: is the camera delivering frames?'));
  img.src = '/api/cameras/' + encodeURIComponent(camera()) + '/snapshot.jpg?t=' + Date.now();
}

function draw() {
  const ctx = canvas.getContext('2d');
  ctx.clearRect(0, 0, canvas.width, canvas.height);
  const lw = Math.max(2, canvas.width / 320);
  const poly = (pts, colour, closed) => {
    if (!pts.length) return;
    ctx.beginPath();
    pts.forEach(([x, y], i) => (i ? ctx.lineTo(x, y) : ctx.moveTo(x, y)));
    if (closed) ctx.closePath();
    ctx.lineWidth = lw;
    ctx.strokeStyle = colour;
    if (closed) { ctx.fillStyle = colour + '55'; ctx.fill(); }
    ctx.stroke();
    ctx.fillStyle = colour;
    for (const [x, y] of pts) { ctx.beginPath(); ctx.arc(x, y, lw * 1.8, 0, Math.PI * 2); ctx.fill(); }
  };
  for (const z of zones.zones) {
    poly(z.polygon, ZONE_COLOURS[z.kind] || '#333', true);
    const [cx, cy] = centroid(z.polygon);
    ctx.font = `bold ${Math.round(lw * 7)}px system-ui, sans-serif`;
    ctx.textAlign = 'center';
    ctx.fillStyle = '#fff';
    ctx.fillText(z.name || z.kind, cx, cy);
  }
  poly(draft, ZONE_COLOURS[$('zone-kind').value] || '#333', false);
  $('finish-zone').disabled = draft.length < 3;
  $('undo-point').disabled = draft.length === 0;
}

function centroid(pts) {
  const n = pts.length || 1;
  return [pts.reduce((s, p) => s + p[0], 0) / n, pts.reduce((s, p) => s + p[1], 0) / n];
}

canvas.addEventListener('click', (e) => {
  if (!canvas.width) return;
  const r = canvas.getBoundingClientRect();
  // Display pixels -> source-frame pixels (the canvas matches the snapshot's natural size).
  const x = Math.round(((e.clientX - r.left) * canvas.width / r.width) * 10) / 10;
  const y = Math.round(((e.clientY - r.top) * canvas.height / r.height) * 10) / 10;
  draft.push([x, y]);
  draw();
});

$('undo-point').addEventListener('click', () => { draft.pop(); draw(); });
$('zone-kind').addEventListener('change', draw);

$('finish-zone').addEventListener('click', () => {
  const kind = $('zone-kind').value;
  const n = zones.zones.filter((z) => z.kind === kind).length + 1;
  const name = $('zone-name').value.trim() || (kind === 'cover' ? 'shelter-' + n : kind + (n > 1 ? '-' + n : ''));
  zones.zones.push({ kind, name, polygon: draft });
  draft = [];
  $('zone-name').value = '';
  renderZoneList();
  draw();
});

function renderZoneList() {
  $('zone-list').replaceChildren(...zones.zones.map((z, i) => el('li', { 'data-testid': 'zone' },
    el('span', { class: 'swatch', style: 'background:' + (ZONE_COLOURS[z.kind] || '#333') }),
    el('strong', {}, z.name || '(unnamed)'), el('span', { class: 'muted small' }, z.kind + ', ' + z.polygon.length + ' points'),
    el('button', { type: 'button', class: 'secondary', onclick: () => { zones.zones.splice(i, 1); renderZoneList(); draw(); } }, 'Remove'))));
  if (!zones.zones.length) $('zone-list').append(el('li', { class: 'muted small' }, 'No zones yet.'));
}

$('save-zones').addEventListener('click', async () => {
  const panel = $('zones-panel');
  showError(panel, null);
  const body = { ...zones, zones: zones.zones };
  const w = parseFloat($('view-width').value);
  if (isFinite(w) && w > 0) body.viewWidthCm = w; else delete body.viewWidthCm;
  try {
    zones = await api.put('/api/cameras/' + encodeURIComponent(camera()) + '/zones', body) || body;
    if (!Array.isArray(zones.zones)) zones = body;
    renderZoneList();
    draw();
    flash('zones-saved');
  } catch (e) {
    showError(panel, e);
  }
});
$('zone-camera').addEventListener('change', loadZones);
$('refresh-snapshot').addEventListener('click', loadSnapshot);

// ---- alert thresholds, webhooks, retention ------------------------------------------------------------------------------

let settings = {};

function webhookRow(url) {
  const input = el('input', { type: 'url', value: url || '', placeholder: 'https://example.org/hook', 'aria-label': 'Webhook URL' });
  const row = el('div', { class: 'item' }, input,
    el('button', { type: 'button', class: 'secondary', onclick: () => row.remove() }, 'Remove'));
  return row;
}

/** Labels that say what each threshold does; keys the service adds later still get a field of their own. */
const LABELS = {
  stalkingSeconds: 'Stalking alert after (s)',
  stalkingCatLengths: '…or when stalking within (cat lengths)',
  hiddenLongSeconds: 'Rat hidden alert after (s)',
  cameraLostSeconds: 'Camera lost alert after (s)',
  cooldownSeconds: 'Repeat an alert at most every (s)',
  lungeCooldownSeconds: 'Repeat a lunge alert at most every (s)',
  startSeconds: 'Start once both are in view for (s)',
  quietSeconds: 'End after neither is in view for (s)',
};

function fields(container, values) {
  container.replaceChildren(...Object.entries(values || {}).map(([k, v]) => {
    if (typeof v === 'boolean') {
      return el('label', { style: 'display:flex; gap:.4rem; align-items:center' },
        el('input', { type: 'checkbox', 'data-key': k, checked: v }), LABELS[k] || humanise(k));
    }
    return el('label', {}, LABELS[k] || humanise(k),
      el('input', { type: typeof v === 'number' ? 'number' : 'text', step: 'any', min: typeof v === 'number' ? 0 : null, 'data-key': k, value: v ?? '' }));
  }));
}

function readFields(container, base) {
  const out = { ...(base || {}) };
  for (const input of container.querySelectorAll('input[data-key]')) {
    const k = input.dataset.key;
    if (input.type === 'checkbox') out[k] = input.checked;
    else if (input.type === 'number') out[k] = input.value === '' ? null : Number(input.value);
    else out[k] = input.value;
  }
  return out;
}

function renderSettings() {
  fields($('alert-fields'), settings.alerts);
  fields($('session-fields'), settings.sessions);
  $('session-fields').previousElementSibling.hidden = !settings.sessions;
  $('webhooks').replaceChildren(...(settings.webhooks || []).map(webhookRow));
  const r = settings.retention || {};
  $('retention-days').value = r.days ?? '';
  $('retention-gb').value = r.gigabytes ?? '';
}

$('add-webhook').addEventListener('click', () => $('webhooks').append(webhookRow('')));

$('settings-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  const form = $('settings-form');
  showError(form, null);
  const body = {
    ...settings,
    alerts: readFields($('alert-fields'), settings.alerts),
    ...(settings.sessions ? { sessions: readFields($('session-fields'), settings.sessions) } : {}),
    webhooks: [...$('webhooks').querySelectorAll('input')].map((i) => i.value.trim()).filter(Boolean),
    retention: { ...(settings.retention || {}), days: Number($('retention-days').value) || null, gigabytes: Number($('retention-gb').value) || null },
  };
  try {
    settings = (await api.put('/api/settings', body)) || body;
    renderSettings();
    flash('settings-saved');
  } catch (err) {
    showError(form, err);
  }
});

async function start() {
  try {
    const cams = await loadCameras();
    if (cams.length) await loadZones();
    else $('zones-panel').hidden = true;
  } catch (e) {
    showError(main, e);
  }
  try {
    settings = await api.get('/api/settings');
    renderSettings();
  } catch (e) {
    showError($('settings-form'), e);
  }
}
start();
