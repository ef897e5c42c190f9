import { App } from '../../src/sidebar/App';
import { mountExtensionPage } from '../../src/ui/mount-extension-page';

mountExtensionPage(App);
