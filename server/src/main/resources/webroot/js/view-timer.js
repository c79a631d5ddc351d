// The phase timer as everyone sees it, and the chair's controls for it. A paused timer says so in
// words, and a timer that ran out keeps counting as overtime rather than standing at 0:00.

import { html, nothing, live } from './lit.js';
import { t } from './i18n.js';
import { button } from './view-phase.js';

const PRESETS = [3, 5, 10, 15];

function clockOf(ms) {
  const total = Math.ceil(Math.abs(ms) / 1000);
  return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, '0')}`;
}

export function timerView(v) {
  const s = v.state;
  const timer = s.phase.timer;
  if (!timer) {
    return html`<span class="muted" data-testid="timer-state" data-state="none">${t('noTimer')}</span>`;
  }
  if (timer.endsAt == null) {
    return html`<span data-timer class="timer paused" role="timer" aria-label=${t('timer')}>${clockOf(timer.remainingMs)}</span>
      <span class="timer-state paused" data-testid="timer-state" data-state="paused">⏸ ${t('timerPaused')}</span>
      ${s.phase.timerReason === 'case-bringer-offline' ? html`<span class="muted">${t('timerPausedBecause')}</span>` : nothing}`;
  }
  const left = timer.endsAt - v.now;
  if (left <= 0) {
    return html`<span data-timer class="timer over" role="timer" aria-label=${t('timer')}>+${clockOf(left)}</span>
      <span class="timer-state over" data-testid="timer-state" data-state="overtime">${t('overtime')}</span>`;
  }
  return html`<span data-timer class="timer" role="timer" aria-label=${t('timer')}>${clockOf(left)}</span>
    <span class="visually-hidden" data-testid="timer-state" data-state="running">${t('timerRunning')}</span>`;
}

export function timerControls(v, phase) {
  const timer = v.state.phase.timer;
  const ui = v.ui;
  const start = (minutes) => v.send({ type: 'startTimer', seconds: Math.round(minutes * 60) });
  const custom = ui.timerMinutes ?? String(phase.minutes ?? 5);
  return html`<div class="row">
      ${timer == null ? nothing
        : timer.endsAt != null
          ? button('timer-pause', t('pause'), () => v.send({ type: 'pauseTimer' }), { kind: 'secondary' })
          : button('timer-resume', t('resume'), () => v.send({ type: 'resumeTimer' }))}
      ${timer == null ? nothing
        : button('timer-extend', t('plusMinute'), () => v.send({ type: 'extendTimer', seconds: 60 }), { kind: 'secondary', repeats: true })}
    </div>
    <div class="row timer-presets" role="group" aria-label=${timer == null ? t('startTimerLabel') : t('restartTimerLabel')}>
      ${phase.minutes && !PRESETS.includes(phase.minutes)
        ? button('timer-start', t('startTimer', { m: phase.minutes }), () => start(phase.minutes), { kind: 'small' }) : nothing}
      ${PRESETS.map((m) => button(m === phase.minutes || (!phase.minutes && m === 5) ? 'timer-start' : `timer-${m}`,
        t('startTimer', { m }), () => start(m), { kind: m === (phase.minutes ?? 5) ? 'small' : 'small secondary' }))}
      <input class="minutes" type="number" min="1" max="240" inputmode="numeric" data-testid="timer-minutes"
        aria-label=${t('timerMinutes')} .value=${live(custom)} @input=${(e) => { ui.timerMinutes = e.target.value; }}>
      ${button('timer-custom', t('startCustom'), () => {
        // Read at the click: typing does not re-render, so the value rendered last may be older.
        const minutes = Number(ui.timerMinutes ?? custom);
        if (minutes > 0) start(minutes);
      }, { kind: 'small secondary' })}
    </div>`;
}
