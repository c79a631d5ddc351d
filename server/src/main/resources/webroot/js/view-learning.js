// Inside a meeting of a group: the way back to the group's page, the member's own learning points at
// the look-back and the evaluation (with a short note of progress), and, once the meeting has ended,
// the group meeting's next case.

import { html, nothing, repeat, live } from './lit.js';
import { t } from './i18n.js';
import { button } from './view-phase.js';
import { notesList } from './view-group-points.js';

export function groupNav(link) {
  if (!link?.known) {
    return nothing;
  }
  return html`<nav class="group-nav" aria-label=${t('groupPage')}>
    <a href=${`#/g/${encodeURIComponent(link.groupId)}`} data-testid="back-to-group">← ${link.groupName()}</a></nav>`;
}

/**
 * The case the group put on this meeting's agenda from its queue: everyone sees it; the chair makes its
 * author the case-bringer with one tap once they are in (the server decides whether that may be).
 */
export function groupCaseView(v, link) {
  if (!link?.known) {
    return nothing;
  }
  link.need('start');
  const round = link.thisCase();
  if (!round?.title) {
    return nothing;
  }
  const bringer = round.caseBringerId;
  const present = v.state.participants.some((p) => p.id === bringer);
  return html`<section class="group-case" aria-labelledby="group-case-title" data-testid="group-case">
    <h2 id="group-case-title">${t('caseOnAgenda')}</h2>
    <p><strong>${round.title}</strong>${bringer ? html` <span class="muted">· ${t('broughtBy', { name: link.memberName(bringer) ?? v.nameOf(bringer) })}</span>` : nothing}</p>
    ${v.isChair && bringer && present && v.state.caseBringerId !== bringer
      ? button('make-case-bringer', t('makeCaseBringer', { name: v.nameOf(bringer) }),
        () => v.once('make-case-bringer', { type: 'chooseCaseBringer', participantId: bringer }), { kind: 'secondary', disabled: v.pending('make-case-bringer') })
      : nothing}
  </section>`;
}

/** Shown where the group looks back on last time and where it evaluates: the moments a learning point is about. */
export function learningInMeeting(v, link) {
  const s = v.state;
  const lookingBack = (s.agenda[s.phase.index]?.cards ?? []).includes('look-back');
  if (!link?.known || !(lookingBack || s.evaluating) || v.me.role === 'observer') {
    return nothing;
  }
  link.need(`phase-${s.phase.index}`);
  const points = link.myLearningPoints();
  return html`<section aria-labelledby="my-learning-title" data-testid="meeting-learning">
    <h2 id="my-learning-title">${t('myLearningPoints')}</h2>
    ${link.view == null && !link.error ? html`<p class="muted">${t('loadingGroup')}</p>` : nothing}
    ${link.error ? html`<p class="muted" role="status">${link.error}</p>` : nothing}
    ${link.view && points.length === 0 ? html`<p class="muted">${t('noLearningPointsInMeeting')}</p>` : nothing}
    ${points.length ? html`<ul class="cards" data-testid="meeting-learning-points">${repeat(points, (p) => p.id, (p) => html`
      <li data-testid="meeting-learning-point" data-point-id=${p.id}>
        <p class="card-text">${p.text}</p>
        ${notesList(p)}
        <label for=${`mnote-${p.id}`} class="visually-hidden">${t('progressNote')}</label>
        <div class="row">
          <input id=${`mnote-${p.id}`} data-testid=${`mnote-${p.id}`} maxlength="1000" placeholder=${t('progressNote')}
            .value=${live(link.notes[p.id] ?? '')} @input=${(e) => { link.notes[p.id] = e.target.value; }}>
          ${button(`madd-note-${p.id}`, t('addNote'), () => link.addNote(p.id), { kind: 'small secondary', disabled: link.pending.has(p.id) })}
        </div>
      </li>`)}</ul>` : nothing}
  </section>`;
}

/** After this case, the group meeting's next one: one tap to one's seat there. */
export function nextCaseView(link) {
  if (!link?.known) {
    return nothing;
  }
  link.need('ended');
  const next = link.nextCase();
  if (!next) {
    return nothing;
  }
  return html`<section class="running" data-testid="next-case">
    <p>${t('nextCaseReady', { title: next.title ?? t('caseInMeeting') })}</p>
    ${button('go-next-case', t('goNextCase'), () => link.takeSeat(next.meetingId), { kind: 'prominent', disabled: link.pending.has(next.meetingId) })}
    ${link.error ? html`<p class="error" role="alert">${link.error}</p>` : nothing}
  </section>`;
}
