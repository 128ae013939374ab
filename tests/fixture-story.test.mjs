// A second story proves that a story is a folder: the test bundle (`target/fixture-dist`, built
// by `cargo xtask test` with tests/fixtures/stories embedded beside data/stories) draws the
// invented Riverton story through the same widget kinds as the Suzhou one, on one page; the
// invented test-bare story (figures only) shows what a widget says when its story lacks its data.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { axeViolations, launch, waitForWidgets } from "./lib/browser.mjs";

const FIXTURE_URL = process.env.FIXTURE_URL;
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

/** The fixture map's state, read from inside its shadow root. */
const mapState = (page, host) => page.$eval(host, (h) => {
  const root = h.shadowRoot;
  const tip = root.querySelector(".gm-tip:not(.closed)");
  return {
    title: root.querySelector(".gm-title").textContent.trim(),
    districts: [...root.querySelectorAll("path.gm-dist")].map((p) => p.getAttribute("aria-label")),
    colours: [...root.querySelectorAll("path.gm-dist")].map((p) => getComputedStyle(p).fill),
    links: root.querySelectorAll(".gm-link").length,
    labels: [...root.querySelectorAll("text")].map((t) => t.textContent.trim()),
    zone: root.querySelector("svg.gm-map").classList.contains("zone-on"),
    step: root.querySelector(".gm-step[aria-current=step]")?.dataset.step ?? null,
    steps: [...root.querySelectorAll(".gm-step")].map((b) => b.dataset.step),
    caption: root.querySelector(".gm-caption").textContent.trim(),
    description: root.querySelector("#gm-desc").textContent,
    rows: root.querySelectorAll("tbody tr").length,
    source: root.querySelector(".source")?.textContent ?? "",
    tip: tip?.textContent ?? null,
  };
});

run("the fixture's map draws its own four quarters, three bridges and timeline from its folder", async () => {
  const page = await open();
  const s = await mapState(page, "#map-en");
  assert.match(s.title, /footbridges.*invented/);
  assert.deepEqual(s.districts, [
    "Oldtown (North Bank)", "Millbank (Riverton, North Bank)",
    "Westfield (South Bank)", "Harbourside (Riverton, South Bank)",
  ]);
  // Each quarter in its own colour role (map.json), none left unfilled.
  assert.equal(new Set(s.colours).size, 4, s.colours.join(" "));
  assert.equal(s.links, 3);
  assert.equal(s.zone, true);
  assert.deepEqual(s.steps, ["2019-05", "2020-01", "2020-08"]);
  assert.equal(s.step, "2020-08");
  assert.equal(s.caption, "14 August 2020: The Mill bridge opens, south of Mill quay; it carries 400 people at once.");
  assert.ok(s.labels.includes("Oldtown") && s.labels.includes("Mill quay"), s.labels.join("|"));
  assert.ok(s.labels.includes("400 people"), s.labels.join("|"));
  assert.match(s.description, /^The map shows Riverton's four quarters: Oldtown \(North Bank\), /);
  assert.match(s.description, /January 2020: Town council draws the four quarters, Oldtown, Millbank, Westfield and Harbourside, about 34 km²\./);
  assert.equal(s.rows, 3);
  assert.match(s.source, /Footbridges between the four quarters/);
  assert.match(s.source, /Invented test map/);
  // The Chinese map starts at the step its placeholder names.
  const zh = await mapState(page, "#map-zh");
  assert.equal(zh.step, "2019-05");
  assert.equal(zh.links, 2);
  assert.equal(zh.zone, false);
  assert.equal(zh.caption, "2019年5月：两座人行桥建成。");
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

run("the fixture's map is usable by keyboard: timeline keys, a quarter and a bridge by focus", async () => {
  const page = await open();
  await page.locator("#map-zh .gm-scrub").focus();
  await page.keyboard.press("ArrowRight");
  let s = await mapState(page, "#map-zh");
  assert.equal(s.step, "2020-01");
  assert.equal(s.zone, true, "the quarters' outline appears with the council's decision");
  assert.equal(s.caption, "2020年1月：镇议会划定四区，包括老城区、磨坊区、西田区、港湾区，约34平方公里。");
  await page.keyboard.press("End");
  s = await mapState(page, "#map-zh");
  assert.equal(s.step, "2020-08");
  assert.equal(s.links, 3);
  await page.keyboard.press("Home");
  assert.equal((await mapState(page, "#map-zh")).step, "2019-05");
  await page.locator("#map-en path.gm-dist").nth(1).focus();
  s = await mapState(page, "#map-en");
  assert.match(s.tip ?? "", /Millbank/);
  assert.match(s.tip ?? "", /Riverton, North Bank/);
  await page.locator('#map-en .gm-link[data-link="2"]').focus();
  s = await mapState(page, "#map-en");
  assert.match(s.tip ?? "", /Millbank – Harbourside/);
  assert.match(s.tip ?? "", /14 August 2020/);
  assert.match(s.tip ?? "", /south of Mill quay \(on the map: approximate\)/);
  assert.match(s.tip ?? "", /carries at once: 400 people/);
  await page.keyboard.press("Escape");
  assert.equal((await mapState(page, "#map-en")).tip, null);
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
  const noStory = await state("#no-story");
  assert.equal(noStory.error, true);
  assert.match(noStory.text, /atlantis/);
  assert.match(noStory.text, /suzhou-2020-07, test-bare, test-riverton/);
  await page.context().close();
});

run("the fixture's widgets have no axe-core violations", async () => {
  const page = await open();
  for (const id of ["#tally-en", "#chart-en", "#tally-zh", "#chart-zh", "#map-en", "#map-zh"]) {
    assert.deepEqual(await axeViolations(page, id), [], id);
  }
  await page.context().close();
});
