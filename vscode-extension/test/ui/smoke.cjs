// Drives code-server (started by run.sh) with headless Chromium, as a new user of the extension would: same found
// without the same.path setting (only the login shell's PATH has it), the tree after a run (all clean), a save
// turning the right tasks dirty (with the ↻ badge), Why? rendered and kept current, Stop on a running task (its output kept), the task graph
// view, same lsp's diagnostic while typing (before any save) and its completion list, and a broken then repaired
// same.yaml. Prints one line per step and "N passed, 0 failed" at the end;
// screenshots and the browser's console go to SAME_UI_RESULTS.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const os = require('node:os');

const { chromium } = require(path.join(process.env.SAME_UI_CACHE, 'driver', 'node_modules', 'playwright-core'));
const URL = process.env.SAME_UI_URL;
const WORKSPACE = process.env.SAME_UI_WORKSPACE;
const RESULTS = process.env.SAME_UI_RESULTS;
const LONG = 90_000;

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

const row = (label) => page.locator(`.monaco-list-row[aria-label^="${label}"]`).first();
const rowLabels = () => page.evaluate(() => [...document.querySelectorAll('.monaco-list-row')].map((r) => r.getAttribute('aria-label') ?? ''));

/** Waits until the tree row of `task` reads `task, <state>`. */
async function taskState(task, state) {
  await page.waitForFunction(([t, s]) => [...document.querySelectorAll('.monaco-list-row')]
    .some((r) => (r.getAttribute('aria-label') ?? '') === `${t}, ${s}`), [task, state], { timeout: LONG });
}

/** Names what `promise` waited for when it fails. */
async function waiting(what, promise) {
  try {
    return await promise;
  } catch (error) {
    throw new Error(`waiting for ${what}: ${error.message.split('\n')[0]}`);
  }
}

async function command(name) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(`>${name}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor({ timeout: 10_000 });
  await page.keyboard.press('Enter');
}

async function openFile(relative) {
  // the title bar's search box opens Quick Open wherever the focus is (a webview or a terminal may keep Ctrl+P)
  const commandCenter = page.locator('.command-center-center').first();
  if (await commandCenter.isVisible()) {
    await commandCenter.click();
  } else {
    await page.keyboard.press('Control+P');
  }
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(relative);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: path.basename(relative) })
    .filter({ hasText: path.dirname(relative) }).first().waitFor({ timeout: 10_000 });
  await page.keyboard.press('Enter');
  await page.locator('.tab.active', { hasText: path.basename(relative) }).first().waitFor({ timeout: 10_000 });
}

/** The lines of the active editor as shown (spaces included), top to bottom. */
async function editorLines() {
  return page.evaluate(() => [...document.querySelectorAll('.editor-instance .monaco-editor .view-line')]
    .sort((a, b) => parseFloat(a.style.top) - parseFloat(b.style.top))
    .map((line) => line.textContent.replace(/\u00a0/g, ' ')));
}

async function focusEditor() {
  await page.keyboard.press('Control+1');
  await page.locator('.editor-instance .monaco-editor.focused').first().waitFor({ timeout: 10_000 });
}

async function terminalText() {
  return (await page.locator('.xterm-rows').allInnerTexts()).join('\n');
}

/** Shows the same view (clicking its activity-bar item when it is showing already would hide the side bar). */
async function showSameView() {
  const title = page.locator('.sidebar .composite.title h2').first();
  if (await title.isVisible() && (await title.innerText()).trim().toLowerCase() === 'same') {
    return;
  }
  await page.locator('.activitybar .action-item a[aria-label^="same"]').first().click({ timeout: LONG });
}

async function inlineAction(task, label) {
  await row(task).hover();
  await row(task).locator(`.action-label[aria-label="${label}"]`).click();
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
  const consoleLog = fs.createWriteStream(path.join(RESULTS, 'browser-console.log'));
  try {
    page = context.pages()[0] ?? (await context.newPage());
    page.on('console', (message) => consoleLog.write(`${message.type()}: ${message.text()}\n`));
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

    await step('same is found without same.path (only on the login shell\'s PATH): the view lists the tasks', async () => {
      await showSameView();
      for (const task of ['app:build', 'docs:site', 'lib:build', 'lib:test']) {
        await row(task).waitFor({ timeout: LONG });
      }
      const title = await page.locator('.sidebar .composite.title h2').first().innerText();
      if (title.trim().toLowerCase() !== 'same') throw new Error(`the view is titled "${title}"`);
      await shot('1-found-without-setting');
    });

    await step('after Run All, every task is clean', async () => {
      await page.locator('.sidebar .action-label[aria-label="Run All Tasks"]').first().click();
      await page.waitForFunction(() => /Run succeeded/.test(
        [...document.querySelectorAll('.xterm-rows')].map((e) => e.innerText).join('\n')), null, { timeout: LONG });
      for (const task of ['app:build', 'docs:site', 'lib:build', 'lib:test']) {
        await taskState(task, 'clean');
      }
      await shot('2-all-clean-after-run');
    });

    await step('saving an input turns the tasks that read it dirty, and only those, with a ↻ badge', async () => {
      await openFile('packages/lib/src/name.txt');
      await page.locator('.monaco-editor .view-lines').first().click();
      await page.keyboard.press('Control+End');
      await page.keyboard.type('\nedited = "from the UI test"');
      await page.keyboard.press('Control+S');
      for (const task of ['lib:build', 'lib:test', 'app:build']) {
        await page.waitForFunction((t) => [...document.querySelectorAll('.monaco-list-row')]
          .some((r) => (r.getAttribute('aria-label') ?? '').startsWith(`${t}, dirty`)), task, { timeout: LONG });
      }
      const labels = await rowLabels();
      if (!labels.includes('docs:site, clean')) throw new Error(`docs:site is not clean: ${labels.join(' | ')}`);
      await command('File: Reveal Active File in Explorer View');
      // the badge is drawn by CSS (::after): look for it in the computed styles of the explorer row and the tab
      const badged = (selector) => page.waitForFunction((s) => [...document.querySelectorAll(s)]
        .filter((r) => r.textContent.includes('name.txt'))
        .some((r) => [...r.querySelectorAll('*')].some((e) => getComputedStyle(e, '::after').content.includes('↻'))),
      selector, { timeout: LONG });
      await badged('.explorer-folders-view .monaco-list-row');
      await badged('.tabs-container .tab');
      await shot('3-dirty-after-save');
      await showSameView();
    });

    await step('Why? renders the explanation in the Markdown preview and keeps it current', async () => {
      await inlineAction('lib:build', 'Why?');
      const whyFrame = async (text) => {
        for (let attempt = 0; attempt < 180; attempt++) {
          for (const candidate of page.frames()) {
            const body = await candidate.evaluate(() => document.body?.innerText ?? '').catch(() => '');
            if (body.includes('Why is') && body.includes(text)) return body;
          }
          await page.waitForTimeout(500);
        }
        throw new Error(`no rendered explanation naming ${text}`);
      };
      await whyFrame('name.txt');
      fs.appendFileSync(path.join(WORKSPACE, 'packages/lib/src/greeting.txt'), 'more greeting\n');
      const body = await whyFrame('greeting.txt');
      if (body.includes('**')) throw new Error(`the explanation is not rendered:\n${body}`);
      await shot('4-why-preview');
      await command('View: Close All Editors');
    });

    await step('Stop on a running task cancels it and keeps its output in its terminal', async () => {
      for (let i = 0; i < 30; i++) {
        fs.writeFileSync(path.join(WORKSPACE, `packages/docs/pages/extra-${String(i).padStart(2, '0')}.md`), `# page ${i}\n`);
      }
      await page.waitForFunction(() => [...document.querySelectorAll('.monaco-list-row')]
        .some((r) => (r.getAttribute('aria-label') ?? '').startsWith('docs:site, dirty')), null, { timeout: LONG });
      await inlineAction('docs:site', 'Run');
      await taskState('docs:site', 'running');
      await page.waitForFunction(() => /rendering pages\/extra-00\.md/.test(
        [...document.querySelectorAll('.xterm-rows')].map((e) => e.innerText).join('\n')), null, { timeout: LONG });
      if (await row('docs:site').locator('.action-label[aria-label="Run"]').count() !== 0) {
        await row('docs:site').hover();
        if (await row('docs:site').locator('.action-label[aria-label="Run"]').isVisible()) throw new Error('Run is offered on a running task');
      }
      await inlineAction('docs:site', 'Stop');
      await page.waitForFunction(() => /\[docs:site\] ✗ Cancelled after/.test(
        [...document.querySelectorAll('.xterm-rows')].map((e) => e.innerText).join('\n')), null, { timeout: LONG });
      const text = await terminalText();
      if (!text.includes('rendering pages/extra-00.md')) throw new Error(`the output is gone:\n${text}`);
      await page.waitForFunction(() => ![...document.querySelectorAll('.monaco-list-row')]
        .some((r) => (r.getAttribute('aria-label') ?? '').startsWith('docs:site, running')), null, { timeout: LONG });
      await shot('5-stopped-output-kept');
    });

    await step('the task graph view draws every task with its live state', async () => {
      await command('same: Show Task Graph');
      let frame;
      await page.waitForFunction(() => true);
      for (let attempt = 0; attempt < 120 && !frame; attempt++) {
        for (const candidate of page.frames()) {
          if (await candidate.locator('#graph g[data-task="lib:build"]').count().catch(() => 0)) {
            frame = candidate;
          }
        }
        if (!frame) await page.waitForTimeout(500);
      }
      if (!frame) throw new Error('no graph webview');
      const states = await frame.evaluate(() => Object.fromEntries([...document.querySelectorAll('#graph g[data-task]')]
        .map((g) => [g.getAttribute('data-task'), g.getAttribute('data-state')])));
      if (states['lib:build'] !== 'dirty' || states['docs:site'] === undefined || Object.keys(states).length !== 4) {
        throw new Error(`the graph shows ${JSON.stringify(states)}`);
      }
      const edges = await frame.locator('#graph path.edge').count();
      if (edges !== 2) throw new Error(`${edges} edges drawn, 2 expected`);
      await shot('6-task-graph');
      await page.keyboard.press('Control+W');
    });

    await step('same lsp while typing: its diagnostic before any save, then its completion of task names', async () => {
      const relative = 'packages/app/same.yaml';
      const onDisk = fs.readFileSync(path.join(WORKSPACE, relative), 'utf8');
      await openFile(relative);
      // keys only, no click into the text: a click could land on a Run lens and start a task
      await focusEditor();
      await page.keyboard.press('Control+End'); // the empty last line, a key of task build at this indent
      await page.keyboard.type('    targte: dist');
      await page.keyboard.press('Escape'); // the suggestions that typing opened
      const typed = await editorLines();
      if (typed.at(-1) !== '    targte: dist') throw new Error(`the editor shows:\n${typed.join('\n')}`);
      await waiting('a squiggle', page.locator('.editor-instance .monaco-editor .squiggly-error').first()
        .waitFor({ timeout: LONG }));
      await page.locator('.statusbar-item[id="status.problems"]').first().click();
      const problem = page.locator('.markers-panel .monaco-list-row',
        { hasText: "unknown key 'targte' in task 'app:build'" });
      await waiting('the server\'s message in Problems', problem.first().waitFor({ timeout: LONG }));
      const message = await problem.first().getAttribute('aria-label');
      if (!message.includes("did you mean 'target'?")) throw new Error(`the problem reads: ${message}`);
      if (!(await page.locator('.tab.active.dirty').count())) throw new Error('the editor is not dirty');
      if (fs.readFileSync(path.join(WORKSPACE, relative), 'utf8') !== onDisk) throw new Error('the file was saved');
      await shot('7-typing-diagnostic');

      await focusEditor();
      await page.keyboard.press('ArrowUp');
      await page.keyboard.press('ArrowUp');
      await page.keyboard.press('End');
      await page.keyboard.press('ArrowLeft');
      await page.keyboard.type(', '); // a second entry in build's dependsOn: ["lib:build"]
      await page.keyboard.press('Escape');
      const line = (await editorLines())[7];
      if (line !== '    dependsOn: ["lib:build", ]') throw new Error(`line 8 reads "${line}"`);
      await page.keyboard.press('Control+Space');
      const expected = ['lib:build', 'lib:test', 'docs:site'];
      const offered = await waiting(`a completion list with ${expected}`, page.waitForFunction((labels) => {
        const shown = [...document.querySelectorAll('.suggest-widget .monaco-list-row .label-name')]
          .map((label) => label.textContent);
        return labels.every((label) => shown.includes(label)) && shown;
      }, expected, { timeout: LONG }).then((shown) => shown.jsonValue()));
      if (offered.includes('build') || offered.includes('app:build')) {
        throw new Error(`build itself is offered: ${offered}`);
      }
      await shot('8-completion');
      await page.keyboard.press('Escape');

      await command('File: Revert File');
      await page.waitForFunction(() => !document.querySelector('.tab.active.dirty'), null, { timeout: LONG });
      await waiting('the problem gone', problem.first().waitFor({ state: 'detached', timeout: LONG }));
      await page.keyboard.press('Control+W');
      await page.locator('.tab', { hasText: 'same.yaml' }).first().waitFor({ state: 'detached', timeout: 10_000 });
      // the last step opens Problems from the status bar, a toggle that hides Problems when they have the focus
      await command('View: Hide Panel');
      await page.locator('.markers-panel').first().waitFor({ state: 'hidden', timeout: 10_000 });
      if (fs.readFileSync(path.join(WORKSPACE, relative), 'utf8') !== onDisk) throw new Error('the file was changed');
    });

    await step('a broken same.yaml makes every state unknown, shown in Problems; repairing it brings them back', async () => {
      const file = path.join(WORKSPACE, 'packages/app/same.yaml');
      const good = fs.readFileSync(file, 'utf8');
      fs.writeFileSync(file, good.replace('dependsOn: ["lib:build"]', 'dependsOn: ["lib:nope"]'));
      await waiting('the error row', row('configuration error').waitFor({ timeout: LONG }));
      for (const task of ['app:build', 'docs:site', 'lib:build', 'lib:test']) {
        await waiting(`${task} unknown`, taskState(task, 'unknown'));
      }
      await page.locator('.statusbar-item[id="status.problems"]').first().click();
      await waiting('the error in Problems', page.locator('.markers-panel .monaco-list-row', { hasText: 'lib:nope' }).first()
        .waitFor({ timeout: LONG }));
      await shot('9-broken-config');
      fs.writeFileSync(file, good);
      await showSameView();
      await page.waitForFunction(() => ![...document.querySelectorAll('.monaco-list-row')]
        .some((r) => (r.getAttribute('aria-label') ?? '').startsWith('configuration error')), null, { timeout: LONG });
      await taskState('lib:build', 'dirty');
      await taskState('app:build', 'dirty');
      await shot('10-repaired-config');
    });
    console.log(`${passed} passed, 0 failed`);
  } finally {
    consoleLog.end();
    await context.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

main().catch(() => process.exit(1));
