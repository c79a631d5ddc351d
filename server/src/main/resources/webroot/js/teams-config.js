// The Teams configuration page: tells Teams which page to show in the meeting's side panel.
const sdk = window.microsoftTeams;
await sdk.app.initialize();
sdk.pages.config.registerOnSaveHandler((save) => {
  sdk.pages.config.setConfig({
    entityId: 'intervision-panel',
    contentUrl: `${location.origin}/?host=teams`,
    websiteUrl: `${location.origin}/`,
    suggestedDisplayName: 'Intervision',
  }).then(() => save.notifySuccess(), (e) => save.notifyFailure(String(e)));
});
sdk.pages.config.setValidityState(true);
