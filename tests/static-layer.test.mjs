// The static layer: each widget rendered natively by its own components into the page, in a
// declarative shadow root. With JavaScript off the demo article shows three complete graphics
// and every headline figure; printed, every graphic prints (mounted or not) with its sources;
// with JavaScript on the live widget takes over the same root and its resting frame looks
// like the static one.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { BASE_URL, launch, openPage, waitForWidgets } from "./lib/browser.mjs";

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const PAGES = [["/index.html", "zh"], ["/index.en.html", "en"]];
const LEAD = { zh: "99名", en: "99" };
const TOTAL = { zh: "近5亿笔", en: "nearly 500 million" };
const DISTRICTS = { zh: ["吴江区", "青浦区", "嘉善县"], en: ["Wujiang", "Qingpu", "Jiashan"] };

/** What each placeholder's shadow root shows: its text and its visible drawings. */
function shown(page) {
  return page.$$eval("[data-widget]", (hosts) => hosts.map((host) => {
    const root = host.shadowRoot;
    const visible = (el) => { const r = el.getBoundingClientRect(); return r.width > 0 && r.height > 0; };
    const svgs = root ? [...root.querySelectorAll("svg")].filter(visible) : [];
    return {
      kind: host.dataset.widget,
      static: Boolean(root?.querySelector("section.static")),
      text: root ? root.querySelector("section")?.innerText ?? "" : "",
      drawings: svgs.map((s) => s.getAttribute("class") ?? ""),
      drawn: svgs.map((s) => s.textContent).join(" "),
      districts: root ? [...root.querySelectorAll(".gm-dist")].filter(visible).length : 0,
      links: root ? [...root.querySelectorAll(".gm-link")].filter(visible).length : 0,
      height: host.getBoundingClientRect().height,
    };
  }));
}

for (const [path, lang] of PAGES) for (const width of [375, 1280]) {
  test(`JavaScript off: ${path} at ${width} px shows three complete graphics`, async () => {
    const page = await openPage(browser, path, { viewport: { width, height: 900 }, javaScriptEnabled: false });
    const widgets = await shown(page);
    assert.deepEqual(widgets.map((w) => w.kind), ["tally", "grid-map", "payments"]);
    for (const w of widgets) {
      assert.ok(w.static, `${w.kind} has its static layer`);
      assert.ok(w.height > 200, `${w.kind} is drawn (${w.height} px)`);
    }
    const [tally, map, chart] = widgets;
    assert.ok(tally.text.includes(LEAD[lang]), "the tally's lead figure");
    // Exactly one drawing shows per widget: the one laid out for this width.
    const variant = width < 600 ? "v-narrow" : "v-wide";
    assert.equal(map.drawings.length, 1, `map drawings: ${map.drawings}`);
    assert.ok(map.drawings[0].includes(variant), map.drawings[0]);
    assert.equal(map.districts, 3);
    assert.equal(map.links, 3);
    for (const name of DISTRICTS[lang]) assert.ok(map.drawn.includes(name), `${name} is on the map`);
    assert.equal(chart.drawings.length, 1, `chart drawings: ${chart.drawings}`);
    assert.ok(chart.drawings[0].includes(variant));
    assert.ok(chart.drawn.includes(TOTAL[lang]), `the chart draws ${TOTAL[lang]}`);
    // Every headline figure of the fallback lists is in the static layers too.
    const figures = await page.$$eval(".fw-fallback li", (lis) => lis.map((li) => li.textContent));
    assert.ok(figures.length >= 6);
    const all = widgets.map((w) => w.text).join("\n");
    for (const line of figures) {
      const number = line.match(/[0-9][0-9,.]*/)?.[0];
      if (number) assert.ok(all.includes(number), `${number} (from "${line}") shows without script`);
    }
    await page.context().close();
  });
}

test("print: every graphic prints whether or not it has mounted, with its source, never cut", async () => {
  const page = await openPage(browser, "/index.html", { viewport: { width: 1280, height: 900 } });
  // Right after load: the widget near the top may have mounted; the others have not.
  await page.waitForLoadState("load");
  await page.emulateMedia({ media: "print" });
  const widgets = await shown(page);
  for (const w of widgets) {
    assert.ok(w.height > 200, `${w.kind} prints (${w.height} px)`);
    assert.ok(/来源：/.test(w.text), `${w.kind} prints its source`);
  }
  const avoid = await page.$$eval("[data-widget]", (hosts) => hosts.map(
    (h) => getComputedStyle(h.shadowRoot.querySelector("section.widget")).breakInside));
  assert.deepEqual(avoid, ["avoid", "avoid", "avoid"]);
  const pdf = await page.pdf({ format: "A4", printBackground: true });
  const dir = mkdtempSync(join(tmpdir(), "print-"));
  const file = join(dir, "article.pdf");
  writeFileSync(file, pdf);
  const text = execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
  for (const figure of ["99", "1300", "2800", "2468", "108", "4000", "10千伏", "吴江区", "青浦区", "嘉善县", "近5亿笔", "来源："]) {
    assert.ok(text.includes(figure), `the PDF shows ${figure}`);
  }
  await page.context().close();
});

/** The widget's pixels, as a PNG, with its box. */
async function shoot(page, kind) {
  const host = await page.$(`[data-widget="${kind}"]`);
  await host.scrollIntoViewIfNeeded();
  return host.screenshot({ animations: "disabled" });
}

/** Share of pixels that differ by more than a small tolerance, between two same-size PNGs. */
async function pixelDifference(page, a, b) {
  return page.evaluate(async ([a, b]) => {
    const load = async (b64) => { const img = new Image(); img.src = `data:image/png;base64,${b64}`; await img.decode(); return img; };
    const [ia, ib] = [await load(a), await load(b)];
    if (ia.width !== ib.width || ia.height !== ib.height) return { sizes: [ia.width, ia.height, ib.width, ib.height] };
    const data = (img) => { const c = document.createElement("canvas"); c.width = img.width; c.height = img.height; const x = c.getContext("2d"); x.drawImage(img, 0, 0); return x.getImageData(0, 0, c.width, c.height).data; };
    const [da, db] = [data(ia), data(ib)];
    let differ = 0;
    for (let i = 0; i < da.length; i += 4) {
      const d = Math.abs(da[i] - db[i]) + Math.abs(da[i + 1] - db[i + 1]) + Math.abs(da[i + 2] - db[i + 2]);
      if (d > 48) differ++;
    }
    return { share: differ / (da.length / 4) };
  }, [a.toString("base64"), b.toString("base64")]);
}

for (const width of [375, 1280]) test(`the live widget takes over at the static layer's size and looks like it at rest (${width} px)`, async (t) => {
  const options = { viewport: { width, height: 900 }, reducedMotion: "reduce" };
  const off = await openPage(browser, "/index.html", { ...options, javaScriptEnabled: false });
  const on = await openPage(browser, "/index.html", options);
  await waitForWidgets(on);
  for (const kind of ["tally", "grid-map", "payments"]) {
    const [before, after] = [await shoot(off, kind), await shoot(on, kind)];
    const diff = await pixelDifference(on, before, after);
    t.diagnostic(`${kind} at ${width} px: ${JSON.stringify(diff)}`);
    assert.ok(diff.share !== undefined, `${kind}: same size static and live (${diff.sizes})`);
    // The map and the tally are the same elements in both layers. The chart is the same drawing
    // code through two backends (canvas live, SVG static): text is rasterised differently.
    const limit = kind === "payments" ? 0.05 : 0.005;
    assert.ok(diff.share < limit, `${kind}: ${(diff.share * 100).toFixed(2)} % of pixels differ`);
  }
  // The static layer is gone from every mounted widget; the live one is there.
  const live = await on.$$eval("[data-widget]", (hs) => hs.map((h) => [
    Boolean(h.shadowRoot.querySelector("section.static")), Boolean(h.shadowRoot.querySelector(".fw-root section.widget"))]));
  assert.deepEqual(live, [[false, true], [false, true], [false, true]]);
  assert.deepEqual(on.errors, []);
  await off.context().close();
  await on.context().close();
});
