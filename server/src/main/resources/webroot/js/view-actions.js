// The meeting's action points: what someone takes on, who owns it, whether it is done. Its author,
// its owner and the chair may change one (the server decides, docs/PROTOCOL.md); the page offers
// the controls to them and shows the rest only the point.

import { html, nothing, repeat, live } from './lit.js';
import { t } from './i18n.js';
import { button } from './view-phase.js';

export function actionSection(v) {
  const points = v.state.cards.filter((c) => c.kind === 'action-point' && c.text != null);
  return html`<section aria-labelledby="actions-title">
    <h2 id="actions-title">${t('actionPoints')}</h2>
    ${points.length
      ? html`<ul class="cards" data-testid="action-points">${repeat(points, (c) => c.id, (c) => point(v, c))}</ul>`
      : html`<p class="muted">${t('noActionPoints')}</p>`}
  </section>`;
}

function point(v, c) {
  const mayChange = v.me.role !== 'observer' && (v.isChair || c.authorId === v.me.id || c.ownerId === v.me.id);
  const editing = v.ui.editing?.cardId === c.id;
  return html`<li class=${c.done ? 'done' : ''} data-testid="action-point" data-card-id=${c.id}>
    ${editing ? editor(v, c) : html`<p class="card-text">${c.done ? html`<span aria-hidden="true">✓ </span>` : nothing}${c.text}</p>`}
    <div class="card-meta"><span data-testid="point-owner">${t('ownerLabel')}: ${c.ownerId ? v.nameOf(c.ownerId) : t('nobodyYet')}</span>${c.done
      ? html` · <strong data-testid="point-done">${t('pointDone')}</strong>` : nothing}</div>
    ${mayChange && !editing ? controls(v, c) : nothing}
  </li>`;
}

function controls(v, c) {
  const ui = v.ui;
  ui.assign ??= {};
  const people = v.state.participants.filter((p) => p.role !== 'observer');
  const chosen = () => (people.some((p) => p.id === ui.assign[c.id]) ? ui.assign[c.id] : c.ownerId);
  const selectId = `owner-${c.id}`;
  return html`<div class="row">
      ${button(`point-done-${c.id}`, c.done ? t('markPointOpen') : t('markPointDone'),
        () => v.send({ type: 'markActionPointDone', cardId: c.id, done: !c.done }), { kind: 'small secondary', pressed: !!c.done })}
      ${button(`point-edit-${c.id}`, t('edit'), () => v.edit(c), { kind: 'small secondary' })}
      ${button(`point-delete-${c.id}`, t('remove'),
        () => confirm(t('confirmRemovePoint')) && v.send({ type: 'deleteCard', cardId: c.id }), { kind: 'small danger' })}
    </div>
    <div class="row">
      <label for=${selectId} class="visually-hidden">${t('ownerLabel')}</label>
      <select id=${selectId} data-key=${selectId} data-testid=${selectId} aria-label=${t('ownerLabel')}
        @change=${(e) => { ui.assign[c.id] = e.target.value; }}>
        ${chosen() ? nothing : html`<option value="" selected disabled>${t('pickOwner')}</option>`}
        ${repeat(people, (p) => p.id, (p) => html`<option value=${p.id} ?selected=${p.id === chosen()}>${p.name}</option>`)}
      </select>
      ${button(`point-assign-${c.id}`, t('assign'),
        () => v.send({ type: 'assignActionPoint', cardId: c.id, ownerId: chosen() }), { kind: 'small secondary', disabled: !chosen() })}
    </div>`;
}

function editor(v, c) {
  const edit = v.ui.editing;
  return html`<div class="editor">
    <textarea maxlength="1000" data-key=${`point-editor-${c.id}`} data-testid=${`point-editor-${c.id}`} aria-label=${t('edit')}
      .value=${live(edit.text)} @input=${(e) => { edit.text = e.target.value; }}></textarea>
    <div class="row">
      ${button(`point-save-${c.id}`, t('save'), () => v.saveEdit())}
      ${button(`point-cancel-${c.id}`, t('cancel'), () => v.cancelEdit(), { kind: 'secondary' })}
    </div>
  </div>`;
}

// Last meeting's action points, brought in by the group: in the look-back phase the group goes through
// them and each owner (or the chair) says what came of it; in other phases they stay one click away.
const CARRIED_STATUSES = ['done', 'not-done', 'carried-on'];

export function carriedSection(v) {
  const s = v.state;
  const carried = s.carried ?? [];
  if (carried.length === 0) {
    return nothing;
  }
  const lookingBack = (s.agenda[s.phase.index]?.cards ?? []).includes('look-back');
  const open = carried.filter((p) => p.status === 'open').length;
  const list = html`<ul class="cards" data-testid="carried-points">${repeat(carried, (p) => p.id, (p) => carriedPoint(v, p))}</ul>`;
  if (lookingBack) {
    return html`<section aria-labelledby="carried-title" data-testid="carried">
      <h2 id="carried-title">${t('carriedTitle')}</h2>
      <p class="muted">${t('carriedHint')}</p>
      ${list}
    </section>`;
  }
  return html`<details class="section" data-testid="carried">
    <summary><h2>${t('carriedTitle')}</h2> <span class="muted">(${t('carriedOpen', { n: open })})</span></summary>
    ${list}
  </details>`;
}

function carriedPoint(v, p) {
  const mayMark = v.me.role !== 'observer' && (v.isChair || p.ownerId === v.me.id);
  const owner = p.ownerId ? (v.state.participants.some((x) => x.id === p.ownerId) ? v.nameOf(p.ownerId) : p.ownerName) : t('nobodyYet');
  return html`<li class=${p.status === 'done' ? 'done' : ''} data-testid="carried-point" data-point-id=${p.id}>
    <p class="card-text">${p.text}</p>
    <div class="card-meta"><span data-testid="carried-owner">${t('ownerLabel')}: ${owner}</span> ·
      <strong data-testid="carried-status">${t(`carried_${p.status}`)}</strong></div>
    ${mayMark ? html`<div class="row" role="group" aria-label=${t('carriedWhatBecame')}>
      ${CARRIED_STATUSES.map((status) => button(`carried-${status}-${p.id}`, t(`carriedMark_${status}`),
        () => v.send({ type: 'markCarriedPoint', pointId: p.id, status: p.status === status ? 'open' : status }),
        { kind: 'small secondary', pressed: p.status === status }))}
    </div>` : nothing}
  </li>`;
}
