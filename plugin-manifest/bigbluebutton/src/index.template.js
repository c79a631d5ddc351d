// BigBlueButton 3.1 plugin entry: opens the Intervision Panel in the side area ("generic content
// sidekick"). The panel is our page in an iframe, so the plugin stays this small. Bundle it with
// BigBlueButton's plugin template (see README.md): the SDK comes from the bundle, as BBB expects.
import { BbbPluginSdk, GenericContentSidekickArea } from 'bigbluebutton-html-plugin-sdk';

const PANEL = '${PUBLIC_URL}/?host=bigbluebutton';
const uuid = document.currentScript ? document.currentScript.getAttribute('uuid') : 'IntervisionPanel';

BbbPluginSdk.initialize(uuid);
const pluginApi = BbbPluginSdk.getPluginApi(uuid);

pluginApi.setGenericContentItems([
  new GenericContentSidekickArea({
    id: 'intervision-panel',
    name: 'Intervision',
    section: 'Apps',
    buttonIcon: 'group',
    open: false,
    contentFunction: (element) => {
      const frame = document.createElement('iframe');
      frame.src = PANEL;
      frame.title = 'Intervision Panel';
      frame.setAttribute('allow', 'clipboard-write');
      frame.style.cssText = 'border:0;width:100%;height:100%';
      element.replaceChildren(frame);
      // The SDK expects something it can unmount when the area closes.
      return { unmount: () => element.replaceChildren(), render: () => {} };
    },
  }),
]);
