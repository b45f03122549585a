/**
 * The `--format html` report in a real browser (Debian's chromium, headless,
 * through playwright-core): it renders its charts, logs no console error,
 * loads nothing (the only request is the file itself), is usable from the
 * keyboard (skip link, then the file list; each playbook's findings open with
 * Enter) and readable in light and dark mode. Screenshots are kept in
 * test-results/html-report/. Skipped, saying why, only when chromium is absent.
 * The browser is stopped by its process id.
 */
import assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test, type TestContext } from 'node:test';
import { chromium, type Browser, type BrowserServer, type Page } from 'playwright-core';
import { runMain } from '../cli/run-main';

// The page's globals inside page.evaluate (this project's TypeScript settings have no DOM library).
declare const document: any;
declare const location: { hash: string };
declare function getComputedStyle(e: unknown): { outlineStyle: string; backgroundColor: string; color: string; fill: string };

const root = path.resolve(__dirname, '../..');
const shots = path.join(root, 'test-results/html-report');
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const unavailable = existsSync(executablePath) ? undefined : `chromium is not installed at ${executablePath} (apt-get install -y chromium, or run scripts/ci-e2e-setup.sh); the HTML report was not tested in a browser`;

let tmp: string;
let reportUrl: string;
let server: BrowserServer | undefined;
let browserProcess: ChildProcess | undefined;
let browser: Browser | undefined;

function skipIfUnavailable(t: TestContext): boolean {
  if (!unavailable) return false;
  t.skip(unavailable);
  return true;
}

/** A page with the report open, collecting console errors, page errors and every request. */
async function open(scheme: 'light' | 'dark'): Promise<{ page: Page; errors: string[]; requests: string[] }> {
  const context = await browser!.newContext({ viewport: { width: 1200, height: 900 }, colorScheme: scheme });
  const page = await context.newPage();
  const errors: string[] = [];
  const requests: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') errors.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(reportUrl);
  await page.locator('h1').waitFor({ state: 'visible' });
  return { page, errors, requests };
}

/** WCAG contrast ratio of two `rgb(r, g, b)` colours. */
function contrast(a: string, b: string): number {
  const lum = (c: string) => {
    const [r, g, bl] = c.match(/\d+(\.\d+)?/g)!.slice(0, 3).map(Number).map((v) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}

before(async () => {
  if (unavailable) return;
  rmSync(shots, { recursive: true, force: true });
  mkdirSync(shots, { recursive: true });
  tmp = mkdtempSync(path.join(os.tmpdir(), 'pbl-html-e2e-'));
  cpSync(path.join(root, 'test/cli/fixtures/html-report'), tmp, { recursive: true });
  // A baseline, then a change, so the page has every section.
  assert.equal((await runMain(['--write-baseline', 'base.json'], tmp)).code, 0);
  const call = path.join(tmp, 'call.md');
  writeFileSync(call, readFileSync(call, 'utf8').replace('Just checking in on the proposal.', 'Your team asked about pricing last week.'));
  const r = await runMain(['--format', 'html', '--baseline', 'base.json', '-o', 'report.html'], tmp);
  assert.equal(r.code, 0, r.stderr);
  const file = path.join(tmp, 'report.html');
  cpSync(file, path.join(shots, 'report.html'));
  reportUrl = pathToFileURL(file).href;
  server = await chromium.launchServer({
    executablePath,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-extensions'],
  });
  browserProcess = server.process();
  browser = await chromium.connect(server.wsEndpoint());
});

after(async () => {
  await browser?.close().catch(() => undefined);
  const child = browserProcess;
  if (child?.pid !== undefined && child.exitCode === null && child.signalCode === null) {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    process.kill(child.pid, 'SIGTERM');
    await exited;
  }
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('HTML report in chromium', () => {
  test('renders its sections and charts, with no console error and no request but the file itself', async (t) => {
    if (skipIfUnavailable(t)) return;
    const { page, errors, requests } = await open('light');
    assert.match(await page.locator('h1').innerText(), /^Playbook review, \d{4}-\d{2}-\d{2}$/);
    const headings = await page.locator('h2').allInnerTexts();
    assert.deepEqual(headings, ['Summary', 'Change since the baseline', 'Score per playbook type', 'Findings by rule', 'Findings by section', 'Sentences to rewrite first', 'Playbooks']);
    // Every chart is drawn: its bars have a size on screen and the largest fills a good part of the chart.
    const charts = page.locator('figure.chart svg');
    assert.equal(await charts.count(), 5);
    for (let i = 0; i < 5; i++) {
      const box = await charts.nth(i).boundingBox();
      assert.ok(box && box.width > 300 && box.height > 20, `chart ${i} is drawn (${JSON.stringify(box)})`);
      const widest = await charts.nth(i).locator('rect').evaluateAll((rs) => Math.max(...rs.map((r) => r.getBoundingClientRect().width)));
      assert.ok(widest > 100, `chart ${i}'s longest bar is ${widest}px`);
      const cut = await charts.nth(i).evaluate((svg) => {
        const box = svg.getBoundingClientRect();
        return [...svg.querySelectorAll('text')].filter((t) => t.getBoundingClientRect().left < box.left - 1 || t.getBoundingClientRect().right > box.right + 1).map((t) => t.textContent);
      });
      assert.deepEqual(cut, [], `chart ${i}: every label and value lies inside the chart`);
    }
    assert.match(await page.locator('#h-change + p').innerText(), /1 finding resolved/);
    await page.screenshot({ path: path.join(shots, 'report-light.png'), fullPage: true });
    assert.deepEqual(errors, []);
    assert.deepEqual(requests, [reportUrl]);
    await page.context().close();
  });

  test('keyboard: the first Tab reaches the skip link, which leads to the file list; a playbook opens with Enter', async (t) => {
    if (skipIfUnavailable(t)) return;
    const { page } = await open('light');
    const focused = () =>
      page.evaluate(() => {
        const a = document.activeElement;
        return { tag: a?.tagName ?? '', text: a?.textContent?.trim() ?? '', section: a?.closest('section')?.getAttribute('aria-labelledby') ?? '', outline: a ? getComputedStyle(a).outlineStyle : '', href: a?.getAttribute('href') ?? '' };
      });
    await page.keyboard.press('Tab');
    const skip = await focused();
    assert.deepEqual([skip.tag, skip.text, skip.outline], ['A', 'Skip to the list of playbooks', 'solid']);
    assert.ok(await page.locator('a.skip').isVisible());
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => location.hash), '#files');
    await page.keyboard.press('Tab');
    const first = await focused();
    assert.equal(first.section, 'h-files', `after the skip link, Tab is in the file list (got ${JSON.stringify(first)})`);
    assert.equal(first.tag, 'A');
    assert.match(first.text, /\.md$/);
    assert.equal(first.outline, 'solid', 'focus is visible');

    // Without the skip link, Tab still reaches the file list, through real links and buttons only.
    await page.goto(reportUrl);
    const seen = new Set<string>();
    let reached = false;
    for (let i = 0; i < 80 && !reached; i++) {
      await page.keyboard.press('Tab');
      const f = await focused();
      assert.ok(['A', 'SUMMARY'].includes(f.tag), `focus stops only on links and buttons, got ${f.tag}`);
      seen.add(f.tag);
      reached = f.section === 'h-files';
    }
    assert.ok(reached, 'Tab reaches the file list');

    // A playbook's findings: follow its link, Tab to its summary, Enter opens it.
    await page.goto(reportUrl);
    const link = page.locator('section[aria-labelledby="h-files"] table a').first();
    const target = (await link.getAttribute('href'))!;
    await link.focus();
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => location.hash), target);
    const details = page.locator(target);
    assert.equal(await details.evaluate((d) => (d as unknown as { open: boolean }).open), false);
    await details.locator('summary').focus();
    await page.keyboard.press('Enter');
    assert.equal(await details.evaluate((d) => (d as unknown as { open: boolean }).open), true);
    assert.ok(await details.locator('table').isVisible());
    await page.context().close();
  });

  test('light and dark mode: the colours follow the system, text keeps its contrast', async (t) => {
    if (skipIfUnavailable(t)) return;
    const colours: Record<string, { bg: string; fg: string; link: string; chart: string }> = {};
    for (const scheme of ['light', 'dark'] as const) {
      const { page, errors } = await open(scheme);
      colours[scheme] = await page.evaluate(() => ({
        bg: getComputedStyle(document.body).backgroundColor,
        fg: getComputedStyle(document.body).color,
        link: getComputedStyle(document.querySelector('main a')!).color,
        chart: getComputedStyle(document.querySelector('.chart-label')!).fill,
      }));
      const c = colours[scheme];
      assert.ok(contrast(c.fg, c.bg) >= 7, `${scheme}: text contrast ${contrast(c.fg, c.bg).toFixed(1)}`);
      assert.ok(contrast(c.link, c.bg) >= 4.5, `${scheme}: link contrast ${contrast(c.link, c.bg).toFixed(1)}`);
      assert.ok(contrast(c.chart, c.bg) >= 7, `${scheme}: chart label contrast ${contrast(c.chart, c.bg).toFixed(1)}`);
      await page.screenshot({ path: path.join(shots, `report-${scheme}.png`), fullPage: true });
      assert.deepEqual(errors, []);
      await page.context().close();
    }
    assert.notEqual(colours.light.bg, colours.dark.bg);
    assert.equal(colours.dark.bg, 'rgb(13, 17, 23)');
    assert.equal(colours.light.bg, 'rgb(255, 255, 255)');
    for (const scheme of ['light', 'dark']) assert.ok(statSync(path.join(shots, `report-${scheme}.png`)).size > 10_000);
  });
});
