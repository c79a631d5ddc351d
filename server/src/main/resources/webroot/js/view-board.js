// The board of the current phase and the meeting's action points. Each card is keyed by its id, so
// a card someone is editing, and the text being typed for a new one, stay as they are while others
// add, vote and rate.

import { html, nothing, repeat, live } from './lit.js';
import { t } from './i18n.js';
import { button } from './view-phase.js';
import { writingProgress, voteBudget, sortControl, sorted } from './view-votes.js';

/** Each rating has its own sign, so it is not told by colour alone. */
const RATING_MARK = { warm: '▲', neutral: '●', cold: '▼' };

/** The kinds this person may write now: the server lists, per kind, who may (state.phase.writers). */
function writableKinds(v) {
  const writers = v.state.phase.writers ?? {};
  return Object.keys(writers).filter((kind) => writers[kind].includes(v.me.id));
}

export function boardSection(v) {
  const s = v.state;
  const phase = s.agenda[s.phase.index];
  // The server names the phases whose cards this phase works on (its own, and those it carries on from).
  const shows = s.phase.shows ?? [phase.id];
  const shown = s.cards.filter((c) => c.kind !== 'action-point' && shows.includes(c.phaseId));
  // The key question leads, for everyone alike; otherwise the server's order stands.
  const cards = [...shown.filter((c) => c.key), ...shown.filter((c) => !c.key)];
  const hidden = shown.filter((c) => c.hidden).length;
  const chosen = s.cards.find((c) => c.id === s.learningQuestionId);
  const key = s.cards.find((c) => c.key && c.text != null);
  const kinds = writableKinds(v);
  return html`<section aria-labelledby="board-title" class="board">
    <h2 id="board-title">${t('board')}</h2>
    ${chosen && phase.part !== 'opening'
      ? html`<p><strong>${t('chosenQuestion')}: </strong>${chosen.text ?? ''}</p>` : nothing}
    ${key ? html`<p class="key-question" data-testid="key-question"><strong>★ ${t('key')}: </strong>${key.text}</p>` : nothing}
    ${s.phase.rating && v.isCaseBringer ? html`<p class="hint" data-testid="rating-hint">${t('ratingHint')}</p>` : nothing}
    ${phase.silent ? html`<p class="muted">${t('silentPhase')}</p>` : nothing}${writingProgress(v)}${voteBudget(v)}
    ${phase.anonymous ? html`<p class="muted">${t('anonymousPhase')}</p>` : nothing}
    ${phase.cards.length === 0 && cards.length === 0 ? html`<p class="muted">${t('collectsNothing')}</p>` : nothing}
    ${kinds.length ? composer(v, kinds) : nothing}
    ${v.isChair && hidden > 0
      ? button('reveal', t('reveal', { n: hidden }), () => v.send({ type: 'revealCards' })) : nothing}
    ${cards.length
      ? html`${sortControl(v, cards)}<ul class="cards" data-testid="cards">${repeat(sorted(v, cards), (c) => c.id, (c) => cardItem(v, c))}</ul>`
      : phase.cards.length ? html`<p class="muted">${t('noCards')}</p>` : nothing}
  </section>`;
}

function composer(v, kinds) {
  const ui = v.ui;
  const kind = kinds.includes(ui.kind) ? ui.kind : kinds[0];
  const people = v.state.participants.filter((p) => p.role !== 'observer');
  const ownerOf = () => (people.some((p) => p.id === ui.owner) ? ui.owner : v.me.id);
  const owner = ownerOf();
  const submit = () => {
    const text = ui.draft.trim();
    if (!text) {
      return;
    }
    // Read at the click, not at the last render: a choice made just before clicking counts.
    v.send({ type: 'addCard', text, kind, ownerId: kind === 'action-point' ? ownerOf() : undefined });
    // The connection keeps the command until it is acknowledged, so clearing here loses nothing.
    v.setDraft('');
  };
  return html`<div class="composer">
    <label for="card-text">${t('newCard')}</label>
    <textarea id="card-text" maxlength="1000" data-key="card-text" data-testid="card-text"
      .value=${live(ui.draft)} @input=${(e) => v.setDraft(e.target.value)}
      @keydown=${(e) => { if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) submit(); }}></textarea>
    ${kinds.length > 1 ? html`<label for="card-kind">${t('kind')}</label>
      <select id="card-kind" data-key="card-kind" @change=${(e) => { ui.kind = e.target.value; v.render(); }}>
        ${repeat(kinds, (k) => k, (k) => html`<option value=${k} ?selected=${k === kind}>${t(`kind_${k}`)}</option>`)}
      </select>` : nothing}
    ${kind === 'action-point' ? html`<label for="card-owner">${t('owner')}</label>
      <select id="card-owner" data-key="card-owner" @change=${(e) => { ui.owner = e.target.value; }}>
        ${repeat(people, (p) => p.id, (p) => html`<option value=${p.id} ?selected=${p.id === owner}>${p.name}</option>`)}
      </select>` : nothing}
    <div class="row">${button('add-card', t('addCard'), submit)}</div>
  </div>`;
}

function cardItem(v, c) {
  const s = v.state;
  if (c.text == null) {
    return html`<li class="hidden-card" data-testid="card" data-card-id=${c.id}>
      <p class="card-text muted">${c.authorId ? t('hiddenCard', { name: v.nameOf(c.authorId) }) : t('hiddenCardAnon')}</p></li>`;
  }
  const mine = c.authorId === v.me.id;
  const author = c.authorId ? (mine ? t('you') : v.nameOf(c.authorId)) : t('anonymous');
  const votes = c.voters?.length ?? 0;
  const parts = [t(`kind_${c.kind}`), author];
  if (votes) parts.push(t('votes', { n: votes }));
  if (c.voters?.includes(v.me.id)) parts.push(t('yourVote'));
  if (c.answered) parts.push(`✓ ${t('answered')}`);
  const voted = c.voters?.includes(v.me.id);
  const editing = v.ui.editing?.cardId === c.id;
  // The few actions a role uses all the time stay on the card; the rest wait behind one small menu.
  const controls = [];
  const more = [];
  if (v.me.role !== 'observer') {
    controls.push(button(`vote-${c.id}`, voted ? `✓ ${t('voted')} · ${votes}` : `▲ ${votes}`, () => v.send({ type: voted ? 'unvoteCard' : 'voteCard', cardId: c.id }),
      { kind: 'small secondary', pressed: !!voted, label: t('vote') }));
  }
  if (mine && !editing) {
    more.push(button(`edit-${c.id}`, t('edit'), () => v.edit(c), { kind: 'small secondary' }));
    if (c.anonymous && !c.authorRevealed) {
      more.push(button(`own-${c.id}`, t('revealMine'), () => v.send({ type: 'revealAuthor', cardId: c.id }), { kind: 'small secondary' }));
    }
  }
  // Only where the phase asks the case-bringer to sort the cards (the server says so in phase.rating).
  if (v.isCaseBringer && s.phase.rating) {
    for (const rating of ['warm', 'neutral', 'cold']) {
      controls.push(button(`rate-${rating}-${c.id}`, `${RATING_MARK[rating]} ${t(rating)}`,
        () => v.send({ type: 'rateCard', cardId: c.id, rating: c.rating === rating ? null : rating }),
        { kind: `small secondary rate rating-${rating}`, pressed: c.rating === rating }));
    }
    controls.push(button(`key-${c.id}`, `★ ${t('markKey')}`, () => v.send({ type: 'markKeyQuestion', cardId: c.key ? null : c.id }),
      { kind: 'small secondary', pressed: !!c.key }));
  }
  // The case-bringer answers the group's questions where the phase is for that (the server lists the kinds);
  // the chair may keep track anywhere, from the card's menu.
  const answering = v.isCaseBringer && (s.phase.answerable ?? []).includes(c.kind);
  if (answering || v.isChair) {
    (answering ? controls : more).push(button(`answered-${c.id}`, c.answered ? `✓ ${t('answered')}` : t('markAnswered'),
      () => v.send({ type: 'markAnswered', cardId: c.id, answered: !c.answered }), { kind: 'small secondary', pressed: !!c.answered }));
  }
  if (v.isChair && c.kind === 'learning-question' && s.phase.part === 'opening' && s.learningQuestionId !== c.id) {
    controls.push(button(`choose-${c.id}`, t('chooseCase'), () => v.send({ type: 'chooseLearningQuestion', cardId: c.id }), { kind: 'small' }));
  }
  if (mine || v.isChair) {
    more.push(button(`delete-${c.id}`, t('remove'),
      () => confirm(t('confirmRemove')) && v.send({ type: 'deleteCard', cardId: c.id }), { kind: 'small danger' }));
  }
  if (more.length) {
    controls.push(html`<details class="card-menu" data-testid=${`card-menu-${c.id}`}>
      <summary class="small secondary" aria-label=${t('moreActions')}>⋯</summary><div class="menu">${more}</div></details>`);
  }
  const classes = [c.key ? 'key' : '', c.rating ? `rated rated-${c.rating}` : '', c.answered ? 'answered' : ''].join(' ');
  return html`<li class=${classes} data-testid="card" data-card-id=${c.id} data-rating=${c.rating ?? nothing}
      data-key=${c.key ? 'true' : nothing}>
    ${c.key || c.rating ? html`<div class="badges">
      ${c.key ? html`<strong class="badge key-mark" data-testid="key-mark">★ ${t('key')}</strong>` : nothing}
      ${c.rating ? html`<span class=${`badge rating-badge rating-${c.rating}`} data-testid="rating-badge">${RATING_MARK[c.rating]} ${t(c.rating)}</span>` : nothing}
    </div>` : nothing}
    ${editing ? editor(v, c) : html`<p class="card-text">${c.text}</p>`}
    <div class="card-meta">${parts.join(' · ')}</div>
    <div class="row">${controls}</div>
  </li>`;
}

function editor(v, c) {
  const edit = v.ui.editing;
  return html`<div class="editor">
    <textarea maxlength="1000" data-key=${`editor-${c.id}`} data-testid=${`editor-${c.id}`} aria-label=${t('edit')}
      .value=${live(edit.text)} @input=${(e) => { edit.text = e.target.value; }}></textarea>
    <div class="row">
      ${button(`save-${c.id}`, t('save'), () => v.saveEdit())}
      ${button(`cancel-${c.id}`, t('cancel'), () => v.cancelEdit(), { kind: 'secondary' })}
    </div>
  </div>`;
}
