// The screens before a meeting: start one, join one through its link, a name that is already taken.

import { html, nothing, repeat, live } from './lit.js';
import { t } from './i18n.js';

/** @param f {title, name, method, methods, error, busy, submit(), set(field, value)} */
export function createView(f) {
  return html`<section>
    <form @submit=${(e) => { e.preventDefault(); f.submit(); }}>
      <h2>${t('createTitle')}</h2>
      <label for="meeting-title">${t('meetingTitle')}</label>
      <input id="meeting-title" required maxlength="120" .value=${live(f.title)} @input=${(e) => f.set('title', e.target.value)}>
      <label for="chair-name">${t('yourName')}</label>
      <input id="chair-name" required maxlength="60" autocomplete="name" .value=${live(f.name)} @input=${(e) => f.set('name', e.target.value)}>
      <label for="method">${t('method')}</label>
      <select id="method" @change=${(e) => f.set('method', e.target.value)}>
        ${repeat(f.methods, (m) => m.id, (m) => html`<option value=${m.id} ?selected=${m.id === f.method}>${m.name}</option>`)}
      </select>
      <p class="muted" data-testid="method-later">${t('methodLaterHint')}</p>
      <div class="row"><button type="submit" data-testid="create" ?disabled=${f.busy}>${t('create')}</button></div>
      <p class="muted">${t('createHint')}</p>
      <p class="error" role="alert" data-testid="form-error">${f.error ?? ''}</p>
    </form>
  </section>
  <p class="muted">${t('joinHint')}</p>`;
}

/** @param f {name, observer, taken, error, busy, invitation, submit(sameName), set(field, value)} */
export function joinView(f) {
  const inv = f.invitation;
  return html`<section>
    <form @submit=${(e) => { e.preventDefault(); f.submit(false); }}>
      <h2>${inv ? t('joinNamed', { title: inv.title }) : t('joinTitle')}</h2>
      ${inv ? html`<p data-testid="invitation">${inv.chairName ? t('invitedBy', { name: inv.chairName }) : ''}
        ${t('invitationMethod', { method: inv.method })}</p>` : nothing}
      <label for="join-name">${t('yourName')}</label>
      <input id="join-name" required maxlength="60" autocomplete="name" .value=${live(f.name)}
        @input=${(e) => f.set('name', e.target.value)}>
      <label class="row"><input id="observer" type="checkbox" .checked=${live(f.observer)}
        @change=${(e) => f.set('observer', e.target.checked)}> ${t('observer')}</label>
      <div class="row"><button type="submit" data-testid="join" ?disabled=${f.busy}>${t('join')}</button></div>
      <p class="error" role="alert" data-testid="form-error">${f.error ?? ''}</p>
    </form>
    ${f.taken ? html`<div class="taken" role="alert" data-testid="name-taken">
      <p><strong>${t('nameTaken', { name: f.taken })}</strong></p>
      <p>${t('nameTakenYou')}</p>
      <p>${t('nameTakenOther')}</p>
      <div class="row"><button type="button" class="secondary" data-testid="join-anyway" ?disabled=${f.busy}
        @click=${() => f.submit(true)}>${t('joinAnyway', { name: f.taken })}</button></div>
    </div>` : nothing}
  </section>`;
}

export function messageView(text, { alert = false, testid } = {}) {
  return html`<section><p role=${alert ? 'alert' : nothing} data-testid=${testid ?? nothing}>${text}</p>
    <a href="#/">${t('backHome')}</a></section>`;
}
