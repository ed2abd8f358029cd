// Counts a reader's visit to a story for "Most read" (reading/reads.py): one
// POST to our own address, at most once per story in a tab's session. The
// tab's sessionStorage remembers it; no cookie is sent, set or read, and
// nothing goes to another site. Readers without scripts are not counted.
(function () {
  "use strict";
  var script = document.currentScript;
  var address = script && script.getAttribute("data-hit");
  if (!address || !window.fetch) {
    return;
  }
  var key = "read:" + address;
  try {
    if (window.sessionStorage.getItem(key)) {
      return;
    }
    window.sessionStorage.setItem(key, "1");
  } catch (refused) {
    // Storage turned off: count this visit, as the page has no way to know of another.
  }
  window
    .fetch(address, {
      method: "POST",
      credentials: "omit",
      cache: "no-store",
      keepalive: true,
      mode: "same-origin",
      referrerPolicy: "no-referrer",
    })
    .catch(function () {
      // A count lost is no reader's concern.
    });
})();
