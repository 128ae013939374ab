// Records CSP violations on the page element (no global names), for the strict-CSP test.
document.addEventListener("securitypolicyviolation", (event) => {
  const seen = JSON.parse(document.documentElement.getAttribute("data-csp-violations") ?? "[]");
  seen.push(`${event.violatedDirective} ${event.blockedURI}`);
  document.documentElement.setAttribute("data-csp-violations", JSON.stringify(seen));
});
