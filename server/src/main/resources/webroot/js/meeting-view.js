// Renders a meeting for one person. Controls someone may not use are not shown to them; the
// server still checks every command.

import { h, clock } from './dom.js';
import { t, local } from './i18n.js';

export function meetingView(v) {
  const s = v.state;
  if (s.status === 'ended') {
    return [ended(v)];
  }
  return [phaseSection(v), speakingSection(v), boardSection(v), actionSection(v), peopleSection(v),
    s.joinCode ? inviteSection(v) : null, v.isChair ? chairSection(v) : null];
}

function button(key, label, onClick, extra = {}) {
  return h('button', { type: 'button', 'data-key': key, 'data-testid': key, onClick, ...extra }, label);
}

function phaseSection(v) {
  const s = v.state;
  const phase = s.agenda[s.phase.index];
  const everyone = s.participants.filter((p) => p.role !== 'observer');
  const done = s.done.length;
  const timer = s.phase.timer;
  const controls = [];
  if (v.isChair) {
    controls.push(h('div', { class: 'row' },
      button('previous-phase', t('previous'), () => v.send({ type: 'previousPhase', fromPhase: s.phase.index }),
        { class: 'secondary', disabled: s.phase.index === 0 }),
      button('next-phase', t('next'), () => {
        if (done < everyone.length && !confirm(t('confirmNext', { done, total: everyone.length }))) {
          return;
        }
        v.send({ type: 'advancePhase', fromPhase: s.phase.index });
      }, { disabled: s.phase.index === s.agenda.length - 1 })));
    const minutes = phase.minutes ?? 5;
    controls.push(h('div', { class: 'row' },
      timer == null
        ? button('timer-start', t('startTimer', { m: minutes }), () => v.send({ type: 'startTimer', seconds: minutes * 60 }))
        : timer.endsAt != null
          ? button('timer-pause', t('pause'), () => v.send({ type: 'pauseTimer' }), { class: 'secondary' })
          : button('timer-resume', t('resume'), () => v.send({ type: 'resumeTimer' })),
      timer == null ? null : button('timer-extend', t('plusMinute'), () => v.send({ type: 'extendTimer', seconds: 60 }),
        { class: 'secondary' })));
  }
  const mine = s.done.includes(v.me.id);
  return h('section', { 'aria-labelledby': 'phase-name' },
    h('h2', {}, t('phaseOf', { n: s.phase.index + 1, total: s.agenda.length }), ' · ', t(`part_${phase.part}`)),
    h('h3', { id: 'phase-name', 'data-testid': 'phase-name', 'data-index': s.phase.index }, local(phase.name)),
    h('p', { class: 'guidance' }, local(phase.guidance)),
    h('p', { class: 'muted' }, t(`speaks_${phase.speaking}`)),
    h('div', { class: 'row' },
      timer ? h('span', { class: 'timer', 'data-timer': '', role: 'timer', 'aria-label': t('timer') }, '')
        : h('span', { class: 'muted' }, t('noTimer')),
      s.phase.timerReason === 'case-bringer-offline' && timer?.remainingMs != null
        ? h('span', { class: 'muted' }, t('timerPausedBecause')) : null),
    v.me.role === 'observer' ? null : h('div', { class: 'row' },
      button('done', mine ? t('notDone') : t('done'), () => v.send({ type: mine ? 'markNotDone' : 'markDone' }),
        { class: 'secondary', 'aria-pressed': String(mine) }),
      h('span', { class: 'muted', 'data-testid': 'done-count' }, t('doneCount', { done, total: everyone.length }))),
    controls);
}

/** Countdown texts; called every quarter second without re-rendering anything else. */
export function tick(root, state, now) {
  const timer = state.phase?.timer;
  const display = root.querySelector('[data-timer]');
  if (display && timer) {
    const left = timer.endsAt != null ? timer.endsAt - now : timer.remainingMs;
    display.textContent = clock(left);
    display.classList.toggle('over', timer.endsAt != null && left <= 0);
  }
  const turn = root.querySelector('[data-turn-timer]');
  if (turn && state.speaking?.turnEndsAt) {
    turn.textContent = clock(state.speaking.turnEndsAt - now);
  }
}

/** What the case-bringer does not write about their own case (the server refuses it too). */
const ABOUT_THE_CASE = ['information-question', 'deepening-question', 'hypothesis', 'advice'];

/** The kinds this person may add in this phase. */
function writableKinds(v, phase) {
  if (!v.isCaseBringer || phase.speaking === 'case-bringer') {
    return phase.cards;
  }
  return phase.cards.filter((k) => !ABOUT_THE_CASE.includes(k));
}

/** Whether this person may take the floor now: the phase decides (mirrors the server's rule). */
function mayRaiseHand(v, phase) {
  const s = v.state;
  if (phase.speaking === 'case-bringer') {
    return v.isCaseBringer || !s.caseBringerId;
  }
  const listens = phase.part === 'method' && phase.cards.some((k) => k === 'hypothesis' || k === 'advice');
  return !(v.isCaseBringer && listens);
}

function speakingSection(v) {
  const s = v.state;
  const sp = s.speaking;
  const phase = s.agenda[s.phase.index];
  const inLine = sp.current === v.me.id || sp.queue.includes(v.me.id);
  const raised = sp.queue.includes(v.me.id);
  const actions = [];
  if (v.me.role !== 'observer') {
    actions.push(raised
      ? button('lower-hand', t('lowerHand'), () => v.send({ type: 'lowerHand' }), { class: 'secondary' })
      : sp.current === v.me.id || !mayRaiseHand(v, phase) ? null
        : button('raise-hand', t('raiseHand'), () => v.send({ type: 'raiseHand' })));
    if (inLine) {
      actions.push(button('pass', t('pass'), () => v.send({ type: 'passTurn' }), { class: 'secondary' }));
    }
  }
  if (v.isChair) {
    actions.push(button('next-speaker', t('nextSpeaker'), () => v.send({ type: 'nextSpeaker' }), { disabled: !sp.current && sp.queue.length === 0 }));
    actions.push(button('start-round', t('startRound'), () => v.send({ type: 'startRound' }), { class: 'secondary' }));
  }
  return h('section', { 'aria-labelledby': 'speaking-title' },
    h('h2', { id: 'speaking-title' }, t('speaking')),
    sp.current
      ? h('p', { 'data-testid': 'current-speaker' }, h('strong', {}, t('nowSpeaking'), ': ', v.nameOf(sp.current)),
        sp.turnEndsAt ? h('span', { class: 'timer small', 'data-turn-timer': '' }, '') : null)
      : h('p', { class: 'muted' }, t('nobodySpeaking')),
    sp.queue.length ? h('ol', { class: 'speakers', 'aria-label': t('queue') },
      sp.queue.map((id) => h('li', {}, v.nameOf(id)))) : null,
    h('div', { class: 'row' }, actions));
}

function boardSection(v) {
  const s = v.state;
  const phase = s.agenda[s.phase.index];
  // While the case is being chosen, the learning questions stay on the board to vote on and pick from.
  const cards = s.cards.filter((c) => c.kind !== 'action-point'
    && (c.phaseId === phase.id || (phase.part === 'opening' && c.kind === 'learning-question')));
  const hidden = s.cards.filter((c) => c.hidden).length;
  const chosen = s.cards.find((c) => c.id === s.learningQuestionId);
  return h('section', { 'aria-labelledby': 'board-title' },
    h('h2', { id: 'board-title' }, t('board')),
    chosen && phase.part !== 'opening' ? h('p', {}, h('strong', {}, t('chosenQuestion'), ': '), chosen.text ?? '') : null,
    phase.silent ? h('p', { class: 'muted' }, t('silentPhase')) : null,
    phase.anonymous ? h('p', { class: 'muted' }, t('anonymousPhase')) : null,
    phase.cards.length === 0 ? h('p', { class: 'muted' }, t('collectsNothing')) : null,
    cards.length ? h('ul', { class: 'cards', 'data-testid': 'cards' }, cards.map((c) => cardItem(v, c)))
      : phase.cards.length ? h('p', { class: 'muted' }, t('noCards')) : null,
    v.isChair && phase.silent && hidden > 0
      ? button('reveal', t('reveal', { n: hidden }), () => v.send({ type: 'revealCards' })) : null,
    v.me.role !== 'observer' && writableKinds(v, phase).length ? v.compose(writableKinds(v, phase)) : null);
}

function cardItem(v, c) {
  const s = v.state;
  const mine = c.authorId === v.me.id;
  if (c.text == null) {
    return h('li', { class: 'hidden-card', 'data-testid': 'card' },
      h('p', { class: 'card-text muted' }, c.authorId ? t('hiddenCard', { name: v.nameOf(c.authorId) }) : t('hiddenCardAnon')));
  }
  const author = c.authorId ? (mine ? t('you') : v.nameOf(c.authorId)) : t('anonymous');
  const parts = [t(`kind_${c.kind}`), author];
  if (c.votes) parts.push(t('votes', { n: c.votes }));
  if (c.rating) parts.push(t(c.rating));
  if (c.answered) parts.push(t('answered'));
  const controls = [];
  const voted = c.voters?.includes(v.me.id);
  if (v.me.role !== 'observer') {
    controls.push(button(`vote-${c.id}`, `▲ ${c.votes ?? 0}`, () => v.send({ type: voted ? 'unvoteCard' : 'voteCard', cardId: c.id }),
      { class: 'small secondary', 'aria-pressed': String(!!voted), 'aria-label': t('vote') }));
  }
  if (mine) {
    controls.push(button(`edit-${c.id}`, t('edit'), () => v.edit(c), { class: 'small secondary' }));
    if (c.anonymous && !c.authorRevealed) {
      controls.push(button(`own-${c.id}`, t('revealMine'), () => v.send({ type: 'revealAuthor', cardId: c.id }), { class: 'small secondary' }));
    }
  }
  if (mine || v.isChair) {
    controls.push(button(`delete-${c.id}`, t('remove'), () => confirm(t('confirmRemove')) && v.send({ type: 'deleteCard', cardId: c.id }),
      { class: 'small danger' }));
  }
  if (v.isCaseBringer) {
    for (const rating of ['warm', 'neutral', 'cold']) {
      controls.push(button(`rate-${rating}-${c.id}`, t(rating), () => v.send({ type: 'rateCard', cardId: c.id, rating: c.rating === rating ? null : rating }),
        { class: `small secondary rating-${rating}`, 'aria-pressed': String(c.rating === rating) }));
    }
    controls.push(button(`key-${c.id}`, t('key'), () => v.send({ type: 'markKeyQuestion', cardId: c.key ? null : c.id }),
      { class: 'small secondary', 'aria-pressed': String(!!c.key) }));
  }
  if (v.isChair || v.isCaseBringer) {
    controls.push(button(`answered-${c.id}`, t('answered'), () => v.send({ type: 'markAnswered', cardId: c.id, answered: !c.answered }),
      { class: 'small secondary', 'aria-pressed': String(!!c.answered) }));
  }
  if (v.isChair && c.kind === 'learning-question' && s.phase.part === 'opening' && s.learningQuestionId !== c.id) {
    controls.push(button(`choose-${c.id}`, t('chooseCase'), () => v.send({ type: 'chooseLearningQuestion', cardId: c.id }), { class: 'small' }));
  }
  return h('li', { class: c.key ? 'key' : '', 'data-testid': 'card' },
    v.editing === c.id ? v.editor(c) : h('p', { class: 'card-text' }, c.text),
    h('div', { class: 'card-meta' }, parts.join(' · ')),
    h('div', { class: 'row' }, controls));
}

function actionSection(v) {
  const points = v.state.cards.filter((c) => c.kind === 'action-point' && c.text != null);
  return h('section', { 'aria-labelledby': 'actions-title' },
    h('h2', { id: 'actions-title' }, t('actionPoints')),
    points.length ? h('ul', { class: 'cards' }, points.map((c) => h('li', {},
      h('p', { class: 'card-text' }, c.text),
      h('div', { class: 'card-meta' }, t('owner'), ': ', v.nameOf(c.ownerId)))))
      : h('p', { class: 'muted' }, t('noActionPoints')));
}

function peopleSection(v) {
  const s = v.state;
  return h('section', { 'aria-labelledby': 'people-title' },
    h('h2', { id: 'people-title' }, t('people')),
    h('ul', { class: 'people', 'data-testid': 'people' }, s.participants.map((p) => {
      const badges = [t(`role_${p.role}`)];
      if (p.id === s.caseBringerId) badges.push(t('caseBringer'));
      if (p.id === s.backupChairId) badges.push(t('backup'));
      return h('li', { class: p.id === s.speaking.current ? 'current' : '' },
        h('span', { class: `dot ${p.online ? 'on' : ''}`, 'aria-hidden': 'true' }),
        p.id === v.me.id ? `${p.name} (${t('you')})` : p.name,
        h('span', { class: 'muted' }, ` · ${badges.join(', ')}`),
        s.done.includes(p.id) ? h('span', { 'aria-label': t('done') }, ' ✓') : null);
    })));
}

function inviteSection(v) {
  return h('section', { class: 'invite', 'aria-labelledby': 'invite-title' },
    h('h2', { id: 'invite-title' }, t('invite')),
    h('p', {}, t('joinCode'), ': ', h('code', { 'data-testid': 'join-code' }, v.state.joinCode)),
    h('p', { class: 'link', 'data-testid': 'join-link' }, v.joinUrl),
    button('copy-link', t('copy'), () => navigator.clipboard?.writeText(v.joinUrl).then(() => v.notice(t('copied'))),
      { class: 'secondary' }));
}

function chairSection(v) {
  const s = v.state;
  const others = s.participants.filter((p) => p.id !== v.me.id && p.role !== 'observer');
  const handOver = h('select', { id: 'hand-over', 'data-key': 'hand-over-select' },
    others.map((p) => h('option', { value: p.id }, p.name)));
  const backup = h('select', { id: 'backup', 'data-key': 'backup-select' },
    h('option', { value: '' }, t('noBackup')),
    others.map((p) => h('option', { value: p.id, selected: p.id === s.backupChairId }, p.name)));
  const removable = s.participants.filter((p) => p.id !== v.me.id);
  const leaving = h('select', { id: 'remove-person', 'data-key': 'remove-person-select' },
    removable.map((p) => h('option', { value: p.id }, p.name)));
  return h('section', { 'aria-label': t('role_chair') },
    others.length ? [
      h('label', { for: 'hand-over' }, t('handOver')), handOver,
      h('div', { class: 'row' }, button('hand-over', t('handOverButton'), () => {
        const name = v.nameOf(handOver.value);
        if (confirm(t('confirmHandOver', { name }))) {
          v.send({ type: 'handOverChair', participantId: handOver.value });
        }
      }, { class: 'secondary' })),
      h('label', { for: 'backup' }, t('backupChair')), backup,
      h('div', { class: 'row' }, button('set-backup', t('setBackup'),
        () => v.send({ type: 'nameBackupChair', participantId: backup.value || null }), { class: 'secondary' })),
    ] : null,
    removable.length ? [
      h('label', { for: 'remove-person' }, t('removePerson')), leaving,
      h('div', { class: 'row' }, button('remove-person', t('removePersonButton'), () => {
        const name = v.nameOf(leaving.value);
        if (confirm(t('confirmRemovePerson', { name }))) {
          v.send({ type: 'removeParticipant', participantId: leaving.value });
        }
      }, { class: 'danger' })),
    ] : null,
    h('div', { class: 'row' }, button('end-meeting', t('endMeeting'),
      () => confirm(t('confirmEnd')) && v.send({ type: 'endMeeting' }), { class: 'danger' })));
}

function ended(v) {
  const mayRead = v.isChair || v.isCaseBringer;
  return h('section', {},
    h('h3', { 'data-testid': 'ended' }, t('ended')),
    mayRead ? button('summary', t('summary'), () => v.showSummary()) : null,
    v.summaryText ? h('pre', { class: 'summary' }, v.summaryText) : null);
}
