import { App } from '../../src/options/App';
import { mountExtensionPage } from '../../src/ui/mount-extension-page';
import '../../src/options/options.css';

mountExtensionPage(App);
