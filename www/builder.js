// The embed builder (builder.html). Everything it knows about options comes from
// config.schema.json (which `cargo xtask dist` writes from the story crate), everything about
// the build from snippets.json; the preview is a real placeholder mounted by the real module
// (FeatureWidgets.mount), so an invalid option shows the module's own message, not ours.
// The builder's whole state lives in its URL (shareable): the options by name, plus `ui`,
// `view-width` and `view-page` for the builder itself.

const TEXT = {
  zh: {
    title: "嵌入生成器", back: "返回示例文章", options: "选项", preview: "预览", width: "宽度",
    page: "页面配色", light: "浅色", dark: "深色", snippets: "嵌入代码",
    pinned: "页面代码（固定版本，带 SRI）", iframe: "iframe 代码（适用于不允许脚本的 CMS）",
    copy: "复制", copied: "已复制到剪贴板。", copyFailed: "无法写入剪贴板：已选中代码，请手动复制。",
    loading: "正在读取配置说明……", loadFailed: "无法读取配置说明或构建信息：",
    switchTo: "English", ready: "组件已显示。", waiting: "组件加载中……", error: "组件报告：",
    none: "（无）", defaultMark: "（默认）", allShown: "不勾选则显示全部。",
    seriesHint: "JSON 数组，例如 [{\"date\": \"2020-01\", \"value\": 5}]", srcHint: "同站相对 URL",
  },
  en: {
    title: "Embed builder", back: "Back to the demo article", options: "Options", preview: "Preview",
    width: "Width", page: "Page colours", light: "Light", dark: "Dark", snippets: "Embed code",
    pinned: "Page code (pinned build, with SRI)", iframe: "Iframe code (for CMSs that strip scripts)",
    copy: "Copy", copied: "Copied to the clipboard.", copyFailed: "Could not write to the clipboard: the code is selected, copy it by hand.",
    loading: "Reading the configuration schema…", loadFailed: "Could not read the schema or the build: ",
    switchTo: "中文", ready: "The widget is shown.", waiting: "The widget is loading…", error: "The widget reports: ",
    none: "(none)", defaultMark: " (default)", allShown: "Leave all unticked to show every section.",
    seriesHint: "A JSON array, e.g. [{\"date\": \"2020-01\", \"value\": 5}]", srcHint: "A relative URL on the page's own site",
  },
};

// Labels for option names and the values that are words; ids stay as they are.
const LABELS = {
  widget: ["组件", "Widget"], lang: ["语言", "Language"], theme: ["配色", "Theme"],
  story: ["故事", "Story"], sections: ["显示的部分", "Sections shown"], highlight: ["突出显示", "Highlight"],
  metric: ["指标", "Figure"], series: ["数据序列（JSON）", "Series (JSON)"], src: ["数据文件", "Data file"],
  step: ["起始时间点", "First step"], autoplay: ["自动播放", "Play on load"],
  tally: ["七个一数据卡", "Tally"], payments: ["支付折线图", "Payments chart"], "grid-map": ["电网互联地图", "Grid map"],
  zh: ["中文", "Chinese"], en: ["英文", "English"],
  auto: ["自动（跟随页面与系统）", "Auto (follows the page, then the system)"], light: ["浅色", "Light"], dark: ["深色", "Dark"],
};

const WIDTHS = ["320", "375", "720"];
const PAGES = ["light", "dark"];
/** Options written into every snippet even at their default, as the build's own snippets do. */
const ALWAYS = ["widget", "lang", "theme"];

const form = document.getElementById("options");
const preview = document.getElementById("preview");
const status = document.getElementById("status");
const snippetBox = document.getElementById("snippet");
const iframeBox = document.getElementById("iframe");
const copied = document.getElementById("copied");

let schema, build;
const state = readUrl();

function t(key) { return TEXT[state.ui][key]; }
function label(name) { const l = LABELS[name]; return l ? l[state.ui === "en" ? 1 : 0] : name; }

function readUrl() {
  const params = new URLSearchParams(location.search);
  const pick = (name, allowed, fallback) => (allowed.includes(params.get(name)) ? params.get(name) : fallback);
  const options = new Map();
  for (const [key, value] of params) {
    if (key !== "ui" && !key.startsWith("view-")) options.set(key, value);
  }
  return {
    ui: pick("ui", ["zh", "en"], "zh"),
    width: pick("view-width", WIDTHS, "375"),
    page: pick("view-page", PAGES, "light"),
    options,
  };
}

function writeUrl() {
  const params = new URLSearchParams(optionEntries());
  params.set("ui", state.ui);
  params.set("view-width", state.width);
  params.set("view-page", state.page);
  history.replaceState(null, "", `?${params}`);
}

// --- The schema: which options a widget takes, and their allowed values for a story ---

/** Option names `widget` accepts, in the schema's order (the per-widget propertyNames rule). */
function optionNames(widget) {
  for (const rule of schema.allOf ?? []) {
    if (rule.if?.properties?.widget?.const === widget) return rule.then.propertyNames.enum;
  }
  return Object.keys(schema.properties);
}

/** The schema of option `name`, narrowed to `story` where the schema narrows it. */
function optionSchema(name, story) {
  const base = schema.properties[name] ?? {};
  for (const rule of schema.allOf ?? []) {
    const narrowed = rule.then?.properties?.[name];
    if (narrowed && rule.if?.anyOf?.some((c) => c.properties?.story?.const === story)) {
      return { ...base, ...narrowed, items: { ...base.items, ...narrowed.items } };
    }
  }
  return base;
}

function defaultStory() { return schema.properties.story?.default ?? ""; }

// --- The form, generated from the schema ---

function renderForm() {
  const widgets = schema.properties.widget.enum;
  if (!widgets.includes(state.options.get("widget"))) state.options.set("widget", widgets[0]);
  const widget = state.options.get("widget");
  const story = state.options.get("story") ?? defaultStory();
  const fields = optionNames(widget).map((name) => field(name, optionSchema(name, story)));
  form.replaceChildren(heading(), ...fields);
}

function heading() {
  const h = document.createElement("h2");
  h.id = "options-title";
  h.textContent = t("options");
  return h;
}

function field(name, spec) {
  const wrap = document.createElement("div");
  wrap.className = "field";
  const id = `opt-${name}`;
  const value = state.options.get(name);
  const hint = spec.description && state.ui === "en" ? spec.description : null;
  if (spec.type === "array" && spec.items?.enum) {
    const set = document.createElement("fieldset");
    const legend = set.appendChild(document.createElement("legend"));
    legend.textContent = label(name);
    const chosen = (value ?? "").split(",").filter(Boolean);
    for (const v of spec.items.enum) {
      const l = set.appendChild(document.createElement("label"));
      const box = l.appendChild(document.createElement("input"));
      box.type = "checkbox";
      box.name = name;
      box.value = v;
      box.checked = chosen.includes(v);
      l.append(` ${label(v)}`);
    }
    appendHint(set, t("allShown"));
    wrap.append(set);
    return wrap;
  }
  const l = wrap.appendChild(document.createElement("label"));
  l.htmlFor = id;
  l.textContent = label(name);
  let input;
  if (spec.enum) {
    input = document.createElement("select");
    const required = schema.required?.includes(name);
    if (spec.default === undefined && !required) input.append(new Option(t("none"), ""));
    for (const v of spec.enum) {
      const text = label(v) === v ? v : `${label(v)} · ${v}`;
      input.append(new Option(v === spec.default ? text + t("defaultMark") : text, v));
    }
    input.value = value ?? spec.default ?? "";
  } else if (spec.type === "boolean") {
    input = document.createElement("input");
    input.type = "checkbox";
    input.checked = value === "true";
    wrap.classList.add("check");
    wrap.prepend(input);
  } else if (spec.type === "array") {
    input = document.createElement("textarea");
    input.rows = 4;
    input.spellcheck = false;
    input.placeholder = t("seriesHint");
    input.value = value ?? "";
  } else {
    input = document.createElement("input");
    input.type = "text";
    input.spellcheck = false;
    input.placeholder = t("srcHint");
    input.value = value ?? "";
  }
  input.id = id;
  input.name = name;
  if (input.parentNode !== wrap) wrap.append(input);
  if (hint) appendHint(wrap, hint, input);
  return wrap;
}

function appendHint(parent, text, describes) {
  const p = parent.appendChild(document.createElement("p"));
  p.className = "hint";
  p.textContent = text;
  if (describes) {
    p.id = `${describes.id}-hint`;
    describes.setAttribute("aria-describedby", p.id);
  }
}

/** Reads the form into `state.options`: only what the chosen widget accepts and is set. */
function readForm() {
  const widget = form.elements.widget?.value ?? state.options.get("widget");
  const options = new Map([["widget", widget]]);
  for (const name of optionNames(widget)) {
    if (name === "widget") continue;
    const el = form.elements[name];
    if (!el) continue;
    if (el instanceof RadioNodeList || (el.type === "checkbox" && el.value !== "on")) {
      const boxes = el instanceof RadioNodeList ? [...el] : [el];
      const chosen = boxes.filter((b) => b.checked).map((b) => b.value);
      if (chosen.length) options.set(name, chosen.join(","));
    } else if (el.type === "checkbox") {
      if (el.checked) options.set(name, "true");
    } else if (el.value !== "") {
      options.set(name, el.value);
    }
  }
  state.options = options;
}

/** The options that go into a snippet: set ones, less defaults (but always widget, lang, theme). */
function optionEntries() {
  const story = state.options.get("story") ?? defaultStory();
  const entries = [];
  for (const name of optionNames(state.options.get("widget"))) {
    const spec = optionSchema(name, story);
    const value = state.options.get(name) ?? (ALWAYS.includes(name) ? spec.default : undefined);
    if (value === undefined || (value === String(spec.default) && !ALWAYS.includes(name))) continue;
    entries.push([name, value]);
  }
  return entries;
}

// --- The preview: a real placeholder, mounted by the real module ---

let watching;
function renderPreview() {
  watching?.disconnect();
  const host = document.createElement("div");
  for (const [name, value] of optionEntries()) host.setAttribute(`data-${name}`, value);
  preview.className = `frame w-${state.width}`;
  preview.replaceChildren(host);
  status.textContent = t("waiting");
  watching = new MutationObserver(() => reportState(host));
  watching.observe(host, { attributes: true, attributeFilter: ["data-widget-ready", "data-widget-error"] });
  // The module's MutationObserver would find the placeholder and mount it when near the screen;
  // mount() does it now. Before the module has started, its first scan finds it instead.
  window.FeatureWidgets?.mount(host);
  reportState(host);
}

/** Repeats the widget's own state in the status line: its error message, word for word. The
 * error box renders a frame or so after the error attribute is set: look again a few times. */
function reportState(host, frames = 30) {
  if (host.hasAttribute("data-widget-error")) {
    const message = host.shadowRoot?.querySelector(".error-box-message")?.textContent;
    if (message) status.textContent = t("error") + message;
    else if (frames > 0 && host.isConnected) requestAnimationFrame(() => reportState(host, frames - 1));
  } else if (host.hasAttribute("data-widget-ready")) {
    status.textContent = t("ready");
  }
}

// --- The snippets ---

const escapeAttr = (s) => String(s).replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");

/** The build's snippet entry for this widget and language. */
function buildEntry(widget, lang) {
  return build.snippets.find((s) => s.widget === widget && s.lang === lang)
    ?? build.snippets.find((s) => s.widget === widget);
}

/** True when the options are exactly the build's pinned ones for `entry` (its widget and
 * language, theme auto): only then does the build's static layer show what the options do. */
function isPinned(entries, entry) {
  return entries.every(([n, v]) => (n === "widget" && v === entry.widget)
    || (n === "lang" && v === entry.lang) || (n === "theme" && v === "auto"))
    && entries.some(([n, v]) => n === "lang" && v === entry.lang);
}

/** What goes inside a placeholder with options other than the pinned ones: the build's
 * fallback list for this widget and language. (With the pinned options the snippet is the
 * build's whole placeholder: its static layer, a declarative shadow root, and the list.) The
 * build has no static layer for other options (it would show other figures until the live
 * widget replaced it, and no-JS readers would keep them): only the fallback list, and the
 * placeholder's reserved size applies. `cargo run -p cli -- placeholder` renders a static layer
 * for any options. */
function placeholderContent(entry) {
  const template = document.createElement("template");
  template.innerHTML = entry.placeholder;
  const placeholder = template.content.firstElementChild;
  if (!placeholder) return "";
  placeholder.querySelector(":scope > template")?.remove();
  return placeholder.innerHTML.trim();
}

/** The pinned snippet (module and stylesheet with SRI, then the placeholder) for the options. */
function pinnedSnippet() {
  const entries = optionEntries();
  const get = (name) => entries.find(([n]) => n === name)?.[1];
  const entry = buildEntry(get("widget"), get("lang"));
  if (!entry) return "";
  const pinned = isPinned(entries, entry);
  if (pinned) return `${entry.head}\n${entry.placeholder}`;
  const attrs = entries.map(([n, v]) => ` data-${n}="${escapeAttr(v)}"`).join("");
  const content = placeholderContent(entry);
  return `${entry.head}\n<div${attrs}>\n${content ? `  ${content}\n` : ""}</div>`;
}

/** The iframe variant: the build's iframe for the widget, its query made from the options. */
function iframeSnippet() {
  const entries = optionEntries();
  const get = (name) => entries.find(([n]) => n === name)?.[1];
  const entry = buildEntry(get("widget"), get("lang"));
  if (!entry) return "";
  const template = document.createElement("template");
  template.innerHTML = entry.iframe;
  const frame = template.content.querySelector("iframe");
  if (!frame) return "";
  // The build's page for the widget carries its static layer for the pinned options; other
  // options go to embed.html, which builds the placeholder from its query.
  const src = frame.getAttribute("src");
  if (!isPinned(entries, entry)) {
    frame.setAttribute("src", `${src.replace(/frame-[a-z-]+\.html.*$/, "embed.html")}?${new URLSearchParams(entries)}`);
  }
  return `${build.iframe_host}\n${frame.outerHTML}`;
}

async function copy(box) {
  try {
    await navigator.clipboard.writeText(box.value);
    copied.textContent = t("copied");
  } catch {
    box.focus();
    box.select();
    copied.textContent = t("copyFailed");
  }
}

// --- The page ---

function applyUi() {
  document.documentElement.lang = state.ui === "en" ? "en" : "zh-CN";
  document.title = `${t("title")} · Feature widgets`;
  for (const el of document.querySelectorAll("[data-t]")) el.textContent = t(el.dataset.t);
  const switcher = document.getElementById("ui-lang");
  switcher.textContent = t("switchTo");
  switcher.lang = state.ui === "en" ? "zh-CN" : "en";
  // The builder's own page colours: the widget (theme auto) follows them, as on a host page.
  document.documentElement.dataset.theme = state.page;
  for (const r of document.querySelectorAll("input[name=view-width]")) r.checked = r.value === state.width;
  for (const r of document.querySelectorAll("input[name=view-page]")) r.checked = r.value === state.page;
}

function update({ form: rebuildForm = false } = {}) {
  if (rebuildForm) renderForm();
  writeUrl();
  renderPreview();
  snippetBox.value = pinnedSnippet();
  iframeBox.value = iframeSnippet();
}

let typing;
form.addEventListener("input", (event) => {
  const text = event.target.matches("textarea, input[type=text]");
  clearTimeout(typing);
  const apply = () => {
    const widget = state.options.get("widget");
    readForm();
    update({ form: state.options.get("widget") !== widget || event.target.name === "story" });
  };
  if (text) typing = setTimeout(apply, 400);
  else apply();
});
form.addEventListener("submit", (event) => event.preventDefault());
for (const name of ["view-width", "view-page"]) {
  for (const radio of document.querySelectorAll(`input[name=${name}]`)) {
    radio.addEventListener("change", () => {
      state[name === "view-width" ? "width" : "page"] = radio.value;
      applyUi();
      writeUrl();
      preview.className = `frame w-${state.width}`;
    });
  }
}
document.getElementById("ui-lang").addEventListener("click", () => {
  state.ui = state.ui === "en" ? "zh" : "en";
  applyUi();
  update({ form: true });
});
document.getElementById("copy-snippet").addEventListener("click", () => copy(snippetBox));
document.getElementById("copy-iframe").addEventListener("click", () => copy(iframeBox));

applyUi();
try {
  const [s, b] = await Promise.all(["config.schema.json", "snippets.json"].map(async (file) => {
    const response = await fetch(file);
    if (!response.ok) throw new Error(`${file}: HTTP ${response.status}`);
    return response.json();
  }));
  schema = s;
  build = b;
  update({ form: true });
} catch (error) {
  const p = document.getElementById("form-status");
  if (p) p.textContent = t("loadFailed") + error.message;
  console.error("embed builder:", error);
}
