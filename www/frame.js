// Iframe mode (embed.html): turns the query string into one placeholder, then reports the
// frame's content height to the parent page, which resizes the iframe (see iframe-host.js).
// Runs before embed.js (module scripts run in document order), so embed.js finds the
// placeholder and reads its options through the same parser as any placeholder.
const params = new URLSearchParams(location.search);
const rawId = params.get("id") ?? "";
const id = /^[A-Za-z0-9_-]{1,64}$/.test(rawId) ? rawId : "";
// Optional: the host page's origin. Given, messages go only there and only it may ask for a
// new measurement; absent, the height (nothing secret) goes to any parent.
let parentOrigin = "*";
try {
  const origin = params.get("origin");
  if (origin) parentOrigin = new URL(origin).origin;
} catch {
  console.error("feature widgets: ignoring the invalid origin parameter");
}

// A frame page built for one widget (frame-<widget>-<lang>.html, with the widget's static
// layer) already holds its placeholder; embed.html builds one from the query string.
const built = document.querySelector("[data-widget]");
const placeholder = built ?? document.createElement("div");
if (!built) placeholder.setAttribute("data-widget", params.get("widget") ?? "");
for (const [key, value] of built ? [] : params) {
  if (key === "widget" || key === "id" || key === "origin") continue;
  if (key === "config") {
    const json = document.createElement("script");
    json.type = "application/json";
    json.textContent = value;
    placeholder.append(json);
  } else if (/^[a-z][a-z0-9-]{0,39}$/.test(key) && !key.startsWith("widget-")) {
    placeholder.setAttribute(`data-${key}`, value);
  } else {
    console.error(`feature widgets: ignoring the query parameter "${key.slice(0, 40)}"`);
  }
}
if (!built) {
  if (params.get("lang") === "en") document.documentElement.lang = "en";
  document.body.append(placeholder);
}

function reportHeight() {
  if (window.parent === window) return;
  const height = Math.ceil(document.body.getBoundingClientRect().height);
  window.parent.postMessage({ type: "feature-widgets:height", id, height }, parentOrigin);
}
new ResizeObserver(reportHeight).observe(document.body);
window.addEventListener("message", (event) => {
  if (event.source !== window.parent) return;
  if (parentOrigin !== "*" && event.origin !== parentOrigin) return;
  const data = event.data;
  if (data && typeof data === "object" && data.type === "feature-widgets:measure") reportHeight();
});
