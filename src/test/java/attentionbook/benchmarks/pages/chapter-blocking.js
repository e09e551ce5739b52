// Main-thread blocking of one page as a phone would feel it, from a Chromium trace: each task's
// thread CPU time times 4 (the slowdown Lighthouse's mobile simulation assumes), summed over what
// exceeds 50 ms, from the first contentful paint until every formula is typeset and 1.5 s more.
// CPU time, unlike the wall clock Lighthouse reads, hardly moves when other processes crowd the cores.
// Usage: node chapter-blocking.js URL   (puppeteer-core comes with `npm i -g lighthouse`)
const { execSync } = require('child_process');
const root = execSync('npm root -g').toString().trim();
const puppeteer = require(`${root}/lighthouse/node_modules/puppeteer-core`);
const fs = require('fs');
const os = require('os');
const path = require('path');

async function trace(url, file) {
  const browser = await puppeteer.launch({ executablePath: process.env.CHROME_PATH || '/usr/bin/chromium', args: ['--no-sandbox', '--headless', '--disable-gpu'] });
  try {
    const page = await browser.newPage();
    await page.setViewport({ width: 412, height: 823 });
    await page.tracing.start({ path: file, categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'toplevel', 'loading'] });
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForFunction(() => document.querySelectorAll('.math:not([data-typeset])').length === 0, { timeout: 60000, polling: 1000 });
    await new Promise((done) => setTimeout(done, 1500));
    await page.tracing.stop();
  } finally {
    await browser.close();
  }
}

function blocking(events) {
  const key = (e) => `${e.pid}:${e.tid}`;
  const mainThreads = new Set(events.filter((e) => e.name === 'thread_name' && e.args.name === 'CrRendererMain').map(key));
  const pageThreads = new Set(events.filter((e) => mainThreads.has(key(e)) && JSON.stringify(e.args || {}).includes('/chapters/')).map(key));
  const busy = new Map();
  for (const e of events) {
    if (e.name === 'RunTask' && e.ph === 'X' && pageThreads.has(key(e))) busy.set(key(e), (busy.get(key(e)) || 0) + e.dur);
  }
  const main = [...busy].sort((a, b) => b[1] - a[1])[0][0];
  const fcp = events.find((e) => e.name === 'firstContentfulPaint' && key(e) === main)?.ts ?? 0;
  let tbt = 0;
  let longest = 0;
  for (const task of events) {
    if (task.name !== 'RunTask' || task.ph !== 'X' || key(task) !== main || task.ts < fcp || task.tdur === undefined) continue;
    const phone = (4 * task.tdur) / 1000;
    longest = Math.max(longest, phone);
    tbt += Math.max(0, phone - 50);
  }
  return { blockingMs: Math.round(tbt), longestTaskMs: Math.round(longest) };
}

(async () => {
  const url = process.argv[2];
  const file = path.join(os.tmpdir(), `chapter-blocking-${process.pid}.json`);
  await trace(url, file);
  const result = blocking(JSON.parse(fs.readFileSync(file, 'utf8')).traceEvents);
  fs.unlinkSync(file);
  console.log(url.replace(/.*\//, '').padEnd(24), JSON.stringify(result));
})();
