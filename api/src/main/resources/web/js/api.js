// Talks to the Truce service (API.md). The token travels in the HttpOnly cookie the server sets when a page is
// first opened with ?token=..., so pages, images, video and fetches all carry it without scripts seeing it.

/** An error from the service, with its HTTP status and the service's JSON message. */
export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

async function request(method, path, body) {
  const init = { method, credentials: 'same-origin', headers: { Accept: 'application/json' } };
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  let res;
  try {
    res = await fetch(path, init);
  } catch (e) {
    throw new ApiError(0, 'the service cannot be reached (' + e.message + ')');
  }
  const text = await res.text();
  let data = null;
  if (text) {
    try { data = JSON.parse(text); } catch { data = text; }
  }
  if (!res.ok) {
    const msg = data && typeof data === 'object' && data.error ? data.error : res.status + ' ' + res.statusText;
    if (res.status === 401) {
      throw new ApiError(401, 'not signed in: open the start-up URL printed by "truce serve" (it carries ?token=)');
    }
    throw new ApiError(res.status, msg);
  }
  return data;
}

export const api = {
  get: (path) => request('GET', path),
  post: (path, body) => request('POST', path, body === undefined ? {} : body),
  put: (path, body) => request('PUT', path, body),
  patch: (path, body) => request('PATCH', path, body),
};

/** Drops ?token= from the address bar once the server has turned it into a cookie (keeps it out of history). */
export function forgetTokenInUrl() {
  const url = new URL(location.href);
  if (url.searchParams.has('token')) {
    url.searchParams.delete('token');
    history.replaceState(null, '', url.pathname + url.search + url.hash);
  }
}

/** The WebSocket URL of a path on this server (ws: or wss: as the page). */
export function wsUrl(path) {
  return (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + path;
}
