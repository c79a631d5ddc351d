// What this device remembers of each meeting it takes part in, across reloads and tabs: who you are
// (the token never goes into a URL), the last seq seen (so a reopened panel can say what happened
// meanwhile) and the card being written.

const key = (meetingId) => `ivp.session.${meetingId}`;

export function save(meetingId, session) {
  localStorage.setItem(key(meetingId), JSON.stringify(session));
}

export function load(meetingId) {
  try {
    const session = JSON.parse(localStorage.getItem(key(meetingId)));
    return session?.token ? session : null;
  } catch {
    return null;
  }
}

export function forget(meetingId) {
  localStorage.removeItem(key(meetingId));
  localStorage.removeItem(`ivp.seq.${meetingId}`);
  localStorage.removeItem(`ivp.draft.${meetingId}`);
}

/** The last seq this device applied; null when it never saw the meeting. */
export function lastSeq(meetingId) {
  const seq = Number.parseInt(localStorage.getItem(`ivp.seq.${meetingId}`) ?? '', 10);
  return Number.isInteger(seq) && seq >= 0 ? seq : null;
}

export function saveLastSeq(meetingId, seq) {
  localStorage.setItem(`ivp.seq.${meetingId}`, String(seq));
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

/**
 * A command id unique for this person across devices, tabs and reloads. crypto.randomUUID exists
 * only in secure contexts (https, localhost); getRandomValues works over plain http on a LAN too.
 */
export function newId() {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
