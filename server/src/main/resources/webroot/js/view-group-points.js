// What carries over from meeting to meeting, on the group's page: the open action points, the learning
// points (each member's own, with its short history, and those others share), and the register of
// who attended for how long. The server sends only what this member may see.

import { html, nothing, repeat, live } from './lit.js';
import { t, day } from './i18n.js';
import { button } from './view-phase.js';

const MARKS = ['done', 'not-done', 'carried-on'];
export const SHARINGS = ['private', 'group', 'facilitator'];

export function actionPointsSection(g) {
  const v = g.view;
  const me = v.me.memberId;
  const mine = v.actionPoints.filter((p) => p.ownerId === me);
  const others = v.actionPoints.filter((p) => p.ownerId !== me);
  return html`<section aria-labelledby="group-points-title" data-testid="group-action-points">
    <h2 id="group-points-title">${t('groupActionPoints')}</h2>
    <h3>${t('myActionPoints')}</h3>
    ${mine.length ? pointList(g, mine, 'my-action-points') : html`<p class="muted">${t('noneYet')}</p>`}
    <h3>${t('groupOpenPoints')}</h3>
    ${others.length ? pointList(g, others, 'open-action-points') : html`<p class="muted">${t('noneYet')}</p>`}
  </section>`;
}

function pointList(g, points, testid) {
  const v = g.view;
  // Who may mark is the server's rule (PROTOCOL 2.10); the page offers it where the server would accept it.
  const latestChair = v.meetings[0]?.chairId === v.me.memberId;
  return html`<ul class="cards" data-testid=${testid}>${repeat(points, (p) => p.id, (p) => html`
    <li data-testid="group-point" data-point-id=${p.id}>
      <p class="card-text">${p.text}</p>
      <div class="card-meta">${t('ownerLabel')}: ${p.ownerId ? p.ownerName ?? g.nameOf(p.ownerId) : t('nobodyYet')} ·
        <strong data-testid="group-point-status">${p.status === 'open' ? t('groupPointOpen') : t(`carried_${p.status}`)}</strong></div>
      ${p.ownerId === v.me.memberId || latestChair || v.me.mayManage ? html`<div class="row" role="group" aria-label=${t('carriedWhatBecame')}>
        ${MARKS.map((status) => button(`gpoint-${status}-${p.id}`, t(`carriedMark_${status}`), () => g.markPoint(p.id, status),
          { kind: 'small secondary', pressed: p.status === status, disabled: g.pending(`mark-${p.id}`) }))}
      </div>` : nothing}
    </li>`)}</ul>`;
}

export function learningSection(g) {
  const v = g.view;
  const me = v.me.memberId;
  const mine = v.learningPoints.filter((p) => p.memberId === me);
  const shared = v.learningPoints.filter((p) => p.memberId !== me);
  const f = g.ui.learning;
  return html`<section aria-labelledby="learning-title" data-testid="learning-points">
    <h2 id="learning-title">${t('learningPoints')}</h2>
    <p class="muted">${t('learningHint')}</p>
    ${mine.length ? html`<ul class="cards" data-testid="my-learning-points">${repeat(mine, (p) => p.id, (p) => myPoint(g, p))}</ul>`
      : html`<p class="muted">${t('noLearningPoints')}</p>`}
    <form @submit=${(e) => { e.preventDefault(); g.writeLearningPoint(); }}>
      <label for="learning-text">${t('newLearningPoint')}</label>
      <textarea id="learning-text" data-testid="learning-text" required maxlength="1000" .value=${live(f.text)}
        @input=${(e) => { f.text = e.target.value; }}></textarea>
      <label for="learning-sharing">${t('sharingLabel')}</label>
      ${sharingSelect('learning-sharing', f.sharing, (value) => { f.sharing = value; })}
      <div class="row"><button type="submit" data-testid="write-learning" ?disabled=${g.pending('write-learning')}>${t('writeLearning')}</button></div>
    </form>
    ${shared.length ? html`<h3>${t('sharedLearningPoints')}</h3>
      <ul class="cards" data-testid="shared-learning-points">${repeat(shared, (p) => p.id, (p) => html`<li data-point-id=${p.id}>
        <p class="card-text">${p.text}</p>
        <div class="card-meta">${g.nameOf(p.memberId)} · ${t(`sharing_${p.sharing}`)}</div>
        ${notesList(p)}
      </li>`)}</ul>` : nothing}
  </section>`;
}

function myPoint(g, p) {
  const ui = g.ui;
  return html`<li data-testid="my-learning-point" data-point-id=${p.id}>
    <p class="card-text">${p.text}</p>
    <div class="card-meta">${day(p.writtenAt)} · ${t(`sharing_${p.sharing}`)}</div>
    ${notesList(p)}
    <label for=${`share-${p.id}`} class="small-label">${t('sharingLabel')}</label>
    ${sharingSelect(`share-${p.id}`, p.sharing, (value) => g.shareLearningPoint(p.id, value))}
    <label for=${`note-${p.id}`} class="visually-hidden">${t('progressNote')}</label>
    <div class="row">
      <input id=${`note-${p.id}`} data-testid=${`note-${p.id}`} maxlength="1000" placeholder=${t('progressNote')}
        .value=${live(ui.notes[p.id] ?? '')} @input=${(e) => { ui.notes[p.id] = e.target.value; }}>
      ${button(`add-note-${p.id}`, t('addNote'), () => g.noteLearningPoint(p.id), { kind: 'small secondary', disabled: g.pending(`note-${p.id}`) })}
      ${button(`delete-learning-${p.id}`, t('remove'), () => g.deleteLearningPoint(p.id), { kind: 'small danger', disabled: g.pending(`delete-${p.id}`) })}
    </div>
  </li>`;
}

export function notesList(p) {
  return p.notes?.length ? html`<ul class="notes" data-testid="learning-notes">${p.notes.map((n) => html`
    <li><span class="muted">${day(n.at)}:</span> ${n.text}</li>`)}</ul>` : nothing;
}

function sharingSelect(id, value, change) {
  // .value as well as ?selected: once someone picked an option, only the property moves the selection.
  return html`<select id=${id} data-testid=${id} .value=${live(value)} @change=${(e) => change(e.target.value)}>
    ${SHARINGS.map((s) => html`<option value=${s} ?selected=${s === value}>${t(`sharing_${s}`)}</option>`)}</select>`;
}

export function registerSection(g) {
  const v = g.view;
  const rows = v.register?.rows ?? [];
  const totals = v.register?.totals ?? [];
  const everyone = v.me.seesWholeRegister;
  return html`<section aria-labelledby="register-title" data-testid="register">
    <h2 id="register-title">${everyone ? t('registerEveryone') : t('registerMine')}</h2>
    ${rows.length ? html`<div class="table-wrap"><table data-testid="register-rows">
      <thead><tr><th scope="col">${t('summaryDate')}</th><th scope="col">${t('member')}</th><th scope="col">${t('minutesLabel')}</th></tr></thead>
      <tbody>${rows.map((r) => html`<tr data-meeting-id=${r.meetingId}>
        <td>${day(r.date, 'short')}</td><td>${r.name}</td>
        <td>${r.correctedMinutes ?? r.minutes}${r.correctedMinutes != null && r.correctedMinutes !== r.minutes
          ? html`<br><span class="muted">(${t('measured', { n: r.minutes })})</span>` : nothing}</td></tr>`)}</tbody>
    </table></div>` : html`<p class="muted">${t('registerEmpty')}</p>`}
    ${totals.length ? html`<h3>${t('registerTotals')}</h3><ul data-testid="register-totals">${totals.map((r) => html`
      <li>${r.name}, ${r.year}: ${t('hoursMinutes', { hours: (r.minutes / 60).toFixed(1), n: r.minutes })}${r.meetings != null ? html` · ${t('nMeetings', { n: r.meetings })}` : nothing}</li>`)}</ul>` : nothing}
    ${correction(g, rows)}
    <div class="row">
      ${button('register-csv', t('registerCsv'), () => g.downloadRegister(), { kind: 'secondary', disabled: g.pending('register-csv') })}
      ${button('register-print', t('registerPrint'), () => g.printRegister(), { kind: 'secondary', disabled: g.pending('register-print') })}
    </div>
  </section>`;
}

/** The chair of a meeting, and who may manage, correct what presence measured (a late start, a dropped line). */
function correction(g, rows) {
  const v = g.view;
  const chaired = new Set(v.meetings.filter((m) => m.chairId === v.me.memberId).map((m) => m.id));
  const correctable = rows.filter((r) => v.me.mayManage || chaired.has(r.meetingId));
  if (correctable.length === 0) {
    return nothing;
  }
  const ui = g.ui;
  const key = (r) => `${r.meetingId}/${r.memberId}`;
  const chosen = correctable.find((r) => key(r) === ui.correctRow) ?? correctable[0];
  return html`<details class="correct" data-testid="correct-attendance"><summary>${t('correctAttendance')}</summary>
    <label for="correct-row">${t('correctWhich')}</label>
    <select id="correct-row" data-testid="correct-row" @change=${(e) => { ui.correctRow = e.target.value; ui.correctMinutes = null; g.render(); }}>
      ${correctable.map((r) => html`<option value=${key(r)} ?selected=${r === chosen}>${day(r.date, 'short')} · ${r.name}</option>`)}</select>
    <label for="correct-minutes">${t('minutesLabel')}</label>
    <input id="correct-minutes" data-testid="correct-minutes" type="number" min="0" max="720" inputmode="numeric"
      .value=${live(ui.correctMinutes ?? String(chosen.correctedMinutes ?? chosen.minutes))}
      @input=${(e) => { ui.correctMinutes = e.target.value; }}>
    <div class="row">${button('correct-save', t('save'), () => g.correctAttendance(chosen.meetingId, chosen.memberId,
      Number(ui.correctMinutes ?? chosen.correctedMinutes ?? chosen.minutes)), { kind: 'small secondary', disabled: g.pending('correct') })}</div>
  </details>`;
}
