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

/** A fetch that turns a refusal into a RefusedError; answers the response of a success. */
async function request(method, path, body, token, accept) {
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
  if (!response.ok) {
    const text = await response.text();
    let parsed = null;
    try {
      parsed = JSON.parse(text);
    } catch {
      // not JSON (a proxy's page): the status code says enough
    }
    throw new RefusedError(response.status, parsed ?? { error: statusCode(response.status) });
  }
  return response;
}

async function call(method, path, body, token, accept) {
  return (await request(method, path, body, token, accept)).text();
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

// Intervision groups (docs/PROTOCOL.md 2.10): every call but create and join carries the group token.
const groupPath = (groupId) => `/api/groups/${encodeURIComponent(groupId)}`;

async function groupCall(method, groupId, rest, body, token) {
  const text = await call(method, `${groupPath(groupId)}${rest}`, body, token);
  return text ? JSON.parse(text) : null;
}

/** @param g {name, language, method, usualMinutes, creatorName, role} */
export async function createGroup(g) {
  return JSON.parse(await call('POST', '/api/groups', g));
}

export async function joinGroup(groupId, joinCode, name, sameName) {
  return groupCall('POST', groupId, '/members', { joinCode, name, sameName: sameName || undefined });
}

/** The group as this member may see it, with a fresh token to keep. */
export async function group(groupId, token) {
  return groupCall('GET', groupId, '', null, token);
}

/** A short-lived code that opens this member's own seat in the group on another device. */
export async function groupDeviceCode(groupId, token) {
  return groupCall('POST', groupId, '/devices', {}, token);
}

/** Links this member's sign-in on the platform, proved by its SDK, to their seat; answers {linkedPlatforms}. */
export async function linkAccount(groupId, token, platform, proof) {
  return groupCall('PUT', groupId, `/accounts/${encodeURIComponent(platform)}`, proof, token);
}

export async function unlinkAccount(groupId, token, platform) {
  return groupCall('DELETE', groupId, `/accounts/${encodeURIComponent(platform)}`, null, token);
}

/** The groups in which this platform sign-in was linked, each with a token: {groups: [{groupId, name, memberId, role, token}]}. */
export async function platformGroups(platform, proof) {
  return JSON.parse(await call('POST', `/api/platform/${encodeURIComponent(platform)}/groups`, proof));
}

export async function claimGroupDevice(groupId, deviceCode) {
  return groupCall('POST', groupId, '/devices/claim', { deviceCode });
}

export async function startGroupMeeting(groupId, token, chairId, caseIds) {
  return groupCall('POST', groupId, '/meetings', { chairId, caseIds }, token);
}

/** One tap: a meeting token for this member's own seat, answered as a join (2.2). */
export async function takeSeat(groupId, token, meetingId) {
  return groupCall('POST', groupId, `/meetings/${encodeURIComponent(meetingId)}/seat`, {}, token);
}

export async function queueCase(groupId, token, title, note, urgent) {
  return groupCall('POST', groupId, '/cases', { title, note, urgent }, token);
}

export async function withdrawCase(groupId, token, caseId) {
  return groupCall('DELETE', groupId, `/cases/${encodeURIComponent(caseId)}`, null, token);
}

export async function markGroupActionPoint(groupId, token, pointId, status) {
  return groupCall('POST', groupId, `/action-points/${encodeURIComponent(pointId)}`, { status }, token);
}

export async function writeLearningPoint(groupId, token, text, sharing) {
  return groupCall('POST', groupId, '/learning-points', { text, sharing }, token);
}

/** @param change {sharing} and/or {note}: a short note of progress */
export async function changeLearningPoint(groupId, token, pointId, change) {
  return groupCall('PATCH', groupId, `/learning-points/${encodeURIComponent(pointId)}`, change, token);
}

export async function deleteLearningPoint(groupId, token, pointId) {
  return groupCall('DELETE', groupId, `/learning-points/${encodeURIComponent(pointId)}`, null, token);
}

export async function removeMember(groupId, token, memberId) {
  return groupCall('DELETE', groupId, `/members/${encodeURIComponent(memberId)}`, null, token);
}

export async function setMemberRole(groupId, token, memberId, role) {
  return groupCall('POST', groupId, `/members/${encodeURIComponent(memberId)}/role`, { role }, token);
}

export async function eraseGroup(groupId, token) {
  return groupCall('DELETE', groupId, '', null, token);
}

export async function correctAttendance(groupId, token, meetingId, memberId, minutes) {
  return groupCall('POST', groupId, `/register/${encodeURIComponent(meetingId)}/${encodeURIComponent(memberId)}`, { minutes }, token);
}

/** The register as a file (register.csv or register.html): fetched with the token, never with it in a URL. */
export async function registerFile(groupId, token, file) {
  return (await request('GET', `${groupPath(groupId)}/${file}`, null, token)).blob();
}
