// The story form keeps what is typed: a copy in this browser every few seconds,
// offered back after a crash, a closed tab or a lost connection; a question
// before leaving with unsaved changes; and keyboard shortcuts for the buttons.
//
// The copy never reaches the server by itself: only a button press saves, and
// a restored copy carries the version it was typed on, so the server refuses
// it over a newer save and lays out both (the conflict table) instead.
"use strict";
(function () {
  const KEY = "newsroom-draft:" + location.pathname;
  const ADDED = "newsroom-draft:submitted";
  const EVERY_MS = 4000;
  let editor = null; // the body's rich-text editor, once it is ready
  let baseline = null; // the form's values as the page drew them
  let lastKept = null;
  let submitting = false;

  // The editor announces itself; listen from the start, before it loads.
  document.addEventListener("prose-editor:ready", function (event) {
    if (event.detail && event.detail.textarea && event.detail.textarea.id === "id_body") {
      editor = event.detail.editor;
    }
  });

  function form() {
    return document.getElementById("article_form");
  }

  // The story's own fields: not the inlines' rows, the buttons or the desk's machinery.
  function fields(theForm) {
    return Array.from(theForm.elements).filter(function (el) {
      return (
        el.name &&
        !el.name.includes("-") &&
        !el.name.startsWith("_") &&
        el.name !== "csrfmiddlewaretoken" &&
        !["submit", "button", "file", "reset"].includes(el.type)
      );
    });
  }

  function values(theForm) {
    const found = {};
    fields(theForm).forEach(function (el) {
      if (el.type === "checkbox" || el.type === "radio") {
        if (el.type === "radio" && !el.checked) return;
        found[el.name] = el.type === "checkbox" ? el.checked : el.value;
      } else if (el.multiple) {
        found[el.name] = Array.from(el.selectedOptions).map((o) => o.value);
      } else {
        found[el.name] = el.value;
      }
    });
    return found;
  }

  function same(a, b) {
    return JSON.stringify(a) === JSON.stringify(b);
  }

  function differs(kept, now) {
    return Object.keys(kept).some(function (name) {
      return name !== "seen_version" && !same(kept[name], now[name]);
    });
  }

  function read() {
    try {
      return JSON.parse(localStorage.getItem(KEY) || "null");
    } catch (error) {
      return null;
    }
  }

  function say(text) {
    const status = document.getElementById("story-draft-status");
    if (status) status.textContent = text;
  }

  function keep() {
    const theForm = form();
    if (!theForm || submitting || baseline === null) return;
    const now = values(theForm);
    if (!differs(now, baseline)) return;
    if (lastKept && same(lastKept, now)) return;
    try {
      localStorage.setItem(KEY, JSON.stringify({ savedAt: Date.now(), fields: now }));
      lastKept = now;
      const at = new Date().toLocaleTimeString([], { hour: "2-digit", minute: "2-digit", second: "2-digit" });
      say(`Unsaved changes kept in this browser at ${at}.`);
    } catch (error) {
      say("This browser cannot keep a copy of your typing: save often.");
    }
  }

  function put(theForm, kept) {
    fields(theForm).forEach(function (el) {
      if (!(el.name in kept)) return;
      const value = kept[el.name];
      if (el.type === "checkbox") {
        el.checked = Boolean(value);
      } else if (el.type === "radio") {
        el.checked = el.value === value;
      } else if (el.multiple) {
        Array.from(el.options).forEach((o) => (o.selected = value.includes(o.value)));
      } else if (el.tagName === "SELECT") {
        // A picker holds only its chosen option: another choice cannot be put back.
        if (Array.from(el.options).some((o) => o.value === value)) el.value = value;
      } else {
        el.value = value;
      }
      el.dispatchEvent(new Event("input", { bubbles: true }));
      el.dispatchEvent(new Event("change", { bubbles: true }));
    });
    if (editor && typeof kept.body === "string") {
      editor.commands.setContent(kept.body);
      document.getElementById("id_body").value = kept.body;
    }
  }

  function offer(theForm, kept) {
    const when = new Date(kept.savedAt).toLocaleString([], {
      day: "numeric", month: "long", hour: "2-digit", minute: "2-digit",
    });
    const box = document.createElement("div");
    box.className = "story-draft-offer";
    box.setAttribute("role", "region");
    box.setAttribute("aria-label", "Unsaved typing");
    box.innerHTML =
      '<p></p><button type="button" class="button" data-draft="restore">Restore it</button> ' +
      '<button type="button" class="button" data-draft="discard">Discard it</button>';
    box.querySelector("p").textContent =
      `This browser kept typing on this story that was never saved (${when}).` +
      " Restore it to go on; if someone has saved the story since, saving will show their" +
      " changes beside yours.";
    box.addEventListener("click", function (event) {
      const choice = event.target.dataset.draft;
      if (!choice) return;
      if (choice === "restore") {
        put(theForm, kept.fields);
        say("Your unsaved typing is back in the form: save it when ready.");
      } else {
        localStorage.removeItem(KEY);
        say("The kept typing was discarded.");
      }
      box.remove();
    });
    theForm.insertAdjacentElement("afterbegin", box);
  }

  function saved() {
    // The page after a save says so; the copy of what was typed is then done with.
    return document.querySelector(".messagelist .success") && !document.querySelector(".errornote");
  }

  function shortcuts(theForm) {
    document.addEventListener("keydown", function (event) {
      if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
      const key = event.key.toLowerCase();
      const save = theForm.querySelector(".submit-row button[name=_step]");
      if (key === "s" && save) {
        event.preventDefault();
        if (event.shiftKey) {
          const back = document.createElement("input");
          back.type = "hidden";
          back.name = "_to_list";
          back.value = "1";
          theForm.appendChild(back);
        }
        save.click();
      } else if (key === "p" && event.shiftKey) {
        const preview = document.querySelector(".field-preview_link a");
        if (preview) {
          event.preventDefault();
          window.open(preview.href, "_blank", "noopener");
        }
      }
    });
  }

  function start() {
    const theForm = form();
    if (!theForm) return;
    const submitted = sessionStorage.getItem(ADDED);
    if (saved()) {
      localStorage.removeItem(KEY);
      if (submitted) localStorage.removeItem(submitted);
    }
    sessionStorage.removeItem(ADDED);

    const status = document.createElement("p");
    status.id = "story-draft-status";
    status.className = "story-draft-status";
    status.setAttribute("aria-live", "polite");
    const row = theForm.querySelector(".submit-row");
    if (row) row.insertAdjacentElement("afterend", status);

    const hint = document.createElement("p");
    hint.className = "story-shortcuts";
    const mod = /Mac|iPhone|iPad/.test(navigator.platform) ? "⌘" : "Ctrl+";
    hint.textContent =
      `Keys: ${mod}S saves, ${mod}Shift+S saves and goes back to the list, ` +
      `${mod}Shift+P opens the preview.`;
    status.insertAdjacentElement("afterend", hint);

    // A refused save draws the form as typed: none of it is saved yet.
    const unsavedOnArrival = Boolean(document.querySelector(".errornote"));
    theForm.addEventListener("submit", function () {
      keep(); // the copy stays until the page after the save confirms it
      submitting = true;
      sessionStorage.setItem(ADDED, KEY);
    });
    window.addEventListener("beforeunload", function (event) {
      if (submitting || baseline === null) return;
      if (!unsavedOnArrival && !differs(baseline, values(theForm))) return;
      event.preventDefault();
      event.returnValue = "";
    });
    document.addEventListener("visibilitychange", function () {
      if (document.visibilityState === "hidden") keep();
    });
    shortcuts(theForm);

    // The editor rewrites the body as it loads: the form is as drawn once it has.
    function settle() {
      baseline = values(theForm);
      const kept = read();
      if (unsavedOnArrival) {
        baseline = {}; // everything on the page counts as unsaved
        keep();
      } else if (kept && kept.fields && differs(kept.fields, baseline)) {
        offer(theForm, kept);
      } else if (kept) {
        localStorage.removeItem(KEY);
      }
      setInterval(keep, EVERY_MS);
    }
    const body = document.getElementById("id_body");
    if (body && !editor) {
      let settled = false;
      const once = function () {
        if (!settled) {
          settled = true;
          setTimeout(settle, 0);
        }
      };
      document.addEventListener("prose-editor:ready", once);
      setTimeout(once, 3000); // an editor that never loads still leaves a plain form
    } else {
      settle();
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
