// Merges the server's `changes` into the state it sent in `welcome`. The server computes what each
// person sees (docs/PROTOCOL.md, "changes"); this knows no meeting rules, only how to file entities
// in by id.

const LISTS = new Set(['cards', 'removedCards', 'cardOrder', 'participants', 'removedParticipants', 'unset']);

export function merge(state, changes) {
  if (!changes) {
    return state;
  }
  for (const [field, value] of Object.entries(changes)) {
    if (!LISTS.has(field)) {
      state[field] = value;
    }
  }
  for (const field of changes.unset ?? []) {
    delete state[field];
  }
  if (changes.removedCards?.length) {
    const gone = new Set(changes.removedCards);
    state.cards = state.cards.filter((c) => !gone.has(c.id));
  }
  for (const card of changes.cards ?? []) {
    const at = state.cards.findIndex((c) => c.id === card.id);
    if (at >= 0) {
      state.cards[at] = card;
    } else {
      state.cards.push(card);
    }
  }
  if (changes.cardOrder) {
    const position = new Map(changes.cardOrder.map((id, i) => [id, i]));
    state.cards.sort((a, b) => (position.get(a.id) ?? Infinity) - (position.get(b.id) ?? Infinity));
  }
  if (changes.removedParticipants?.length) {
    const gone = new Set(changes.removedParticipants);
    state.participants = state.participants.filter((p) => !gone.has(p.id));
  }
  for (const person of changes.participants ?? []) {
    const at = state.participants.findIndex((p) => p.id === person.id);
    if (at >= 0) {
      state.participants[at] = { ...person, online: state.participants[at].online };
    } else {
      state.participants.push({ ...person, online: false });
    }
  }
  return state;
}

/** Who is connected now; the presence frame lists everyone. */
export function presence(state, participants) {
  const online = new Map(participants.map((p) => [p.id, p.online]));
  for (const p of state.participants) {
    p.online = online.get(p.id) ?? false;
  }
}

/**
 * What happened while this person was away, read from the missed batches' events (which exist for
 * exactly this): counts for a short summary, never a second copy of the state. The events name cards
 * by id; who wrote one is looked up in the state, which already holds it.
 */
export function whatHappened(missed, meId, state) {
  const events = missed.flatMap((m) => m.events);
  const byOthers = (id) => state.cards.find((c) => c.id === id)?.authorId !== meId;
  const newCards = new Set([
    ...events.filter((e) => e.type === 'cardAdded').map((e) => e.cardId),
    ...events.filter((e) => e.type === 'cardsRevealed').flatMap((e) => e.cardIds),
  ]);
  return {
    batches: missed.length,
    cards: [...newCards].filter((id) => state.cards.some((c) => c.id === id && c.text != null) && byOthers(id)).length,
    joined: events.filter((e) => e.type === 'participantJoined').length,
    phaseChanged: events.some((e) => e.type === 'phaseChanged'),
    chairChanged: events.filter((e) => e.type === 'chairHandedOver').map((e) => e.to).pop(),
    ended: events.some((e) => e.type === 'meetingEnded'),
  };
}
