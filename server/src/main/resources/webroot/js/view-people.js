// Who is in the meeting, the invitation, this person's own link for another device, and what only
// the chair does with people.

import { html, svg, nothing, repeat } from './lit.js';
import { t } from './i18n.js';
import { endControls } from './view-summary.js';
import { button } from './view-phase.js';
import qrcode from '../vendor/qrcode-generator/qrcode.mjs';

export function peopleSection(v) {
  const s = v.state;
  return html`<section aria-labelledby="people-title">
    <h2 id="people-title">${t('people')}</h2>
    <ul class="people" data-testid="people">${repeat(s.participants, (p) => p.id, (p) => {
      const badges = [t(`role_${p.role}`)];
      if (p.id === s.caseBringerId) badges.push(t('caseBringer'));
      if (p.id === s.backupChairId) badges.push(t('backup'));
      // Offline is said in words too, not only by the dot's colour.
      if (!p.online && p.id !== v.me.id) badges.push(t('offlineBadge'));
      return html`<li class=${p.id === s.speaking.current ? 'current' : ''} data-participant-id=${p.id}
          data-online=${String(!!p.online)}>
        <span class="dot ${p.online ? 'on' : ''}" aria-hidden="true"></span>${p.id === v.me.id ? `${p.name} (${t('you')})` : p.name}<span
          class="muted"> · ${badges.join(', ')}</span>${s.done.includes(p.id) ? html`<span aria-label=${t('done')}> ✓</span>` : nothing}
      </li>`;
    })}</ul>
    ${devices(v)}
  </section>`;
}

function devices(v) {
  const device = v.ui.device;
  return html`<details class="devices" data-testid="devices">
    <summary data-testid="my-devices" @click=${() => { if (!device) v.makeDeviceLink(); }}>${t('myDevices')}</summary>
    <p class="muted">${t('myDevicesHint')}</p>
    ${device?.link ? html`
      <div class="qr" data-testid="device-qr" role="img" aria-label=${t('qrLabel')}>${qr(device.link)}</div>
      <p class="link" data-testid="device-link" aria-label=${t('deviceLinkLabel')}>${device.link}</p>
      <p class="muted">${t('deviceValidUntil', { time: new Date(device.expiresAt).toLocaleTimeString() })}</p>
      <div class="row">
        ${button('copy-device-link', t('copyDevice'), () => v.copy(device.link), { kind: 'secondary' })}
        ${button('new-device-link', t('deviceLinkButton'), () => v.makeDeviceLink(), { kind: 'secondary' })}
      </div>` : button('new-device-link', t('deviceLinkButton'), () => v.makeDeviceLink(), { kind: 'secondary' })}
  </details>`;
}

/** The link as a QR code, drawn as one SVG path of dark modules. */
export function qr(text) {
  const code = qrcode(0, 'M');
  code.addData(text);
  code.make();
  const size = code.getModuleCount();
  let path = '';
  for (let row = 0; row < size; row++) {
    for (let col = 0; col < size; col++) {
      if (code.isDark(row, col)) {
        path += `M${col + 4} ${row + 4}h1v1h-1z`;
      }
    }
  }
  const box = size + 8;
  return html`<svg viewBox="0 0 ${box} ${box}" width="200" height="200" shape-rendering="crispEdges" aria-hidden="true">
    ${svg`<rect width=${box} height=${box} fill="#ffffff"></rect><path d=${path} fill="#000000"></path>`}</svg>`;
}

/**
 * The invitation: for the chair always (in the chair's menu), for participants only once the chair
 * lets them invite (the server then sends them the join code; observers never get it).
 */
export function inviteSection(v) {
  const few = v.state.participants.length < 3;
  return html`<details class="invite section" data-testid="invite" ?open=${v.isChair && few}>
    <summary><h2 id="invite-title">${t('invite')}</h2></summary>
    <p class="muted">${t('inviteHint')}</p>
    <p>${t('joinCode')}: <code data-testid="join-code">${v.state.joinCode}</code></p>
    <p class="link" data-testid="join-link">${v.joinUrl}</p>
    ${button('copy-link', t('copy'), () => v.copy(v.joinUrl), { kind: 'secondary' })}
    ${v.isChair ? html`<label class="row"><input type="checkbox" data-testid="invites-open" .checked=${!!v.state.invitesOpen}
      @change=${(e) => v.send({ type: 'openInvitations', open: e.target.checked })}> ${t('invitesOpen')}</label>` : nothing}
  </details>`;
}

export function chairSection(v) {
  const s = v.state;
  const ui = v.ui;
  const others = s.participants.filter((p) => p.id !== v.me.id && p.role !== 'observer');
  const removable = s.participants.filter((p) => p.id !== v.me.id);
  const pick = (list, chosen) => (list.some((p) => p.id === chosen) ? chosen : list[0]?.id);
  const handOverTo = pick(others, ui.handOver);
  const leaving = pick(removable, ui.removePerson);
  const backup = ui.backup ?? s.backupChairId ?? '';
  const options = (list, chosen) => repeat(list, (p) => p.id, (p) => html`<option value=${p.id} ?selected=${p.id === chosen}>${p.name}</option>`);
  return html`<section aria-label=${t('role_chair')}>
    ${others.length ? html`
      <label for="hand-over">${t('handOver')}</label>
      <select id="hand-over" data-key="hand-over-select" @change=${(e) => { ui.handOver = e.target.value; }}>${options(others, handOverTo)}</select>
      <div class="row">${button('hand-over', t('handOverButton'), () => {
        const id = ui.handOver && others.some((p) => p.id === ui.handOver) ? ui.handOver : handOverTo;
        if (confirm(t('confirmHandOver', { name: v.nameOf(id) }))) {
          v.send({ type: 'handOverChair', participantId: id });
        }
      }, { kind: 'secondary' })}</div>
      <label for="backup">${t('backupChair')}</label>
      <select id="backup" data-key="backup-select" @change=${(e) => { ui.backup = e.target.value; }}>
        <option value="" ?selected=${backup === ''}>${t('noBackup')}</option>${options(others, backup)}</select>
      <div class="row">${button('set-backup', t('setBackup'),
        () => v.send({ type: 'nameBackupChair', participantId: (ui.backup ?? s.backupChairId) || null }), { kind: 'secondary' })}</div>` : nothing}
    ${removable.length ? html`
      <label for="remove-person">${t('removePerson')}</label>
      <select id="remove-person" data-key="remove-person-select" @change=${(e) => { ui.removePerson = e.target.value; }}>${options(removable, leaving)}</select>
      <div class="row">${button('remove-person', t('removePersonButton'), () => {
        const id = ui.removePerson && removable.some((p) => p.id === ui.removePerson) ? ui.removePerson : leaving;
        if (confirm(t('confirmRemovePerson', { name: v.nameOf(id) }))) {
          v.send({ type: 'removeParticipant', participantId: id });
        }
      }, { kind: 'danger' })}</div>` : nothing}
    ${endControls(v)}
  </section>`;
}

/**
 * What everyone should know about the chair: that they are away, who takes over, that the chair is open
 * to take, and, for the one chairing now, that the former chair is back. The chair is asked to name a
 * backup while nobody is named, so a dropped connection never leaves the meeting without one.
 */
export function chairPresenceSection(v) {
  const s = v.state;
  const chair = s.participants.find((p) => p.role === 'chair');
  const former = s.formerChairId ? s.participants.find((p) => p.id === s.formerChairId) : null;
  const parts = [];
  if (chair && !chair.online && chair.id !== v.me.id) {
    const backup = s.backupChairId ? v.nameOf(s.backupChairId) : null;
    parts.push(html`<div class="banner" role="status" data-testid="chair-away">
      <p>${t('chairAway', { name: chair.name })}
        ${s.chairOpen ? t('chairOpen') : backup ? t('chairAwayBackup', { name: backup }) : t('chairAwayWait')}</p>
      ${s.chairOpen?.mayTake.includes(v.me.id)
        ? button('take-chair', t('takeChair'), () => v.once('take-chair', { type: 'takeChair' }), { disabled: v.pending('take-chair') })
        : nothing}
    </div>`);
  }
  if (former && chair) {
    parts.push(html`<div class="banner" role="status" data-testid="chair-takeover">
      <p>${chair.id === v.me.id ? t('chairTookOverYou', { former: former.name })
        : t('chairTookOver', { name: chair.name, former: former.name })}</p>
      ${v.isChair && former.online ? button('give-chair-back', t('giveChairBack', { name: former.name }),
        () => v.send({ type: 'handOverChair', participantId: former.id }), { kind: 'secondary' }) : nothing}
    </div>`);
  }
  const others = s.participants.filter((p) => p.id !== v.me.id && p.role !== 'observer');
  if (v.isChair && !s.backupChairId && others.length && !v.ui.backupPromptClosed) {
    const chosen = others.some((p) => p.id === v.ui.backup) ? v.ui.backup : others[0].id;
    parts.push(html`<div class="banner" data-testid="backup-prompt">
      <label for="backup-prompt-select">${t('backupPrompt')}</label>
      <select id="backup-prompt-select" @change=${(e) => { v.ui.backup = e.target.value; }}>
        ${repeat(others, (p) => p.id, (p) => html`<option value=${p.id} ?selected=${p.id === chosen}>${p.name}</option>`)}</select>
      <div class="row">
        ${button('name-backup', t('setBackup'), () => v.send({ type: 'nameBackupChair', participantId: chosen }))}
        ${button('backup-later', t('notNow'), () => { v.ui.backupPromptClosed = true; v.render(); }, { kind: 'secondary' })}
      </div>
    </div>`);
  }
  return parts.length ? html`<div class="chair-presence">${parts}</div>` : nothing;
}
