// Teasers picked from a story search, not typed as a slug: a search box under the
// body's editor lists live stories as the editor types; choosing one places
// "[teaser: its-slug]" on a line of its own where the cursor is.
"use strict";
(function () {
  let editor = null;
  document.addEventListener("prose-editor:ready", function (event) {
    if (event.detail && event.detail.textarea && event.detail.textarea.id === "id_body") {
      editor = event.detail.editor;
    }
  });

  function place(slug) {
    const line = `[teaser: ${slug}]`;
    if (editor) {
      editor.chain().focus().insertContent({ type: "paragraph", content: [{ type: "text", text: line }] }).run();
    } else {
      const body = document.getElementById("id_body");
      body.value += `<p>${line}</p>`;
    }
  }

  function start() {
    const body = document.getElementById("id_body");
    if (!body || !body.dataset.teaserSearch) return;
    const box = document.createElement("div");
    box.className = "teaser-picker";
    box.innerHTML =
      '<label for="teaser-search">Place a teaser for another story</label>' +
      '<input type="search" id="teaser-search" autocomplete="off" placeholder="Words of its headline, a person, or its slug">' +
      '<ul class="teaser-picker__results" aria-live="polite"></ul>';
    const anchor = body.closest(".form-row") || body.parentElement;
    anchor.insertAdjacentElement("beforeend", box);
    const search = box.querySelector("input");
    const results = box.querySelector("ul");
    let timer = null;
    let asked = 0;

    function show(found) {
      results.replaceChildren();
      if (!found.length) {
        const none = document.createElement("li");
        none.textContent = "No live story found.";
        results.append(none);
        return;
      }
      found.forEach(function (story) {
        const item = document.createElement("li");
        const button = document.createElement("button");
        button.type = "button";
        button.className = "button teaser-picker__choice";
        button.dataset.slug = story.slug;
        button.textContent = story.headline;
        const when = document.createElement("span");
        when.className = "teaser-picker__when";
        when.textContent = ` ${story.published}`;
        button.addEventListener("click", function () {
          place(story.slug);
          results.replaceChildren();
          search.value = "";
        });
        item.append(button, when);
        results.append(item);
      });
    }

    function ask() {
      const term = search.value.trim();
      if (!term) {
        results.replaceChildren();
        return;
      }
      const mine = ++asked;
      fetch(`${body.dataset.teaserSearch}?q=${encodeURIComponent(term)}`, { credentials: "same-origin" })
        .then((response) => response.json())
        .then(function (json) {
          if (mine === asked) show(json.results || []);
        })
        .catch(function () {});
    }

    search.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(ask, 250);
    });
    // Enter in the search box chooses nothing and saves nothing.
    search.addEventListener("keydown", function (event) {
      if (event.key === "Enter") event.preventDefault();
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
