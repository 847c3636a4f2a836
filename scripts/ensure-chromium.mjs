#!/usr/bin/env node
// The end-to-end tests drive Debian's Chromium through playwright-core (no bundled browser
// download: the registry is reachable, the Playwright CDN may not be). Install it when missing.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import process from 'node:process';

const CHROMIUM = '/usr/bin/chromium';

if (existsSync(CHROMIUM)) {
  console.log(`ensure-chromium: ${CHROMIUM} is present.`);
  process.exit(0);
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const prefix = isRoot ? [] : ['sudo', '-n'];

function run(args) {
  const [command, ...rest] = [...prefix, ...args];
  console.log(`ensure-chromium: running \`${[command, ...rest].join(' ')}\``);
  const result = spawnSync(command, rest, {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (result.error) console.error(`ensure-chromium: ${result.error.message}`);
  return result.status === 0;
}

function fail(message) {
  console.error(`ensure-chromium: ${message}`);
  console.error(
    `ensure-chromium: the end-to-end tests need Chromium at ${CHROMIUM}. Install it by hand ` +
      '(Debian/Ubuntu: `sudo apt-get install -y chromium`) and run the tests again.',
  );
  process.exit(1);
}

if (process.platform !== 'linux')
  fail(`${CHROMIUM} is missing and this is not Linux, so apt-get is not an option.`);

console.log(`ensure-chromium: ${CHROMIUM} is missing; installing Debian's chromium package.`);
// A fresh container often has no package lists yet: then the first install fails, and an
// update followed by a second install is what fixes it.
const installed =
  run(['apt-get', 'install', '-y', 'chromium']) ||
  (run(['apt-get', 'update']) && run(['apt-get', 'install', '-y', 'chromium']));
if (!installed) fail('apt-get could not install chromium (see the output above).');
if (!existsSync(CHROMIUM)) fail(`apt-get reported success but ${CHROMIUM} still does not exist.`);
console.log(`ensure-chromium: installed ${CHROMIUM}.`);
