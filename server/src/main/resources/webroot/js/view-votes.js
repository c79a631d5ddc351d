// The board's counts: how many have written in a silent phase (a count the server sends, nothing
// more), the chair's vote budget for the phase and the votes one has left, and sorting the cards by votes (a choice of this page only).

import { html, nothing } from './lit.js';
import { t } from './i18n.js';
import { button } from './view-phase.js';

export function writingProgress(v) {
  const w = v.state.writing;
  if (!w) {
    return nothing;
  }
  return html`<p class="progress" role="status" data-testid="writing-progress">
    <progress max=${w.of} .value=${w.wrote} aria-hidden="true"></progress>
    ${t('writingProgress', { n: w.wrote, of: w.of })}</p>`;
}

export function voteBudget(v) {
  const budget = v.state.voteBudget;
  // The server counts each person's own votes left (state.votesLeft); observers do not vote.
  const left = v.state.votesLeft;
  const line = budget ? html`<p class="muted" data-testid="vote-budget">${t('voteBudget', { n: budget })}
    ${left != null && v.me.role !== 'observer'
      ? html`<strong role="status" data-testid="votes-left">${t('votesLeft', { n: left })}</strong>` : nothing}</p>` : nothing;
  if (!v.isChair) {
    return line;
  }
  const ui = v.ui;
  const set = () => v.send({ type: 'setVoteBudget', votes: Number(ui.voteBudget ?? budget ?? 0) || null });
  return html`${line}<details class="vote-budget"><summary>${t('voteBudgetLabel')}</summary>
    <div class="row"><input type="number" min="0" max="50" inputmode="numeric" aria-label=${t('voteBudgetLabel')}
      data-key="vote-budget-input" data-testid="vote-budget-input" .value=${String(ui.voteBudget ?? budget ?? 0)}
      @input=${(e) => { ui.voteBudget = e.target.value; }}>
    ${button('set-vote-budget', t('setVoteBudget'), set, { kind: 'small secondary' })}</div></details>`;
}

export function sortControl(v, cards) {
  if (cards.length < 2) {
    return nothing;
  }
  const byVotes = !!v.ui.sortByVotes;
  return html`<div class="row">${button('sort-cards', byVotes ? t('sortAsWritten') : t('sortByVotes'),
    () => { v.ui.sortByVotes = !byVotes; v.render(); }, { kind: 'small secondary', pressed: byVotes })}</div>`;
}

/** Most votes first; equal ones keep the order they were written in. */
export function sorted(v, cards) {
  if (!v.ui.sortByVotes) {
    return cards;
  }
  return cards.map((c, i) => [c, i])
    .sort(([a, i], [b, j]) => (b.voters?.length ?? 0) - (a.voters?.length ?? 0) || i - j)
    .map(([c]) => c);
}
