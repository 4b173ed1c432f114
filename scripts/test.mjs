#!/usr/bin/env node
// `npm test`: every test of packetwalk, on any machine that has Node.
//
//  1. finds a Chromium ($CHROMIUM_PATH, /usr/bin/chromium, or `chromium` on PATH); on Debian as
//     root it installs Debian's chromium, a CJK font for the Chinese page and Liberation Sans (the
//     diagram's font) when missing;
//  2. runs vitest (projects `engine` and `app`) with a JSON report;
//  3. builds the site with vite and runs the Playwright browser tests against `vite preview`;
//  4. adds both reports up and ends with exactly one line: `N passed, N failed[, N skipped]`.
//
// It exits non-zero when anything failed, when a runner could not report, or when no test ran.
// Playwright never downloads a browser: playwright.config.ts launches $CHROMIUM_PATH.
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const reports = join(root, 'test-results');
const vitestReport = join(reports, 'vitest.json');
const playwrightReport = join(reports, 'playwright.json');
const bin = (name) => join(root, 'node_modules', '.bin', name);

const isDebianRoot = existsSync('/etc/debian_version') && process.getuid?.() === 0;

function log(message) {
  console.log(`[test] ${message}`);
}

function isExecutable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function onPath(name) {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir && isExecutable(join(dir, name))) return join(dir, name);
  }
  return null;
}

function findChromium() {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (isExecutable(fromEnv)) return fromEnv;
    log(`CHROMIUM_PATH=${fromEnv} is not an executable file; looking elsewhere`);
  }
  if (isExecutable('/usr/bin/chromium')) return '/usr/bin/chromium';
  return onPath('chromium');
}

let aptUpdated = false;
function aptInstall(packages) {
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const run = (args) => spawnSync('apt-get', args, { stdio: 'inherit', env }).status === 0;
  if (!aptUpdated) {
    log('apt-get update');
    if (!run(['update'])) return false;
    aptUpdated = true;
  }
  log(`apt-get install -y ${packages.join(' ')}`);
  return run(['install', '-y', ...packages]);
}

function hasCjkFont() {
  const r = spawnSync('fc-list', [':lang=zh'], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.trim().length > 0;
}

/**
 * Whether Liberation Sans is installed: the cluster view names Helvetica, Arial, then Liberation
 * Sans (their metric twin on Linux). Without any of them Chromium takes the next font named, the
 * CJK one, whose taller lines make the browser tests' label boxes overlap. chromium-common only
 * recommends it, and apt may be set to leave recommendations out.
 */
function hasLatinFont() {
  const r = spawnSync('fc-list', ['Liberation Sans'], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.trim().length > 0;
}

function ensureChromium() {
  let chromium = findChromium();
  if (!chromium) {
    if (!isDebianRoot) {
      console.error(
        'No Chromium found: install it (Debian/Ubuntu: sudo apt-get install chromium fonts-noto-cjk fonts-liberation) or set CHROMIUM_PATH to its executable, then run npm test again.',
      );
      process.exit(1);
    }
    log("no Chromium on this machine: installing Debian's chromium");
    if (!aptInstall(['chromium', 'fonts-noto-cjk', 'fonts-liberation'])) {
      console.error('apt-get could not install chromium; install it by hand or set CHROMIUM_PATH.');
      process.exit(1);
    }
    chromium = findChromium();
    if (!chromium) {
      console.error('chromium was installed but no executable was found; set CHROMIUM_PATH.');
      process.exit(1);
    }
  }
  if (!hasCjkFont()) {
    if (isDebianRoot) {
      log('no CJK font (fc-list :lang=zh is empty): installing fonts-noto-cjk');
      if (!aptInstall(['fonts-noto-cjk'])) log('warning: fonts-noto-cjk did not install');
    } else {
      log('warning: no CJK font found; the Chinese screenshots will show empty boxes (install fonts-noto-cjk)');
    }
  }
  if (!hasLatinFont()) {
    if (isDebianRoot) {
      log("no Liberation Sans (the diagram's font on Linux): installing fonts-liberation");
      if (!aptInstall(['fonts-liberation'])) log('warning: fonts-liberation did not install');
    } else {
      log(
        'warning: Liberation Sans is missing; the diagram falls back to another font and label tests may fail (install fonts-liberation)',
      );
    }
  }
  return chromium;
}

/** A port to preview on: 4173 unless something else already listens there. */
function freePort(preferred) {
  const tryListen = (port) =>
    new Promise((resolve) => {
      const server = createServer();
      server.once('error', () => resolve(null));
      server.listen(port, '127.0.0.1', () => {
        const { port: got } = server.address();
        server.close(() => resolve(got));
      });
    });
  return tryListen(preferred).then((p) => p ?? tryListen(0));
}

function run(label, command, args, { env = process.env, timeoutMinutes }) {
  log(`${label}: ${[command, ...args].map((a) => a.replace(root + '/', '')).join(' ')}`);
  const r = spawnSync(command, args, {
    cwd: root,
    stdio: 'inherit',
    env,
    timeout: timeoutMinutes * 60_000,
    killSignal: 'SIGTERM',
  });
  if (r.error) log(`${label}: ${r.error.message}`);
  return r.status ?? 1;
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return null;
  }
}

/** Counts from vitest's JSON report. A file that failed to load counts as one failure. */
function countVitest(report, exitCode) {
  const c = { passed: 0, failed: 0, skipped: 0, problems: [] };
  if (!report) {
    c.failed = 1;
    c.problems.push(`vitest wrote no report (exit code ${exitCode})`);
    return c;
  }
  c.passed = report.numPassedTests ?? 0;
  c.failed = report.numFailedTests ?? 0;
  c.skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  for (const file of report.testResults ?? []) {
    const anyFailed = (file.assertionResults ?? []).some((a) => a.status === 'failed');
    if (file.status === 'failed' && !anyFailed) {
      c.failed += 1;
      c.problems.push(`${file.name.replace(root + '/', '')}: ${(file.message ?? 'failed to run').split('\n')[0]}`);
    }
  }
  if (exitCode !== 0 && c.failed === 0) {
    c.failed = 1;
    c.problems.push(`vitest exited with code ${exitCode} although every test passed`);
  }
  if (c.passed + c.failed + c.skipped === 0) {
    c.failed = 1;
    c.problems.push('vitest ran no test');
  }
  return c;
}

/** Counts from Playwright's JSON report; errors outside tests (web server, config) count as failures. */
function countPlaywright(report, exitCode) {
  const c = { passed: 0, failed: 0, skipped: 0, problems: [] };
  if (!report?.stats) {
    c.failed = 1;
    c.problems.push(`playwright wrote no report (exit code ${exitCode})`);
    return c;
  }
  const { expected = 0, unexpected = 0, flaky = 0, skipped = 0 } = report.stats;
  c.passed = expected + flaky;
  c.failed = unexpected;
  c.skipped = skipped;
  if (flaky > 0) c.problems.push(`${flaky} browser test(s) passed only on retry`);
  for (const error of report.errors ?? []) {
    c.failed += 1;
    c.problems.push(`playwright: ${(error.message ?? String(error)).split('\n')[0]}`);
  }
  if (exitCode !== 0 && c.failed === 0) {
    c.failed = 1;
    c.problems.push(`playwright exited with code ${exitCode}`);
  }
  if (c.passed + c.failed + c.skipped === 0) {
    c.failed = 1;
    c.problems.push('playwright ran no test');
  }
  return c;
}

function line({ passed, failed, skipped }) {
  return `${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`;
}

async function main() {
  const started = Date.now();
  const chromium = ensureChromium();
  log(`Chromium: ${chromium}`);

  mkdirSync(reports, { recursive: true });
  rmSync(vitestReport, { force: true });
  rmSync(playwrightReport, { force: true });

  // (b) unit and component tests
  const vitestCode = run('vitest', bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestReport}`], {
    // About 3 minutes on a quiet 2-core machine (2,200 tests); a stuck run still stops.
    timeoutMinutes: 10,
  });
  const unit = countVitest(readJson(vitestReport), vitestCode);

  // (c) the built site in a real browser
  let browser;
  const buildCode =
    run('build', bin('vite'), ['build', '--logLevel', 'warn'], { timeoutMinutes: 3 }) ||
    run('build:single', bin('vite'), ['build', '--mode', 'single', '--logLevel', 'warn'], { timeoutMinutes: 3 });
  if (buildCode !== 0) {
    browser = { passed: 0, failed: 1, skipped: 0, problems: [`vite build failed (exit code ${buildCode}); browser tests not run`] };
  } else {
    const port = await freePort(4173);
    if (port !== 4173) log(`port 4173 is busy: previewing on ${port}`);
    const env = { ...process.env, CHROMIUM_PATH: chromium, PACKETWALK_PREVIEW_PORT: String(port) };
    const code = run('playwright', bin('playwright'), ['test', '--config', 'playwright.config.ts'], { env, timeoutMinutes: 12 });
    browser = countPlaywright(readJson(playwrightReport), code);
  }

  const total = {
    passed: unit.passed + browser.passed,
    failed: unit.failed + browser.failed,
    skipped: unit.skipped + browser.skipped,
  };
  console.log('');
  for (const problem of [...unit.problems, ...browser.problems]) console.log(`[test] problem: ${problem}`);
  console.log(`[test] vitest (engine, app): ${line(unit)}`);
  console.log(`[test] playwright (browser): ${line(browser)}`);
  console.log(`[test] took ${Math.round((Date.now() - started) / 1000)} s; reports in test-results/`);
  console.log(line(total));
  process.exit(total.failed > 0 || total.passed === 0 ? 1 : 0);
}

main().catch((err) => {
  console.error(err);
  console.log('0 passed, 1 failed');
  process.exit(1);
});
