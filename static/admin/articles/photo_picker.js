// Photos placed in the body from the photo library, or uploaded on the spot. A search
// under the body's editor lists photos by caption, person, credit or upload day, each
// with its credit line, its rights and what readers would see of it; choosing one
// places "[photo: its-number]" on a line of its own at the cursor. "Upload a photo",
// or an image file dropped or pasted on the text, opens an upload dialog that the
// server checks as the photo form does; the marker is placed once the photo is stored.
"use strict";
(function () {
  let editor = null;
  document.addEventListener("prose-editor:ready", function (event) {
    if (event.detail && event.detail.textarea && event.detail.textarea.id === "id_body") {
      editor = event.detail.editor;
    }
  });

  function csrfToken() {
    const token = document.querySelector("#article_form [name=csrfmiddlewaretoken], [name=csrfmiddlewaretoken]");
    return token ? token.value : "";
  }

  function place(id) {
    const line = `[photo: ${id}]`;
    if (editor) {
      editor.chain().focus().insertContent({ type: "paragraph", content: [{ type: "text", text: line }] }).run();
    } else {
      const body = document.getElementById("id_body");
      body.value += `<p>${line}</p>`;
    }
  }

  function element(tag, className, text) {
    const made = document.createElement(tag);
    if (className) made.className = className;
    if (text) made.textContent = text;
    return made;
  }

  // A file, not a picture's address: text pasted from a word processor may carry a
  // picture of itself too, and stays text.
  function imageFile(transfer, textWins) {
    if (!transfer || !transfer.files || !transfer.files.length) return null;
    if (textWins && (transfer.getData("text/plain") || "").trim()) return null;
    return Array.from(transfer.files).find((file) => file.type.startsWith("image/")) || null;
  }

  function start() {
    const body = document.getElementById("id_body");
    if (!body || !body.dataset.photoSearch) return;
    const mayUpload = Boolean(body.dataset.photoUpload);
    const box = element("div", "photo-picker");
    box.innerHTML =
      '<label for="photo-search">Place a photo from the library</label>' +
      '<div class="photo-picker__terms">' +
      '<input type="search" id="photo-search" autocomplete="off" placeholder="Caption, person shown or credit" aria-describedby="photo-search-help">' +
      '<span class="photo-picker__day"><label for="photo-search-day">Uploaded on</label> <input type="date" id="photo-search-day"></span>' +
      "</div>" +
      '<p class="help" id="photo-search-help">Words of the caption, a person shown, an agency or photographer; or the day it was uploaded.</p>' +
      '<p class="photo-picker__status" aria-live="polite"></p>' +
      '<ul class="photo-picker__results"></ul>';
    if (mayUpload) {
      const upload = element("p", "photo-picker__upload");
      const button = element("button", "button photo-picker__upload-button", "Upload a photo");
      button.type = "button";
      button.addEventListener("click", () => openUpload(null));
      upload.append(button, element("span", "help", " …or drop an image file on the text."));
      box.append(upload);
    }
    const anchor = body.closest(".form-row") || body.parentElement;
    anchor.insertAdjacentElement("beforeend", box);
    const search = box.querySelector("#photo-search");
    const day = box.querySelector("#photo-search-day");
    const status = box.querySelector(".photo-picker__status");
    const results = box.querySelector(".photo-picker__results");
    let timer = null;
    let asked = 0;

    function say(text) {
      status.textContent = text;
    }

    function describe(photo) {
      const about = element("div", "photo-picker__about");
      about.id = `photo-choice-${photo.id}`;
      about.append(element("p", "photo-picker__caption", photo.caption || photo.alt));
      about.append(element("p", "photo-picker__credit", photo.credit_line || "No credit line yet."));
      about.append(element("p", "photo-picker__when", `Uploaded ${photo.uploaded} · ${photo.marker}`));
      if (photo.rights) about.append(element("p", "photo-picker__rights", `Rights: ${photo.rights}.`));
      if (photo.readers) about.append(element("p", "photo-picker__readers", photo.readers));
      return about;
    }

    function show(found) {
      results.replaceChildren();
      say(found.length ? `${found.length} photo${found.length === 1 ? "" : "s"} found.` : "No photo found.");
      found.forEach(function (photo) {
        const item = element("li", "photo-picker__result");
        if (photo.thumbnail) {
          const image = element("img", "photo-picker__thumbnail");
          image.src = photo.thumbnail.src;
          image.width = photo.thumbnail.width;
          image.height = photo.thumbnail.height;
          image.alt = photo.alt;
          item.append(image);
        } else {
          item.append(element("span", "photo-picker__thumbnail photo-picker__thumbnail--none", "No picture"));
        }
        const about = describe(photo);
        const button = element("button", "button photo-picker__choice", "Place in the text");
        button.type = "button";
        button.dataset.photoId = photo.id;
        button.setAttribute("aria-describedby", about.id);
        button.addEventListener("click", function () {
          place(photo.id);
          results.replaceChildren();
          say(`Placed ${photo.marker} in the text.`);
        });
        item.append(about, button);
        const lead = document.getElementById("id_lead_photo");
        if (lead) {
          // The lead photo chosen from the same thumbnails; its picker (select2) shows it.
          const makeLead = element("button", "button photo-picker__lead", "Make it the lead photo");
          makeLead.type = "button";
          makeLead.setAttribute("aria-describedby", about.id);
          makeLead.addEventListener("click", function () {
            let option = Array.from(lead.options).find((each) => each.value === String(photo.id));
            if (!option) {
              option = new Option(photo.caption || photo.alt, String(photo.id));
              lead.append(option);
            }
            lead.value = String(photo.id);
            lead.dispatchEvent(new Event("change", { bubbles: true }));
            if (window.django && window.django.jQuery) window.django.jQuery(lead).trigger("change");
            results.replaceChildren();
            say(`Photo ${photo.id} is now the lead photo.`);
          });
          item.append(makeLead);
        }
        results.append(item);
      });
    }

    function ask() {
      const term = search.value.trim();
      if (!term && !day.value) {
        results.replaceChildren();
        say("");
        return;
      }
      const mine = ++asked;
      const query = new URLSearchParams({ q: term, uploaded: day.value });
      fetch(`${body.dataset.photoSearch}?${query}`, { credentials: "same-origin" })
        .then((response) => response.json())
        .then(function (json) {
          if (mine !== asked) return;
          if (json.error) say(json.error);
          else show(json.results || []);
        })
        .catch(function () {
          if (mine === asked) say("The photo library could not be searched: try again.");
        });
    }

    function soon() {
      clearTimeout(timer);
      timer = setTimeout(ask, 250);
    }
    search.addEventListener("input", soon);
    day.addEventListener("change", soon);
    // Enter in the search chooses nothing and saves nothing.
    [search, day].forEach((field) =>
      field.addEventListener("keydown", function (event) {
        if (event.key === "Enter") event.preventDefault();
      })
    );

    // Uploading ---------------------------------------------------------------

    let dialog = null;

    function openUpload(file) {
      if (!mayUpload) {
        say("Only the photo desk may upload photos: search the library for it instead.");
        return;
      }
      (dialog ? Promise.resolve(dialog) : buildDialog())
        .then(function (ready) {
          dialog = ready;
          dialog.reset();
          if (file) dialog.choose(file);
          dialog.element.showModal();
        })
        .catch(function () {
          say("The upload form could not be opened: try again.");
        });
    }

    function buildDialog() {
      return fetch(body.dataset.photoUpload, { credentials: "same-origin" })
        .then(function (response) {
          if (!response.ok) throw new Error(String(response.status));
          return response.text();
        })
        .then(function (fields) {
          const shell = element("dialog", "photo-upload");
          shell.setAttribute("aria-labelledby", "photo-upload-title");
          shell.innerHTML =
            '<form class="photo-upload__form" novalidate>' +
            '<h2 id="photo-upload-title">Upload a photo</h2>' +
            '<p class="help">Checked as on the photo form, stored with its renditions, then placed in the text where the cursor was.</p>' +
            fields +
            '<p class="photo-upload__status" aria-live="polite"></p>' +
            '<div class="photo-upload__buttons">' +
            '<button type="submit" class="button default">Upload and place</button> ' +
            '<button type="button" class="button photo-upload__cancel">Cancel</button>' +
            "</div></form>";
          document.body.append(shell);
          return uploadDialog(shell);
        });
    }

    function uploadDialog(shell) {
      const form = shell.querySelector("form");
      const file = form.querySelector("input[type=file]");
      const caption = form.querySelector("textarea[name$=caption]");
      const preview = form.querySelector(".photo-upload__preview");
      const read = form.querySelector(".photo-upload__read");
      const chosen = form.querySelector(".photo-upload__chosen");
      const fresh = form.querySelector(".photo-upload__new");
      const sourceSearch = form.querySelector("#photo-upload-source-search");
      const sources = form.querySelector(".photo-upload__sources");
      const state = form.querySelector(".photo-upload__status");
      const submit = form.querySelector("button[type=submit]");
      const mayCreate = Boolean(form.querySelector("[data-may-create-sources]").dataset.mayCreateSources);
      const prefix = file.name.slice(0, -"image".length);
      let shown = null;
      let sourceTimer = null;

      function clearErrors() {
        form.querySelectorAll("[data-errors-for]").forEach(function (list) {
          list.replaceChildren();
          list.hidden = true;
        });
        form.querySelectorAll("[aria-invalid]").forEach((field) => field.removeAttribute("aria-invalid"));
      }

      function addCredit(id, label) {
        if (chosen.querySelector(`input[value="${CSS.escape(String(id))}"]`)) return;
        const item = element("li", "photo-upload__credit");
        const input = element("input");
        input.type = "hidden";
        input.name = `${prefix}credit`;
        input.value = id;
        const remove = element("button", "button photo-upload__remove", "Remove");
        remove.type = "button";
        remove.setAttribute("aria-label", `Remove the credit ${label}`);
        remove.addEventListener("click", () => item.remove());
        item.append(element("span", "", label), " ", input, remove);
        chosen.append(item);
      }

      function offerNew(credit) {
        if (!mayCreate) return;
        const label = element("label", "photo-upload__new-source");
        const box = element("input");
        box.type = "checkbox";
        box.name = `${prefix}new_credit`;
        box.value = `${credit.role}:${credit.label}`;
        box.checked = true;
        label.append(box, ` Make “${credit.label}” a credit source (${credit.role}) and credit it`);
        fresh.append(label);
      }

      function readFile(chosenFile) {
        if (!body.dataset.photoRead) return;
        const data = new FormData();
        data.append("image", chosenFile);
        read.textContent = "Reading the caption and credits from the file…";
        fetch(body.dataset.photoRead, {
          method: "POST",
          body: data,
          headers: { "X-CSRFToken": csrfToken() },
          credentials: "same-origin",
        })
          .then((response) => response.json().then((json) => ({ ok: response.ok, json: json })))
          .then(function (answer) {
            if (!answer.ok) {
              read.textContent = answer.json.error || "The file could not be read.";
              return;
            }
            const found = [];
            if (caption && !caption.value.trim() && answer.json.caption) {
              caption.value = answer.json.caption;
              found.push("the caption");
            }
            const known = answer.json.credits.filter((credit) => credit.source);
            const unknown = answer.json.credits.filter((credit) => !credit.source);
            if (!chosen.children.length && known.length) {
              known.forEach((credit) => addCredit(credit.source, credit.label));
              found.push("credits: " + known.map((credit) => credit.label).join(", "));
            }
            fresh.replaceChildren();
            unknown.forEach(offerNew);
            if (unknown.length) {
              const names = unknown.map((credit) => credit.label).join(", ");
              found.push(
                mayCreate
                  ? `new credit sources: ${names}`
                  : `names that are not credit sources yet (the photo desk can add them): ${names}`
              );
            }
            read.textContent = found.length
              ? `Read from the file: ${found.join("; ")}. Check them before uploading.`
              : "The file names no caption or credits the form is missing.";
          })
          .catch(function () {
            read.textContent = "The file could not be read: type the caption and credits.";
          });
      }

      function showChosen(chosenFile) {
        clearErrors();
        if (shown) URL.revokeObjectURL(shown);
        shown = null;
        preview.hidden = true;
        read.textContent = "";
        if (!chosenFile) return;
        shown = URL.createObjectURL(chosenFile);
        preview.src = shown;
        preview.alt = `The chosen file, ${chosenFile.name}`;
        preview.hidden = false;
        readFile(chosenFile);
      }

      function showErrors(errors) {
        let first = null;
        Object.entries(errors).forEach(function ([name, messages]) {
          const list = form.querySelector(`[data-errors-for="${CSS.escape(name)}"]`) || form.querySelector('[data-errors-for="__all__"]');
          messages.forEach((message) => list.append(element("li", "", message)));
          list.hidden = false;
          const field = form.elements[`${prefix}${name}`];
          if (field && field.setAttribute) {
            field.setAttribute("aria-invalid", "true");
            const described = (field.getAttribute("aria-describedby") || "").split(" ").filter(Boolean);
            if (list.id && !described.includes(list.id)) {
              field.setAttribute("aria-describedby", [...described, list.id].join(" "));
            }
            first = first || field;
          }
        });
        state.textContent = "Not uploaded: see the messages above.";
        if (first) first.focus();
      }

      file.addEventListener("change", () => showChosen(file.files && file.files[0]));

      sourceSearch.addEventListener("input", function () {
        clearTimeout(sourceTimer);
        sourceTimer = setTimeout(function () {
          const term = sourceSearch.value.trim();
          sources.replaceChildren();
          if (!term) return;
          const query = new URLSearchParams({
            term: term,
            app_label: "photos",
            model_name: "photocredit",
            field_name: "source",
          });
          fetch(`${sourceSearch.dataset.url}?${query}`, { credentials: "same-origin" })
            .then((response) => response.json())
            .then(function (json) {
              sources.replaceChildren();
              (json.results || []).slice(0, 8).forEach(function (source) {
                const item = element("li");
                const pick = element("button", "button photo-upload__source", source.text);
                pick.type = "button";
                pick.addEventListener("click", function () {
                  addCredit(source.id, source.text);
                  sources.replaceChildren();
                  sourceSearch.value = "";
                  sourceSearch.focus();
                });
                item.append(pick);
                sources.append(item);
              });
              if (!sources.children.length) sources.append(element("li", "help", "No credit source found."));
            })
            .catch(() => sources.replaceChildren(element("li", "help", "Credit sources could not be searched.")));
        }, 250);
      });
      sourceSearch.addEventListener("keydown", function (event) {
        if (event.key === "Enter") event.preventDefault();
      });

      form.querySelector(".photo-upload__cancel").addEventListener("click", () => shell.close());

      form.addEventListener("submit", function (event) {
        event.preventDefault();
        clearErrors();
        submit.disabled = true;
        state.textContent = "Uploading and making the renditions…";
        fetch(body.dataset.photoUpload, {
          method: "POST",
          body: new FormData(form),
          headers: { "X-CSRFToken": csrfToken() },
          credentials: "same-origin",
        })
          .then(function (response) {
            if (response.status === 403) return { refused: true };
            return response.json().then((json) => ({ ok: response.ok, json: json }));
          })
          .then(function (answer) {
            if (answer.refused) {
              state.textContent = "Not uploaded: you may not upload photos.";
            } else if (answer.ok) {
              shell.close();
              place(answer.json.photo.id);
              say(`Uploaded, and placed ${answer.json.photo.marker} in the text.`);
            } else {
              showErrors(answer.json.errors || { __all__: ["The upload failed: try again."] });
            }
          })
          .catch(function () {
            state.textContent = "The upload failed (the connection may have dropped): try again.";
          })
          .finally(function () {
            submit.disabled = false;
          });
      });

      return {
        element: shell,
        reset: function () {
          form.reset();
          chosen.replaceChildren();
          fresh.replaceChildren();
          sources.replaceChildren();
          state.textContent = "";
          showChosen(null);
        },
        choose: function (chosenFile) {
          const transfer = new DataTransfer();
          transfer.items.add(chosenFile);
          file.files = transfer.files;
          showChosen(chosenFile);
        },
      };
    }

    // Files dropped or pasted on the text: uploaded, never put in the body as data.
    const area = body.closest(".form-row") || body.parentElement;
    function onText(target) {
      return target instanceof Element && Boolean(target.closest(".ProseMirror")) && area.contains(target);
    }
    document.addEventListener(
      "dragover",
      function (event) {
        if (onText(event.target) && event.dataTransfer && Array.from(event.dataTransfer.types).includes("Files")) {
          event.preventDefault();
        }
      },
      true
    );
    document.addEventListener(
      "drop",
      function (event) {
        const file = onText(event.target) && imageFile(event.dataTransfer, false);
        if (!file) return;
        event.preventDefault();
        event.stopPropagation();
        if (editor) {
          const at = editor.view.posAtCoords({ left: event.clientX, top: event.clientY });
          if (at) editor.commands.setTextSelection(at.pos);
        }
        openUpload(file);
      },
      true
    );
    document.addEventListener(
      "paste",
      function (event) {
        const file = onText(event.target) && imageFile(event.clipboardData, true);
        if (!file) return;
        event.preventDefault();
        event.stopPropagation();
        openUpload(file);
      },
      true
    );
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
