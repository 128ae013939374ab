// The payments chart on the demo page: drawn, switchable, keyboard-readable, and free of axe-core
// violations in the light and the dark theme.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { launch, openPage, waitForWidgets } from "./lib/browser.mjs";

const AXE = fileURLToPath(new URL("../node_modules/axe-core/axe.min.js", import.meta.url));

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function openPayments(colorScheme) {
  // Reduced motion for the axe runs: contrast is checked on the final drawing, not mid-entrance.
  const page = await openPage(browser, "/index.html", { colorScheme, reducedMotion: "reduce" });
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await waitForWidgets(page);
  const host = await page.$("[data-widget=payments]");
  // Let the 800 ms entrance finish.
  await page.waitForTimeout(1000);
  return { page, host };
}

async function axe(page) {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => {
    const host = document.querySelector("[data-widget=payments]");
    const result = await window.axe.run(host);
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  });
}

for (const scheme of ["light", "dark"]) {
  test(`payments chart has no axe-core violations (${scheme})`, async () => {
    const { page } = await openPayments(scheme);
    assert.deepEqual(await axe(page), []);
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });
}

test("the chart is drawn, the metric switch changes it, and arrow keys announce points", async () => {
  const { page, host } = await openPayments("light");
  const snapshot = () => host.evaluate((el) => {
    const root = el.shadowRoot;
    const canvas = root.querySelector("canvas");
    return {
      title: root.querySelector("h2").textContent,
      png: canvas.toDataURL(),
      backing: [canvas.width, canvas.height],
      css: [canvas.clientWidth, canvas.clientHeight],
    };
  });
  const first = await snapshot();
  assert.equal(first.title, "e支付收款码累计交易笔数");
  assert.ok(first.css[0] > 200 && first.css[1] > 100, `canvas ${first.css}`);
  // Backing store = CSS size × devicePixelRatio (1 here).
  assert.deepEqual(first.backing, first.css);

  await host.evaluate((el) => el.shadowRoot.querySelector("input[value=merchants]").click());
  await page.waitForTimeout(1000);
  const second = await snapshot();
  assert.equal(second.title, "使用收款码的小微商户");
  assert.notEqual(second.png, first.png);

  await host.evaluate((el) => el.shadowRoot.querySelector(".plot").focus());
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  const live = await host.evaluate((el) => el.shadowRoot.querySelector("[aria-live=polite]").textContent);
  assert.equal(live, "2020年7月报道：200万户");
  const firstDraw = await page.evaluate(() => performance.getEntriesByName("payments-first-draw")[0]?.startTime);
  assert.ok(firstDraw > 0, "performance mark payments-first-draw");
  console.log(`# payments first draw at ${Math.round(firstDraw)} ms after navigation start`);
  await page.context().close();
});
