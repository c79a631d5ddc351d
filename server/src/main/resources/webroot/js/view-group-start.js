// Groups on the start page: the groups this device is in, starting a group, and joining one through
// its link.

import { html, nothing, repeat, live } from './lit.js';
import { t } from './i18n.js';

/** @param groups what this device keeps ({groupId, name}) */
export function myGroupsView(groups) {
  if (groups.length === 0) {
    return nothing;
  }
  return html`<section aria-labelledby="my-groups-title" data-testid="my-groups">
    <h2 id="my-groups-title">${t('myGroups')}</h2>
    <ul class="my-groups">${repeat(groups, (g) => g.groupId, (g) => html`<li>
      <a href=${`#/g/${encodeURIComponent(g.groupId)}`} data-testid="my-group" data-group-id=${g.groupId}>${g.name ?? g.groupId}</a></li>`)}</ul>
  </section>`;
}

/** @param f {name, language, method, usualMinutes, creatorName, facilitator, methods, error, busy, submit(), set(field, value)} */
export function createGroupView(f) {
  return html`<details class="section" data-testid="start-group">
    <summary data-testid="start-group-open"><h2>${t('startGroup')}</h2></summary>
    <p class="muted">${t('startGroupHint')}</p>
    <form @submit=${(e) => { e.preventDefault(); f.submit(); }}>
      <label for="group-name">${t('groupName')}</label>
      <input id="group-name" required maxlength="120" .value=${live(f.name)} @input=${(e) => f.set('name', e.target.value)}>
      <label for="group-language">${t('groupLanguage')}</label>
      <select id="group-language" @change=${(e) => f.set('language', e.target.value)}>
        ${['nl', 'en'].map((l) => html`<option value=${l} ?selected=${l === f.language}>${t(`languageName_${l}`)}</option>`)}
      </select>
      <label for="group-method">${t('method')}</label>
      <select id="group-method" @change=${(e) => f.set('method', e.target.value)}>
        ${repeat(f.methods, (m) => m.id, (m) => html`<option value=${m.id} ?selected=${m.id === f.method}>${m.name}</option>`)}
      </select>
      <label for="group-minutes">${t('usualMinutes')}</label>
      <input id="group-minutes" type="number" min="15" max="720" step="15" inputmode="numeric" required
        .value=${live(String(f.usualMinutes))} @input=${(e) => f.set('usualMinutes', e.target.value)}>
      <label for="group-creator">${t('yourName')}</label>
      <input id="group-creator" required maxlength="60" autocomplete="name" .value=${live(f.creatorName)}
        @input=${(e) => f.set('creatorName', e.target.value)}>
      <label class="small-label"><input id="group-facilitator" type="checkbox" .checked=${live(f.facilitator)}
        @change=${(e) => f.set('facilitator', e.target.checked)}> ${t('iFacilitate')}</label>
      <p class="muted">${t('facilitatorHint')}</p>
      <div class="row"><button type="submit" data-testid="create-group" ?disabled=${f.busy}>${t('createGroup')}</button></div>
      <p class="error" role="alert" data-testid="group-form-error">${f.error ?? ''}</p>
    </form>
  </details>`;
}

/** @param f {name, taken, error, busy, submit(sameName), set(field, value)} */
export function joinGroupView(f) {
  return html`<section>
    <form @submit=${(e) => { e.preventDefault(); f.submit(false); }}>
      <h2>${t('joinGroupTitle')}</h2>
      <p class="muted">${t('joinGroupHint')}</p>
      <label for="group-join-name">${t('yourName')}</label>
      <input id="group-join-name" required maxlength="60" autocomplete="name" .value=${live(f.name)}
        @input=${(e) => f.set('name', e.target.value)}>
      <div class="row"><button type="submit" data-testid="join-group" ?disabled=${f.busy}>${t('joinGroup')}</button></div>
      <p class="error" role="alert" data-testid="form-error">${f.error ?? ''}</p>
    </form>
    ${f.taken ? html`<div class="taken" role="alert" data-testid="name-taken">
      <p><strong>${t('groupNameTaken', { name: f.taken })}</strong></p>
      <p>${t('groupNameTakenYou')}</p>
      <div class="row"><button type="button" class="secondary" data-testid="join-group-anyway" ?disabled=${f.busy}
        @click=${() => f.submit(true)}>${t('joinAnyway', { name: f.taken })}</button></div>
    </div>` : nothing}
  </section>`;
}
