// The live page: annotated video, the animals' states as they change, the calm meter, alerts with sound and a
// notification, the "reward now" cue, and starting or stopping a session.
import { api, wsUrl } from './api.js';
import { topbar, setConn, el, STAGES, duration, mediaTime, showError, reviewUrl, stateColour } from './ui.js';
import { Alarm } from './alarm.js';

const conn = topbar('live');
const $ = (id) => document.getElementById(id);
const main = $('live');
const alarm = new Alarm();

let cameras = [];
let camera = null;          // selected camera id
let session = null;         // the selected camera's running session, or null
const shownAlerts = new Map(); // alert id -> banner element

const ALERT_TEXT = {
  LUNGE: 'The cat lunged. Step in now.',
  STALKING: 'The cat is stalking the rat. Get ready to step in.',
  RAT_FLEEING: 'The rat is fleeing.',
  RAT_HIDDEN_LONG: 'The rat has been hiding for a long time.',
  CAMERA_LOST: 'The camera stopped sending frames.',
};

// ---- cameras and video -------------------------------------------------------------------------------------

async function loadCameras() {
  cameras = await api.get('/api/cameras');
  const select = $('camera');
  select.replaceChildren(...cameras.map((c) => el('option', { value: c.id }, c.id + ' (' + c.source + ')')));
  select.hidden = cameras.length < 2;
  if (!cameras.length) {
    $('video-placeholder').textContent = 'No camera is configured. Start the service with a camera or --demo.';
    return;
  }
  if (!camera || !cameras.some((c) => c.id === camera)) selectCamera(cameras[0].id);
  else showCameraState();
}

function selectCamera(id) {
  camera = id;
  $('camera').value = id;
  resetStates();
  startVideo();
  showCameraState();
  const cam = cameras.find((c) => c.id === id);
  loadSession(cam && cam.sessionId);
}

function showCameraState() {
  const cam = cameras.find((c) => c.id === camera);
  const badge = $('camera-state');
  if (!cam) { badge.textContent = ''; return; }
  badge.textContent = cam.state + (cam.fps ? ' · ' + cam.fps.toFixed(1) + ' fps' : '')
    + (cam.droppedFrames ? ' · ' + cam.droppedFrames + ' dropped' : '');
}

let videoRetry = null;
function startVideo() {
  const img = $('video');
  clearTimeout(videoRetry);
  img.onload = () => { $('video-placeholder').hidden = true; };
  img.onerror = () => {
    $('video-placeholder').hidden = false;
    $('video-placeholder').textContent = 'Video interrupted, reconnecting…';
    videoRetry = setTimeout(startVideo, 3000);
  };
  // A fresh query string makes the browser open a new stream rather than reuse a dead one.
  img.src = '/api/cameras/' + encodeURIComponent(camera) + '/live.mjpg?t=' + Date.now();
}

$('camera').addEventListener('change', (e) => selectCamera(e.target.value));

// ---- states and calm meter ---------------------------------------------------------------------------------

function resetStates() {
  recent.length = 0;
  showState('cat', null);
  showState('rat', null);
  showCalm(null);
}

function showState(animal, state) {
  const box = $(animal + '-box');
  const word = $(animal === 'cat' ? 'cat-posture' : 'rat-state');
  const value = state || 'none';
  if (box.dataset.state !== value) {
    box.dataset.state = value;
    word.textContent = state || 'not in view';
  }
}

function showCalm(share) {
  const pct = share === null || share === undefined ? null : Math.round(share * 100);
  $('meter-fill').style.width = (pct ?? 0) + '%';
  $('meter').setAttribute('aria-valuenow', pct ?? 0);
  $('calm-share').textContent = pct === null ? '–' : pct + '%';
}

// The last minute of states, drawn as two ribbons (cat above, rat below) with the newest at the right.
const RECENT_MS = 60000;
const recent = [];
let recentPending = false;

function remember(m) {
  const now = performance.now();
  recent.push({ t: now, cat: m.catPosture, rat: m.ratState });
  while (recent.length && recent[0].t < now - RECENT_MS) recent.shift();
  if (!recentPending) {
    recentPending = true;
    requestAnimationFrame(drawRecent);
  }
}

function drawRecent() {
  recentPending = false;
  const canvas = $('recent');
  const dpr = window.devicePixelRatio || 1;
  const w = Math.round(canvas.clientWidth * dpr);
  const h = Math.round(canvas.clientHeight * dpr);
  if (canvas.width !== w || canvas.height !== h) { canvas.width = w; canvas.height = h; }
  const ctx = canvas.getContext('2d');
  ctx.clearRect(0, 0, w, h);
  const now = performance.now();
  const x = (t) => w - ((now - t) / RECENT_MS) * w;
  const half = h / 2;
  for (let i = 0; i < recent.length; i++) {
    const x0 = x(recent[i].t);
    const x1 = i + 1 < recent.length ? x(recent[i + 1].t) : w;
    ctx.fillStyle = stateColour(recent[i].cat);
    ctx.fillRect(x0, 0, Math.max(1, x1 - x0), half - dpr);
    ctx.fillStyle = stateColour(recent[i].rat);
    ctx.fillRect(x0, half + dpr, Math.max(1, x1 - x0), half - dpr);
  }
}

function onFrame(m) {
  showState('cat', m.catPosture);
  showState('rat', m.ratState);
  remember(m);
  if (m.calmShare !== undefined) showCalm(m.calmShare);
  if (session && m.timeMs !== undefined && m.sessionId === session.id) {
    $('session-elapsed') && ($('session-elapsed').textContent = mediaTime(m.timeMs));
  }
  followSession(m.sessionId);
}

// Every frame names the camera's live session: if it is not the one shown (a session started by itself before the
// page connected, or a start that lost the race to it), fetch it, so the page never shows a stale session.
let sessionLoading = false;
function followSession(id) {
  if (id === undefined || sessionLoading) return;
  const shown = session && !session.endedAt && session.live !== false ? session.id : null;
  if ((id ?? null) === shown) return;
  sessionLoading = true;
  loadSession(id ?? shown).finally(() => { sessionLoading = false; }); // an ended one is reloaded to show it ended
}

// ---- alerts --------------------------------------------------------------------------------------------------

function onAlert(a) {
  if (shownAlerts.has(a.id)) return;
  const ack = el('button', { type: 'button', 'data-testid': 'ack' }, 'Acknowledge');
  const banner = el('div', {
      class: 'alert' + (a.acknowledged ? ' acked' : ''), role: 'alert', 'data-testid': 'alert-banner',
      'data-kind': a.kind, 'data-severity': a.severity || 'info', 'data-alert-id': a.id,
    },
    el('span', { class: 'kind' }, a.kind.replace(/_/g, ' ')),
    el('span', { class: 'text' }, ALERT_TEXT[a.kind] || '',
      el('span', { class: 'small' }, ' at ' + mediaTime(a.timeMs)
        + (a.wallTime ? ' (' + new Date(a.wallTime).toLocaleTimeString() + ')' : ''))),
    a.acknowledged ? null : ack);
  ack.addEventListener('click', async () => {
    ack.disabled = true;
    try {
      await api.post('/api/alerts/' + a.id + '/ack');
      banner.classList.add('acked');
      ack.replaceWith(el('span', { class: 'small' }, 'acknowledged'));
      setTimeout(() => { banner.remove(); shownAlerts.delete(a.id); trimAlerts(); }, 4000);
    } catch (e) {
      ack.disabled = false;
      showError(main, e);
    }
  });
  shownAlerts.set(a.id, banner);
  $('alerts').prepend(banner);
  trimAlerts();
  if (!a.acknowledged) {
    alarm.beep(a.severity);
    alarm.notify('Truce: ' + a.kind.replace(/_/g, ' ').toLowerCase(), ALERT_TEXT[a.kind] || a.kind,
      'truce-alert-' + a.id, a.severity === 'critical');
  }
}

/** Keeps the banner list short: at most 8, oldest first to go. */
function trimAlerts() {
  const banners = [...$('alerts').children];
  for (const b of banners.slice(8)) { shownAlerts.delete(Number(b.dataset.alertId)); b.remove(); }
}

async function loadUnacknowledged() {
  try {
    const alerts = await api.get('/api/alerts?unacknowledged=true');
    alerts.sort((x, y) => (x.id - y.id)).forEach(onAlert);
  } catch (e) {
    showError(main, e);
  }
}

// ---- the "reward now" cue -------------------------------------------------------------------------------------

let cueTimer = null;
function onCue(m) {
  if (m.cue !== 'CALM_LOOK') return;
  const cue = $('cue');
  cue.textContent = 'Reward now! The cat is looking calmly at the rat: give it a treat.';
  cue.hidden = false;
  alarm.chime();
  clearTimeout(cueTimer);
  cueTimer = setTimeout(() => { cue.hidden = true; }, 6000);
}

// ---- sessions ------------------------------------------------------------------------------------------------

$('stage').replaceChildren(...Object.entries(STAGES).map(([n, name]) => el('option', { value: n }, n + ' · ' + name)));
$('stage').value = '5';

async function loadSession(id) {
  session = null;
  if (id !== null && id !== undefined) {
    try { session = await api.get('/api/sessions/' + id); } catch (e) { showError(main, e); }
  }
  showSession();
}

function showSession() {
  const info = $('session-info');
  const running = session && !session.endedAt && session.live !== false;
  $('session-form').hidden = !!running;
  $('stop').hidden = !running;
  if (!running) {
    info.replaceChildren(session
      ? el('span', {}, 'Last session ', el('a', { href: reviewUrl(session.id) }, '#' + session.id), ' ended.')
      : 'No session running. The camera is watched, but nothing is recorded until a session starts.');
    return;
  }
  info.replaceChildren(
    el('div', {}, el('strong', {}, session.pair), ' · stage ' + session.stage + ' (' + (STAGES[session.stage] || '') + ')'
      + (session.auto ? ' · started by itself when both animals came into view' : '')),
    el('div', {}, 'Session ', el('a', { href: reviewUrl(session.id) }, '#' + session.id),
      ' · started ' + new Date(session.startedAt).toLocaleTimeString() + ' · ',
      el('span', { id: 'session-elapsed' }, duration(session.durationS))));
}

async function prefillForm() {
  try {
    const [pairs, sessions] = await Promise.all([api.get('/api/pairs'), api.get('/api/sessions')]);
    $('pairs').replaceChildren(...pairs.map((p) => el('option', { value: p })));
    const last = [...sessions].sort((a, b) => String(b.startedAt).localeCompare(String(a.startedAt)))[0];
    if (last && !$('pair').value) {
      $('pair').value = last.pair;
      $('stage').value = String(last.stage);
    }
  } catch (e) {
    showError(main, e);
  }
}

$('session-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  const start = $('start');
  start.disabled = true;
  showError(main, null);
  try {
    session = await api.post('/api/sessions', { camera, pair: $('pair').value.trim(), stage: Number($('stage').value) });
    showCalm(0);
    showSession();
  } catch (err) {
    showError(main, err);
  } finally {
    start.disabled = false;
  }
});

$('stop').addEventListener('click', async () => {
  if (!session) return;
  $('stop').disabled = true;
  showError(main, null);
  try {
    session = await api.post('/api/sessions/' + session.id + '/stop');
    showSession();
  } catch (err) {
    showError(main, err);
  } finally {
    $('stop').disabled = false;
  }
});

function onSession(s) {
  if (s.camera !== camera) return;
  session = s;
  showSession();
}

// ---- the live stream -------------------------------------------------------------------------------------------

let backoff = 500;
let failures = 0;
let sse = null;
function connect() {
  setConn(conn, 'connecting', 'connecting');
  const ws = new WebSocket(wsUrl('/api/live'));
  let opened = false;
  ws.onopen = () => {
    opened = true;
    backoff = 500;
    failures = 0;
    stopFallback();
    setConn(conn, 'open', 'live');
    loadUnacknowledged(); // anything raised while we were away
  };
  ws.onmessage = (ev) => {
    let m;
    try { m = JSON.parse(ev.data); } catch { return; }
    onMessage(m);
  };
  ws.onclose = () => {
    if (!opened && ++failures >= 3) startFallback();
    setConn(conn, 'closed', sse ? 'alerts only' : 'reconnecting');
    setTimeout(connect, backoff);
    backoff = Math.min(backoff * 2, 10000);
  };
}

function onMessage(m) {
  if (m.type === 'alert') onAlert(m.alert);
  else if (m.camera !== undefined && m.camera !== camera && m.type !== 'session') return;
  else if (m.type === 'frame') onFrame(m);
  else if (m.type === 'cue') onCue(m);
  else if (m.type === 'session') onSession(m.session);
}

/**
 * When the WebSocket keeps failing (a proxy that does not pass upgrades, say), alerts and cues still arrive over
 * server-sent events; the WebSocket keeps being retried and takes over again when it opens.
 */
function startFallback() {
  if (sse || !('EventSource' in window)) return;
  sse = new EventSource('/api/events');
  sse.addEventListener('alert', (e) => { try { onAlert(JSON.parse(e.data)); } catch { /* malformed: skip */ } });
  sse.addEventListener('cue', (e) => { try { onMessage({ type: 'cue', ...JSON.parse(e.data) }); } catch { /* skip */ } });
  sse.onopen = () => loadUnacknowledged();
}

function stopFallback() {
  if (sse) { sse.close(); sse = null; }
}

// ---- sound and notification permission, asked politely once ------------------------------------------------------

function setupPermissions() {
  const box = $('permissions');
  if (alarm.ready() || localStorage.getItem('truce.alerts.dismissed')) return;
  box.hidden = false;
  $('enable-alerts').addEventListener('click', async () => {
    await alarm.enable();
    box.hidden = true;
  });
  $('dismiss-alerts').addEventListener('click', () => {
    localStorage.setItem('truce.alerts.dismissed', '1');
    box.hidden = true;
  });
}
// Any click on the page unlocks sound (browsers only allow audio after a gesture).
document.addEventListener('pointerdown', () => alarm.unlock(), { once: true });

async function start() {
  setupPermissions();
  try {
    await loadCameras();
  } catch (e) {
    showError(main, e);
  }
  prefillForm();
  connect();
  // Camera state (fps, reconnecting) changes slowly: a poll is enough.
  setInterval(() => loadCameras().catch(() => {}), 5000);
}
start();
