// Inside a meeting platform the panel signs people in through the platform: its SDK (served from
// our own origin) gives a proof of identity, the server checks it and answers with a meeting token.
// Each platform's manifest opens the panel with ?host=<platform>; without it, the join link is the way in.

function loadScript(src) {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = src;
    script.onload = resolve;
    script.onerror = () => reject(new Error(`could not load ${src}`));
    document.head.append(script);
  });
}

async function teams() {
  await loadScript('/vendor/teams-js/MicrosoftTeams.min.js');
  const sdk = window.microsoftTeams;
  await sdk.app.initialize();
  const context = await sdk.app.getContext();
  const token = await sdk.authentication.getAuthToken();
  const meetingId = context.meeting?.id ?? context.chat?.id;
  return { token, meetingId, title: context.meeting?.id ? undefined : context.chat?.id };
}

async function zoom() {
  const { default: zoomSdk } = await import('/vendor/zoom-appssdk/sdk.es.js');
  await zoomSdk.config({ capabilities: ['getAppContext', 'getUserContext', 'getMeetingUUID'] });
  const { context } = await zoomSdk.getAppContext();
  const user = await zoomSdk.getUserContext().catch(() => ({}));
  return { context, name: user.screenName };
}

async function webex() {
  await loadScript('/vendor/webex-embedded-app-sdk/bundle.min.js');
  const app = new window.webex.Application();
  await app.onReady();
  const user = await app.context.getUser();
  if (!user?.token) {
    throw new Error('Webex gave no user token');
  }
  return { token: user.token };
}

/**
 * Google Meet gives the meeting but not the person: Google sign-in (One Tap, or its button when One
 * Tap is not shown) gives an ID token the server checks.
 */
async function googleMeet() {
  const settings = (await (await fetch('/api/platforms')).json())['google-meet'];
  if (!settings) {
    throw new Error('Google sign-in is not configured on this server');
  }
  const { meet } = await import('/vendor/meet-addons/meet.addons.mjs');
  const addon = await meet.addon.createAddonSession({ cloudProjectNumber: settings.cloudProjectNumber });
  const client = await addon.createSidePanelClient();
  const info = await client.getMeetingInfo();
  await loadScript('https://accounts.google.com/gsi/client');
  const token = await new Promise((resolve) => {
    const id = window.google.accounts.id;
    id.initialize({ client_id: settings.clientId, callback: (answer) => resolve(answer.credential) });
    id.prompt((moment) => {
      if (moment.isNotDisplayed() || moment.isSkippedMoment()) {
        const place = document.getElementById('app');
        place.replaceChildren();
        id.renderButton(place, { theme: 'outline', size: 'large' });
      }
    });
  });
  return { token, meetingId: info.meetingId };
}

const SIGN_IN = { teams, zoom, webex, 'google-meet': googleMeet };

const NAMES = { jitsi: 'Jitsi', zoom: 'Zoom', teams: 'Microsoft Teams', webex: 'Webex', 'google-meet': 'Google Meet' };

/** The platform's name as people know it. */
export function platformName(platform) {
  return NAMES[platform] ?? platform;
}

/** The platform the page was opened in, when its manifest said so. */
export function currentHost() {
  const host = new URLSearchParams(location.search).get('host');
  return host && /^[a-z-]+$/.test(host) ? host : null;
}

/** Whether the panel can sign people in through this platform by itself. */
export function signsIn(host) {
  return host in SIGN_IN;
}

/** The proof of identity this platform's SDK gives for the person using the page. */
export function proofFrom(host) {
  return SIGN_IN[host]();
}
