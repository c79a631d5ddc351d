// One meeting this browser takes part in: the state the server sent, what this person is doing on
// the page (a card being written, an edit, a chosen name in a list), and the rendering of both.
// Updates from others never replace what someone is doing: lit-html keeps every element that is
// still there, and the page's own inputs are bound to this person's values, not to the meeting's.

import { html, render, nothing } from './lit.js';
import { t, local, language } from './i18n.js';
import { refusalText } from './refusals.js';
import * as api from './api.js';
import * as session from './session.js';
import { Connection } from './connection.js';
import { copyText } from './clipboard.js';
import { merge, presence, whatHappened } from './state.js';
import { phaseSection, button } from './view-phase.js';
import { speakingSection, turnSoundOn, playTurnSound } from './view-speaking.js';
import { boardSection } from './view-board.js';
import { actionSection, carriedSection } from './view-actions.js';
import { evaluationSection, summaryView } from './view-summary.js';
import { agendaSection } from './view-agenda.js';
import { peopleSection, inviteSection, chairSection, chairPresenceSection } from './view-people.js';
import { GroupLink } from './group-link.js';
import { groupNav, groupCaseView, learningInMeeting, nextCaseView } from './view-learning.js';

export class Meeting {
  constructor(id, known, places) {
    this.id = id;
    this.known = known;
    this.places = places; // {app, status, notices, announcer, title}
    this.state = null;
    this.meId = known.participantId;
    this.lastStatus = { state: 'connecting' };
    this.ui = { draft: session.loadDraft(id), kind: null, owner: null, editing: null, device: null,
      handOver: null, backup: null, removePerson: null, summary: null, notice: null, whileAway: null,
      pending: new Set() };
    this.storedSeq = session.lastSeq(id);
    this.connection = new Connection(known.token, this.storedSeq, {
      welcome: (frame) => this.welcome(frame),
      applied: (frame) => this.applied(frame),
      presence: (frame) => { if (this.state) { presence(this.state, frame.participants); this.render(); } },
      status: (state, detail) => { this.lastStatus = { state, detail }; this.render(); },
      closedForGood: (code) => this.closedForGood(code),
    });
  }

  start() {
    this.connection.start();
    // Timers count down on the page between frames; lit-html only touches the texts that changed.
    this.ticker = setInterval(() => this.state && this.render(), 250);
    window.intervisionPanel = { send: (command) => this.send(command) };
    this.render();
  }

  stop() {
    // A stopped meeting never paints again: a late frame, timer or answer must not cover the next screen.
    this.stopped = true;
    clearInterval(this.ticker);
    clearTimeout(this.awayTimer);
    clearTimeout(this.noticeTimer);
    this.connection.stop();
    delete window.intervisionPanel;
  }

  welcome(frame) {
    const hadState = this.state != null;
    this.state = frame.state ?? merge(this.state, frame.changes);
    if (!frame.state && frame.online) {
      // Presence frames missed while away are not replayed: the welcome says who is connected now.
      presence(this.state, frame.online.map((id) => ({ id, online: true })));
    }
    this.meId = frame.you.participantId;
    session.saveLastSeq(this.id, frame.seq);
    if (frame.missed && (hadState || this.storedSeq !== null)) {
      this.whileAway(frame.missed);
    }
    this.render();
  }

  whileAway(missed) {
    const w = whatHappened(missed, this.meId, this.state);
    const what = [];
    if (w.ended) what.push(t('endedMeanwhile'));
    if (w.phaseChanged) what.push(t('phaseNow', { phase: local(this.state.agenda[this.state.phase.index].name) }));
    if (w.cards) what.push(t('nCards', { n: w.cards }));
    if (w.joined) what.push(t('nJoined', { n: w.joined }));
    if (w.chairChanged) what.push(t('chairNow', { name: this.nameOf(w.chairChanged) }));
    if (what.length === 0 && w.batches > 0 && missed.some((m) => m.events.length > 0)) {
      what.push(t('nChanges', { n: w.batches }));
    }
    this.ui.whileAway = what.length ? t('whileAway', { what: what.join(', ') }) : null;
    clearTimeout(this.awayTimer);
    if (this.ui.whileAway) {
      this.awayTimer = setTimeout(() => { this.ui.whileAway = null; this.render(); }, 20000);
    }
  }

  applied(frame) {
    const phaseBefore = this.state.phase.index;
    const speakerBefore = this.state.speaking.current;
    if (frame.changes?.removedParticipants?.includes(this.meId)) {
      // The server closes the socket next (4401); say why when it does.
      this.removed = true;
    }
    if (frame.events?.some((e) => e.type === 'meetingEnded' && e.erased)) {
      // Erased at once: there is no summary to fetch, and asking would only be refused.
      this.summaryAsked = true;
      this.ui.summary = t('erasedNow');
    }
    merge(this.state, frame.changes);
    session.saveLastSeq(this.id, frame.seq);
    if (this.state.phase.index !== phaseBefore) {
      this.announce(t('announcePhase', { phase: local(this.state.agenda[this.state.phase.index].name) }));
    } else if (this.state.speaking.current && this.state.speaking.current !== speakerBefore) {
      this.announce(this.state.speaking.current === this.meId ? t('yourTurnNow')
        : t('announceSpeaker', { name: this.nameOf(this.state.speaking.current) }));
    }
    if (this.state.speaking.current === this.meId && speakerBefore !== this.meId && turnSoundOn()) {
      playTurnSound();
    }
    this.chairNotices(frame.events ?? []);
    if (this.ui.editing && !this.state.cards.some((c) => c.id === this.ui.editing.cardId)) {
      this.ui.editing = null;
    }
    this.render();
  }

  /** A change of chair the server made because the chair was away is told to everyone, not only shown in the list. */
  chairNotices(events) {
    for (const e of events) {
      if (e.type === 'chairHandedOver' && (e.reason === 'chair-offline' || e.reason === 'chair-taken')) {
        const text = t(e.reason === 'chair-offline' ? 'noticeBackupTookOver' : 'noticeChairTaken',
          { name: this.nameOf(e.to), former: this.nameOf(e.from) });
        this.notice(text);
        this.announce(text);
      } else if (e.type === 'chairOpened') {
        this.announce(t('chairOpen'));
      }
    }
  }

  closedForGood(code) {
    const reason = this.removed ? t('close_removed')
      : [4401, 4403, 4404].includes(code) ? t(`close_${code}`) : t('close_other', { code });
    this.ui.lost = t('lostForGood', { reason });
    if (code === 4401) {
      // This device's token no longer gets in: the invitation link must work again here.
      session.forget(this.id);
    }
    if (code === 4404) {
      this.state = this.state ?? null;
      if (this.state) this.state.status = 'ended';
      this.ui.gone = true;
    }
    this.render();
  }

  notice(text) {
    this.ui.notice = text;
    clearTimeout(this.noticeTimer);
    this.noticeTimer = setTimeout(() => { this.ui.notice = null; this.render(); }, 8000);
    this.render();
  }

  announce(text) {
    this.places.announcer.textContent = text;
  }

  nameOf(id) {
    return this.state.participants.find((p) => p.id === id)?.name ?? '—';
  }

  /** Sends a command; a refusal is shown in the person's language (the server's English stays for developers). */
  send(command) {
    const sent = this.connection.send(command);
    sent.catch((error) => this.notice(refusalText(language(), error)));
    return sent;
  }

  /** Whether a command sent with {@link once} under this key is still on its way. */
  pending(key) {
    return this.ui.pending.has(key);
  }

  /** Sends a command once: its control stays disabled until the server answered, so a double click sends nothing twice. */
  once(key, command) {
    if (this.ui.pending.has(key)) {
      return Promise.resolve();
    }
    this.ui.pending.add(key);
    this.render();
    const sent = this.send(command);
    const settle = () => { this.ui.pending.delete(key); this.render(); };
    sent.then(settle, settle);
    return sent;
  }

  setDraft(text) {
    this.ui.draft = text;
    session.saveDraft(this.id, text);
    this.render();
  }

  edit(card) {
    this.ui.editing = { cardId: card.id, text: card.text };
    this.render();
  }

  saveEdit() {
    const { cardId, text } = this.ui.editing;
    this.ui.editing = null;
    this.send({ type: 'editCard', cardId, text });
    this.render();
  }

  cancelEdit() {
    this.ui.editing = null;
    this.render();
  }

  async makeDeviceLink() {
    try {
      const answer = await api.deviceCode(this.id, this.known.token);
      this.ui.device = { link: `${location.origin}${location.pathname}#/device/${this.id}/${encodeURIComponent(answer.deviceCode)}`,
        expiresAt: answer.expiresAt };
    } catch (error) {
      this.notice(refusalText(language(), error));
    }
    this.render();
  }

  copy(text, message = t('copied')) {
    copyText(text).then((copied) => copied && this.notice(message));
  }

  /** Once the meeting ended: the summary as this person may read it; the token keeps working for it. */
  async showSummary() {
    if (this.summaryAsked) {
      return;
    }
    this.summaryAsked = true;
    try {
      this.ui.summary = await api.summaryParts(this.id, this.known.token);
    } catch (error) {
      this.ui.summary = refusalText(language(), error);
    }
    this.render();
  }

  joinUrl() {
    return `${location.origin}${location.pathname}#/join/${this.id}/${encodeURIComponent(this.state.joinCode ?? '')}`;
  }

  render() {
    if (this.stopped) {
      return;
    }
    render(this.statusView(), this.places.status);
    render(this.noticesView(), this.places.notices);
    render(this.mainView(), this.places.app);
  }

  statusView() {
    const { state, detail } = this.lastStatus;
    const text = state === 'online' ? t('online') : state === 'connecting' ? t('connecting')
      : state === 'reconnecting' ? t('reconnectingNow') : t('offline');
    return html`<span class="pill ${state === 'online' ? 'online' : 'offline'}" role="status"
      data-testid="connection" data-state=${state} title=${state === 'reconnecting' && detail ? t('reconnecting', { s: detail }) : nothing}>${text}</span>`;
  }

  noticesView() {
    const ui = this.ui;
    return html`${ui.lost ? html`<div class="banner" role="alert" data-testid="lost">${ui.lost}</div>` : nothing}
      ${ui.whileAway ? html`<div class="banner" role="status" data-testid="while-away">${ui.whileAway}
        <button type="button" class="small secondary" @click=${() => { ui.whileAway = null; this.render(); }}>${t('noticeDismiss')}</button></div>` : nothing}
      ${ui.notice ? html`<div class="banner notice" role="alert" data-testid="notice">${ui.notice}</div>` : nothing}`;
  }

  mainView() {
    const s = this.state;
    if (!s) {
      return this.ui.gone ? this.endedView(null) : html`<p class="muted" data-testid="loading">${t('connecting')}</p>`;
    }
    if (this.places.title.textContent !== s.title) {
      this.places.title.textContent = s.title;
      document.title = `${s.title} · Intervision Panel`;
    }
    const me = s.participants.find((p) => p.id === this.meId);
    if (!me) {
      return html`<p class="muted">${this.ui.lost ?? ''}</p>`;
    }
    const v = {
      state: s, me, ui: this.ui, now: this.connection.now(),
      isChair: me.role === 'chair', isCaseBringer: me.id === s.caseBringerId, joinUrl: this.joinUrl(),
      send: (command) => this.send(command), nameOf: (id) => this.nameOf(id), render: () => this.render(),
      once: (key, command) => this.once(key, command), pending: (key) => this.pending(key),
      setDraft: (text) => this.setDraft(text), edit: (card) => this.edit(card), saveEdit: () => this.saveEdit(),
      cancelEdit: () => this.cancelEdit(), makeDeviceLink: () => this.makeDeviceLink(), copy: (text) => this.copy(text),
    };
    if (s.groupId && this.group?.groupId !== s.groupId) {
      this.group = new GroupLink(s.groupId, this.id, () => this.render());
    }
    if (s.status === 'ended') {
      return this.endedView(v);
    }
    return html`${groupNav(this.group)}${chairPresenceSection(v)}${phaseSection(v)}${groupCaseView(v, this.group)}${carriedSection(v)}${learningInMeeting(v, this.group)}${speakingSection(v)}${boardSection(v)}${actionSection(v)}${evaluationSection(v)}${agendaSection(v)}${peopleSection(v)}
      ${s.joinCode ? inviteSection(v) : nothing}${v.isChair ? chairSection(v) : nothing}`;
  }

  endedView() {
    if (!this.summaryAsked) {
      queueMicrotask(() => this.showSummary());
    }
    return html`${groupNav(this.group)}${nextCaseView(this.group)}<section class="ended">
      <h3 data-testid="ended">${t('ended')}</h3>
      ${summaryView(this.ui.summary, { copy: (text) => this.copy(text, t('summaryCopied')) })}
    </section>`;
  }
}
