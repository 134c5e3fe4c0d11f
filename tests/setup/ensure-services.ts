/** What `npm test` needs on a fresh machine of this kind, installed by the project itself. */
import { ensureChromium } from './ensure-chromium';

ensureChromium();
