// The story desk, live while writing: word count, reading time, headline length.
// A file of its own (no inline script), so a strict Content-Security-Policy can allow it.
"use strict";
(function () {
  function plainWords(html) {
    // DOMParser builds an inert document: nothing in it loads or runs.
    const doc = new DOMParser().parseFromString(html.replace(/\[teaser:[^\]]*\]/g, " "), "text/html");
    const text = doc.body.textContent || "";
    return text.split(/\s+/).filter(Boolean).length;
  }

  function setUpStats() {
    const stats = document.getElementById("desk-text-stats");
    const body = document.getElementById("id_body");
    if (!stats || !body) return;
    const perMinute = Number(stats.dataset.wordsPerMinute) || 230;
    const editorRoot = body.parentElement;
    function update() {
      const editable = editorRoot.querySelector(".ProseMirror[contenteditable=true]");
      const words = editable ? plainWords(editable.innerHTML) : plainWords(body.value);
      stats.textContent = words
        ? `${words} words, about ${Math.max(1, Math.ceil(words / perMinute))} min reading`
        : "No words yet";
    }
    editorRoot.addEventListener("input", update);
    editorRoot.addEventListener("keyup", update);
    new MutationObserver(update).observe(editorRoot, {
      childList: true,
      subtree: true,
      characterData: true,
    });
    update();
  }

  function labelTheEditor() {
    // The rich-text editor's editable area is built by script, without a name:
    // give it the body field's label, so screen readers announce what it is.
    const body = document.getElementById("id_body");
    const label = document.querySelector('label[for="id_body"]');
    if (!body || !label) return;
    label.id = label.id || "id_body_label";
    function apply() {
      const editable = body.parentElement.querySelector(".ProseMirror[contenteditable=true]");
      if (editable && editable.getAttribute("aria-labelledby") !== label.id) {
        editable.setAttribute("aria-labelledby", label.id);
      }
    }
    new MutationObserver(apply).observe(body.parentElement, { childList: true, subtree: true });
    apply();
  }

  function setUpHeadlineHint() {
    const headline = document.getElementById("id_headline");
    if (!headline) return;
    const limit = Number(headline.dataset.searchLength) || 60;
    // The field's own help line becomes the live count: one hint, not two.
    let hint = document.getElementById("id_headline_helptext");
    if (!hint) {
      hint = document.createElement("div");
      hint.id = "id_headline_helptext";
      hint.className = "help";
      headline.insertAdjacentElement("afterend", hint);
    }
    hint.setAttribute("aria-live", "polite");
    function update() {
      const length = headline.value.length;
      hint.textContent =
        length > limit
          ? `${length} characters: search results cut headlines after about ${limit}.`
          : `${length} of about ${limit} characters that search results show.`;
      hint.classList.toggle("headline-hint--long", length > limit);
    }
    headline.addEventListener("input", update);
    update();
  }

  function start() {
    setUpStats();
    labelTheEditor();
    setUpHeadlineHint();
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
