// The agenda: the method's name and purpose, every phase with the current one and the time plan.
// Folded by default at 320 px, its summary still says which method and which phase. The chair
// changes the phases still to come here, and picks the method while the meeting is in its opening;
// the server decides whether each change is allowed.

import { html, nothing, repeat, live } from './lit.js';
import { t, local, language } from './i18n.js';
import * as api from './api.js';
import { button } from './view-phase.js';

const catalogue = { lang: null, methods: [] };

/** The catalogue's methods in the page's language, fetched once per language. */
function methods(v) {
  if (catalogue.lang !== language()) {
    catalogue.lang = language();
    catalogue.methods = [];
    api.methods(language()).then((c) => { catalogue.methods = c.methods; v.render(); }, () => {});
  }
  return catalogue.methods;
}

export function agendaSection(v) {
  const s = v.state;
  const current = s.phase.index;
  const phase = s.agenda[current];
  const ui = v.ui;
  // Unfolded by itself for the chair once the case is chosen: that is when the method is picked.
  // It stays so only while that holds, unless the person folded or unfolded it themself.
  const open = ui.agendaOpen ?? (v.isChair && !!s.learningQuestionId && s.phase.part === 'opening');
  return html`<details class="section agenda" data-testid="agenda" ?open=${open}>
    <summary @click=${(e) => { e.preventDefault(); ui.agendaOpen = !open; v.render(); }}>
      <h2>${t('agenda')}</h2>
      <span class="agenda-line"><strong data-testid="agenda-method">${s.method?.name ?? ''}</strong>
        · <span data-testid="agenda-current">${t('phaseOf', { n: current + 1, total: s.agenda.length })}: ${local(phase.name)}</span></span>
    </summary>
    ${s.method?.purpose ? html`<p class="purpose" data-testid="method-purpose">${s.method.purpose}</p>` : nothing}
    ${v.isChair && phase.part === 'opening' ? methodChooser(v) : nothing}
    <ol class="phases" data-testid="agenda-phases">
      ${repeat(s.agenda, (p) => p.id, (p, i) => phaseItem(v, p, i, current))}
    </ol>
    <p class="muted" data-testid="agenda-total">${t('plannedMinutes', { n: plannedMinutes(s.agenda, current) })}</p>
  </details>`;
}

/** Minutes planned from the current phase to the end, where the phases name them. */
function plannedMinutes(agenda, current) {
  return agenda.slice(current).reduce((sum, p) => sum + (p.minutes ?? 0), 0);
}

/** Whether index i lies in the span of its part's phases still to come, as the server sent it. */
function stillToCome(v, part, i) {
  const span = v.state.phase.stillToCome?.[part];
  return !!span && i >= span[0] && i <= span[1];
}

function phaseItem(v, p, i, current) {
  const status = i < current ? 'past' : i === current ? 'current' : 'upcoming';
  const partStarts = i === 0 || v.state.agenda[i - 1].part !== p.part;
  return html`${partStarts ? html`<li class="part" aria-hidden="true">${t(`part_${p.part}`)}</li>` : nothing}
    <li class=${`phase-item ${status}`} data-testid=${`agenda-${p.id}`} data-phase-id=${p.id}
      aria-current=${status === 'current' ? 'step' : nothing}>
      <span class="phase-line">
        ${status === 'current' ? html`<strong class="now">${t('now')}: </strong>` : nothing}
        ${status === 'past' ? html`<span class="visually-hidden">${t('phaseDone')}: </span>` : nothing}
        <span class="phase-title">${local(p.name)}</span>
        <span class="muted" data-testid=${`minutes-${p.id}`}>${p.minutes ? t('minutes', { n: p.minutes }) : t('noMinutes')}</span>
      </span>
      ${v.isChair && stillToCome(v, p.part, i) ? upcomingControls(v, p, i) : nothing}
    </li>`;
}

function upcomingControls(v, p, i) {
  const ui = v.ui;
  const drafts = ui.minutes ?? (ui.minutes = {});
  const value = drafts[p.id] ?? String(p.minutes ?? '');
  // The server says where each phase may still move: within its part, after the current phase.
  const samePart = (j) => stillToCome(v, p.part, j);
  const name = local(p.name);
  return html`<div class="row phase-controls">
    <label class="inline" for=${`minutes-input-${p.id}`}>${t('minutesLabel')}</label>
    <input id=${`minutes-input-${p.id}`} class="minutes" type="number" min="1" max="240" inputmode="numeric"
      data-testid=${`retime-${p.id}`} aria-label=${t('minutesFor', { phase: name })}
      .value=${live(value)} @input=${(e) => { drafts[p.id] = e.target.value; }}>
    ${button(`set-minutes-${p.id}`, t('setMinutes'), () => {
      const raw = (drafts[p.id] ?? '').trim();
      delete drafts[p.id];
      v.send({ type: 'retimePhase', phaseId: p.id, minutes: raw === '' ? undefined : Number(raw) });
    }, { kind: 'small secondary', label: t('setMinutesFor', { phase: name }) })}
    ${button(`earlier-${p.id}`, '↑', () => v.send({ type: 'movePhase', phaseId: p.id, toIndex: i - 1 }),
      { kind: 'small secondary', disabled: !samePart(i - 1), label: t('earlierPhase', { phase: name }) })}
    ${button(`later-${p.id}`, '↓', () => v.send({ type: 'movePhase', phaseId: p.id, toIndex: i + 1 }),
      { kind: 'small secondary', disabled: !samePart(i + 1), label: t('laterPhase', { phase: name }) })}
    ${button(`skip-${p.id}`, t('skip'), () => confirm(t('confirmSkip', { phase: name }))
      && v.send({ type: 'skipPhase', phaseId: p.id }), { kind: 'small danger', label: t('skipPhase', { phase: name }) })}
  </div>`;
}

function methodChooser(v) {
  const s = v.state;
  const ui = v.ui;
  const list = methods(v);
  const chosen = ui.method ?? s.method?.id;
  const selected = list.find((m) => m.id === chosen);
  return html`<div class="method-choice" data-testid="method-choice">
    <p class=${s.learningQuestionId ? 'hint' : 'muted'}>${s.learningQuestionId ? t('chooseMethodNow') : t('chooseMethodLater')}</p>
    <label for="agenda-method">${t('method')}</label>
    <select id="agenda-method" data-testid="agenda-method-select" .value=${live(chosen ?? '')} @change=${(e) => { ui.method = e.target.value; v.render(); }}>
      ${repeat(list, (m) => m.id, (m) => html`<option value=${m.id} ?selected=${m.id === chosen}>${m.name}</option>`)}
    </select>
    ${selected?.purpose && chosen !== s.method?.id ? html`<p class="muted">${selected.purpose}</p>` : nothing}
    <div class="row">${button('pick-method', t('chooseMethod'), () => {
      ui.method = null;
      v.send({ type: 'chooseMethod', methodId: chosen });
    }, { kind: 'small', disabled: !selected || chosen === s.method?.id })}</div>
  </div>`;
}
