#!/usr/bin/env node
// Widget probe (copied from ../shared/bench; adds main-thread time over the whole run): loads a page in headless Chromium (Debian /usr/bin/chromium via
// playwright-core) and measures bytes, timings, CLS/TBT, errors, axe
// violations, rAF smoothness, JS heap, and takes screenshots.
//
// node probe.mjs URL [--out DIR] [--selector CSS] [--seconds N] [--width W]
//                    [--height H] [--emulate-reduced-motion] [--cpu-throttle N]
//                    [--runs N] [--expect N] [--timeout S] [--settle MS]
//                    [--shot-delay MS] [--no-screenshots] [--no-axe] [--quiet]
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import crypto from 'node:crypto';
import { parseArgs } from 'node:util';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const AXE_PATH = require.resolve('axe-core/axe.min.js');
const AXE_VERSION = require('axe-core/package.json').version;
const PW_VERSION = require('playwright-core/package.json').version;

export const CHROMIUM_PATH = process.env.PROBE_CHROMIUM || '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];
const SCREENSHOT_WIDTHS = [375, 1280];

const USAGE = `usage: node probe.mjs URL [options]
  --out DIR                 output folder (default ./probe-out)
  --selector CSS            widget-ready selector (default [data-widget-ready])
  --seconds N               rAF sampling window in seconds (default 3)
  --width W / --height H    viewport for the measured load (default 1280x800)
  --emulate-reduced-motion  prefers-reduced-motion: reduce
  --cpu-throttle N          CDP Emulation.setCPUThrottlingRate (e.g. 4 = mid-range phone)
  --runs N                  repeat the measurement N times, report medians (default 1)
  --expect N                number of selector matches that means "all present"
                            (default: the count reached when matches stop changing)
  --timeout S               max seconds to wait for the selector (default 20)
  --settle MS               matches must be unchanged this long to count as settled (default 1000)
  --shot-delay MS           wait after ready before each screenshot (default 500)
  --no-screenshots, --no-axe, --quiet`;

// ---------------------------------------------------------------- helpers
export function percentile(sorted, p) {
  if (!sorted.length) return null;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}
export function median(xs) {
  const v = xs.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return null;
  const m = v.length >> 1;
  return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
}
const r1 = (x) => (x == null ? null : Math.round(x * 10) / 10);
const r4 = (x) => (x == null ? null : Math.round(x * 10000) / 10000);

export function categorize(url, mime, resourceType) {
  let p = '';
  try { p = new URL(url).pathname.toLowerCase(); } catch { /* ignore */ }
  const m = (mime || '').toLowerCase();
  if (m === 'application/wasm' || p.endsWith('.wasm')) return 'wasm';
  if (resourceType === 'script' || /javascript|ecmascript/.test(m) || /\.(m?js|cjs)$/.test(p)) return 'js';
  if (resourceType === 'stylesheet' || m === 'text/css' || p.endsWith('.css')) return 'css';
  if (resourceType === 'font' || m.startsWith('font/') || /font-woff|font-ttf|opentype/.test(m) || /\.(woff2?|ttf|otf|eot)$/.test(p)) return 'font';
  if (/json|csv|xml|protobuf|octet-stream|x-ndjson/.test(m) || /\.(json|geojson|topojson|csv|tsv|pbf|bin|arrow|parquet|ndjson)$/.test(p) ||
      resourceType === 'xhr' || resourceType === 'fetch') return 'data';
  if (resourceType === 'document' || m === 'text/html') return 'html';
  if (resourceType === 'image' || m.startsWith('image/')) return 'image';
  return 'other';
}
export const CATEGORIES = ['wasm', 'js', 'css', 'data', 'font', 'html', 'image', 'other'];

const compCache = new Map();
export function compressedSizes(buf, textual) {
  const key = crypto.createHash('sha1').update(buf).digest('hex');
  if (compCache.has(key)) return compCache.get(key);
  const gzip9 = zlib.gzipSync(buf, { level: 9 }).length;
  const brotli = zlib.brotliCompressSync(buf, {
    params: {
      [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
      [zlib.constants.BROTLI_PARAM_MODE]: textual ? zlib.constants.BROTLI_MODE_TEXT : zlib.constants.BROTLI_MODE_GENERIC,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: buf.length,
    },
  }).length;
  const v = { gzip9, brotli };
  compCache.set(key, v);
  return v;
}

// ------------------------------------------------------- in-page recorder
// Runs before any page script (top frame only). Records layout shifts, long
// tasks, long animation frames, LCP and every change in the number of
// elements matching the selector (MutationObserver on the whole document).
function initScript(selector) {
  if (window.top !== window || window.__probe) return;
  const P = (window.__probe = { sel: selector, shifts: [], longtasks: [], loafs: [], lcp: [], counts: [], matched: [] });
  const obs = (type, fn) => {
    try {
      new PerformanceObserver((list) => list.getEntries().forEach(fn)).observe({ type, buffered: true });
    } catch (e) { /* unsupported */ }
  };
  obs('layout-shift', (e) => P.shifts.push({ t: e.startTime, v: e.value, input: e.hadRecentInput }));
  obs('longtask', (e) => P.longtasks.push({ t: e.startTime, d: e.duration }));
  obs('long-animation-frame', (e) => P.loafs.push({ t: e.startTime, d: e.duration, b: e.blockingDuration }));
  obs('largest-contentful-paint', (e) => P.lcp.push({ t: e.startTime, size: e.size }));
  const seen = new WeakSet();
  const describe = (el) => {
    let s = el.tagName.toLowerCase();
    if (el.id) s += '#' + el.id;
    const w = el.getAttribute('data-widget');
    if (w) s += `[data-widget=${w}]`;
    else if (el.classList.length) s += '.' + [...el.classList].slice(0, 2).join('.');
    return s;
  };
  let last = -1;
  const check = () => {
    let list;
    try { list = document.querySelectorAll(P.sel); } catch (e) { return; }
    const now = performance.now();
    for (const el of list) {
      if (!seen.has(el)) { seen.add(el); P.matched.push({ t: now, el: describe(el) }); }
    }
    if (list.length !== last) { last = list.length; P.counts.push({ t: now, n: list.length }); }
  };
  const mo = new MutationObserver(check);
  mo.observe(document, { childList: true, subtree: true, attributes: true });
  P.stop = () => { check(); mo.disconnect(); };
  check();
}

// --------------------------------------------------------- metric helpers
function clsOf(shifts) {
  const s = shifts.filter((x) => !x.input).sort((a, b) => a.t - b.t);
  let total = 0, maxWin = 0, win = 0, winStart = -1, prev = -1;
  for (const x of s) {
    total += x.v;
    if (winStart >= 0 && x.t - prev < 1000 && x.t - winStart < 5000) win += x.v;
    else { win = x.v; winStart = x.t; }
    prev = x.t;
    maxWin = Math.max(maxWin, win);
  }
  return { total: r4(total), sessionWindow: r4(maxWin), shifts: s.length };
}
function tbtOf(tasks, from, to) {
  return tasks.filter((x) => x.t >= from && x.t < to).reduce((a, x) => a + Math.max(0, x.d - 50), 0);
}
export function frameStats(ts, seconds) {
  const deltas = [];
  for (let i = 1; i < ts.length; i++) deltas.push(ts[i] - ts[i - 1]);
  const s = [...deltas].sort((a, b) => a - b);
  const span = ts.length > 1 ? ts[ts.length - 1] - ts[0] : 0;
  return {
    seconds,
    callbacks: ts.length,
    fps: span ? r1(((ts.length - 1) * 1000) / span) : null,
    p50: r1(percentile(s, 50)),
    p95: r1(percentile(s, 95)),
    p99: r1(percentile(s, 99)),
    max: r1(s.length ? s[s.length - 1] : null),
    over33ms: deltas.filter((d) => d > 33.4).length,
    over50ms: deltas.filter((d) => d > 50).length,
  };
}

function pickMetrics(rep) {
  const m = {
    'time.dcl': rep.timing.domContentLoaded,
    'time.load': rep.timing.load,
    'time.fcp': rep.timing.firstContentfulPaint,
    'time.lcp': rep.timing.largestContentfulPaint,
    'time.firstReady': rep.timing.firstMatch,
    'time.allReady': rep.timing.allMatch,
    'matches': rep.timing.matchCount,
    'cls.total': rep.cls.total,
    'cls.sessionWindow': rep.cls.sessionWindow,
    'tbt.toReady': rep.tbt.toReadyMs,
    'tbt.total': rep.tbt.totalMs,
    'tbt.loafBlocking': rep.tbt.loafBlockingMs,
    'frames.callbacks': rep.frames.callbacks,
    'frames.fps': rep.frames.fps,
    'frames.p50': rep.frames.p50,
    'frames.p95': rep.frames.p95,
    'frames.max': rep.frames.max,
    'heap.usedMB': rep.heap.usedMB,
    'heap.usedAfterGcMB': rep.heap.usedAfterGcMB,
    'dom.nodes': rep.heap.domNodes,
    'main.toReady': rep.heap.taskDurationReadyMs,
    'main.total': rep.heap.taskDurationEndMs,
    'main.script': rep.heap.scriptDurationEndMs,
    'errors.console': rep.errors.console.length,
    'errors.page': rep.errors.page.length,
    'errors.failedRequests': new Set([...rep.errors.failedRequests, ...rep.errors.httpErrors].map((e) => e.url)).size,
    'axe.violations': rep.axe ? rep.axe.violations.length : null,
    'axe.nodes': rep.axe ? rep.axe.violations.reduce((a, v) => a + v.nodes, 0) : null,
    'requests': rep.bytes.total.requests,
  };
  for (const k of ['served', 'raw', 'gzip9', 'brotli']) m[`bytes.total.${k}`] = rep.bytes.total[k];
  for (const [cat, v] of Object.entries(rep.bytes.byType)) {
    for (const k of ['served', 'raw', 'gzip9', 'brotli']) m[`bytes.${cat}.${k}`] = v[k];
  }
  return m;
}

async function waitForMatches(page, { expect, settleMs, timeoutMs }) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const st = await page.evaluate(() => {
      const P = window.__probe;
      if (!P) return null;
      const c = P.counts[P.counts.length - 1];
      return { now: performance.now(), n: c ? c.n : 0, t: c ? c.t : 0 };
    }).catch(() => null);
    if (st) {
      if (expect != null && st.n >= expect) return true;
      if (expect == null && st.n > 0 && st.now - st.t >= settleMs) return true;
    }
    if (Date.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, 100));
  }
}

// ------------------------------------------------------------- one run
async function runOnce(url, o, runIndex, shots) {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext({
      viewport: { width: o.width, height: o.height },
      deviceScaleFactor: 1,
      reducedMotion: o.reducedMotion ? 'reduce' : 'no-preference',
    });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    if (o.cpuThrottle && o.cpuThrottle > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: o.cpuThrottle });
    await page.addInitScript(initScript, o.selector);

    // The browser's own /favicon.ico probe is not the page's fault: kept apart in errors.ignored.
    const errors = { console: [], page: [], failedRequests: [], httpErrors: [], ignored: [] };
    const isFavicon = (u) => { try { return new URL(u).pathname === '/favicon.ico'; } catch { return false; } };
    page.on('console', (m) => {
      if (m.type() !== 'error') return;
      const e = { text: m.text().slice(0, 500), location: m.location()?.url || null };
      (isFavicon(e.location) ? errors.ignored : errors.console).push(e);
    });
    page.on('pageerror', (e) => errors.page.push({ message: String(e.message || e).slice(0, 500) }));
    page.on('requestfailed', (r) => {
      const e = { url: r.url(), error: r.failure()?.errorText || null, type: r.resourceType() };
      (isFavicon(e.url) ? errors.ignored : errors.failedRequests).push(e);
    });
    page.on('response', (r) => {
      if (r.status() < 400) return;
      const e = { url: r.url(), status: r.status() };
      (isFavicon(e.url) ? errors.ignored : errors.httpErrors).push(e);
    });

    const pending = [];
    page.on('requestfinished', (req) => pending.push(collectResource(req).catch((e) => ({ url: req.url(), error: String(e) }))));

    const tNav = Date.now();
    let navError = null;
    try {
      await page.goto(url, { waitUntil: 'load', timeout: o.timeoutMs });
    } catch (e) { navError = String(e.message || e).split('\n')[0]; }
    const settled = await waitForMatches(page, { expect: o.expect, settleMs: o.settleMs, timeoutMs: Math.max(0, o.timeoutMs - (Date.now() - tNav)) });

    // Main-thread time to ready, before the forced GC below adds its own.
    const pmReady = await cdp.send('Performance.getMetrics').catch(() => ({ metrics: [] }));
    const pmapReady = Object.fromEntries(pmReady.metrics.map((x) => [x.name, x.value]));
    // Heap right after the page is ready (before the animation window).
    const heapRaw = await cdp.send('Runtime.getHeapUsage').catch(() => null);
    const perfMem = await page.evaluate(() => (performance.memory ? { used: performance.memory.usedJSHeapSize, total: performance.memory.totalJSHeapSize } : null)).catch(() => null);
    await cdp.send('HeapProfiler.collectGarbage').catch(() => {});
    const heapGc = await cdp.send('Runtime.getHeapUsage').catch(() => null);
    const pm = await cdp.send('Performance.getMetrics').catch(() => ({ metrics: [] }));
    const pmap = Object.fromEntries(pm.metrics.map((x) => [x.name, x.value]));

    // rAF sampling window while the page keeps running.
    const frameWin = await page.evaluate((sec) => new Promise((resolve) => {
      const ts = [];
      const start = performance.now();
      const end = start + sec * 1000;
      const f = (t) => { ts.push(t); if (performance.now() < end) requestAnimationFrame(f); else resolve({ start, ts }); };
      requestAnimationFrame(f);
    }), o.seconds).catch(() => ({ start: null, ts: [] }));

    // Main-thread time over the whole run (load, ready, entrance animations, the rAF window):
    // what a widget costs however its work is split into tasks.
    const pmEnd = await cdp.send('Performance.getMetrics').catch(() => ({ metrics: [] }));
    const pmapEnd = Object.fromEntries(pmEnd.metrics.map((x) => [x.name, x.value]));

    const P = await page.evaluate(() => {
      const P = window.__probe;
      if (!P) return null;
      P.stop();
      const nav = performance.getEntriesByType('navigation')[0];
      const fcp = performance.getEntriesByName('first-contentful-paint')[0];
      const marks = performance.getEntriesByType('mark').map((m) => ({ name: m.name, t: m.startTime }));
      const measures = performance.getEntriesByType('measure').map((m) => ({ name: m.name, t: m.startTime, d: m.duration }));
      return {
        now: performance.now(),
        nav: nav ? { dcl: nav.domContentLoadedEventStart, load: nav.loadEventStart, ttfb: nav.responseStart, domInteractive: nav.domInteractive } : null,
        fcp: fcp ? fcp.startTime : null,
        shifts: P.shifts, longtasks: P.longtasks, loafs: P.loafs, lcp: P.lcp, counts: P.counts, matched: P.matched,
        marks, measures,
      };
    }).catch(() => null);

    // Accessibility.
    let axe = null;
    if (o.axe && P) {
      try {
        await page.evaluate(fs.readFileSync(AXE_PATH, 'utf8'));
        const res = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
        axe = {
          version: res.testEngine?.version,
          violations: res.violations.map((v) => ({
            id: v.id, impact: v.impact, nodes: v.nodes.length, help: v.help,
            targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
          })),
          passes: res.passes.length, incomplete: res.incomplete.length,
        };
      } catch (e) { axe = { error: String(e.message || e), violations: [] }; }
    }

    // Bytes.
    await page.waitForLoadState('networkidle', { timeout: 3000 }).catch(() => {});
    const resources = (await Promise.all(pending)).filter(Boolean);
    const finalUrl = page.url();
    await context.close();

    const counts = P?.counts || [];
    const finalN = counts.length ? counts[counts.length - 1].n : 0;
    const target = o.expect ?? finalN;
    const first = counts.find((c) => c.n > 0);
    const all = target > 0 ? counts.find((c) => c.n >= target) : null;
    const longtasks = P?.longtasks || [];
    const lastLcp = P?.lcp?.length ? P.lcp[P.lcp.length - 1].t : null;

    const byType = {};
    for (const c of CATEGORIES) byType[c] = { requests: 0, served: 0, raw: 0, gzip9: 0, brotli: 0 };
    const total = { requests: 0, served: 0, headers: 0, raw: 0, gzip9: 0, brotli: 0 };
    for (const r of resources) {
      if (r.error || !r.category) continue;
      const b = byType[r.category];
      b.requests++; total.requests++;
      for (const k of ['served', 'raw', 'gzip9', 'brotli']) { b[k] += r[k] || 0; total[k] += r[k] || 0; }
      total.headers += r.headers || 0;
    }
    for (const c of CATEGORIES) if (!byType[c].requests) delete byType[c];

    const frames = frameStats(frameWin.ts, o.seconds);
    frames.windowStart = r1(frameWin.start);
    const rep = {
      run: runIndex,
      url,
      finalUrl,
      browserVersion: browser.version(),
      navError,
      settled,
      timing: {
        ttfb: r1(P?.nav?.ttfb), domContentLoaded: r1(P?.nav?.dcl), load: r1(P?.nav?.load),
        firstContentfulPaint: r1(P?.fcp), largestContentfulPaint: r1(lastLcp),
        firstMatch: r1(first?.t), allMatch: r1(all?.t), matchCount: finalN, expected: o.expect ?? null,
        matched: (P?.matched || []).map((m) => ({ t: r1(m.t), el: m.el })),
        marks: (P?.marks || []).map((m) => ({ name: m.name, t: r1(m.t) })),
        measures: (P?.measures || []).map((m) => ({ name: m.name, t: r1(m.t), d: r1(m.d) })),
      },
      cls: clsOf(P?.shifts || []),
      tbt: {
        toReadyMs: r1(tbtOf(longtasks, 0, all?.t ?? first?.t ?? Infinity)),
        totalMs: r1(tbtOf(longtasks, 0, Infinity)),
        longTasks: longtasks.length,
        longestTaskMs: r1(longtasks.reduce((a, x) => Math.max(a, x.d), 0)),
        loafBlockingMs: r1((P?.loafs || []).reduce((a, x) => a + (x.b || 0), 0)),
      },
      frames,
      heap: {
        usedMB: heapRaw ? r1(heapRaw.usedSize / 1048576) : null,
        totalMB: heapRaw ? r1(heapRaw.totalSize / 1048576) : null,
        usedAfterGcMB: heapGc ? r1(heapGc.usedSize / 1048576) : null,
        performanceMemoryMB: perfMem ? r1(perfMem.used / 1048576) : null,
        domNodes: pmap.Nodes ?? null,
        jsEventListeners: pmap.JSEventListeners ?? null,
        layoutCount: pmap.LayoutCount ?? null,
        scriptDurationMs: pmap.ScriptDuration != null ? r1(pmap.ScriptDuration * 1000) : null,
        taskDurationMs: pmap.TaskDuration != null ? r1(pmap.TaskDuration * 1000) : null,
        taskDurationReadyMs: pmapReady.TaskDuration != null ? r1(pmapReady.TaskDuration * 1000) : null,
        taskDurationEndMs: pmapEnd.TaskDuration != null ? r1(pmapEnd.TaskDuration * 1000) : null,
        scriptDurationEndMs: pmapEnd.ScriptDuration != null ? r1(pmapEnd.ScriptDuration * 1000) : null,
      },
      errors,
      axe,
      bytes: { total, byType },
      resources,
      screenshots: [],
    };
    rep.metrics = pickMetrics(rep);

    if (shots) rep.screenshots = await takeScreenshots(browser, url, o, Math.max(1, target));
    return rep;
  } finally {
    await browser.close().catch(() => {});
  }
}

async function collectResource(req) {
  const url = req.url();
  if (url.startsWith('data:') || url.startsWith('blob:')) return null;
  const res = await req.response();
  if (!res) return null;
  const headers = await res.allHeaders().catch(() => ({}));
  const mime = (headers['content-type'] || '').split(';')[0].trim().toLowerCase();
  const sizes = await req.sizes().catch(() => null);
  let body = null;
  try { body = await res.body(); } catch { /* redirects etc. */ }
  const category = categorize(url, mime, req.resourceType());
  const textual = /^text\/|json|javascript|xml|svg|css|csv/.test(mime) || ['js', 'css', 'html', 'data'].includes(category);
  const comp = body && body.length ? compressedSizes(body, textual) : { gzip9: 0, brotli: 0 };
  return {
    url, status: res.status(), resourceType: req.resourceType(), mime, category,
    encoding: headers['content-encoding'] || 'identity',
    served: sizes ? sizes.responseBodySize : null, // body bytes on the wire (after content-encoding)
    headers: sizes ? sizes.responseHeadersSize : null,
    raw: body ? body.length : null,
    gzip9: comp.gzip9, brotli: comp.brotli,
  };
}

async function takeScreenshots(browser, url, o, need) {
  const out = [];
  for (const w of SCREENSHOT_WIDTHS) {
    const ctx = await browser.newContext({
      viewport: { width: w, height: w < 600 ? 812 : 800 }, deviceScaleFactor: 1,
      reducedMotion: o.reducedMotion ? 'reduce' : 'no-preference',
    });
    try {
      const page = await ctx.newPage();
      await page.addInitScript(initScript, o.selector);
      await page.goto(url, { waitUntil: 'load', timeout: o.timeoutMs }).catch(() => {});
      await waitForMatches(page, { expect: need, settleMs: 0, timeoutMs: o.timeoutMs });
      await page.waitForTimeout(o.shotDelay);
      const file = path.join(o.out, `screenshot-${w}.png`);
      await page.screenshot({ path: file, fullPage: true });
      out.push(file);
    } catch (e) {
      out.push({ width: w, error: String(e.message || e) });
    } finally { await ctx.close(); }
  }
  return out;
}

// ------------------------------------------------------------- summary
const kb = (b) => (b == null ? '-' : (b / 1024).toFixed(1));
export function summarize(report) {
  const m = report.median;
  const r0 = report.runs[0];
  const lines = [];
  const cfg = report.config;
  for (const r of report.runs) if (r.navError) lines.push(`NAVIGATION ERROR (run ${r.run}): ${r.navError}`);
  lines.push(`probe ${report.url}  runs=${report.runs.length}${report.runs.length > 1 ? ' (medians)' : ''}  viewport=${cfg.width}x${cfg.height}` +
    `${cfg.cpuThrottle > 1 ? `  cpu-throttle=${cfg.cpuThrottle}x` : ''}${cfg.reducedMotion ? '  reduced-motion' : ''}`);
  lines.push('bytes (KiB)  type   req  served     raw   gzip9  brotli');
  const cats = CATEGORIES.filter((c) => m[`bytes.${c}.raw`] != null);
  for (const c of [...cats, 'total']) {
    const req = c === 'total' ? r0.bytes.total.requests : r0.bytes.byType[c]?.requests ?? 0;
    lines.push(`             ${c.padEnd(6)} ${String(req).padStart(3)} ` +
      `${kb(m[`bytes.${c}.served`]).padStart(7)} ${kb(m[`bytes.${c}.raw`]).padStart(7)} ${kb(m[`bytes.${c}.gzip9`]).padStart(7)} ${kb(m[`bytes.${c}.brotli`]).padStart(7)}`);
  }
  const ms = (x) => (x == null ? '-' : `${Math.round(x)}ms`);
  lines.push(`time   DCL ${ms(m['time.dcl'])}  load ${ms(m['time.load'])}  FCP ${ms(m['time.fcp'])}  LCP ${ms(m['time.lcp'])}  ` +
    `first ready ${ms(m['time.firstReady'])}  all ready ${ms(m['time.allReady'])} (${m.matches} × ${cfg.selector})`);
  lines.push(`CLS ${m['cls.total']} (session window ${m['cls.sessionWindow']})  TBT to ready ${ms(m['tbt.toReady'])}, total ${ms(m['tbt.total'])}  LoAF blocking ${ms(m['tbt.loafBlocking'])}`);
  lines.push(`frames over ${cfg.seconds}s: ${m['frames.callbacks']} rAF (${m['frames.fps']} fps)  p50 ${m['frames.p50']}ms  p95 ${m['frames.p95']}ms  max ${m['frames.max']}ms`);
  lines.push(`heap used ${m['heap.usedMB']} MB (after GC ${m['heap.usedAfterGcMB']} MB)  DOM nodes ${m['dom.nodes']}`);
  lines.push(`errors: console ${m['errors.console']}  page ${m['errors.page']}  failed requests (distinct URLs, incl. HTTP >= 400) ${m['errors.failedRequests']}`);
  for (const e of [...r0.errors.console, ...r0.errors.page].slice(0, 5)) lines.push(`  ! ${e.text || e.message}`);
  const seenFail = new Set();
  for (const e of [...r0.errors.failedRequests, ...r0.errors.httpErrors]) {
    const line = `  ! ${e.status || e.error} ${e.url}`;
    if (!seenFail.has(line) && seenFail.size < 5) { seenFail.add(line); lines.push(line); }
  }
  if (r0.axe) {
    if (r0.axe.error) lines.push(`axe error: ${r0.axe.error}`);
    else {
      lines.push(`axe ${r0.axe.version}: ${r0.axe.violations.length} violations`);
      for (const v of r0.axe.violations) lines.push(`  - ${v.id} [${v.impact}] ${v.nodes} node(s)`);
    }
  }
  if (r0.screenshots?.length) lines.push(`screenshots: ${r0.screenshots.map((s) => (typeof s === 'string' ? path.basename(s) : `error@${s.width}`)).join(', ')}`);
  return lines.join('\n');
}

// -------------------------------------------------------------- probe()
export const DEFAULTS = {
  out: 'probe-out', selector: '[data-widget-ready]', seconds: 3, width: 1280, height: 800,
  reducedMotion: false, cpuThrottle: 1, runs: 1, expect: null, timeoutMs: 20000, settleMs: 1000,
  shotDelay: 500, axe: true, screenshots: true, progress: false,
};
// Programmatic entry: runs the measurement opts.runs times, writes
// opts.out/report.json (+ screenshots from run 1) and returns the report.
export async function probe(url, opts = {}) {
  const o = { ...DEFAULTS, ...opts };
  o.out = path.resolve(o.out);
  fs.mkdirSync(o.out, { recursive: true });
  const runs = [];
  for (let i = 1; i <= o.runs; i++) {
    const rep = await runOnce(url, o, i, i === 1 && o.screenshots);
    runs.push(rep);
    if (o.progress && o.runs > 1) console.error(`run ${i}/${o.runs}: all ready ${rep.timing.allMatch}ms, frames p95 ${rep.frames.p95}ms`);
  }
  const keys = Object.keys(runs[0].metrics);
  const med = Object.fromEntries(keys.map((k) => [k, median(runs.map((r) => r.metrics[k]))]));
  const { progress, ...config } = o;
  const report = {
    tool: 'widget-probe',
    generatedAt: new Date().toISOString(),
    url,
    config,
    environment: {
      chromium: CHROMIUM_PATH, chromiumVersion: runs[0].browserVersion, chromiumArgs: CHROMIUM_ARGS,
      playwrightCore: PW_VERSION, axeCore: AXE_VERSION, node: process.version,
    },
    median: med,
    runs,
  };
  fs.writeFileSync(path.join(o.out, 'report.json'), JSON.stringify(report, null, 2));
  return report;
}

// ----------------------------------------------------------------- main
async function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      out: { type: 'string', default: 'probe-out' },
      selector: { type: 'string', default: '[data-widget-ready]' },
      seconds: { type: 'string', default: '3' },
      width: { type: 'string', default: '1280' },
      height: { type: 'string', default: '800' },
      'emulate-reduced-motion': { type: 'boolean', default: false },
      'cpu-throttle': { type: 'string', default: '1' },
      runs: { type: 'string', default: '1' },
      expect: { type: 'string' },
      timeout: { type: 'string', default: '20' },
      settle: { type: 'string', default: '1000' },
      'shot-delay': { type: 'string', default: '500' },
      'no-screenshots': { type: 'boolean', default: false },
      'no-axe': { type: 'boolean', default: false },
      quiet: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help || positionals.length !== 1) { console.log(USAGE); process.exit(values.help ? 0 : 2); }
  const url = positionals[0];
  const o = {
    out: path.resolve(values.out),
    selector: values.selector,
    seconds: Number(values.seconds),
    width: Number(values.width), height: Number(values.height),
    reducedMotion: values['emulate-reduced-motion'],
    cpuThrottle: Number(values['cpu-throttle']),
    runs: Math.max(1, Number(values.runs)),
    expect: values.expect != null ? Number(values.expect) : null,
    timeoutMs: Number(values.timeout) * 1000,
    settleMs: Number(values.settle),
    shotDelay: Number(values['shot-delay']),
    axe: !values['no-axe'],
  };
  for (const k of ['seconds', 'width', 'height', 'cpuThrottle', 'runs', 'timeoutMs', 'settleMs', 'shotDelay', 'expect']) {
    if (o[k] != null && !Number.isFinite(o[k])) { console.error(`bad number for ${k}\n${USAGE}`); process.exit(2); }
  }
  const report = await probe(url, { ...o, screenshots: !values['no-screenshots'], progress: !values.quiet });
  const runs = report.runs;
  if (!values.quiet) console.log(summarize(report) + `\nreport: ${path.join(o.out, 'report.json')}`);
  // exit 3 when a navigation failed, 4 when the selector never appeared
  if (runs.some((r) => r.navError)) process.exitCode = 3;
  else if (runs.some((r) => r.timing.firstMatch == null)) process.exitCode = 4;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((e) => { console.error(e); process.exit(1); });
}
