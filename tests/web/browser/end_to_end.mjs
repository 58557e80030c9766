// End-to-end in Debian's chromium through playwright-core (no browser
// download): a clinician logs in, opens the worklist and a flagged
// measurement, overrides it with a reason and sees the review in the
// worklist; the admin finds it in the audit log; a manager's pages show no
// patient id. Every page is screenshotted into the work folder and checked
// non-blank.
// usage: node end_to_end.mjs CLUSTERPILOT_BINARY WORK_DIR
// Exits 77 (ctest: skipped) when playwright-core is not installed (npm ci).
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

let chromium;
try {
  ({ chromium } = await import('playwright-core'));
} catch {
  console.log('playwright-core is not installed: run `npm ci` in tests/web/browser');
  process.exit(77);
}

const [binary, work] = process.argv.slice(2);
fs.rmSync(work, { recursive: true, force: true });
fs.mkdirSync(work, { recursive: true });
const db = path.join(work, 'e2e.db');
const run = (args, input) => execFileSync(binary, args, { input, encoding: 'utf8' });

function check(condition, message) {
  if (!condition) {
    console.error('FAILED: ' + message);
    process.exitCode = 1;
    throw new Error(message);
  }
}

// A small synthetic institution, classified.
run(['generate', '--patients', '150', '--months', '1', '--seed', '7', '--out', path.join(work, 'e.csv')]);
run(['import', '--db', db, path.join(work, 'e.csv')]);
run(['classify', '--db', db]);
const assignments = JSON.parse(run(['assignments', '--db', db, '--format', 'json'])).assignments;
const flagged = assignments.find((a) => a.flags.length > 0);
check(flagged !== undefined, 'the synthetic month has a flagged measurement');
const department = flagged.department;
const patients = [...new Set(assignments.map((a) => a.patient))];

const password = 'e2e-' + Math.random().toString(36).slice(2);
run(['user', 'add', '--db', db, '--name', 'e2e-clinician', '--role', 'clinician', '--department', department], password + '\n');
run(['user', 'add', '--db', db, '--name', 'e2e-manager', '--role', 'manager', '--department', department], password + '\n');
run(['user', 'add', '--db', db, '--name', 'e2e-admin', '--role', 'admin'], password + '\n');

const server = spawn(binary, ['serve', '--db', db, '--listen', '127.0.0.1:0']);
const base = await new Promise((resolve, reject) => {
  let output = '';
  server.stdout.on('data', (chunk) => {
    output += chunk;
    const match = output.match(/listening on (http:\/\/127\.0\.0\.1:\d+)\//);
    if (match) resolve(match[1]);
  });
  server.on('exit', (code) => reject(new Error('serve exited with ' + code)));
});

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-background-networking', '--disable-gpu', '--disable-dev-shm-usage'],
});

// A PNG of a page with text is several kilobytes; a blank page is far less.
async function screenshot(page, name) {
  const file = path.join(work, name + '.png');
  const bytes = await page.screenshot({ path: file, fullPage: true });
  check(bytes.length > 8000, `screenshot ${name} is not blank (${bytes.length} bytes)`);
}

async function login(name) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(base + '/login');
  await page.fill('input[name=name]', name);
  await page.fill('input[name=password]', password);
  await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
  return page;
}

try {
  const clinician = await login('e2e-clinician');
  check(clinician.url().endsWith('/worklist'), 'a clinician lands on the worklist, not ' + clinician.url());
  await screenshot(clinician, 'worklist');
  await clinician.goto(base + '/measurements/' + flagged.measurement);
  await screenshot(clinician, 'measurement');
  check((await clinician.textContent('#flags')).trim().length > 0, 'the flagged measurement shows its flags');
  const other = flagged.cluster === 5 ? '6' : '5';
  await clinician.check('input[value=other]');
  await clinician.selectOption('select[name=cluster]', other);
  await clinician.fill('textarea[name=reason]', 'Past beter bij het beeld (e2e)');
  await Promise.all([clinician.waitForNavigation(), clinician.click('form.review button[type=submit]')]);
  check((await clinician.textContent('#current-review')).includes('Past beter bij het beeld (e2e)'), 'the review shows on the measurement');
  await clinician.goto(base + '/worklist?filter=reviewed');
  await screenshot(clinician, 'worklist-reviewed');
  check((await clinician.textContent('#worklist')).includes('cluster ' + other + ' (e2e-clinician)'), 'the worklist shows the review');

  const admin = await login('e2e-admin');
  await admin.goto(base + '/admin/audit?user=e2e-clinician&action=override');
  await screenshot(admin, 'audit');
  check((await admin.textContent('#audit')).includes('measurement ' + flagged.measurement), 'the audit log has the override');

  const manager = await login('e2e-manager');
  await screenshot(manager, 'departments');
  const text = await manager.textContent('body');
  check(text.includes(department), 'the manager sees their department');
  const shown = patients.filter((id) => text.includes(id));
  check(shown.length === 0, 'the manager sees no patient id (found ' + shown.slice(0, 3).join(', ') + ')');
  console.log('end-to-end: ok; screenshots in ' + work);
} finally {
  await browser.close();
  server.kill('SIGTERM');
}
