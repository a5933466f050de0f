// Small helpers shared by the pages: the top bar, formatting, element building and the state palette.
import { forgetTokenInUrl } from './api.js';

export const CAT_POSTURES = ['calm', 'stalking', 'lunging'];
export const RAT_STATES = ['exploring', 'hiding', 'fleeing'];
export const STAGES = {
  1: 'Separate housing, scent swaps',
  2: 'Viewing through a barrier',
  3: 'Reinforcement at the barrier',
  4: 'Gradual proximity',
  5: 'Supervised direct interaction',
};

/** Colours of the six states, read from the stylesheet so the charts match the chips. */
const colours = new Map();
export function stateColour(state) {
  const key = state || 'none';
  if (!colours.has(key)) {
    colours.set(key, getComputedStyle(document.documentElement).getPropertyValue('--' + key).trim() || '#999');
  }
  return colours.get(key);
}

/** Builds an element: el('div', {class: 'x', onclick: f}, child, 'text', ...). */
export function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') e.addEventListener(k.slice(2), v);
    else if (k === 'class') e.className = v;
    else if (k === 'dataset') Object.assign(e.dataset, v);
    else if (k === 'text') e.textContent = v;
    else e.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return e;
}

// The service serves the web/ folder as static files: a page is a file or a folder's index.html.
const PAGES = [
  ['/', 'Live', 'live'],
  ['/sessions/', 'Sessions', 'sessions'],
  ['/settings/', 'Settings', 'settings'],
];

/** Where one session is reviewed: the service serves the review page at /sessions/{id} (DashboardPages). */
export function reviewUrl(id) {
  return '/sessions/' + encodeURIComponent(id);
}

/** Renders the top bar; returns the connection indicator element (pages that stream update it). */
export function topbar(current) {
  forgetTokenInUrl();
  const conn = el('span', { class: 'conn', hidden: true, 'data-state': 'connecting' }, 'connecting');
  const bar = el('header', { class: 'topbar' },
    el('a', { class: 'brand', href: '/' }, 'Truce', el('small', {}, 'cat & rat sessions')),
    el('nav', {}, PAGES.map(([href, label, key]) =>
      el('a', { href, 'aria-current': key === current ? 'page' : null }, label))),
    conn);
  document.body.prepend(bar);
  return conn;
}

export function setConn(conn, state, text) {
  conn.hidden = false;
  conn.dataset.state = state;
  conn.textContent = text;
}

/** 83.4 s -> "1:23", 3725 s -> "1:02:05". */
export function duration(seconds) {
  if (seconds === null || seconds === undefined || !isFinite(seconds)) return '–';
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600), m = Math.floor((s % 3600) / 60), r = s % 60;
  const mm = h ? String(m).padStart(2, '0') : String(m);
  return (h ? h + ':' : '') + mm + ':' + String(r).padStart(2, '0');
}

export function mediaTime(ms) {
  return ms === null || ms === undefined ? '–' : duration(ms / 1000);
}

export function dateTime(iso) {
  if (!iso) return '–';
  const d = new Date(iso);
  if (isNaN(d)) return iso;
  const thisYear = d.getFullYear() === new Date().getFullYear();
  return d.toLocaleString(undefined, { year: thisYear ? undefined : 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
}

export function percent(share) {
  return share === null || share === undefined || !isFinite(share) ? '–' : Math.round(share * 100) + '%';
}

/** A calm score chip, coloured from red (0) through amber to green (100). */
export function scoreChip(score) {
  if (score === null || score === undefined) return el('span', { class: 'muted' }, '–');
  const hue = Math.max(0, Math.min(120, score * 1.2));
  return el('span', { class: 'score', style: `background: hsl(${hue} 55% 42%)` }, String(Math.round(score)));
}

/** Shows an error in a container (replacing a previous one), or clears it. */
export function showError(container, err) {
  let box = container.querySelector(':scope > .error');
  if (!err) { if (box) box.remove(); return; }
  if (!box) { box = el('div', { class: 'error', role: 'alert' }); container.prepend(box); }
  box.textContent = err.message || String(err);
}

/** Label for a camelCase key: "stalkingSeconds" -> "Stalking seconds". */
export function humanise(key) {
  const s = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/[_-]+/g, ' ').toLowerCase();
  return s.charAt(0).toUpperCase() + s.slice(1);
}
