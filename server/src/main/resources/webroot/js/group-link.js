// A meeting of a group, seen from inside the meeting: the member's own learning points (read with the
// group token this device keeps, if it keeps one), a progress note on them, the way back to the
// group's page, and the group meeting's next case once this one has ended.

import { t, language } from './i18n.js';
import { refusalText } from './refusals.js';
import * as api from './api.js';
import * as session from './session.js';
import * as myGroups from './my-groups.js';

export class GroupLink {
  /** @param changed called whenever what this shows has changed (to render the meeting again) */
  constructor(groupId, meetingId, changed) {
    this.groupId = groupId;
    this.meetingId = meetingId;
    this.changed = changed;
    this.view = null;
    this.error = null;
    this.moments = new Set();
    this.notes = {};
    this.pending = new Set();
  }

  /** Whether this device is a member of the group (only then is there anything to fetch). */
  get known() {
    return myGroups.find(this.groupId);
  }

  /** Reads the group once per moment that needs it (a phase, the end), not on every render. */
  need(moment) {
    if (!this.known || this.moments.has(moment)) {
      return;
    }
    this.moments.add(moment);
    this.load();
  }

  async load() {
    const known = this.known;
    if (!known) {
      return;
    }
    try {
      this.view = await api.group(this.groupId, known.token);
      myGroups.remember({ ...known, token: this.view.token ?? known.token, name: this.view.name });
      this.error = null;
    } catch (e) {
      if (e.status === 401 || e.reason === 'not-a-group-member' || e.reason === 'group-not-found') {
        myGroups.forget(this.groupId);
        this.view = null;
      }
      this.error = refusalText(language(), e);
    }
    this.changed();
  }

  myLearningPoints() {
    const me = this.view?.me.memberId;
    return (this.view?.learningPoints ?? []).filter((p) => p.memberId === me);
  }

  async addNote(pointId) {
    const known = this.known;
    const note = (this.notes[pointId] ?? '').trim();
    if (!known || !note || this.pending.has(pointId)) {
      return;
    }
    this.pending.add(pointId);
    this.changed();
    try {
      await api.changeLearningPoint(this.groupId, known.token, pointId, { note });
      delete this.notes[pointId];
      await this.load();
    } catch (e) {
      this.error = refusalText(language(), e);
    } finally {
      this.pending.delete(pointId);
      this.changed();
    }
  }

  /** This meeting's case as the group planned it ({title, caseBringerId} of a queued case), if any. */
  thisCase() {
    for (const m of this.view?.meetings ?? []) {
      const round = m.cases.find((c) => c.meetingId === this.meetingId);
      if (round) {
        return round;
      }
    }
    return null;
  }

  memberName(memberId) {
    return this.view?.members.find((m) => m.id === memberId)?.name ?? null;
  }

  /** The case that comes after this meeting's in the same group meeting, if there is one. */
  nextCase() {
    for (const m of this.view?.meetings ?? []) {
      const at = m.cases.findIndex((c) => c.meetingId === this.meetingId);
      if (at >= 0) {
        return m.cases[at + 1] ?? null;
      }
    }
    return null;
  }

  async takeSeat(meetingId) {
    const known = this.known;
    if (!known || this.pending.has(meetingId)) {
      return;
    }
    this.pending.add(meetingId);
    this.changed();
    try {
      const seat = await api.takeSeat(this.groupId, known.token, meetingId);
      session.save(meetingId, { token: seat.token, participantId: seat.participantId });
      location.hash = `#/m/${meetingId}`;
    } catch (e) {
      this.error = refusalText(language(), e);
    } finally {
      this.pending.delete(meetingId);
      this.changed();
    }
  }

  groupName() {
    return this.view?.name ?? this.known?.name ?? t('groupPage');
  }
}
