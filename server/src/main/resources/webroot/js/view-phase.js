// The phase the meeting is in, its timer and the speaking order. Controls someone may not use are
// not shown to them; the server checks every command anyway.

import { html, nothing, repeat, clock } from './lit.js';
import { t, local } from './i18n.js';
import { timerView, timerControls } from './view-timer.js';

export function button(key, label, onClick, { kind = '', disabled = false, pressed, label: aria } = {}) {
  return html`<button type="button" class=${kind} data-key=${key} data-testid=${key} ?disabled=${disabled}
    aria-pressed=${pressed === undefined ? nothing : String(pressed)} aria-label=${aria ?? nothing}
    @click=${onClick}>${label}</button>`;
}

export function phaseSection(v) {
  const s = v.state;
  const phase = s.agenda[s.phase.index];
  const everyone = s.participants.filter((p) => p.role !== 'observer');
  const done = s.done.length;
  const mine = s.done.includes(v.me.id);
  return html`<section aria-labelledby="phase-name" class="phase">
    <h2>${t('phaseOf', { n: s.phase.index + 1, total: s.agenda.length })} · ${t(`part_${phase.part}`)}
      ${s.method?.name ? html`<span class="method" data-testid="method-name">· ${s.method.name}</span>` : nothing}</h2>
    <h3 id="phase-name" data-testid="phase-name" data-index=${s.phase.index}>${local(phase.name)}</h3>
    ${phase.guidance ? html`<p class="guidance">${local(phase.guidance)}</p>` : nothing}
    <p class="muted">${t(`speaks_${phase.speaking}`)}</p>
    <div class="row">${timerView(v)}</div>
    ${v.me.role === 'observer' ? nothing : html`<div class="row">
      ${button('done', mine ? t('notDone') : t('done'), () => v.send({ type: mine ? 'markNotDone' : 'markDone' }),
        { kind: 'secondary', pressed: mine })}
      <span class="muted" data-testid="done-count">${t('doneCount', { done, total: everyone.length })}</span>
    </div>`}
    ${v.isChair ? chairPhaseControls(v, phase, done, everyone.length) : nothing}
  </section>`;
}

function chairPhaseControls(v, phase, done, total) {
  const s = v.state;
  return html`<div class="row">
      ${button('previous-phase', t('previous'), () => v.send({ type: 'previousPhase', fromPhase: s.phase.index }),
        { kind: 'secondary', disabled: s.phase.index === 0 })}
      ${button('next-phase', t('next'), () => {
        if (done < total && !confirm(t('confirmNext', { done, total }))) {
          return;
        }
        v.send({ type: 'advancePhase', fromPhase: s.phase.index });
      }, { disabled: s.phase.index === s.agenda.length - 1 })}
    </div>
    ${timerControls(v, phase)}`;
}

/** Whether this person may take the floor now (only to hide the button; the server decides). */
function mayRaiseHand(v, phase) {
  if (phase.speaking === 'case-bringer') {
    return v.isCaseBringer || !v.state.caseBringerId;
  }
  const listens = phase.part === 'method' && phase.cards.some((k) => k === 'hypothesis' || k === 'advice');
  return !(v.isCaseBringer && listens);
}

export function speakingSection(v) {
  const s = v.state;
  const sp = s.speaking;
  const phase = s.agenda[s.phase.index];
  const raised = sp.queue.includes(v.me.id);
  const mine = sp.current === v.me.id;
  const actions = [];
  if (v.me.role !== 'observer') {
    if (raised) {
      actions.push(button('lower-hand', t('lowerHand'), () => v.send({ type: 'lowerHand' }), { kind: 'secondary' }));
    } else if (!mine && mayRaiseHand(v, phase)) {
      actions.push(button('raise-hand', t('raiseHand'), () => v.send({ type: 'raiseHand' })));
    }
    if (mine || raised) {
      actions.push(button('pass', t('pass'), () => v.send({ type: 'passTurn' }), { kind: 'secondary' }));
    }
  }
  if (v.isChair) {
    actions.push(button('next-speaker', t('nextSpeaker'), () => v.send({ type: 'nextSpeaker' }),
      { disabled: !sp.current && sp.queue.length === 0 }));
    actions.push(button('start-round', t('startRound'), () => v.send({ type: 'startRound' }), { kind: 'secondary' }));
  }
  return html`<section aria-labelledby="speaking-title" class=${mine ? 'my-turn' : ''}>
    <h2 id="speaking-title">${t('speaking')}</h2>
    ${mine ? html`<p class="your-turn" data-testid="your-turn">${t('yourTurn')}</p>` : nothing}
    ${sp.current
      ? html`<p data-testid="current-speaker"><strong>${t('nowSpeaking')}: ${v.nameOf(sp.current)}</strong>
          ${sp.turnEndsAt ? html` <span class="timer small">${clock(sp.turnEndsAt - v.now)}</span>` : nothing}</p>`
      : html`<p class="muted">${t('nobodySpeaking')}</p>`}
    ${sp.queue.length ? html`<ol class="speakers" aria-label=${t('queue')}>
      ${repeat(sp.queue, (id) => id, (id) => html`<li>${v.nameOf(id)}</li>`)}</ol>` : nothing}
    <div class="row">${actions}</div>
  </section>`;
}
