// Builds the front-end assets WithUs serves, from packages installed by npm.
// Only our own brand is shipped: no GOV.UK font, crown, logo or images are copied.
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import * as sass from 'sass';

const root = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const lib = join(root, 'wwwroot', 'lib');

function copy(from, to) {
  const target = join(lib, to);
  mkdirSync(dirname(target), { recursive: true });
  copyFileSync(join(root, 'node_modules', from), target);
}

copy('govuk-frontend/dist/govuk/govuk-frontend.min.js', 'govuk-frontend/govuk-frontend.min.js');
copy('htmx.org/dist/htmx.min.js', 'htmx/htmx.min.js');
copy('chart.js/dist/chart.umd.min.js', 'chart.js/chart.umd.min.js');

const css = sass.compile(join(root, 'Styles', 'site.scss'), {
  loadPaths: [root],
  quietDeps: true,
  silenceDeprecations: ['import'],
  style: 'compressed',
});
mkdirSync(join(root, 'wwwroot', 'css'), { recursive: true });
writeFileSync(join(root, 'wwwroot', 'css', 'site.css'), css.css);

// Common passwords, for refusing them at sign-up (NIST SP 800-63B). Kept out of wwwroot: not served.
const { dictionary } = require('@zxcvbn-ts/language-common');
const passwords = dictionary['passwords-common'].map((p) => String(p).toLowerCase());
mkdirSync(join(root, 'App_Data'), { recursive: true });
writeFileSync(join(root, 'App_Data', 'common-passwords.txt'), passwords.join('\n') + '\n');

console.log(`front end built: css ${css.css.length} bytes, ${passwords.length} common passwords`);
