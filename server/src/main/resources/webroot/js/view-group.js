// The group's page: the meeting that runs now (one tap to one's seat), the next meeting, the ones
// before, the case queue, the invitation, leaving, and what only who may manage does. What carries over
// (action points, learning points, the register) is in view-group-points.js.

import { html, nothing, repeat, live } from './lit.js';
import { t, day } from './i18n.js';
import { button } from './view-phase.js';
import { qr } from './view-people.js';
import { platformName } from './hosts.js';
import { actionPointsSection, learningSection, registerSection } from './view-group-points.js';

/** @param g the GroupPage */
export function groupView(g) {
  const v = g.view;
  if (!v) {
    return g.error
      ? html`<section><p role="alert" data-testid="group-error">${g.error}</p>
          ${button('group-retry', t('tryAgain'), () => g.load(), { kind: 'secondary' })}</section>`
      : html`<p class="muted" data-testid="loading">${t('loadingGroup')}</p>`;
  }
  const running = v.meetings.find((m) => m.endedAt == null);
  return html`<div class="group-page" data-testid="group-page" data-group-id=${v.groupId}>
    <header class="group-head">
      <h2 class="group-name" data-testid="group-name">${v.name}</h2>
      <p class="muted">${t('groupMeta', { name: v.me.name, role: t(`memberRole_${v.me.role}`), n: v.members.length })}</p>
    </header>
    ${running ? runningSection(g, running) : nextMeetingSection(g)}
    ${queueSection(g)}
    ${actionPointsSection(g)}
    ${learningSection(g)}
    ${meetingsSection(g)}
    ${registerSection(g)}
    ${membersSection(g)}
  </div>`;
}

function runningSection(g, m) {
  return html`<section class="running" aria-labelledby="running-title" data-testid="running-meeting">
    <h2 id="running-title">${t('meetingRunning')}</h2>
    <p>${t('chairedBy', { name: g.nameOf(m.chairId) })}</p>
    <ol class="seats">${m.cases.map((c, i) => html`<li>
      <p>${caseLine(g, c, i, m.cases.length)}</p>
      ${button(`take-seat-${i + 1}`, m.cases.length > 1 ? t('takeSeatCase', { n: i + 1 }) : t('takeSeat'),
        () => g.takeSeat(c.meetingId), { kind: 'prominent', disabled: g.pending(`seat-${c.meetingId}`) })}
    </li>`)}</ol>
  </section>`;
}

function caseLine(g, c, i, count) {
  // A case's title stays with the group only until its meeting ends (what carries over is points and the register).
  const by = c.caseBringerId ? t('broughtBy', { name: g.nameOf(c.caseBringerId) }) : null;
  const what = c.title ? (by ? `${c.title} · ${by}` : c.title) : by ? t('caseBroughtBy', { name: g.nameOf(c.caseBringerId) }) : t('caseInMeeting');
  return count > 1 ? `${t('caseNumber', { n: i + 1 })}: ${what}` : what;
}

function nextMeetingSection(g) {
  const v = g.view;
  const ui = g.ui;
  const chairs = v.members.filter((m) => m.role !== 'facilitator');
  const chairId = chairs.some((m) => m.id === ui.chairId) ? ui.chairId : v.suggestedChairId ?? chairs[0]?.id;
  const picked = ui.picked.filter((id) => v.caseQueue.some((c) => c.id === id));
  const toggle = (id, on) => {
    ui.picked = on ? [...picked, id] : picked.filter((x) => x !== id);
    g.render();
  };
  return html`<section aria-labelledby="next-title" data-testid="next-meeting">
    <h2 id="next-title">${t('nextMeeting')}</h2>
    <label for="next-chair">${t('chair')}</label>
    <select id="next-chair" data-testid="next-chair" @change=${(e) => { ui.chairId = e.target.value; g.render(); }}>
      ${repeat(chairs, (m) => m.id, (m) => html`<option value=${m.id} ?selected=${m.id === chairId}>${m.name}</option>`)}
    </select>
    ${v.suggestedChairId ? html`<p class="muted" data-testid="suggested-chair">${suggestion(g, v.suggestedChairId)}</p>` : nothing}
    <fieldset class="pick-cases">
      <legend>${t('pickCases')}</legend>
      ${v.caseQueue.length ? repeat(v.caseQueue, (c) => c.id, (c) => html`<label class="small-label">
          <input type="checkbox" data-testid=${`pick-case-${c.id}`} .checked=${live(picked.includes(c.id))}
            ?disabled=${!picked.includes(c.id) && picked.length >= 2} @change=${(e) => toggle(c.id, e.target.checked)}>
          ${c.urgent ? html`<span class="badge urgent">${t('urgent')}</span>` : nothing} ${c.title}
          <span class="muted">· ${g.nameOf(c.memberId)}</span></label>`)
        : html`<p class="muted">${t('noQueuedCases')}</p>`}
      <p class="muted">${picked.length ? t('casesPicked', { n: picked.length }) : t('caseChosenInMeeting')}</p>
    </fieldset>
    <p class="muted">${t('methodPreset', { minutes: v.usualMinutes })}</p>
    <div class="row">${button('start-group-meeting', t('startGroupMeeting'), () => g.startMeeting(chairId, picked),
      { disabled: !chairId || g.pending('start-meeting') })}</div>
  </section>`;
}

/** Why this member is suggested: the server's rotation, said in words the group can check against the list below. */
function suggestion(g, memberId) {
  const chaired = g.view.meetings.filter((m) => m.chairId === memberId);
  const name = g.nameOf(memberId);
  return chaired.length === 0 ? t('suggestedNever', { name })
    : t('suggestedLongAgo', { name, date: day(Math.max(...chaired.map((m) => m.startedAt))) });
}

function meetingsSection(g) {
  const meetings = g.view.meetings;
  return html`<section aria-labelledby="meetings-title" data-testid="group-meetings">
    <h2 id="meetings-title">${t('groupMeetings')}</h2>
    ${meetings.length ? html`<ul class="meetings">${repeat(meetings, (m) => m.id, (m) => html`
      <li data-testid="group-meeting" data-meeting-id=${m.id}>
        <strong>${day(m.startedAt)}</strong>${m.endedAt == null ? html` · <span class="badge">${t('now')}</span>` : nothing}
        <span class="muted"> · ${t('chairedBy', { name: g.nameOf(m.chairId) })}</span>
        <ul>${m.cases.map((c, i) => html`<li>${caseLine(g, c, i, m.cases.length)}</li>`)}</ul>
      </li>`)}</ul>` : html`<p class="muted">${t('noGroupMeetings')}</p>`}
  </section>`;
}

function queueSection(g) {
  const v = g.view;
  const f = g.ui.caseForm;
  return html`<section aria-labelledby="queue-title" data-testid="case-queue">
    <h2 id="queue-title">${t('caseQueue')}</h2>
    ${v.caseQueue.length ? html`<ul class="cards">${repeat(v.caseQueue, (c) => c.id, (c) => html`
      <li data-testid="queued-case" data-case-id=${c.id}>
        <p class="card-text">${c.urgent ? html`<span class="badge urgent">${t('urgent')}</span> ` : nothing}<strong>${c.title}</strong></p>
        ${c.note ? html`<p class="card-text">${c.note}</p>` : nothing}
        <div class="card-meta">${g.nameOf(c.memberId)} · ${day(c.queuedAt)}</div>
        ${c.memberId === v.me.memberId || v.me.mayManage ? html`<div class="row">${button(`withdraw-${c.id}`, t('withdrawCase'),
          () => confirm(t('confirmWithdraw')) && g.withdrawCase(c.id), { kind: 'small danger', disabled: g.pending(`withdraw-${c.id}`) })}</div>` : nothing}
      </li>`)}</ul>` : html`<p class="muted">${t('noQueuedCases')}</p>`}
    ${v.me.role === 'facilitator' ? html`<p class="muted">${t('facilitatorNoCase')}</p>` : html`
    <form @submit=${(e) => { e.preventDefault(); g.queueCase(); }}>
      <h3>${t('queueACase')}</h3>
      <label for="case-title">${t('caseTitle')}</label>
      <input id="case-title" data-testid="case-title" required maxlength="120" .value=${live(f.title)} @input=${(e) => { f.title = e.target.value; }}>
      <label for="case-note">${t('caseNote')}</label>
      <textarea id="case-note" data-testid="case-note" maxlength="1000" .value=${live(f.note)} @input=${(e) => { f.note = e.target.value; }}></textarea>
      <label class="small-label"><input type="checkbox" data-testid="case-urgent" .checked=${live(f.urgent)}
        @change=${(e) => { f.urgent = e.target.checked; }}> ${t('urgentLabel')}</label>
      <div class="row"><button type="submit" data-testid="queue-case" ?disabled=${g.pending('queue-case')}>${t('queueCase')}</button></div>
    </form>`}
  </section>`;
}

function membersSection(g) {
  const v = g.view;
  const ui = g.ui;
  const others = v.members.filter((m) => m.id !== v.me.memberId);
  const removing = others.some((m) => m.id === ui.removeMember) ? ui.removeMember : others[0]?.id;
  return html`<section aria-labelledby="members-title" data-testid="group-members">
    <h2 id="members-title">${t('groupMembers')}</h2>
    <ul class="people" data-testid="members">${repeat(v.members, (m) => m.id, (m) => html`<li data-member-id=${m.id}>
      ${m.id === v.me.memberId ? `${m.name} (${t('you')})` : m.name}
      <span class="muted"> · ${t(`memberRole_${m.role}`)}</span></li>`)}</ul>
    <details class="invite" data-testid="group-invite" ?open=${v.members.length < 3}>
      <summary>${t('inviteMembers')}</summary>
      <p class="muted">${t('groupInviteHint')}</p>
      <p>${t('joinCode')}: <code data-testid="group-join-code">${v.joinCode}</code></p>
      <p class="link" data-testid="group-join-link">${g.joinUrl()}</p>
      ${button('copy-group-link', t('copy'), () => g.copyLink(), { kind: 'secondary' })}
    </details>
    ${devices(g)}
    <div class="row">${button('leave-group', t('leaveGroup'), () => g.leave(), { kind: 'small danger', disabled: g.pending('leave') })}</div>
    <p class="muted">${t('leaveGroupHint')}</p>
    ${v.me.mayManage ? html`<div class="manage" data-testid="manage">
      <h3>${t('manageGroup')}</h3>
      ${others.length ? html`<label for="remove-member">${t('removeMember')}</label>
        <select id="remove-member" data-testid="remove-member-select" @change=${(e) => { ui.removeMember = e.target.value; }}>
          ${repeat(others, (m) => m.id, (m) => html`<option value=${m.id} ?selected=${m.id === removing}>${m.name}</option>`)}</select>
        <div class="row">${button('remove-member', t('removeMemberButton'), () => g.removeMember(removing),
          { kind: 'small danger', disabled: g.pending('remove-member') })}</div>` : nothing}
      ${roleControl(g)}
      <p class="warning" role="note">${t('eraseGroupWarning')}</p>
      ${ui.erase == null ? button('erase-group', t('eraseGroup'), () => g.askErase(), { kind: 'danger' }) : html`
        <label for="erase-name">${t('eraseTypeName', { name: v.name })}</label>
        <input id="erase-name" data-testid="erase-name" .value=${live(ui.erase)} @input=${(e) => { ui.erase = e.target.value; g.render(); }}>
        <div class="row">
          ${button('erase-group-now', t('eraseGroupNow'), () => g.erase(),
            { kind: 'danger', disabled: ui.erase.trim() !== v.name.trim() || g.pending('erase') })}
          ${button('erase-cancel', t('cancel'), () => { ui.erase = null; g.render(); }, { kind: 'secondary' })}
        </div>`}
    </div>` : nothing}
  </section>`;
}

/**
 * A steward names a facilitator (begeleider), or makes one a member again. The select always shows the
 * member the button names (.value, not only ?selected), so a redraw never leaves them apart.
 */
function roleControl(g) {
  const v = g.view;
  const chosen = v.members.find((m) => m.id === g.ui.roleMember) ?? v.members[0];
  const next = chosen.role === 'facilitator' ? 'member' : 'facilitator';
  return html`<label for="role-member">${t('memberRoleLabel')}</label>
    <select id="role-member" data-testid="role-member-select" .value=${live(chosen.id)} @change=${(e) => { g.ui.roleMember = e.target.value; g.render(); }}>
      ${repeat(v.members, (m) => m.id, (m) => html`<option value=${m.id} ?selected=${m.id === chosen.id}>${m.name} · ${t(`memberRole_${m.role}`)}</option>`)}</select>
    <div class="row">${button('set-role', t(next === 'facilitator' ? 'makeFacilitator' : 'makeMember', { name: chosen.name }),
      () => g.setRole(chosen.id, next), { kind: 'small secondary', disabled: g.pending('set-role') })}</div>
    <p class="muted">${t('facilitatorHint')}</p>`;
}

/** This member's own seat in the group on another device: a link and its QR code, for them only. */
function devices(g) {
  const device = g.ui.device;
  return html`<details class="devices" data-testid="group-devices">
    <summary data-testid="group-my-devices" @click=${() => { if (!device) g.makeDeviceLink(); }}>${t('myDevices')}</summary>
    <p class="muted">${t('groupDevicesHint')}</p>
    ${device ? html`
      <div class="qr" data-testid="group-device-qr" role="img" aria-label=${t('qrLabel')}>${qr(device.link)}</div>
      <p class="link" data-testid="group-device-link" aria-label=${t('deviceLinkLabel')}>${device.link}</p>
      <p class="muted">${t('deviceValidUntil', { time: new Date(device.expiresAt).toLocaleTimeString() })}</p>` : nothing}
    ${button('new-group-device-link', t('deviceLinkButton'), () => g.makeDeviceLink(), { kind: 'secondary', disabled: g.pending('device-link') })}
    ${platformSignIns(g)}
  </details>`;
}

/**
 * The platform sign-ins that find this member's seat: linked ones can be forgotten; inside a platform the
 * panel can sign in through, that one can be linked.
 */
function platformSignIns(g) {
  const linked = g.view.me.linkedPlatforms ?? [];
  const host = g.host;
  if (!linked.length && !host) {
    return nothing;
  }
  return html`<div class="sign-ins" data-testid="group-sign-ins">
    <h3>${t('platformSignIns')}</h3>
    <p class="muted">${t('platformSignInsHint')}</p>
    <ul>${repeat(linked, (p) => p, (p) => html`<li data-platform=${p}>${t('platformLinked', { platform: platformName(p) })}
      ${button(`forget-sign-in-${p}`, t('forgetSignIn'), () => g.unlinkAccount(p), { kind: 'small secondary', disabled: g.pending(`unlink-${p}`) })}</li>`)}</ul>
    ${host && !linked.includes(host) ? button('link-sign-in', t('linkSignIn', { platform: platformName(host) }),
      () => g.linkAccount(), { kind: 'secondary', disabled: g.pending('link') }) : nothing}
  </div>`;
}
