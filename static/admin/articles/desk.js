// The story desk, live while writing: word count, reading time, headline length.
// A file of its own (no inline script), so a strict Content-Security-Policy can allow it.
"use strict";
(function () {
  function plainWords(html) {
    // DOMParser builds an inert document: nothing in it loads or runs.
    const doc = new DOMParser().parseFromString(html.replace(/\[(?:teaser|photo):[^\]]*\]/g, " "), "text/html");
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

  // Each counted field (data-count-limit) says in its help line how much of it is shown.
  function setUpCounts() {
    document.querySelectorAll("[data-count-limit]").forEach(function (field) {
      const limit = Number(field.dataset.countLimit);
      const where = field.dataset.countWhere || "search results";
      // A help line that only spoke of this count becomes the live count: one
      // hint, not two. Any other help line keeps its words; the count goes below.
      const help = document.getElementById(`${field.id}_helptext`);
      let hint = "countInHelp" in field.dataset ? help : null;
      if (!hint) {
        hint = document.createElement("div");
        hint.id = help ? `${field.id}_count` : `${field.id}_helptext`;
        hint.className = "help count-hint";
        (help || field).insertAdjacentElement("afterend", hint);
      }
      hint.setAttribute("aria-live", "polite");
      function update() {
        const length = field.value.length;
        hint.textContent =
          length > limit
            ? `${length} characters: ${where} cut it after about ${limit}.`
            : `${length} of about ${limit} characters that ${where} show.`;
        hint.classList.toggle("headline-hint--long", length > limit);
      }
      field.addEventListener("input", update);
      update();
    });
  }

  // The search result and the shared card follow the headline, titles and standfirst as typed.
  function setUpPreview() {
    const preview = document.getElementById("search-preview");
    if (!preview) return;
    const value = (id) => (document.getElementById(id) || { value: "" }).value.trim();
    function cut(text, limit) {
      return text.length > limit ? text.slice(0, limit - 1) + "…" : text;
    }
    function update() {
      const headline = value("id_headline");
      const description = value("id_standfirst") || headline;
      const set = (name, text) =>
        preview.querySelectorAll(`[data-preview="${name}"]`).forEach((el) => (el.textContent = text));
      set("search-title", cut(value("id_seo_title") || headline, Number(preview.dataset.titleLength)));
      set("social-title", cut(value("id_social_headline") || headline, Number(preview.dataset.socialLength)));
      set("description", cut(description, Number(preview.dataset.descriptionLength)));
    }
    ["id_headline", "id_seo_title", "id_social_headline", "id_standfirst"].forEach(function (id) {
      const field = document.getElementById(id);
      if (field) field.addEventListener("input", update);
    });
  }

  function start() {
    setUpStats();
    labelTheEditor();
    setUpCounts();
    setUpPreview();
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
