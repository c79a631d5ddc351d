// The page: start a meeting or a group, join one through its link, open one's own seat from another
// device, and take part. Routes live in the fragment (#/join/{meeting}/{code}, #/device/{meeting}/{code},
// #/m/{meeting}, #/group-join/{group}/{code}, #/group-device/{group}/{code}, #/g/{group}) so codes never reach a server log; tokens
// stay in this device's storage.

import { html, render } from './lit.js';
import { t, language, setLanguage } from './i18n.js';
import { refusalText } from './refusals.js';
import * as api from './api.js';
import * as session from './session.js';
import { Meeting } from './meeting.js';
import { createView, joinView, messageView } from './view-start.js';
import { GroupPage } from './group.js';
import * as myGroups from './my-groups.js';
import { myGroupsView, createGroupView, joinGroupView } from './view-group-start.js';
import { currentHost, signsIn, proofFrom, platformName } from './hosts.js';

const places = {
  app: document.getElementById('app'),
  status: document.getElementById('status'),
  notices: document.getElementById('notices'),
  announcer: document.getElementById('announcer'),
  title: document.getElementById('title'),
};
let meeting = null;
/** The group page shown now, if any. */
let groupPage = null;
/** The screen shown when no meeting is: a function that renders it again (after a language switch). */
let screen = null;

function show(view) {
  screen = view;
  render(null, places.status);
  render(null, places.notices);
  places.title.textContent = t('appName');
  render(view(), places.app);
}

function refresh() {
  if (meeting) {
    meeting.render();
  } else if (groupPage) {
    groupPage.render();
  } else if (screen) {
    render(screen(), places.app);
  }
}

function route() {
  const [, view, meetingId, code] = location.hash.split('/');
  if (meeting && (view !== 'm' || meeting.id !== meetingId)) {
    meeting.stop();
    meeting = null;
  }
  if (groupPage && (view !== 'g' || groupPage.id !== meetingId)) {
    groupPage.stop();
    groupPage = null;
  }
  if (view === 'platform' && meetingId) {
    // #/platform/jitsi/{room}/{jwt}: the page beside a Jitsi meeting passes the meeting's own token.
    signInThrough(meetingId, { room: decodeURIComponent(code ?? ''), token: decodeURIComponent(location.hash.split('/')[4] ?? '') });
    return;
  }
  const host = currentHost();
  if (!view && host && signsIn(host)) {
    proofFrom(host).then((proof) => signInThrough(host, proof)).catch((e) => signInFailed(host, e));
    return;
  }
  if (view === 'join' && meetingId && code) {
    if (session.load(meetingId)) {
      // Already in this meeting on this device: the invitation link brings you back to your seat.
      enter(meetingId);
      return;
    }
    showJoin(meetingId, decodeURIComponent(code));
  } else if (view === 'device' && meetingId && code) {
    claimDevice(meetingId, decodeURIComponent(code));
  } else if (view === 'group-join' && meetingId && code) {
    if (myGroups.find(meetingId)) {
      // Already a member on this device: the group's link brings you to its page.
      enterGroup(meetingId);
      return;
    }
    groupThroughPlatform(meetingId, () => showJoinGroup(meetingId, decodeURIComponent(code)));
  } else if (view === 'group-device' && meetingId && code) {
    claimGroupDevice(meetingId, decodeURIComponent(code));
  } else if (view === 'g' && meetingId) {
    const known = myGroups.find(meetingId);
    if (!known) {
      groupThroughPlatform(meetingId, () => show(() => messageView(t('groupNotOnDevice'), { testid: 'not-in-group' })));
      return;
    }
    if (!groupPage) {
      screen = null;
      groupPage = new GroupPage(known, places, (text) => {
        groupPage?.stop();
        groupPage = null;
        show(() => messageView(text, { alert: true, testid: 'not-in-group' }));
      });
      render(null, places.notices);
      groupPage.start();
    }
  } else if (view === 'm' && meetingId) {
    const known = session.load(meetingId);
    if (!known) {
      show(() => messageView(t('notInMeeting'), { testid: 'not-in-meeting' }));
      return;
    }
    if (!meeting) {
      screen = null;
      meeting = new Meeting(meetingId, known, places);
      meeting.start();
    }
  } else {
    showCreate();
  }
}

/** Goes to the meeting's own address, replacing the one with a code in it, so no code stays in the history. */
function enter(meetingId) {
  history.replaceState(null, '', `${location.pathname}${location.search}#/m/${meetingId}`);
  route();
}

function enterGroup(groupId) {
  history.replaceState(null, '', `${location.pathname}${location.search}#/g/${groupId}`);
  route();
}

async function signInThrough(platform, proof) {
  show(() => messageView(t('signingIn', { platform }), { testid: 'signing-in' }));
  try {
    const signedIn = await api.platformSession(platform, proof);
    session.save(signedIn.meetingId, { token: signedIn.token, participantId: signedIn.participantId });
    // Before entering, so that a group opened right after finds itself known on this device.
    await rememberGroupsOf(platform, proof);
    enter(signedIn.meetingId);
  } catch (e) {
    signInFailed(platform, e);
  }
}

/**
 * The groups in which this person linked their platform sign-in become known on this device too, so a
 * new laptop inside the platform opens them without a code. Returns whether any was found.
 */
async function rememberGroupsOf(platform, proof) {
  try {
    const { groups } = await api.platformGroups(platform, proof);
    groups.forEach((g) => myGroups.remember({ groupId: g.groupId, memberId: g.memberId, name: g.name, token: g.token }));
    return groups.length > 0;
  } catch {
    // Not knowing one's groups here is no reason to keep anyone out of the meeting.
    return false;
  }
}

/** Inside a platform, a group this device does not know yet may know the person's sign-in. */
async function groupThroughPlatform(groupId, otherwise) {
  const host = currentHost();
  if (host && signsIn(host)) {
    show(() => messageView(t('signingIn', { platform: platformName(host) }), { testid: 'signing-in' }));
    try {
      await rememberGroupsOf(host, await proofFrom(host));
    } catch {
      // The platform gave no proof: the code is the way in, as outside a platform.
    }
    if (myGroups.find(groupId)) {
      enterGroup(groupId);
      return;
    }
  }
  otherwise();
}

function signInFailed(platform, error) {
  const message = error instanceof api.RefusedError ? refusalText(language(), error) : error.message;
  show(() => messageView(t('signInFailed', { platform, message }), { alert: true }));
}

function showCreate() {
  const form = { title: '', name: '', method: 'vijfstappenmethode', methods: [], error: null, busy: false };
  form.set = (field, value) => { form[field] = value; };
  form.submit = async () => {
    form.busy = true;
    refresh();
    try {
      const created = await api.createMeeting(form.title, form.name, form.method || undefined, language());
      session.save(created.meetingId, { token: created.token, participantId: created.participantId });
      location.hash = `#/m/${created.meetingId}`;
    } catch (e) {
      form.error = refusalText(language(), e);
    }
    form.busy = false;
    refresh();
  };
  const group = groupForm();
  show(() => html`${myGroupsView(myGroups.all())}${createView(form)}${createGroupView(group)}`);
  api.methods(language()).then((catalogue) => {
    form.methods = catalogue.methods;
    group.methods = catalogue.methods;
    refresh();
  }).catch(() => {
    // without the list the server's default method is used
  });
}

/** Starting a group: its creator becomes its first member (or its facilitator) and lands on its page. */
function groupForm() {
  const form = { name: '', language: language(), method: 'vijfstappenmethode', usualMinutes: 180, creatorName: '',
    facilitator: false, methods: [], error: null, busy: false };
  form.set = (field, value) => { form[field] = value; };
  form.submit = async () => {
    form.busy = true;
    form.error = null;
    refresh();
    try {
      const created = await api.createGroup({ name: form.name, language: form.language, method: form.method || undefined,
        usualMinutes: Number(form.usualMinutes), creatorName: form.creatorName, role: form.facilitator ? 'facilitator' : 'member' });
      myGroups.remember({ groupId: created.groupId, memberId: created.memberId, name: form.name.trim(), token: created.token });
      location.hash = `#/g/${created.groupId}`;
      return;
    } catch (e) {
      form.error = refusalText(language(), e);
    }
    form.busy = false;
    refresh();
  };
  return form;
}

async function claimGroupDevice(groupId, deviceCode) {
  show(() => messageView(t('claimingDevice'), { testid: 'claiming' }));
  try {
    const claimed = await api.claimGroupDevice(groupId, deviceCode);
    myGroups.remember({ groupId, memberId: claimed.memberId, name: null, token: claimed.token });
    enterGroup(groupId);
  } catch (e) {
    show(() => messageView(t('claimFailed', { message: refusalText(language(), e) }), { alert: true, testid: 'claim-failed' }));
  }
}

/**
 * Sends a join form: whoever joins goes in; a name someone there already has is asked about first
 * (name-taken: the same person on another device, or someone else of that name); other refusals are said.
 */
async function submitJoin(form, join) {
  form.busy = true;
  form.error = null;
  refresh();
  try {
    await join();
    return;
  } catch (e) {
    if (e.reason === 'name-taken') {
      form.taken = e.params?.name ?? form.name.trim();
    } else {
      form.error = refusalText(language(), e);
    }
  }
  form.busy = false;
  refresh();
}

function showJoinGroup(groupId, code) {
  const form = { name: '', taken: null, error: null, busy: false };
  form.set = (field, value) => {
    form[field] = value;
    if (field === 'name' && form.taken) {
      form.taken = null;
      refresh();
    }
  };
  form.submit = (sameName) => submitJoin(form, async () => {
    const joined = await api.joinGroup(groupId, code, form.name, sameName);
    myGroups.remember({ groupId, memberId: joined.memberId, name: null, token: joined.token });
    enterGroup(groupId);
  });
  show(() => joinGroupView(form));
}

function showJoin(meetingId, code) {
  const form = { name: '', observer: false, taken: null, error: null, busy: false, invitation: null };
  // Says where the link leads before anyone types a name; a wrong or spent link says so right away.
  api.invitation(meetingId, code).then((found) => { form.invitation = found; refresh(); },
    (e) => { form.error = refusalText(language(), e); refresh(); });
  form.set = (field, value) => {
    form[field] = value;
    if (field === 'name') {
      form.taken = null;
      refresh();
    }
  };
  form.submit = (sameName) => submitJoin(form, async () => {
    const joined = await api.joinMeeting(meetingId, code, form.name, form.observer ? 'observer' : 'participant', sameName);
    session.save(meetingId, { token: joined.token, participantId: joined.participantId });
    enter(meetingId);
  });
  show(() => joinView(form));
}

async function claimDevice(meetingId, deviceCode) {
  show(() => messageView(t('claimingDevice'), { testid: 'claiming' }));
  try {
    const claimed = await api.claimDevice(meetingId, deviceCode);
    session.save(meetingId, { token: claimed.token, participantId: claimed.participantId });
    enter(meetingId);
  } catch (e) {
    show(() => messageView(t('claimFailed', { message: refusalText(language(), e) }), { alert: true, testid: 'claim-failed' }));
  }
}

function setUpSwitches() {
  const theme = localStorage.getItem('ivp.theme')
    ?? (matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light');
  document.documentElement.dataset.theme = theme;
  document.getElementById('language').addEventListener('click', () => {
    setLanguage(language() === 'nl' ? 'en' : 'nl');
    labelSwitches();
    refresh();
  });
  document.getElementById('theme').addEventListener('click', () => {
    const next = document.documentElement.dataset.theme === 'dark' ? 'light' : 'dark';
    document.documentElement.dataset.theme = next;
    localStorage.setItem('ivp.theme', next);
    labelSwitches();
  });
  labelSwitches();
}

function labelSwitches() {
  const lang = document.getElementById('language');
  lang.textContent = t('language');
  lang.setAttribute('aria-label', t('languageLabel'));
  const theme = document.getElementById('theme');
  theme.textContent = document.documentElement.dataset.theme === 'dark' ? t('themeLight') : t('themeDark');
  theme.setAttribute('aria-label', t('themeLabel'));
}

// Everything above is defined before the first route runs: a reload straight into #/m/... works.
setUpSwitches();
window.addEventListener('hashchange', route);
route();
