// Records the window's own property names before the widgets load (on the page element, so this
// test helper adds no global of its own); the test compares them with the names after.
document.documentElement.setAttribute(
  "data-globals-before",
  JSON.stringify(Object.getOwnPropertyNames(window)),
);
