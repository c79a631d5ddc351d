// The REST calls: create a meeting, join one, open one's own seat on another device, read the
// catalogue and the summary. A refusal becomes a RefusedError carrying the server's code, reason and
// params, so the page can say it in the person's language.

export class RefusedError extends Error {
  constructor(status, body) {
    super(body?.message || `HTTP ${status}`);
    this.status = status;
    this.code = body?.error;
    this.reason = body?.reason;
    this.params = body?.params;
  }
}

async function call(method, path, body, token, accept) {
  const headers = { 'Content-Type': 'application/json' };
  if (accept) {
    headers.Accept = accept;
  }
  if (token) {
    headers.Authorization = `Bearer ${token}`;
  }
  let response;
  try {
    response = await fetch(path, { method, headers, body: body ? JSON.stringify(body) : undefined });
  } catch {
    throw new RefusedError(0, { error: 'unavailable', reason: 'offline' });
  }
  const text = await response.text();
  if (!response.ok) {
    let parsed = null;
    try {
      parsed = JSON.parse(text);
    } catch {
      // not JSON (a proxy's page): the status code says enough
    }
    throw new RefusedError(response.status, parsed ?? { error: statusCode(response.status) });
  }
  return text;
}

function statusCode(status) {
  return { 400: 'bad_request', 401: 'unauthorized', 403: 'forbidden', 404: 'not_found', 409: 'conflict',
    413: 'too_large', 429: 'rate_limited' }[status] ?? 'unavailable';
}

const meetingPath = (meetingId) => `/api/meetings/${encodeURIComponent(meetingId)}`;

export async function createMeeting(title, chairName, method, locale) {
  return JSON.parse(await call('POST', '/api/meetings', { title, chairName, method, locale }));
}

/** @param sameName true when the person confirmed they are someone else with a name already present */
export async function joinMeeting(meetingId, joinCode, name, role, sameName) {
  return JSON.parse(await call('POST', `${meetingPath(meetingId)}/participants`,
    { joinCode, name, role, sameName: sameName || undefined }));
}

/** What an invitation leads to before joining: {title, chairName, locale, method, participants}. */
export async function invitation(meetingId, joinCode) {
  return JSON.parse(await call('POST', `${meetingPath(meetingId)}/invitation`, { joinCode }));
}

/** A short-lived code that opens this person's own seat on another device. */
export async function deviceCode(meetingId, token) {
  return JSON.parse(await call('POST', `${meetingPath(meetingId)}/devices`, {}, token));
}

export async function claimDevice(meetingId, deviceCode) {
  return JSON.parse(await call('POST', `${meetingPath(meetingId)}/devices/claim`, { deviceCode }));
}

/** Signs in through a meeting platform with the proof its SDK gave; answers {meetingId, participantId, token, role}. */
export async function platformSession(platform, proof) {
  return JSON.parse(await call('POST', `/api/platform/${encodeURIComponent(platform)}/session`, proof));
}

export async function methods(locale) {
  return JSON.parse(await call('GET', `/api/methods?locale=${locale}`));
}

/** The summary as this person may read it, in parts to render, with its Markdown to copy and download. */
export async function summaryParts(meetingId, token) {
  return JSON.parse(await call('GET', `${meetingPath(meetingId)}/summary`, null, token, 'application/json'));
}
