// The review page of one session: recording, timeline (state ribbons, distance, alerts) that seeks the recording,
// highlights with their clips and corrections, metrics and downloads.
import { api } from './api.js';
import { topbar, el, STAGES, CAT_POSTURES, RAT_STATES, duration, mediaTime, dateTime, percent, scoreChip,
  showError, stateColour, humanise } from './ui.js';
import { widthOf, keepSized } from './charts.js';

topbar('sessions');
const $ = (id) => document.getElementById(id);
const main = $('review');

/** The session id from /sessions/{id} (served by DashboardPages) or from review.html?id=... */
function sessionId() {
  const q = new URLSearchParams(location.search).get('id');
  if (q) return q;
  const m = location.pathname.match(/\/sessions\/(\d+)\/?$/);
  return m ? m[1] : null;
}
const id = sessionId();

// ---- the recording player, over one or more recorded segments -------------------------------------------------

const player = $('player');
let segments = [];
let current = null;      // the segment in the player
let nowMs = 0;           // the session media time under the playhead
let onTime = () => {};

async function loadRecording() {
  try {
    segments = await api.get('/api/sessions/' + id + '/recording');
  } catch (e) {
    segments = [];
  }
  segments.sort((a, b) => a.startMs - b.startMs);
  if (!segments.length) {
    // No raw segments: fall back to the annotated video of the whole session.
    segments = [{ id: 'annotated', startMs: 0, endMs: Infinity, url: '/api/sessions/' + id + '/annotated.mp4' }];
  }
  load(segments[0], 0, false);
}

function load(seg, offsetMs, play) {
  const ph = $('player-placeholder');
  if (current !== seg) {
    current = seg;
    player.src = seg.url;
    player.addEventListener('loadedmetadata', () => {
      player.currentTime = offsetMs / 1000;
      if (play) player.play().catch(() => {});
    }, { once: true });
  } else {
    player.currentTime = offsetMs / 1000;
    if (play) player.play().catch(() => {});
  }
  ph.hidden = true;
}

player.addEventListener('error', () => {
  const ph = $('player-placeholder');
  ph.hidden = false;
  ph.textContent = 'This recording cannot be played (it may have been removed by the retention settings).';
});
player.addEventListener('timeupdate', () => {
  if (!current) return;
  nowMs = current.startMs + player.currentTime * 1000;
  onTime(nowMs);
});
player.addEventListener('ended', () => {
  const next = segments[segments.indexOf(current) + 1];
  if (next) load(next, 0, true);
});

/** Jumps the recording to a session media time; a gap between segments goes to the next segment's start. */
function seek(ms) {
  let seg = segments.find((s) => ms >= s.startMs && ms < s.endMs)
    || segments.find((s) => s.startMs >= ms) || segments[segments.length - 1];
  if (!seg) return;
  load(seg, Math.max(0, ms - seg.startMs), true);
  nowMs = ms;
  onTime(ms);
}

// ---- timeline ---------------------------------------------------------------------------------------------------

const RIBBON = 13;     // CSS px per ribbon
const RIBBON_GAP = 4;

function drawTimeline(tl) {
  const box = $('timeline');
  const frames = tl.frames || [];
  const alerts = tl.alerts || [];
  if (!frames.length) {
    box.append(el('p', { class: 'muted' }, 'No frames were analysed in this session.'));
    return;
  }
  const xs = frames.map((f) => f[0] / 1000);
  const dist = frames.map((f) => (f[3] === null || f[3] === undefined ? null : f[3]));
  const cat = frames.map((f) => (f[1] >= 0 ? CAT_POSTURES[f[1]] : null));
  const rat = frames.map((f) => (f[2] >= 0 ? RAT_STATES[f[2]] : null));
  const height = 230;
  const sevColour = { critical: stateColour('critical'), warning: stateColour('warning'), info: stateColour('info') };

  function ribbon(u, states, row) {
    const ctx = u.ctx;
    const dpr = uPlot.pxRatio;
    const top = u.bbox.top - (2 - row) * (RIBBON + RIBBON_GAP) * dpr;
    const h = RIBBON * dpr;
    let i = 0;
    while (i < states.length) {
      let j = i;
      while (j + 1 < states.length && states[j + 1] === states[i]) j++;
      const x0 = u.valToPos(xs[i], 'x', true);
      const x1 = u.valToPos(j + 1 < xs.length ? xs[j + 1] : xs[j], 'x', true);
      ctx.fillStyle = stateColour(states[i]);
      ctx.fillRect(x0, top, Math.max(1, x1 - x0), h);
      i = j + 1;
    }
    ctx.fillStyle = stateColour('muted') || '#667';
    ctx.font = `${11 * dpr}px system-ui, sans-serif`;
    ctx.textAlign = 'right';
    ctx.textBaseline = 'middle';
    ctx.fillText(row === 0 ? 'cat' : 'rat', u.bbox.left - 6 * dpr, top + h / 2);
  }

  const chart = new uPlot({
    width: widthOf(box),
    height,
    padding: [2 * (RIBBON + RIBBON_GAP) + 8, 12, 0, 0],
    cursor: { drag: { x: false, y: false }, points: { show: false } },
    legend: { show: true },
    scales: { x: { time: false }, d: { range: (u, min, max) => [0, Math.max(10, max || 0) * 1.05] } },
    axes: [
      { values: (u, vals) => vals.map((v) => duration(v)), space: 60, incrs: [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600] },
      { scale: 'd', label: 'cat–rat distance (px)', size: 55 },
    ],
    series: [
      { label: 'time', value: (u, v) => (v === null ? '–' : duration(v)) },
      { label: 'distance', scale: 'd', stroke: '#4d5a52', width: 1.5, fill: 'rgba(77,90,82,.08)', spanGaps: false,
        value: (u, v) => (v === null ? '–' : Math.round(v) + ' px') },
    ],
    hooks: {
      draw: [(u) => {
        const ctx = u.ctx;
        const dpr = uPlot.pxRatio;
        ctx.save();
        ribbon(u, cat, 0);
        ribbon(u, rat, 1);
        // Alerts: a coloured line through the plot with a marker on top.
        for (const a of alerts) {
          const x = u.valToPos(a.timeMs / 1000, 'x', true);
          ctx.strokeStyle = sevColour[a.severity] || sevColour.info;
          ctx.fillStyle = ctx.strokeStyle;
          ctx.lineWidth = 1.5 * dpr;
          ctx.setLineDash([4 * dpr, 3 * dpr]);
          ctx.beginPath();
          ctx.moveTo(x, u.bbox.top);
          ctx.lineTo(x, u.bbox.top + u.bbox.height);
          ctx.stroke();
          ctx.setLineDash([]);
          ctx.beginPath();
          ctx.moveTo(x - 5 * dpr, u.bbox.top);
          ctx.lineTo(x + 5 * dpr, u.bbox.top);
          ctx.lineTo(x, u.bbox.top + 7 * dpr);
          ctx.fill();
        }
        // The playhead.
        const px = u.valToPos(nowMs / 1000, 'x', true);
        ctx.strokeStyle = '#111';
        ctx.lineWidth = 2 * dpr;
        ctx.beginPath();
        ctx.moveTo(px, u.bbox.top - 2 * (RIBBON + RIBBON_GAP) * dpr);
        ctx.lineTo(px, u.bbox.top + u.bbox.height);
        ctx.stroke();
        ctx.restore();
      }],
    },
  }, [xs, dist], box);
  keepSized(chart, box, height);
  chart.over.addEventListener('click', () => {
    const t = chart.posToVal(chart.cursor.left, 'x');
    if (isFinite(t)) seek(t * 1000);
  });
  let pending = false;
  onTime = () => {
    if (pending) return;
    pending = true;
    requestAnimationFrame(() => { pending = false; chart.redraw(false, false); });
  };

  $('timeline-legend').replaceChildren(
    ...[...CAT_POSTURES, ...RAT_STATES].map((s) => el('span', {}, el('i', { style: 'background:' + stateColour(s) }), s)),
    el('span', {}, el('i', { style: 'background:' + stateColour('none') }), 'not in view'),
    el('span', {}, el('i', { style: 'background:' + sevColour.critical }), 'alert'));
  $('alert-list').replaceChildren(...(alerts.length ? [el('strong', {}, 'Alerts: ')] : []),
    ...alerts.map((a, i) => el('span', {},
      i ? ' · ' : '',
      el('a', { href: '#', 'data-testid': 'timeline-alert',
        onclick: (e) => { e.preventDefault(); seek(Math.max(0, a.timeMs - 2000)); } },
      a.kind.replace(/_/g, ' ').toLowerCase() + ' ' + mediaTime(a.timeMs)))));
}

// ---- highlights --------------------------------------------------------------------------------------------------

const KIND_TEXT = { LUNGE: 'Lunge', STALKING: 'Stalking', FLEEING: 'Flight', CALM_STREAK: 'Longest calm stretch' };

function highlightCard(h) {
  const thumb = h.thumbnailUrl
    ? el('img', { src: h.thumbnailUrl, alt: (KIND_TEXT[h.kind] || h.kind) + ' at ' + mediaTime(h.startMs), loading: 'lazy' })
    : null;
  const media = el('button', { type: 'button', class: 'media', 'aria-label': 'Play this clip' },
    thumb || el('span', { class: 'pending' }, 'preview being prepared'), el('span', { class: 'play' }));
  // A clip is cut a few seconds after its event: until then there is no thumbnail to show.
  if (thumb) thumb.addEventListener('error', () => thumb.replaceWith(el('span', { class: 'pending' }, 'preview being prepared')));
  const status = el('span', { class: 'small muted' });
  const wrongBtn = el('button', { type: 'button', class: 'secondary', 'data-testid': 'mark-wrong' }, 'Mark wrong');
  const card = el('article', { class: 'highlight', 'data-testid': 'highlight', 'data-kind': h.kind, 'data-highlight-id': h.id },
    media,
    el('div', { class: 'body' },
      el('div', { class: 'head' },
        el('span', { class: 'kind-tag ' + h.kind }, KIND_TEXT[h.kind] || h.kind),
        el('a', { href: '#', class: 'small', onclick: (e) => { e.preventDefault(); seek(h.startMs); window.scrollTo({ top: 0, behavior: 'smooth' }); } },
          mediaTime(h.startMs) + ' · ' + ((h.endMs - h.startMs) / 1000).toFixed(1) + ' s')),
      el('div', { class: 'form-row', style: 'align-items: center' }, wrongBtn, status)));

  media.addEventListener('click', () => {
    const video = el('video', { src: h.clipUrl, controls: true, autoplay: true, muted: true, playsinline: true,
      preload: 'auto', 'data-testid': 'clip' });
    video.muted = true; // the attribute alone does not mute when set by script
    video.addEventListener('error', () => { status.textContent = 'The clip cannot be played.'; });
    const frame = el('div', { class: 'media' }, video);
    media.replaceWith(frame);
    video.play().catch(() => {});
  });

  const markWrong = (stored) => {
    card.classList.add('wrong');
    wrongBtn.hidden = true;
    status.textContent = stored ? 'Marked wrong: correction stored.' : 'Marked wrong.';
  };
  if (h.correction === 'WRONG') markWrong(false);

  wrongBtn.addEventListener('click', () => {
    wrongBtn.hidden = true;
    const catSel = el('select', { name: 'catPosture' },
      ...CAT_POSTURES.map((s) => el('option', { value: s }, s)), el('option', { value: '' }, 'not in view'));
    const ratSel = el('select', { name: 'ratState' },
      ...RAT_STATES.map((s) => el('option', { value: s }, s)), el('option', { value: '' }, 'not in view'));
    catSel.value = 'calm';
    ratSel.value = 'exploring';
    const note = el('input', { name: 'note', placeholder: 'What really happened (optional)' });
    const form = el('form', { 'data-testid': 'correction-form' },
      el('div', { class: 'small' }, 'What were they really doing?'),
      el('div', { class: 'form-row' }, el('label', {}, 'Cat', catSel), el('label', {}, 'Rat', ratSel)),
      note,
      el('div', { class: 'form-row' }, el('button', { type: 'submit' }, 'Save correction'),
        el('button', { type: 'button', class: 'secondary', onclick: () => { form.remove(); wrongBtn.hidden = false; } }, 'Cancel')));
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      form.querySelectorAll('button').forEach((b) => { b.disabled = true; });
      try {
        await api.post('/api/highlights/' + h.id + '/correction', {
          verdict: 'WRONG', catPosture: catSel.value || null, ratState: ratSel.value || null, note: note.value.trim(),
        });
        form.remove();
        markWrong(true);
      } catch (err) {
        form.querySelectorAll('button').forEach((b) => { b.disabled = false; });
        status.textContent = err.message;
      }
    });
    card.querySelector('.body').append(form);
  });
  return card;
}

// ---- metrics -----------------------------------------------------------------------------------------------------

/** Formats a metric by what its name says it measures. */
function formatMetric(key, v) {
  if (v === null || v === undefined) return '–';
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  if (typeof v !== 'number') return String(v);
  const k = key.toLowerCase();
  if (k.includes('share') || k.includes('fraction') || k.endsWith('ratio')) return percent(v);
  if (k.endsWith('ms')) return mediaTime(v);
  if (k.endsWith('seconds') || k.endsWith('s') && /streak|time|duration|first|observed/.test(k)) return duration(v);
  if (k.endsWith('cm')) return v.toFixed(1) + ' cm';
  if (k.endsWith('px')) return Math.round(v) + ' px';
  if (k.includes('bodylength')) return v.toFixed(2) + ' bl';
  return Number.isInteger(v) ? String(v) : v.toFixed(2);
}

const STATE_WORD = { not_visible: 'not in view', none: 'not in view', unseen: 'not in view' };
const stateKey = (k) => (STATE_WORD[k.toLowerCase()] ? 'none' : k.toLowerCase());

/** Time in each state as a stacked bar, from seconds per state, e.g. {calm: 12.3, stalking: 4.0, not_visible: 0}. */
function stateBar(title, seconds) {
  const entries = Object.entries(seconds).filter(([, v]) => typeof v === 'number' && v > 0);
  const total = entries.reduce((s, [, v]) => s + v, 0) || 1;
  return el('div', { 'data-testid': 'state-bar' },
    el('div', { class: 'small muted' }, title),
    el('div', { class: 'stack' }, entries.map(([k, v]) =>
      el('span', { style: `width:${(100 * v / total).toFixed(2)}%; background:${stateColour(stateKey(k))}`, title: k + ' ' + duration(v) }))),
    el('div', { class: 'legend' }, entries.map(([k, v]) =>
      el('span', {}, el('i', { style: 'background:' + stateColour(stateKey(k)) }),
        (STATE_WORD[k.toLowerCase()] || k.toLowerCase()) + ' ' + duration(v) + ' (' + percent(v / total) + ')'))));
}

function isStateMap(obj) {
  const keys = Object.keys(obj).map((k) => k.toLowerCase());
  return keys.length > 0 && keys.every((k) => CAT_POSTURES.includes(k) || RAT_STATES.includes(k) || STATE_WORD[k]);
}

/** A link that jumps the recording to a media time (a little before it, to see what led up to it). */
function seekLink(ms, text) {
  return el('a', { href: '#', onclick: (e) => { e.preventDefault(); seek(Math.max(0, ms - 2000)); } }, text || mediaTime(ms));
}

function tile(key, label, value, extra) {
  return el('div', { class: 'metric', 'data-metric': key },
    el('div', { class: 'label' }, label), el('div', { class: 'value' }, value), extra || null);
}

function episodeLinks(list) {
  if (!Array.isArray(list) || !list.length) return null;
  const times = list.map((x) => (typeof x === 'number' ? x : x && (x.startMs ?? x.timeMs))).filter((x) => typeof x === 'number');
  return el('div', { class: 'small' }, times.slice(0, 12).map((t, i) => el('span', {}, i ? ', ' : '', seekLink(t))),
    times.length > 12 ? ' …' : '');
}

/**
 * The calm metrics of product.md. Known fields get a tile each (episodes link into the recording); anything
 * else the service adds is still shown, generically, so nothing computed is hidden.
 */
function showMetrics(m) {
  const tiles = $('metrics');
  const bars = $('metric-bars');
  tiles.replaceChildren();
  bars.replaceChildren();
  if (!m) { tiles.append(el('p', { class: 'muted' }, 'Metrics are computed when the session stops.')); return; }
  const used = new Set(['calmScore']);
  const take = (k) => { used.add(k); return m[k]; };

  if ('calmShare' in m) tiles.append(tile('calmShare', 'Calm share', percent(take('calmShare'))));
  if ('observedS' in m) tiles.append(tile('observedS', 'Observed', duration(take('observedS'))));
  if ('longestCalmStreak' in m) {
    const s = take('longestCalmStreak');
    tiles.append(tile('longestCalmStreak', 'Longest calm streak',
      s ? duration((s.endMs - s.startMs) / 1000) : '–', s ? el('div', { class: 'small' }, 'from ', seekLink(s.startMs + 2000, mediaTime(s.startMs))) : null));
  }
  if ('timeToFirstCalm60sS' in m) {
    const v = take('timeToFirstCalm60sS');
    tiles.append(tile('timeToFirstCalm60sS', 'First calm minute after', v === null ? 'not yet' : duration(v)));
  }
  for (const [count, list, label] of [['stalkingCount', 'stalkingEpisodes', 'Stalking episodes'],
    ['lungeCount', 'lungeEpisodes', 'Lunges'], ['flightCount', 'flightEpisodes', 'Flights'],
    ['calmLooks', 'calmLookTimesMs', 'Calm looks (reward moments)']]) {
    if (!(count in m) && !(list in m)) continue;
    const episodes = take(list);
    const n = take(count) ?? (Array.isArray(episodes) ? episodes.length : null);
    tiles.append(tile(count, label, n ?? '–', episodeLinks(episodes)));
  }
  const px = (v) => (v === null || v === undefined ? '–' : Math.round(v) + ' px');
  for (const [k, label, fmt] of [['minDistanceCm', 'Closest distance', (v) => v.toFixed(0) + ' cm'],
    ['minDistancePx', 'Closest distance', px], ['medianDistanceCm', 'Median distance', (v) => v.toFixed(0) + ' cm'],
    ['medianDistancePx', 'Median distance', px], ['withinOneCatLengthShare', 'Within one cat length', percent]]) {
    if (!(k in m)) continue;
    const v = take(k);
    if (k.endsWith('Px') && m[k.replace('Px', 'Cm')] != null) continue; // centimetres when known
    tiles.append(tile(k, label, v === null || v === undefined ? '–' : fmt(v)));
  }
  // Time per state: bars from the seconds; the shares say the same thing.
  for (const [k, title] of [['catPostureS', 'Cat posture'], ['ratStateS', 'Rat state']]) {
    if (m[k] && typeof m[k] === 'object') { bars.append(stateBar(title, take(k))); used.add(k.replace(/S$/, 'Share')); }
  }

  const walk = (obj, prefix) => {
    for (const [k, v] of Object.entries(obj)) {
      if (!prefix && used.has(k)) continue;
      // the value shows its unit, so the label drops it ("Longest calm streak s" -> "Longest calm streak")
      const label = humanise(prefix ? prefix + ' ' + k : k).replace(/ (s|ms|px|cm|seconds|secs)$/i, '');
      if (Array.isArray(v)) tiles.append(tile(k, label, String(v.length), episodeLinks(v)));
      else if (v && typeof v === 'object') {
        if (isStateMap(v) && /s$|seconds$/i.test(k)) bars.append(stateBar(label, v));
        else if (!isStateMap(v)) walk(v, prefix ? prefix + ' ' + k : k);
      } else tiles.append(tile(k, label, formatMetric(k, v)));
    }
  };
  walk(m, '');
}

// ---- the page ------------------------------------------------------------------------------------------------------

// ---- tags: automatic sessions take the camera's pair and stage; the owner can file them under the right ones -------

function showTitle(s) {
  document.title = 'Truce · Session ' + s.id;
  $('title').textContent = s.pair + ' · session ' + s.id;
  $('subtitle').textContent = dateTime(s.startedAt) + ' · stage ' + s.stage + ' (' + (STAGES[s.stage] || '') + ') · '
    + duration(s.durationS) + (s.live ? ' · still running' : '') + (s.auto ? ' · started automatically' : '');
}

function showTags(s) {
  const form = $('tags');
  $('tag-pair').value = s.pair;
  $('tag-stage').replaceChildren(...Object.entries(STAGES).map(([n, name]) => el('option', { value: n }, n + ' · ' + name)));
  $('tag-stage').value = String(s.stage);
  form.hidden = false;
  form.onsubmit = async (ev) => {
    ev.preventDefault();
    $('tag-status').textContent = 'saving…';
    try {
      const saved = await api.patch('/api/sessions/' + s.id, { pair: $('tag-pair').value.trim(), stage: Number($('tag-stage').value) });
      showTitle(saved);
      $('tag-status').textContent = 'saved';
    } catch (e) {
      $('tag-status').textContent = e.message;
    }
  };
}

async function start() {
  if (!id) { showError(main, new Error('No session id in the address.')); return; }
  let s;
  try {
    s = await api.get('/api/sessions/' + id);
  } catch (e) {
    showError(main, e);
    return;
  }
  showTitle(s);
  showTags(s);
  const score = s.calmScore ?? (s.metrics && s.metrics.calmScore);
  $('score').replaceChildren(el('span', { class: 'small muted' }, 'calm score '), scoreChip(score));
  $('downloads').replaceChildren(
    el('a', { class: 'button secondary', href: '/api/sessions/' + s.id + '/frames.csv', download: 'session-' + s.id + '-frames.csv', 'data-testid': 'download-csv' }, 'Per-frame CSV'),
    el('a', { class: 'button secondary', href: '/api/sessions/' + s.id + '/annotated.mp4', download: 'session-' + s.id + '-annotated.mp4', 'data-testid': 'download-video' }, 'Annotated video'),
    el('a', { class: 'button secondary', href: '/api/corrections.csv', download: 'corrections.csv', 'data-testid': 'download-corrections', title: 'Every highlight marked wrong, as per-frame labels for truce train' }, 'Corrections as training labels'));
  showMetrics(s.metrics);
  await loadRecording();

  const [tl, hs] = await Promise.all([
    api.get('/api/sessions/' + id + '/timeline').catch((e) => e),
    api.get('/api/sessions/' + id + '/highlights').catch((e) => e),
  ]);
  if (tl instanceof Error) $('timeline').replaceChildren(el('div', { class: 'error' }, tl.message));
  else drawTimeline(tl);
  const box = $('highlights');
  if (hs instanceof Error) box.replaceChildren(el('div', { class: 'error' }, hs.message));
  else if (!hs.length) box.replaceChildren(el('p', { class: 'muted' }, s.live ? 'Highlights are cut when the session stops.' : 'No highlights in this session.'));
  else box.replaceChildren(...hs.sort((a, b) => a.startMs - b.startMs).map(highlightCard));
}
start();
