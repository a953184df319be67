// Makes sure a Chromium for the e2e tests exists: finds one, or installs Debian's chromium when root.
import { spawnSync } from 'node:child_process';
import { findChromium } from './find-browser.mjs';

function tryFind() {
  try {
    return findChromium();
  } catch (err) {
    console.error(err instanceof Error ? err.message : String(err));
    process.exit(1);
  }
}

const hasAptGet = () =>
  spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;

let path = tryFind();
if (!path && process.getuid?.() === 0 && hasAptGet()) {
  console.log(
    'No Chromium found: installing Debian chromium (apt-get update && apt-get install -y chromium)',
  );
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const update = spawnSync('apt-get', ['update'], { stdio: 'inherit', env });
  if (update.status === 0)
    spawnSync('apt-get', ['install', '-y', 'chromium'], { stdio: 'inherit', env });
  path = tryFind();
}
if (!path) {
  console.error(
    "No Chromium found: set CHROMIUM_PATH, install Debian's chromium (apt-get install -y chromium), or run npx playwright install chromium",
  );
  process.exit(1);
}
console.log(`Using Chromium at ${path}`);
