// One intervision group's page: the group as the server lets this member see it (GET /api/groups/{id}),
// what this person is typing or choosing on the page, and the intents they send. Every rule (who may
// mark, who sees the register, who is suggested to chair) is the server's; the page shows its answer.

import { html, nothing, render } from './lit.js';
import { t, language } from './i18n.js';
import { refusalText } from './refusals.js';
import * as api from './api.js';
import * as session from './session.js';
import * as myGroups from './my-groups.js';
import { copyText, saveFile } from './clipboard.js';
import { groupView } from './view-group.js';
import { currentHost, signsIn, proofFrom } from './hosts.js';

export class GroupPage {
  /**
   * @param known what this device keeps of the group ({groupId, memberId, name, token})
   * @param gone called with a text when this device is no longer in the group (left, removed, erased)
   */
  constructor(known, places, gone) {
    this.id = known.groupId;
    this.known = known;
    this.places = places;
    this.gone = gone;
    this.view = null;
    this.error = null;
    /** The platform the page runs in, when the panel can sign in through it: its sign-in can be linked. */
    const host = currentHost();
    this.host = host && signsIn(host) ? host : null;
    this.ui = { chairId: null, picked: [], caseForm: { title: '', note: '', urgent: false },
      learning: { text: '', sharing: 'private' }, notes: {}, removeMember: null, erase: null, notice: null,
      pending: new Set() };
  }

  async start() {
    this.render();
    await this.load();
    if (this.stopped) {
      return;
    }
    // The page is not live: it reads the group again now and then, and when it is looked at again, so a
    // meeting someone else started shows up with its "take my seat".
    this.poller = setInterval(() => document.visibilityState === 'visible' && this.load(), 30000);
    this.onVisible = () => document.visibilityState === 'visible' && this.load();
    document.addEventListener('visibilitychange', this.onVisible);
  }

  stop() {
    clearTimeout(this.noticeTimer);
    clearInterval(this.poller);
    document.removeEventListener('visibilitychange', this.onVisible);
    this.stopped = true;
  }

  async load() {
    try {
      const view = await api.group(this.id, this.known.token);
      if (this.stopped) {
        return;
      }
      this.view = view;
      this.error = null;
      // A fresh token each time the page is opened: a member who comes now and then stays in.
      this.known = { ...this.known, token: view.token ?? this.known.token, name: view.name, memberId: view.me.memberId };
      myGroups.remember(this.known);
    } catch (e) {
      if (!this.refusedForGood(e)) {
        this.error = refusalText(language(), e);
      }
    }
    this.render();
  }

  /**
   * A member who left or was removed, whose token is for another group or no longer valid, or whose group
   * was erased, is forgotten on this device and told so (PROTOCOL.md 2.10, the common refusals).
   */
  refusedForGood(e) {
    const gone = e.reason === 'group-not-found';
    if (gone || e.reason === 'not-a-group-member' || e.status === 401) {
      myGroups.forget(this.id);
      this.gone(gone ? t('groupGone') : t('groupNotMember'));
      return true;
    }
    return false;
  }

  /** Sends one intent; its control waits for the answer, and the page then shows the group as it is now. */
  async act(key, call, { reload = true, done } = {}) {
    if (this.ui.pending.has(key)) {
      return null;
    }
    this.ui.pending.add(key);
    this.render();
    let answer = null;
    try {
      answer = await call(this.known.token);
      done?.(answer);
      if (reload) {
        await this.load();
      }
    } catch (e) {
      if (!this.refusedForGood(e)) {
        this.notice(refusalText(language(), e));
      }
    } finally {
      this.ui.pending.delete(key);
      this.render();
    }
    return answer;
  }

  pending(key) {
    return this.ui.pending.has(key);
  }

  notice(text) {
    this.ui.notice = text;
    clearTimeout(this.noticeTimer);
    this.noticeTimer = setTimeout(() => { this.ui.notice = null; this.render(); }, 8000);
    this.render();
  }

  nameOf(memberId) {
    return this.view?.members.find((m) => m.id === memberId)?.name ?? '—';
  }

  joinUrl() {
    return `${location.origin}${location.pathname}#/group-join/${encodeURIComponent(this.id)}/${encodeURIComponent(this.view.joinCode ?? '')}`;
  }

  // The intents, one per control.

  startMeeting(chairId, caseIds) {
    return this.act('start-meeting', (token) => api.startGroupMeeting(this.id, token, chairId, caseIds),
      { done: () => { this.ui.picked = []; this.ui.chairId = null; } });
  }

  /** One tap into a meeting of the group: the seat's token is kept as a join's is, so a reload stays in. */
  async takeSeat(meetingId) {
    await this.act(`seat-${meetingId}`, (token) => api.takeSeat(this.id, token, meetingId), {
      reload: false,
      done: (seat) => {
        session.save(meetingId, { token: seat.token, participantId: seat.participantId });
        location.hash = `#/m/${meetingId}`;
      },
    });
  }

  queueCase() {
    const f = this.ui.caseForm;
    return this.act('queue-case', (token) => api.queueCase(this.id, token, f.title.trim(), f.note.trim(), f.urgent),
      { done: () => { this.ui.caseForm = { title: '', note: '', urgent: false }; } });
  }

  withdrawCase(caseId) {
    return this.act(`withdraw-${caseId}`, (token) => api.withdrawCase(this.id, token, caseId));
  }

  markPoint(pointId, status) {
    return this.act(`mark-${pointId}`, (token) => api.markGroupActionPoint(this.id, token, pointId, status),
      { done: () => this.notice(t('groupPointMarked', { status: t(`carried_${status}`) })) });
  }

  writeLearningPoint() {
    const f = this.ui.learning;
    return this.act('write-learning', (token) => api.writeLearningPoint(this.id, token, f.text.trim(), f.sharing),
      // Each new point starts private again: sharing is chosen per point, never carried over by accident.
      { done: () => { this.ui.learning = { text: '', sharing: 'private' }; } });
  }

  shareLearningPoint(pointId, sharing) {
    return this.act(`share-${pointId}`, (token) => api.changeLearningPoint(this.id, token, pointId, { sharing }));
  }

  noteLearningPoint(pointId) {
    const note = (this.ui.notes[pointId] ?? '').trim();
    return this.act(`note-${pointId}`, (token) => api.changeLearningPoint(this.id, token, pointId, { note }),
      { done: () => { delete this.ui.notes[pointId]; } });
  }

  deleteLearningPoint(pointId) {
    if (!confirm(t('confirmDeleteLearning'))) {
      return null;
    }
    return this.act(`delete-${pointId}`, (token) => api.deleteLearningPoint(this.id, token, pointId));
  }

  leave() {
    if (!confirm(t('confirmLeaveGroup', { name: this.view.name }))) {
      return null;
    }
    return this.act('leave', (token) => api.removeMember(this.id, token, this.view.me.memberId), {
      reload: false,
      done: () => { myGroups.forget(this.id); this.gone(t('groupLeft', { name: this.view.name })); },
    });
  }

  removeMember(memberId) {
    if (!confirm(t('confirmRemoveMember', { name: this.nameOf(memberId) }))) {
      return null;
    }
    return this.act('remove-member', (token) => api.removeMember(this.id, token, memberId),
      { done: () => { this.ui.removeMember = null; } });
  }

  /** A facilitator (begeleider) guides, brings no cases and is left out of the chair rotation. */
  setRole(memberId, role) {
    return this.act('set-role', (token) => api.setMemberRole(this.id, token, memberId, role),
      { done: () => { this.ui.roleMember = null; } });
  }

  /** Asked twice in words: a question that says what goes, then the group's name typed in. */
  askErase() {
    if (confirm(t('confirmEraseGroup', { name: this.view.name }))) {
      this.ui.erase = '';
      this.render();
    }
  }

  erase() {
    const name = this.view.name;
    return this.act('erase', (token) => api.eraseGroup(this.id, token), {
      reload: false,
      done: () => { myGroups.forget(this.id); this.gone(t('groupErased', { name })); },
    });
  }

  correctAttendance(meetingId, memberId, minutes) {
    return this.act('correct', (token) => api.correctAttendance(this.id, token, meetingId, memberId, minutes),
      { done: () => { this.ui.correctMinutes = null; } });
  }

  downloadRegister() {
    return this.act('register-csv', (token) => api.registerFile(this.id, token, 'register.csv'), {
      reload: false,
      done: (blob) => saveFile(blob, `${fileName(this.view.name)}-${t('registerFileWord')}.csv`),
    });
  }

  /** The printable register opens in a new tab from a Blob URL: the token stays out of every address. */
  printRegister() {
    // Opened before the answer arrives, so no pop-up blocker takes it for an unasked window.
    const tab = window.open('', '_blank');
    let opened = false;
    return this.act('register-print', (token) => api.registerFile(this.id, token, 'register.html'), {
      reload: false,
      done: (blob) => {
        const url = URL.createObjectURL(new Blob([blob], { type: 'text/html;charset=utf-8' }));
        if (tab) {
          tab.location.href = url;
        } else {
          window.open(url, '_blank');
        }
        opened = true;
        setTimeout(() => URL.revokeObjectURL(url), 60000);
      },
    }).then(() => {
      if (!opened) {
        tab?.close();
      }
    });
  }

  /** A link that opens this member's seat in the group on their other device (PROTOCOL 2.10, devices). */
  makeDeviceLink() {
    return this.act('device-link', (token) => api.groupDeviceCode(this.id, token), {
      reload: false,
      done: (answer) => {
        this.ui.device = { link: `${location.origin}${location.pathname}#/group-device/${encodeURIComponent(this.id)}/${encodeURIComponent(answer.deviceCode)}`,
          expiresAt: answer.expiresAt };
      },
    });
  }

  /** Links the sign-in of the platform the page runs in to this member's seat (PROTOCOL.md 2.10). */
  linkAccount() {
    const host = this.host;
    return this.act('link', async (token) => api.linkAccount(this.id, token, host, await proofFrom(host)));
  }

  unlinkAccount(platform) {
    return this.act(`unlink-${platform}`, (token) => api.unlinkAccount(this.id, token, platform));
  }

  copyLink() {
    copyText(this.joinUrl()).then((copied) => copied && this.notice(t('copied')));
  }

  render() {
    if (this.stopped) {
      return;
    }
    if (this.view) {
      this.places.title.textContent = this.view.name;
      document.title = `${this.view.name} · Intervision Panel`;
    }
    render(null, this.places.status);
    render(this.ui.notice ? html`<div class="banner notice" role="alert" data-testid="notice">${this.ui.notice}</div>` : nothing,
      this.places.notices);
    render(groupView(this), this.places.app);
  }
}

function fileName(name) {
  return name.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '').toLowerCase() || 'intervisie';
}
