// The closing: each person's evaluation, the chair's choice to end (and perhaps erase now), and the
// summary everyone reads afterwards, rendered from the parts the server decided this reader may see.

import { html, nothing, repeat } from './lit.js';
import { t, language } from './i18n.js';
import { button } from './view-phase.js';
import { saveFile } from './clipboard.js';

export function evaluationSection(v) {
  const s = v.state;
  if (!s.evaluating) {
    return nothing;
  }
  const mine = s.evaluations?.find((e) => e.participantId === v.me.id);
  const ui = v.ui;
  ui.evaluation ??= { score: mine ? String(mine.score) : '', word: mine?.word ?? '' };
  const give = () => v.send({ type: 'giveEvaluation', score: Number(ui.evaluation.score), word: ui.evaluation.word.trim() });
  return html`<section aria-labelledby="evaluation-title" data-testid="evaluation">
    <h2 id="evaluation-title">${t('evaluation')}</h2>
    ${v.me.role !== 'observer' ? html`<p class="muted">${t('evaluationHint')}</p>
      <label for="evaluation-score">${t('score')}</label>
      <input id="evaluation-score" type="number" min="1" max="10" inputmode="numeric" data-key="evaluation-score"
        data-testid="evaluation-score" .value=${ui.evaluation.score} @input=${(e) => { ui.evaluation.score = e.target.value; }}>
      <label for="evaluation-word">${t('oneWord')}</label>
      <input id="evaluation-word" maxlength="40" data-key="evaluation-word" data-testid="evaluation-word"
        .value=${ui.evaluation.word} @input=${(e) => { ui.evaluation.word = e.target.value; }}>
      <div class="row">${button('give-evaluation', t('giveEvaluation'), give)}</div>` : nothing}
    ${s.evaluations?.length
      ? html`<ul class="evaluations" data-testid="evaluations">${repeat(s.evaluations, (e) => e.participantId, (e) => html`
          <li>${e.participantId === v.me.id ? t('yourEvaluation') : v.nameOf(e.participantId)}: <strong>${e.score}</strong> · ${e.word}</li>`)}</ul>`
      : html`<p class="muted">${t('noEvaluations')}</p>`}
  </section>`;
}

/** The chair's end: ending keeps the record for everyone; erasing now leaves nothing, said before it is chosen. */
export function endControls(v) {
  return html`<details class="end-meeting" data-testid="end-choice"><summary>${t('endChoice')}</summary>
    <p class="muted">${t('endHint')}</p>
    <div class="row">${button('end-meeting', t('endOnly'), () => confirm(t('confirmEnd')) && v.send({ type: 'endMeeting' }), { kind: 'danger' })}</div>
    <p class="warning" role="note">${t('eraseWarning')}</p>
    <div class="row">${button('end-and-erase', t('endAndErase'),
      () => confirm(t('confirmErase')) && v.send({ type: 'endMeeting', erase: true }), { kind: 'danger' })}</div>
  </details>`;
}

/** @param summary the parts from the server ({@code GET .../summary} as JSON), a refusal text, or null while loading */
export function summaryView(summary, actions) {
  if (summary == null) {
    return html`<p class="muted" data-testid="summary-loading">${t('loadingSummary')}</p>`;
  }
  if (typeof summary === 'string') {
    return html`<p class="muted" data-testid="summary-refused">${summary}</p>`;
  }
  const date = new Date(summary.date).toLocaleDateString(language(), { day: 'numeric', month: 'long', year: 'numeric' });
  return html`<article class="summary-page" data-testid="summary">
    <h2>${t('summaryTitle')}: ${summary.title}</h2>
    <dl class="facts">
      <dt>${t('summaryDate')}</dt><dd data-testid="summary-date">${date}</dd>
      <dt>${t('method')}</dt><dd>${summary.method}</dd>
      <dt>${t('summaryAttendees')}</dt><dd data-testid="summary-attendees">${summary.attendees.map((a) =>
        (a.role === 'participant' ? a.name : `${a.name} (${roleName(a.role)})`)).join(', ')}</dd>
    </dl>
    ${summary.learningQuestion ? html`<h3>${t('learningQuestion')}</h3><blockquote>${summary.learningQuestion}</blockquote>` : nothing}
    ${summary.keyQuestion ? html`<h3>${t('keyQuestion')}</h3><blockquote>${summary.keyQuestion}</blockquote>` : nothing}
    ${summary.insights.length ? html`<h3>${t('insights')}</h3>
      <ul>${summary.insights.map((i) => html`<li>${i.text}${i.author ? html` <span class="muted">— ${i.author}</span>` : nothing}</li>`)}</ul>` : nothing}
    <h3>${t('actionPoints')}</h3>
    ${summary.actionPoints.length ? html`<ul class="points" data-testid="summary-points">${summary.actionPoints.map((p) => html`
      <li>${p.done ? '☑' : '☐'} ${p.text} <span class="muted">(${t('ownerLabel')}: <span data-testid="summary-owner">${p.owner ?? t('nobodyYet')}</span>${p.done ? `, ${t('pointDone')}` : ''})</span></li>`)}</ul>`
      : html`<p class="muted">${t('noneYet')}</p>`}
    ${summary.evaluations.length ? html`<h3>${t('evaluation')}</h3>
      <ul data-testid="summary-evaluations">${summary.evaluations.map((e) => html`<li>${e.name}: ${e.score}/10 · ${e.word}</li>`)}</ul>` : nothing}
    ${summary.caseRecord.length ? html`<h3>${t('caseRecord')}</h3>${summary.caseRecord.map((phase) => html`
      <h4>${phase.name}</h4><ul>${phase.cards.map((c) => html`<li>${c.text}${line(c)}</li>`)}</ul>`)}` : nothing}
    <div class="row no-print">
      ${button('summary-copy', t('copySummary'), () => actions.copy(summary.markdown), { kind: 'secondary' })}
      ${button('summary-download', t('downloadSummary'), () => download(summary), { kind: 'secondary' })}
      ${button('summary-print', t('printSummary'), () => window.print(), { kind: 'secondary' })}
    </div>
  </article>`;
}

function roleName(role) {
  return role === 'case-bringer' ? t('caseBringer') : t(`role_${role}`);
}

function line(c) {
  const parts = [];
  if (c.author) parts.push(c.author);
  if (c.key) parts.push(t('key'));
  if (c.rating) parts.push(t(c.rating));
  if (c.answered) parts.push(t('answered'));
  if (c.votes) parts.push(t('votes', { n: c.votes }));
  return parts.length ? html` <span class="muted">— ${parts.join(' · ')}</span>` : nothing;
}

function download(summary) {
  const day = new Date(summary.date).toISOString().slice(0, 10);
  const name = `${summary.title.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '').toLowerCase() || 'intervisie'}-${day}.md`;
  saveFile(new Blob([summary.markdown], { type: 'text/markdown;charset=utf-8' }), name);
}
