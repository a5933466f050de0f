// The sessions page: every session, and for each pair its calm score and lunges over time with stage advice.
import { api } from './api.js';
import { topbar, el, STAGES, duration, dateTime, scoreChip, showError, stateColour, reviewUrl } from './ui.js';
import { widthOf, keepSized, bars } from './charts.js';

topbar('sessions');
const main = document.getElementById('sessions');

const ADVICE = {
  ADVANCE: 'Move on',
  STAY: 'Stay at this stage',
  REVERT_TO_BARRIER: 'Go back to the barrier',
};

function sessionRow(s) {
  return el('tr', { class: s.live ? 'live' : null, 'data-session-id': s.id },
    el('td', {}, el('a', { href: reviewUrl(s.id) }, dateTime(s.startedAt))),
    el('td', {}, s.pair),
    el('td', { class: 'num', title: STAGES[s.stage] || '' }, s.stage),
    el('td', { class: 'num' }, duration(s.durationS)),
    el('td', { class: 'num' }, scoreChip(s.calmScore)),
    el('td', { class: 'num' }, s.lunges ?? '–'),
    el('td', { class: 'wide-only' }, el('a', { href: reviewUrl(s.id) }, 'Review')));
}

async function pairCard(pair) {
  const chartBox = el('div', { class: 'trend-chart' });
  const adviceBox = el('div', { class: 'advice' }, el('span', { class: 'muted small' }, 'Loading advice…'));
  const card = el('section', { class: 'panel', 'data-testid': 'pair', 'data-pair': pair },
    el('h2', {}, pair), adviceBox, chartBox);
  const [trend, advice] = await Promise.all([
    api.get('/api/pairs/' + encodeURIComponent(pair) + '/trend').catch((e) => e),
    api.get('/api/pairs/' + encodeURIComponent(pair) + '/advice').catch((e) => e),
  ]);
  if (advice instanceof Error) adviceBox.replaceChildren(el('span', { class: 'error' }, advice.message));
  else {
    adviceBox.replaceChildren(
      el('div', { class: 'form-row', style: 'align-items: center' },
        el('span', { class: 'badge ' + advice.advice, 'data-testid': 'advice' }, ADVICE[advice.advice] || advice.advice),
        advice.currentStage == null ? null : el('span', {}, 'Now at stage ' + advice.currentStage + ' (' + (STAGES[advice.currentStage] || '') + ')'
          + (advice.recommendedStage && advice.recommendedStage !== advice.currentStage
            ? '; next session at stage ' + advice.recommendedStage + ' (' + (STAGES[advice.recommendedStage] || '') + ')' : ''))),
      el('p', { class: 'small muted', style: 'margin: .4rem 0 .6rem' }, advice.reason || ''));
  }
  if (trend instanceof Error) chartBox.replaceChildren(el('span', { class: 'error' }, trend.message));
  else requestAnimationFrame(() => drawTrend(chartBox, trend));
  return card;
}

/** Calm score (line, left axis) and lunges (bars, right axis) per session over time. */
function drawTrend(box, trend) {
  if (!trend.length) { box.append(el('p', { class: 'muted' }, 'No finished sessions yet.')); return; }
  const pts = [...trend].sort((a, b) => String(a.startedAt).localeCompare(String(b.startedAt)));
  // One slot per session (sessions are days apart, sometimes hours): the x axis counts sessions, labelled by date.
  const xs = pts.map((p, i) => i + 1);
  // Dates alone, unless two sessions share a day: then the time too.
  const day = (p) => new Date(p.startedAt).toLocaleDateString(undefined, { month: 'short', day: 'numeric' });
  const sameDay = new Set(pts.map(day)).size < pts.length;
  const label = (i) => {
    const p = pts[Math.round(i) - 1];
    if (!p) return '';
    return sameDay ? day(p) + ' ' + new Date(p.startedAt).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' }) : day(p);
  };
  const data = [xs, pts.map((p) => p.calmScore ?? null), pts.map((p) => p.lunges ?? 0)];
  const height = 220;
  const maxLunges = Math.max(3, ...data[2]);
  const chart = new uPlot({
    width: widthOf(box),
    height,
    cursor: { drag: { x: false, y: false } },
    scales: { x: { time: false, range: [0.5, pts.length + 0.5] }, score: { range: [0, 100] }, lunges: { range: [0, maxLunges + 1] } },
    axes: [
      { incrs: [1, 2, 5, 10, 20, 50], values: (u, vals) => vals.map(label), space: 55 },
      { scale: 'score', label: 'Calm score', size: 50 },
      { scale: 'lunges', side: 1, label: 'Lunges', grid: { show: false }, size: 45, incrs: [1, 2, 5, 10] },
    ],
    series: [
      { label: 'session', value: (u, v) => { const p = pts[v - 1]; return p ? '#' + p.sessionId + ', ' + new Date(p.startedAt).toLocaleString() + ', stage ' + p.stage : '–'; } },
      { label: 'Calm score', scale: 'score', stroke: stateColour('calm'), width: 2, points: { size: 7 } },
      { label: 'Lunges', scale: 'lunges', stroke: stateColour('lunging'), fill: stateColour('lunging') + '99', paths: bars(), points: { show: false } },
    ],
  }, data, box);
  keepSized(chart, box, height);
}

async function start() {
  let sessions, pairs;
  try {
    [sessions, pairs] = await Promise.all([api.get('/api/sessions'), api.get('/api/pairs')]);
  } catch (e) {
    showError(main, e);
    document.getElementById('rows').replaceChildren();
    return;
  }
  sessions.sort((a, b) => String(b.startedAt).localeCompare(String(a.startedAt)));
  const rows = document.getElementById('rows');
  rows.replaceChildren(...(sessions.length ? sessions.map(sessionRow)
    : [el('tr', {}, el('td', { colspan: 7, class: 'muted' }, 'No sessions yet: start one on the Live page.'))]));
  const pairsBox = document.getElementById('pairs');
  const cards = await Promise.all(pairs.map(pairCard));
  pairsBox.replaceChildren(...cards);
}
start();
