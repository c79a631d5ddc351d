// Who this browser is in which meeting, kept across reloads. The token stays out of URLs.

const key = (meetingId) => `ivp.session.${meetingId}`;

export function save(meetingId, session) {
  localStorage.setItem(key(meetingId), JSON.stringify(session));
}

export function load(meetingId) {
  try {
    return JSON.parse(localStorage.getItem(key(meetingId)));
  } catch {
    return null;
  }
}

export function forget(meetingId) {
  localStorage.removeItem(key(meetingId));
}

/** An unsent card text survives a reload or a lost connection. */
export function saveDraft(meetingId, text) {
  if (text) {
    localStorage.setItem(`ivp.draft.${meetingId}`, text);
  } else {
    localStorage.removeItem(`ivp.draft.${meetingId}`);
  }
}

export function loadDraft(meetingId) {
  return localStorage.getItem(`ivp.draft.${meetingId}`) ?? '';
}
