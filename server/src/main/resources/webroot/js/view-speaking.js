// The speaking order: who has the floor, who comes next, and the controls each person may use now.
// Which control applies to whom comes from the server (speaking.may); this file only shows them.

import { html, nothing, repeat, clock } from './lit.js';
import { t } from './i18n.js';
import { button } from './view-phase.js';

const SOUND_KEY = 'intervision.turnSound';

/** Whether this person switched on a short sound for the start of their turn; off unless they did. */
export function turnSoundOn() {
  try {
    return localStorage.getItem(SOUND_KEY) === 'on';
  } catch {
    return false;
  }
}

function setTurnSound(on) {
  try {
    localStorage.setItem(SOUND_KEY, on ? 'on' : 'off');
  } catch {
    // Private windows may refuse storage; the choice then lasts as long as the page.
  }
}

/** A short, soft tone: the turn has come to this person. Browsers allow it after the person has used the page. */
export function playTurnSound() {
  const Context = window.AudioContext || window.webkitAudioContext;
  if (!Context) {
    return;
  }
  try {
    const audio = new Context();
    const tone = audio.createOscillator();
    const volume = audio.createGain();
    tone.frequency.value = 660;
    volume.gain.setValueAtTime(0.15, audio.currentTime);
    volume.gain.exponentialRampToValueAtTime(0.001, audio.currentTime + 0.4);
    tone.connect(volume).connect(audio.destination);
    tone.start();
    tone.stop(audio.currentTime + 0.4);
    tone.onended = () => audio.close();
  } catch {
    // No sound is no loss: the highlight and the spoken announcement remain.
  }
}

const TURN_MINUTES = [0, 1, 2, 3, 5];

export function speakingSection(v) {
  const s = v.state;
  const sp = s.speaking;
  const may = sp.may ?? { raiseHand: [], lowerHand: [], finishTurn: [], passTurn: [] };
  const me = v.me.id;
  const mine = sp.current === me;
  const hands = sp.hands ?? [];
  const away = sp.away ?? [];
  const actions = [];
  // One of these at a time: a double click must not pass twice (which would take someone out of the round).
  const busy = v.pending('speaking');
  const own = (type) => () => v.once('speaking', { type });
  if (may.finishTurn.includes(me)) {
    actions.push(button('finish-turn', t('finishTurn'), own('finishTurn'), { disabled: busy }));
  }
  if (may.raiseHand.includes(me)) {
    actions.push(button('raise-hand', t('raiseHand'), own('raiseHand'), { disabled: busy }));
  }
  if (may.lowerHand.includes(me)) {
    actions.push(button('lower-hand', t('lowerHand'), own('lowerHand'), { kind: 'secondary', disabled: busy }));
  }
  if (may.passTurn.includes(me)) {
    actions.push(button('pass', t('pass'), own('passTurn'), { kind: 'secondary', disabled: busy }));
  }
  if (v.isChair) {
    actions.push(button('next-speaker', sp.current ? t('nextSpeakerSkip') : t('nextSpeaker'),
      () => v.send({ type: 'nextSpeaker' }), { disabled: !sp.current && sp.queue.length === 0 }));
    actions.push(button('start-round', t('startRound'), () => v.send({ type: 'startRound' }), { kind: 'secondary' }));
  }
  const position = sp.queue.indexOf(me);
  return html`<section aria-labelledby="speaking-title" class=${mine ? 'my-turn' : ''} data-testid="speaking">
    <h2 id="speaking-title">${t('speaking')}</h2>
    ${mine ? html`<p class="your-turn" data-testid="your-turn">${t('yourTurnNow')}</p>` : nothing}
    ${sp.current
      ? html`<p data-testid="current-speaker"><strong>${t('nowSpeaking')}: ${v.nameOf(sp.current)}</strong>
          ${sp.turnEndsAt ? html` <span class="timer small" role="timer" aria-label=${t('turnTimeLeft')}
            data-testid="turn-timer">${clock(sp.turnEndsAt - v.now)}</span>` : nothing}</p>`
      : html`<p class="muted">${t('nobodySpeaking')}</p>`}
    ${s.turnSeconds > 0 ? html`<p class="muted" data-testid="turn-time">${t('turnTimeIs', { n: s.turnSeconds / 60 })}</p>` : nothing}
    ${position >= 0 ? html`<p data-testid="my-place">${t('yourPlace', { n: position + 1 })}</p>` : nothing}
    ${sp.queue.length ? html`<ol class="speakers numbered" aria-label=${t('queue')} data-testid="queue">
      ${repeat(sp.queue, (id) => id, (id, i) => queueItem(v, id, i, hands.includes(id)))}</ol>` : nothing}
    ${away.length ? html`<ul class="speakers" aria-label=${t('skippedAway')} data-testid="away">
      ${repeat(away, (id) => id, (id) => html`<li data-participant-id=${id}>${v.nameOf(id)}
        <span class="muted">· ${t('awaySkipped')}</span></li>`)}</ul>` : nothing}
    <div class="row">${actions}</div>
    ${v.isChair ? turnTime(v) : nothing}
    <label class="muted small-label"><input type="checkbox" data-testid="turn-sound" .checked=${turnSoundOn()}
      @change=${(e) => { setTurnSound(e.target.checked); v.render(); }}> ${t('turnSound')}</label>
  </section>`;
}

function queueItem(v, id, i, hand) {
  const queue = v.state.speaking.queue;
  const move = (to) => {
    const next = queue.filter((other) => other !== id);
    next.splice(to, 0, id);
    v.send({ type: 'reorderSpeakers', queue: next });
  };
  return html`<li data-participant-id=${id} class=${id === v.me.id ? 'me' : ''}>
    <span class="place">${i + 1}.</span> ${v.nameOf(id)}${id === v.me.id ? ` (${t('you')})` : ''}
    ${hand ? html`<span class="muted"> · ${t('handUp')}</span>` : nothing}
    ${v.isChair ? html`<span class="queue-controls">
      ${i > 0 ? button(`move-up-${i}`, '↑', () => move(i - 1), { kind: 'secondary small', label: t('moveUp', { name: v.nameOf(id) }) }) : nothing}
      ${button(`skip-${i}`, t('skipSpeaker'), () => v.send({ type: 'reorderSpeakers', queue: queue.filter((other) => other !== id) }),
        { kind: 'secondary small', label: t('skipSpeakerLabel', { name: v.nameOf(id) }) })}</span>` : nothing}
  </li>`;
}

function turnTime(v) {
  const current = v.state.turnSeconds / 60;
  return html`<div class="row"><label for="turn-time">${t('turnTimeLabel')}</label>
    <select id="turn-time" data-testid="turn-time-select"
      @change=${(e) => v.send({ type: 'setTurnTime', seconds: Number(e.target.value) * 60 })}>
      ${TURN_MINUTES.map((m) => html`<option value=${m} ?selected=${m === current}>${m === 0 ? t('noTurnTime') : t('minutesShort', { m })}</option>`)}
    </select></div>`;
}
