// End-to-end in Debian's chromium through playwright-core (no browser
// download): a clinician logs in, opens the worklist and a flagged
// measurement, overrides it with a reason and sees the review in the
// worklist, then confirms all unflagged of a worklist page; the admin finds
// the review in the audit log; finance reads the month's report in the page;
// a manager's pages (their departments' cut of the report) show no patient
// id and no other department; a clinician opens the due list; an English
// account reads English pages. Every page is screenshotted into the work
// folder and checked non-blank.
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
run(['user', 'add', '--db', db, '--name', 'e2e-finance', '--role', 'finance'], password + '\n');
run(['user', 'add', '--db', db, '--name', 'e2e-english', '--role', 'clinician', '--department', department,
     '--language', 'en'], password + '\n');

// The reports page writes the month's report with the demo tariffs.
const tariffs = new URL('../../../data/demo_tariffs.csv', import.meta.url).pathname;
const settings = path.join(work, 'serve.properties');
fs.writeFileSync(settings, `serve.tariffs = ${tariffs}\nserve.reports_dir = ${path.join(work, 'reports')}\n`);
const server = spawn(binary, ['serve', '--db', db, '--listen', '127.0.0.1:0', '--config', settings]);
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
  // The reports page writes the month's report while the browser waits:
  // seconds in the plain build, far longer in CI's sanitizer build than
  // playwright's default 30 s.
  context.setDefaultTimeout(150_000);
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
  await clinician.check('input[name=outside_supercluster]');  // needed only when outside; harmless inside
  await clinician.fill('textarea[name=reason]', 'Past beter bij het beeld (e2e)');
  await Promise.all([clinician.waitForNavigation(), clinician.click('form.review button[type=submit]')]);
  check((await clinician.textContent('#current-review')).includes('Past beter bij het beeld (e2e)'), 'the review shows on the measurement');
  await clinician.goto(base + '/worklist?filter=reviewed');
  await screenshot(clinician, 'worklist-reviewed');
  check((await clinician.textContent('#worklist')).includes('cluster ' + other + ' (e2e-clinician)'), 'the worklist shows the review');

  await clinician.goto(base + '/worklist?filter=unreviewed');
  check(await clinician.isVisible('form.confirm-all'), 'the worklist offers confirm all unflagged');
  await clinician.fill('form.confirm-all input[name=reason]', 'Klopt (e2e)');
  await Promise.all([clinician.waitForNavigation(), clinician.click('form.confirm-all button[type=submit]')]);
  await screenshot(clinician, 'worklist-confirmed');
  const result = await clinician.textContent('#confirm-result');
  check(/^[1-9][0-9]* bevestigd, 0 intussen door een ander gewijzigd$/.test(result.trim()), 'confirm-all reports its count: ' + result);

  await clinician.goto(base + '/due?as_of=2027-12-31');
  await screenshot(clinician, 'due');
  check((await clinician.textContent('#due-count')).trim().length > 0, 'the due list shows its count');

  const admin = await login('e2e-admin');
  await admin.goto(base + '/admin/audit?user=e2e-clinician&action=override');
  await screenshot(admin, 'audit');
  check((await admin.textContent('#audit')).includes('measurement ' + flagged.measurement), 'the audit log has the override');

  const finance = await login('e2e-finance');
  await finance.goto(base + '/reports');
  await screenshot(finance, 'reports');
  check((await finance.textContent('#report')).length > 1000, 'the report shows in the page');
  check(await finance.isVisible('form.import'), 'finance can upload an export');

  const manager = await login('e2e-manager');
  await screenshot(manager, 'departments');
  const text = await manager.textContent('body');
  check(text.includes(department), 'the manager sees their department');
  await manager.goto(base + '/reports');
  await screenshot(manager, 'reports-manager');
  const report = await manager.textContent('body');
  check(!(await manager.isVisible('form.import')), 'a manager cannot import');
  check(await manager.isVisible('#cut-note'), "a manager reads the cut of their own departments");
  check((await manager.textContent('#report')).includes(department), 'the cut shows their department');
  const others = [...new Set(assignments.map((a) => a.department))].filter((d) => d !== department);
  check(others.length > 0 && others.every((d) => !report.includes(d)),
        "the manager's report shows no other department");
  for (const [name, pageText] of [['departments', text], ['reports', report]]) {
    const shown = patients.filter((id) => pageText.includes(id));
    check(shown.length === 0, `the manager's ${name} page shows no patient id (found ${shown.slice(0, 3).join(', ')})`);
  }

  const english = await login('e2e-english');
  await screenshot(english, 'worklist-english');
  check((await english.textContent('h1')).startsWith('Worklist'), 'an English account reads English');
  check(!(await english.textContent('body')).includes('Werklijst'), 'and no Dutch page words');
  console.log('end-to-end: ok; screenshots in ' + work);
} finally {
  await browser.close();
  server.kill('SIGTERM');
}
