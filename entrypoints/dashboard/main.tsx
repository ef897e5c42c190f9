import { App } from '../../src/dashboard/App';
import { mountExtensionPage } from '../../src/ui/mount-extension-page';
import '../../src/dashboard/dashboard.css';

mountExtensionPage(App);
