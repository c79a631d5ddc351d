// Applies the server's events to the state it sent in `welcome`. Events carry their results
// (the new speaking order, the new timer), so this only files them in; it decides nothing.

export function applyEvents(state, events) {
  for (const event of events) {
    apply(state, event);
  }
  return state;
}

function apply(s, e) {
  switch (e.type) {
    case 'participantJoined':
      s.participants.push({ ...e.participant, online: false });
      break;
    case 'phaseChanged': {
      const phase = s.agenda[e.to];
      s.phase = { index: e.to, id: e.phaseId, name: phase.name, speaking: phase.speaking, part: phase.part };
      s.speaking = { queue: [], passed: [] };
      s.done = [];
      break;
    }
    case 'methodChosen': {
      const opening = s.agenda.filter((p) => p.part === 'opening');
      const closing = s.agenda.filter((p) => p.part === 'closing');
      s.agenda = [...opening, ...e.method.phases.map((p) => ({ ...p, part: 'method' })), ...closing];
      s.method = { id: e.method.id, name: e.method.name };
      break;
    }
    case 'phaseSkipped':
      s.agenda = s.agenda.filter((p) => p.id !== e.phaseId);
      break;
    case 'phaseMoved': {
      const from = s.agenda.findIndex((p) => p.id === e.phaseId);
      const [phase] = s.agenda.splice(from, 1);
      s.agenda.splice(e.toIndex, 0, phase);
      break;
    }
    case 'phaseRetimed':
      s.agenda.find((p) => p.id === e.phaseId).minutes = e.minutes;
      break;
    case 'readinessChanged':
      s.done = e.done ? [...s.done, e.participantId] : s.done.filter((id) => id !== e.participantId);
      break;
    case 'timerChanged':
      s.phase.timer = e.timer;
      s.phase.timerReason = e.reason;
      s.phase.endsAt = e.timer.endsAt;
      break;
    case 'cardAdded':
      s.cards.push({ ...e.card, votes: e.card.voters?.length ?? 0 });
      break;
    case 'cardEdited':
      withCard(s, e.cardId, (c) => { c.text = e.text; c.editedAt = e.at; });
      break;
    case 'cardDeleted':
      s.cards = s.cards.filter((c) => c.id !== e.cardId);
      break;
    case 'cardVoted':
      withCard(s, e.cardId, (c) => { c.voters = [...c.voters, e.participantId]; c.votes = c.voters.length; });
      break;
    case 'cardUnvoted':
      withCard(s, e.cardId, (c) => { c.voters = c.voters.filter((id) => id !== e.participantId); c.votes = c.voters.length; });
      break;
    case 'cardsRevealed':
      for (const card of e.cards) {
        const revealed = { ...card, votes: card.voters?.length ?? 0 };
        const at = s.cards.findIndex((c) => c.id === card.id);
        if (at >= 0) {
          s.cards[at] = revealed;
        } else {
          s.cards.push(revealed);
        }
      }
      break;
    case 'authorRevealed':
      withCard(s, e.cardId, (c) => { c.authorId = e.authorId; c.authorRevealed = true; });
      break;
    case 'cardRated':
      withCard(s, e.cardId, (c) => { c.rating = e.rating; });
      break;
    case 'keyQuestionMarked':
      s.cards.forEach((c) => { c.key = c.id === e.cardId; });
      break;
    case 'cardAnswered':
      withCard(s, e.cardId, (c) => { c.answered = e.answered; });
      break;
    case 'learningQuestionChosen':
      s.learningQuestionId = e.cardId;
      s.caseBringerId = e.caseBringerId;
      break;
    case 'caseBringerChosen':
      s.caseBringerId = e.participantId;
      break;
    case 'chairHandedOver':
      s.participants.forEach((p) => {
        if (p.id === e.from) p.role = 'participant';
        if (p.id === e.to) p.role = 'chair';
      });
      if (s.backupChairId === e.to) {
        delete s.backupChairId;
      }
      break;
    case 'backupChairNamed':
      s.backupChairId = e.participantId;
      break;
    case 'participantRemoved':
      s.participants = s.participants.filter((p) => p.id !== e.participantId);
      s.done = s.done.filter((id) => id !== e.participantId);
      if (s.caseBringerId === e.participantId) delete s.caseBringerId;
      if (s.backupChairId === e.participantId) delete s.backupChairId;
      s.speaking = e.speaking;
      break;
    case 'speakingChanged':
      s.speaking = e.speaking;
      break;
    case 'turnTimeSet':
      s.turnSeconds = e.seconds;
      break;
    case 'meetingEnded':
      s.status = 'ended';
      s.endedAt = e.at;
      break;
    default:
      break; // an event this page does not know yet: the next welcome brings the state
  }
}

function withCard(s, id, change) {
  const card = s.cards.find((c) => c.id === id);
  if (card) {
    change(card);
  }
}

export function presence(state, participants) {
  const online = new Map(participants.map((p) => [p.id, p.online]));
  for (const p of state.participants) {
    p.online = online.get(p.id) ?? false;
  }
  for (const p of participants) {
    if (!state.participants.some((q) => q.id === p.id)) {
      state.participants.push({ ...p });
    }
  }
}
