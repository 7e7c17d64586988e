// Drives code-server (started by run.sh) with headless Chromium: the same view, a run from the tree with
// its output in the terminal, an edit that turns a task dirty, the CodeLens, "why" and a config error in
// Problems. Prints one line per step and "N passed, 0 failed" at the end; screenshots go to SAME_UI_RESULTS.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const os = require('node:os');

const { chromium } = require(path.join(process.env.SAME_UI_CACHE, 'driver', 'node_modules', 'playwright-core'));
const URL = process.env.SAME_UI_URL;
const WORKSPACE = process.env.SAME_UI_WORKSPACE;
const RESULTS = process.env.SAME_UI_RESULTS;
const LONG = 60_000;

let page;
let passed = 0;

async function step(name, body) {
  const started = Date.now();
  try {
    await body();
    passed++;
    console.log(`ok   ${name} (${((Date.now() - started) / 1000).toFixed(1)}s)`);
  } catch (error) {
    console.log(`FAIL ${name}: ${error.message.split('\n')[0]}`);
    await shot('failure');
    console.log(`${passed} passed, 1 failed`);
    throw error;
  }
}

async function shot(name) {
  await page.screenshot({ path: path.join(RESULTS, `${name}.png`) });
}

const view = () => page.locator('.pane').filter({ has: page.locator('.pane-header', { hasText: /tasks/i }) }).first();
const row = (label) => page.locator(`.monaco-list-row[aria-label^="${label}"]`).first();
const statusItem = () => page.locator('.statusbar-item', { hasText: 'same:' }).first();

async function command(name) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(`>${name}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor({ timeout: 10_000 });
  await page.keyboard.press('Enter');
}

async function openFile(relative) {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(relative);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: path.basename(relative) })
    .filter({ hasText: path.dirname(relative) }).first().waitFor({ timeout: 10_000 });
  await page.keyboard.press('Enter');
  await page.locator('.tab.active', { hasText: path.basename(relative) }).first().waitFor({ timeout: 10_000 });
}

async function terminalText() {
  return (await page.locator('.xterm-rows').allInnerTexts()).join('\n');
}

async function main() {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'same-ui-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1440, height: 900 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
  });
  try {
    page = context.pages()[0] ?? (await context.newPage());
    await step('the workbench loads', async () => {
      for (let attempt = 0; ; attempt++) {
        try {
          await page.goto(URL, { timeout: 15_000 });
          break;
        } catch (error) {
          if (attempt > 20) throw error;
          await page.waitForTimeout(1_000);
        }
      }
      await page.locator('.monaco-workbench').waitFor({ timeout: LONG });
    });

    await step('the same view lists the projects and tasks with their state', async () => {
      await page.locator('.activitybar .action-item a[aria-label^="same"]').first().click({ timeout: LONG });
      for (const task of ['app:build', 'docs:site', 'lib:build', 'lib:test']) {
        await row(task).waitFor({ timeout: LONG });
      }
      await page.waitForFunction(() => [...document.querySelectorAll('.monaco-list-row')]
        .some((r) => /^lib:build, (dirty|unknown|clean)/.test(r.getAttribute('aria-label') ?? '')), null, { timeout: LONG });
      await statusItem().waitFor({ timeout: LONG });
      const text = await statusItem().innerText();
      if (!/same: .*\d+ dirty/.test(text)) throw new Error(`status bar says "${text}"`);
      await shot('1-tree');
    });

    await step('running lib:build from the tree streams its output to a terminal', async () => {
      await row('lib:build').hover();
      await row('lib:build').locator('.action-label[aria-label="Run"]').click();
      await page.waitForFunction(() => /\[lib:build\] .*(Completed|Cached)/.test(
        [...document.querySelectorAll('.xterm-rows')].map((e) => e.innerText).join('\n')), null, { timeout: LONG });
      const text = await terminalText();
      if (!text.includes('[lib:build] built lib from 2 files')) throw new Error(`terminal shows:\n${text}`);
      await page.waitForFunction(() => [...document.querySelectorAll('.monaco-list-row')]
        .some((r) => (r.getAttribute('aria-label') ?? '').startsWith('lib:build, clean')), null, { timeout: LONG });
      await shot('2-run-output');
    });

    await step('editing an input turns lib:build dirty, with a marker on the file', async () => {
      await openFile('packages/lib/src/name.txt');
      await page.locator('.monaco-editor .view-lines').first().click();
      await page.keyboard.press('Control+End');
      await page.keyboard.type('\nedited = "from the UI test"');
      await page.keyboard.press('Control+S');
      await page.waitForFunction(() => [...document.querySelectorAll('.monaco-list-row')]
        .some((r) => (r.getAttribute('aria-label') ?? '').startsWith('lib:build, dirty')), null, { timeout: LONG });
      await command('File: Reveal Active File in Explorer View');
      // the badge is drawn by CSS (::after), so look for it in the computed styles of the explorer row
      await page.waitForFunction(() => [...document.querySelectorAll('.explorer-folders-view .monaco-list-row')]
        .filter((r) => r.textContent.includes('name.txt'))
        .some((r) => [...r.querySelectorAll('*')].some((e) => getComputedStyle(e, '::after').content.includes('●'))),
      null, { timeout: LONG });
      await shot('3-dirty-after-edit');
      await page.locator('.activitybar .action-item a[aria-label^="same"]').first().click();
    });

    await step('same.yaml shows a CodeLens with the state above each task', async () => {
      await openFile('packages/lib/same.yaml');
      await page.locator('.contentWidgets .codelens-decoration', { hasText: 'run' }).first().waitFor({ timeout: LONG });
      const lenses = (await page.locator('.codelens-decoration').allInnerTexts()).join(' | ');
      if (!/dirty/.test(lenses)) throw new Error(`CodeLens says ${lenses}`);
      await shot('4-codelens');
    });

    await step('"why" explains what changed', async () => {
      await row('lib:build').hover();
      await row('lib:build').locator('.action-label[aria-label="Why?"]').click();
      await page.locator('.view-lines', { hasText: 'Why is' }).first().waitFor({ timeout: LONG });
      const text = await page.locator('.view-lines', { hasText: 'Why is' }).first().innerText();
      if (!/name\.txt/.test(text)) throw new Error(`why says ${text}`);
      await shot('5-why');
    });

    await step('a configuration error appears in Problems', async () => {
      const file = path.join(WORKSPACE, 'packages/app/same.yaml');
      const good = fs.readFileSync(file, 'utf8');
      fs.writeFileSync(file, good.replace('dependsOn: ["lib:build"]', 'dependsOn: ["lib:nope"]'));
      await command('same: Refresh');
      await command('Problems: Focus on Problems View');
      await page.locator('.markers-panel .monaco-list-row', { hasText: 'lib:nope' }).first().waitFor({ timeout: LONG });
      await shot('6-problems');
      fs.writeFileSync(file, good);
    });
    console.log(`${passed} passed, 0 failed`);
  } finally {
    await context.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

main().catch(() => process.exit(1));
