// Progressive enhancement only: every page works without this file.
import { initAll } from '../lib/govuk-frontend/govuk-frontend.min.js';

document.body.classList.add('js-enabled', 'govuk-frontend-supported');
initAll();
