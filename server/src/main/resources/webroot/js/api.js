// The REST calls: create a meeting, join one, read the catalogue and the summary.

async function call(method, path, body, token) {
  const headers = { 'Content-Type': 'application/json' };
  if (token) {
    headers.Authorization = `Bearer ${token}`;
  }
  const response = await fetch(path, { method, headers, body: body ? JSON.stringify(body) : undefined });
  const text = await response.text();
  if (!response.ok) {
    let message = text;
    try {
      message = JSON.parse(text).message;
    } catch {
      // not JSON: show the raw text
    }
    throw new Error(message || response.statusText);
  }
  return text;
}

export async function createMeeting(title, chairName, method, locale) {
  return JSON.parse(await call('POST', '/api/meetings', { title, chairName, method, locale }));
}

export async function joinMeeting(meetingId, joinCode, name, role) {
  return JSON.parse(await call('POST', `/api/meetings/${encodeURIComponent(meetingId)}/participants`, { joinCode, name, role }));
}

/** Signs in through a meeting platform with the proof its SDK gave; answers {meetingId, participantId, token, role}. */
export async function platformSession(platform, proof) {
  return JSON.parse(await call('POST', `/api/platform/${encodeURIComponent(platform)}/session`, proof));
}

export async function methods(locale) {
  return JSON.parse(await call('GET', `/api/methods?locale=${locale}`));
}

export async function summary(meetingId, token) {
  return call('GET', `/api/meetings/${encodeURIComponent(meetingId)}/summary`, null, token);
}
