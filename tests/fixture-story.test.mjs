// A second story proves that a story is a folder: the test bundle (`target/fixture-dist`, built
// by `cargo xtask test` with tests/fixtures/stories embedded beside data/stories) draws the
// invented Riverton story through the same widget kinds as the Suzhou one, on one page.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { launch, waitForWidgets } from "./lib/browser.mjs";

const FIXTURE_URL = process.env.FIXTURE_URL;
const AXE = fileURLToPath(new URL("../node_modules/axe-core/axe.min.js", import.meta.url));
const run = FIXTURE_URL ? test : test.skip;

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function open() {
  const context = await browser.newContext({ viewport: { width: 900, height: 900 } });
  const page = await context.newPage();
  page.errors = [];
  page.on("pageerror", (e) => page.errors.push(String(e)));
  await page.goto(new URL("/fixture/index.html", FIXTURE_URL).href);
  await waitForWidgets(page);
  return page;
}

const shadowTexts = (page, host, sel) => page.$eval(host, (h, s) =>
  [...h.shadowRoot.querySelectorAll(s)].map((e) => e.textContent.trim()), sel);

run("the fixture's tally has its own four cards, lead figure and dates, in both languages", async () => {
  const page = await open();
  const cards = await page.$eval("#tally-en", (h) =>
    [...h.shadowRoot.querySelectorAll(".card")].map((c) => c.dataset.section));
  assert.deepEqual(cards, ["ferry", "market", "harbour", "school"]);
  assert.deepEqual(await shadowTexts(page, "#tally-en", ".lead .final"), ["about 12,400 people"]);
  assert.deepEqual(await shadowTexts(page, "#tally-en", ".card .lede .final"),
    ["3,100+ people", "nearly 260 stalls", "over 5,300 tonnes", "930 people"]);
  assert.deepEqual(await shadowTexts(page, "#tally-zh", ".card .lede .final"),
    ["3100余人", "近260个", "超5300吨", "930人"]);
  const title = await shadowTexts(page, "#tally-en", ".title");
  assert.ok(title[0].includes("invented"), title[0]);
  // The Suzhou tally on the same page is untouched.
  assert.equal((await shadowTexts(page, "#suzhou", ".card")).length, 7);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

run("the fixture's chart draws its six reported points as a solid line, readable by keyboard", async () => {
  const page = await open();
  const desc = await page.$eval("#chart-en", (h) => h.shadowRoot.querySelector("#payments-desc").textContent);
  assert.match(desc, /6 points/);
  assert.match(desc, /from 310 tonnes in January 2020 to 590 tonnes in June 2020; highest 640 tonnes/);
  const rows = await page.$eval("#chart-en", (h) => h.shadowRoot.querySelectorAll("tbody tr").length);
  assert.equal(rows, 6);
  const note = await page.$eval("#chart-en", (h) => h.shadowRoot.querySelector(".source").textContent);
  assert.match(note, /Values as reported by the source/);
  const derived = await shadowTexts(page, "#chart-en", ".derived .value");
  assert.deepEqual(derived, ["about 62.35 tonnes"]);
  const plot = page.locator("#chart-en .plot");
  await plot.focus();
  await page.keyboard.press("ArrowRight");
  const live = await page.$eval("#chart-en", (h) => h.shadowRoot.querySelector("[aria-live]").textContent);
  assert.equal(live, "January 2020: 310 tonnes");
  const blank = await page.$eval("#chart-zh", (h) => {
    const c = h.shadowRoot.querySelector("canvas");
    const d = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
    for (let i = 3; i < d.length; i += 4) if (d[i] !== 0) return false;
    return true;
  });
  assert.equal(blank, false);
  await page.context().close();
});

run("a widget the story has no data for, and an unknown story, say so in their own box", async () => {
  const page = await open();
  const state = (id) => page.$eval(id, (h) => ({
    error: h.hasAttribute("data-widget-error"),
    text: h.shadowRoot?.textContent ?? h.textContent,
  }));
  const noMap = await state("#no-map");
  assert.equal(noMap.error, true);
  assert.match(noMap.text, /grid-map/);
  assert.match(noMap.text, /tally, payments/);
  const noStory = await state("#no-story");
  assert.equal(noStory.error, true);
  assert.match(noStory.text, /atlantis/);
  assert.match(noStory.text, /suzhou-2020-07, test-riverton/);
  await page.context().close();
});

run("the fixture's widgets have no axe-core violations", async () => {
  const page = await open();
  await page.addScriptTag({ path: AXE });
  for (const id of ["#tally-en", "#chart-en", "#tally-zh", "#chart-zh"]) {
    const violations = await page.evaluate(async (sel) => {
      const r = await window.axe.run(document.querySelector(sel));
      return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
    }, id);
    assert.deepEqual(violations, [], id);
  }
  await page.context().close();
});
