// The page: start a meeting, join one through its link, and take part. Routes live in the
// fragment (#/join/{meeting}/{code}, #/m/{meeting}) so the join code never reaches a server log.

import { h, replace } from './dom.js';
import { t, local, language, setLanguage } from './i18n.js';
import * as api from './api.js';
import * as session from './session.js';
import { Connection } from './connection.js';
import { applyEvents, presence } from './meeting-state.js';
import { meetingView, tick } from './meeting-view.js';
import { currentHost, signsIn, proofFrom } from './hosts.js';

const app = document.getElementById('app');
const banner = document.getElementById('banner');
const announcer = document.getElementById('announcer');
const connectionPill = document.getElementById('connection');
let meeting = null;

setUpSwitches();
window.addEventListener('hashchange', route);
route();

function setUpSwitches() {
  const theme = localStorage.getItem('ivp.theme')
    ?? (matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light');
  document.documentElement.dataset.theme = theme;
  document.getElementById('language').addEventListener('click', () => {
    setLanguage(language() === 'nl' ? 'en' : 'nl');
    labelSwitches();
    meeting ? meeting.render() : route();
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

function route() {
  const [, view, meetingId, code] = location.hash.split('/');
  if (meeting && meeting.id !== meetingId) {
    meeting.stop();
    meeting = null;
  }
  if (view === 'platform' && meetingId) {
    // #/platform/jitsi/{room}/{jwt}: the page beside a Jitsi meeting passes the meeting's own token.
    signInThrough(meetingId, { room: decodeURIComponent(code ?? ''), token: decodeURIComponent(location.hash.split('/')[4] ?? '') });
    return;
  }
  const host = currentHost();
  if (!view && host && signsIn(host)) {
    proofFrom(host).then((proof) => signInThrough(host, proof)).catch((e) => showSignInFailure(host, e));
    return;
  }
  if (view === 'join' && meetingId && code) {
    const known = session.load(meetingId);
    if (known) {
      location.hash = `#/m/${meetingId}`;
      return;
    }
    showJoin(meetingId, decodeURIComponent(code));
  } else if (view === 'm' && meetingId) {
    const known = session.load(meetingId);
    if (!known) {
      replace(app, h('section', {}, h('p', {}, t('notInMeeting')), h('a', { href: '#/' }, t('backHome'))));
      return;
    }
    if (!meeting) {
      meeting = new Meeting(meetingId, known);
      meeting.start();
    }
  } else {
    showCreate();
  }
}

async function signInThrough(platform, proof) {
  replace(app, h('section', {}, h('p', { 'data-testid': 'signing-in' }, t('signingIn', { platform }))));
  try {
    const signedIn = await api.platformSession(platform, proof);
    session.save(signedIn.meetingId, { token: signedIn.token, participantId: signedIn.participantId });
    // Replace, so the token in a Jitsi fragment does not stay in the history.
    history.replaceState(null, '', `${location.pathname}${location.search}#/m/${signedIn.meetingId}`);
    route();
  } catch (e) {
    showSignInFailure(platform, e);
  }
}

function showSignInFailure(platform, error) {
  replace(app, h('section', {}, h('p', { role: 'alert' }, t('signInFailed', { platform, message: error.message })),
    h('a', { href: '#/' }, t('backHome'))));
}

async function showCreate() {
  document.getElementById('title').textContent = t('appName');
  const title = h('input', { id: 'meeting-title', required: true, maxlength: 120, 'data-key': 'meeting-title' });
  const name = h('input', { id: 'chair-name', required: true, maxlength: 60, autocomplete: 'name', 'data-key': 'chair-name' });
  const method = h('select', { id: 'method', 'data-key': 'method' });
  const error = h('p', { class: 'muted', role: 'alert' });
  const form = h('form', { onSubmit: async (event) => {
    event.preventDefault();
    try {
      const created = await api.createMeeting(title.value, name.value, method.value || undefined, language());
      session.save(created.meetingId, { token: created.token, participantId: created.participantId, joinUrl: created.joinUrl });
      location.hash = `#/m/${created.meetingId}`;
    } catch (e) {
      error.textContent = t('refused', { message: e.message });
    }
  } },
  h('h2', {}, t('createTitle')),
  h('label', { for: 'meeting-title' }, t('meetingTitle')), title,
  h('label', { for: 'chair-name' }, t('yourName')), name,
  h('label', { for: 'method' }, t('method')), method,
  h('div', { class: 'row' }, h('button', { type: 'submit', 'data-testid': 'create' }, t('create'))),
  h('p', { class: 'muted' }, t('createHint')), error);
  replace(app, h('section', {}, form), h('p', { class: 'muted' }, t('joinHint')));
  try {
    const catalogue = await api.methods(language());
    for (const m of catalogue.methods) {
      method.append(h('option', { value: m.id, selected: m.id === 'vijfstappenmethode' }, m.name));
    }
  } catch {
    // without the list the server's default method is used
  }
}

function showJoin(meetingId, code) {
  const name = h('input', { id: 'join-name', required: true, maxlength: 60, autocomplete: 'name', 'data-key': 'join-name' });
  const observer = h('input', { id: 'observer', type: 'checkbox', 'data-key': 'observer' });
  const error = h('p', { class: 'muted', role: 'alert' });
  replace(app, h('section', {}, h('form', { onSubmit: async (event) => {
    event.preventDefault();
    try {
      const joined = await api.joinMeeting(meetingId, code, name.value, observer.checked ? 'observer' : 'participant');
      session.save(meetingId, { token: joined.token, participantId: joined.participantId, joinUrl: location.href });
      location.hash = `#/m/${meetingId}`;
    } catch (e) {
      error.textContent = t('refused', { message: e.message });
    }
  } },
  h('h2', {}, t('joinTitle')),
  h('label', { for: 'join-name' }, t('yourName')), name,
  h('label', { class: 'row' }, observer, t('observer')),
  h('div', { class: 'row' }, h('button', { type: 'submit', 'data-testid': 'join' }, t('join'))),
  error)));
}

/** One meeting this browser takes part in. */
class Meeting {
  constructor(id, known) {
    this.id = id;
    this.known = known;
    this.state = null;
    this.me = null;
    this.editing = null;
    this.summaryText = null;
    this.draft = h('textarea', { id: 'card-text', maxlength: 1000, 'data-key': 'card-text', 'data-testid': 'card-text',
      onInput: () => session.saveDraft(this.id, this.draft.value) });
    this.draft.value = session.loadDraft(id);
    this.kind = h('select', { id: 'card-kind', 'data-key': 'card-kind' });
    this.connection = new Connection(known.token, {
      welcome: (frame) => this.welcome(frame),
      applied: (frame) => this.applied(frame),
      presence: (frame) => { presence(this.state, frame.participants); this.render(); },
      status: (state, detail) => this.status(state, detail),
      closedForGood: (code) => this.closedForGood(code),
    });
    this.ticker = null;
  }

  start() {
    this.connection.start();
    this.ticker = setInterval(() => this.state && tick(app, this.state, this.connection.now()), 250);
  }

  stop() {
    clearInterval(this.ticker);
    this.connection.stop();
  }

  welcome(frame) {
    const before = this.state;
    this.state = frame.state;
    this.state.phase.timerReason = undefined;
    this.meId = frame.you.participantId;
    if (before && frame.missed) {
      this.whileAway(before, frame.missed);
    } else if (before) {
      this.showBanner(null);
    }
    this.render();
  }

  whileAway(before, missed) {
    const events = missed.flatMap((m) => m.events);
    if (events.length === 0) {
      this.showBanner(null);
      return;
    }
    const cards = events.filter((e) => e.type === 'cardAdded').length;
    const what = [t('nChanges', { n: missed.length })];
    if (cards) what.push(t('nCards', { n: cards }));
    if (before.phase.index !== this.state.phase.index) {
      what.push(t('phaseNow', { phase: local(this.state.agenda[this.state.phase.index].name) }));
    }
    this.showBanner(t('whileAway', { what: what.join(', ') }), 8000);
  }

  applied(frame) {
    if (frame.events.some((e) => e.type === 'participantRemoved' && e.participantId === this.meId)) {
      // The server closes the socket next (4401); keep the page as it was and say why when it does.
      this.removed = true;
      return;
    }
    const phaseBefore = this.state.phase.index;
    const speakerBefore = this.state.speaking.current;
    applyEvents(this.state, frame.events);
    if (this.state.phase.index !== phaseBefore) {
      this.announce(t('announcePhase', { phase: local(this.state.agenda[this.state.phase.index].name) }));
    } else if (this.state.speaking.current && this.state.speaking.current !== speakerBefore) {
      this.announce(t('announceSpeaker', { name: this.nameOf(this.state.speaking.current) }));
    }
    this.render();
  }

  status(state, detail) {
    connectionPill.hidden = false;
    connectionPill.className = `pill ${state === 'online' ? 'online' : 'offline'}`;
    connectionPill.textContent = state === 'online' ? t('online') : state === 'connecting' ? t('connecting') : t('offline');
    connectionPill.dataset.testid = 'connection';
    connectionPill.dataset.state = state;
    if (state === 'reconnecting') {
      this.showBanner(t('reconnecting', { s: detail }));
    }
  }

  closedForGood(code) {
    const reason = this.removed ? t('close_removed')
      : [4401, 4403, 4404].includes(code) ? t(`close_${code}`) : t('close_other', { code });
    this.showBanner(t('lostForGood', { reason }));
    if (code === 4404 && this.state) {
      this.state.status = 'ended';
      this.render();
    }
  }

  showBanner(text, hideAfterMs) {
    clearTimeout(this.bannerTimer);
    banner.hidden = !text;
    banner.textContent = text ?? '';
    if (text && hideAfterMs) {
      this.bannerTimer = setTimeout(() => { banner.hidden = true; }, hideAfterMs);
    }
  }

  notice(text) {
    this.showBanner(text, 3000);
  }

  announce(text) {
    announcer.textContent = text;
  }

  nameOf(id) {
    return this.state.participants.find((p) => p.id === id)?.name ?? '—';
  }

  send(command) {
    return this.connection.send(command).catch((e) => this.notice(t('refused', { message: e.message })));
  }

  compose(kinds) {
    const current = this.kind.value;
    this.kind.replaceChildren(...kinds.map((k) => h('option', { value: k, selected: k === current }, t(`kind_${k}`))));
    const people = this.state.participants.filter((p) => p.role !== 'observer');
    const owner = h('select', { id: 'card-owner', 'data-key': 'card-owner' },
      people.map((p) => h('option', { value: p.id, selected: p.id === this.meId }, p.name)));
    const submit = () => {
      const text = this.draft.value.trim();
      if (!text) {
        return;
      }
      const kind = this.kind.value || kinds[0];
      this.send({ type: 'addCard', text, kind, ownerId: kind === 'action-point' ? owner.value : undefined });
      // The command is kept by the connection until acknowledged, so clearing here loses nothing.
      this.draft.value = '';
      session.saveDraft(this.id, '');
    };
    return h('div', {},
      h('label', { for: 'card-text' }, t('newCard')), this.draft,
      kinds.length > 1 ? [h('label', { for: 'card-kind' }, t('kind')), this.kind] : null,
      kinds.includes('action-point') ? [h('label', { for: 'card-owner' }, t('owner')), owner] : null,
      h('div', { class: 'row' }, h('button', { type: 'button', 'data-key': 'add-card', 'data-testid': 'add-card', onClick: submit }, t('addCard'))));
  }

  edit(card) {
    this.editing = card.id;
    this.render();
  }

  editor(card) {
    const area = h('textarea', { maxlength: 1000, 'data-key': `editor-${card.id}`, 'aria-label': t('edit') });
    area.value = card.text;
    return h('div', {}, area, h('div', { class: 'row' },
      h('button', { type: 'button', 'data-key': `save-${card.id}`, onClick: () => {
        this.send({ type: 'editCard', cardId: card.id, text: area.value });
        this.editing = null;
        this.render();
      } }, t('save')),
      h('button', { type: 'button', class: 'secondary', 'data-key': `cancel-${card.id}`, onClick: () => {
        this.editing = null;
        this.render();
      } }, t('cancel'))));
  }

  async showSummary() {
    try {
      this.summaryText = await api.summary(this.id, this.known.token);
    } catch (e) {
      this.summaryText = t('refused', { message: e.message });
    }
    this.render();
  }

  render() {
    if (!this.state) {
      return;
    }
    const me = this.state.participants.find((p) => p.id === this.meId);
    document.getElementById('title').textContent = this.state.title;
    const view = {
      state: this.state,
      me,
      isChair: me.role === 'chair',
      isCaseBringer: me.id === this.state.caseBringerId,
      joinUrl: this.joinUrl(),
      editing: this.editing,
      summaryText: this.summaryText,
      send: (command) => this.send(command),
      nameOf: (id) => this.nameOf(id),
      notice: (text) => this.notice(text),
      compose: (phase) => this.compose(phase),
      edit: (card) => this.edit(card),
      editor: (card) => this.editor(card),
      showSummary: () => this.showSummary(),
    };
    replace(app, meetingView(view));
    tick(app, this.state, this.connection.now());
  }

  joinUrl() {
    return `${location.origin}/#/join/${this.id}/${encodeURIComponent(this.state.joinCode ?? '')}`;
  }
}
