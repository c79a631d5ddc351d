// The phase the meeting is in, its timer and who is done. Controls someone may not use are not shown
// to them; the server checks every command anyway. The speaking order is in view-speaking.js.

import { html, nothing } from './lit.js';
import { t, local } from './i18n.js';
import { timerView, timerControls } from './view-timer.js';

// A double click is one click (e.detail counts the clicks of one burst; 0 from the keyboard). When the
// server answers between its two clicks, the page already shows what came next, and the second click
// would act on that: move on another phase, or hit the button that moved under the pointer (seen in CI).
// Only a button whose repeats add up (one more minute) takes every click.
export function button(key, label, onClick, { kind = '', disabled = false, pressed, label: aria, repeats = false } = {}) {
  const once = (e) => {
    if (repeats || e.detail <= 1) {
      onClick(e);
    }
  };
  return html`<button type="button" class=${kind} data-key=${key} data-testid=${key} ?disabled=${disabled}
    aria-pressed=${pressed === undefined ? nothing : String(pressed)} aria-label=${aria ?? nothing}
    @click=${once}>${label}</button>`;
}

export function phaseSection(v) {
  const s = v.state;
  const phase = s.agenda[s.phase.index];
  // Readiness applies only where the server says so, and counts only those it names (state.readiness).
  const expected = s.readiness?.expected ?? [];
  const done = expected.filter((id) => s.done.includes(id)).length;
  const mine = s.done.includes(v.me.id);
  const timer = s.phase.timer;
  return html`<section aria-labelledby="phase-name" class="phase">
    <h2>${t('phaseOf', { n: s.phase.index + 1, total: s.agenda.length })} · ${t(`part_${phase.part}`)}
      ${s.method?.name ? html`<span class="method" data-testid="method-name">· ${s.method.name}</span>` : nothing}</h2>
    <h3 id="phase-name" data-testid="phase-name" data-index=${s.phase.index}>${local(phase.name)}</h3>
    ${phase.guidance ? html`<p class="guidance">${local(phase.guidance)}</p>` : nothing}
    <p class="muted">${t(`speaks_${phase.speaking}`)}</p>
    <div class="row">${timerView(v)}
      ${timer?.pausedBecause === 'case-bringer-offline'
        ? html`<span class="muted" role="status" data-testid="timer-paused-reason">${t('timerPausedBecause')}</span>` : nothing}
    </div>
    ${s.readiness ? html`<div class="row">
      ${expected.includes(v.me.id) ? button('done', mine ? t('notDone') : t('done'),
        () => v.send({ type: mine ? 'markNotDone' : 'markDone' }), { kind: 'secondary', pressed: mine }) : nothing}
      <span class="muted" data-testid="done-count">${t('doneCount', { done, total: expected.length })}</span>
    </div>` : nothing}
    ${v.isChair ? chairPhaseControls(v, phase, done, expected.length) : nothing}
  </section>`;
}

function chairPhaseControls(v, phase, done, total) {
  const s = v.state;
  return html`<div class="row">
      ${button('previous-phase', t('previous'), () => v.once('previous', { type: 'previousPhase', fromPhase: s.phase.index }),
        { kind: 'secondary', disabled: s.phase.index === 0 || v.pending('previous') })}
      ${button('next-phase', t('next'), () => {
        // Only where someone still has something to finish; a second click while the first is on its way is ignored.
        if (v.pending('advance')) {
          return;
        }
        if (s.readiness && done < total && !confirm(t('confirmNext', { done, total }))) {
          return;
        }
        v.once('advance', { type: 'advancePhase', fromPhase: s.phase.index });
      }, { disabled: s.phase.index === s.agenda.length - 1 || v.pending('advance') })}
    </div>
    ${s.readiness ? nothing : html`<div class="row">${button('ask-readiness', t('askReadiness'),
      () => v.once('ask-readiness', { type: 'askReadiness' }), { kind: 'secondary', disabled: v.pending('ask-readiness') })}</div>`}
    ${timerControls(v, phase)}`;
}
