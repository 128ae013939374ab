// Frame-time measurement for the reported (never asserted) animation figures.

/** requestAnimationFrame deltas over `ms` milliseconds with the CPU throttled `rate` times. */
export async function frameTimes(page, cdp, { ms = 3000, rate = 4 } = {}) {
  await cdp.send("Emulation.setCPUThrottlingRate", { rate });
  const deltas = await page.evaluate((ms) => new Promise((resolve) => {
    const out = [];
    let last = performance.now();
    const end = last + ms;
    (function frame(now) {
      out.push(now - last);
      last = now;
      if (now < end) requestAnimationFrame(frame);
      else resolve(out.slice(1));
    })(last);
  }), ms);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 1 });
  return deltas;
}

/** "N frames, p50 …, p95 …, max …" for a list of frame deltas. */
export function describeFrames(deltas) {
  const sorted = [...deltas].sort((a, b) => a - b);
  const q = (p) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN;
  return `${deltas.length} frames, p50 ${q(0.5).toFixed(1)} ms, p95 ${q(0.95).toFixed(1)} ms, max ${(sorted.at(-1) ?? NaN).toFixed(1)} ms`;
}
