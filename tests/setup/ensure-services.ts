/** What `npm test` needs on a fresh machine of this kind, installed and started by the project. */
import { ensureChromium } from './ensure-chromium';
import { ensurePostgres } from './ensure-postgres';

ensureChromium();
ensurePostgres();
