/* The new photo's form before its first save: the chosen file is shown at once
   for its focal point, and its caption and credits are read from it and put in
   the form (the staffer checks them; nothing is stored until Save). A file
   kept from a failed save is shown from the desk's held copy. */
(function () {
  "use strict";

  function frame() {
    return document.querySelector(".focal-point[data-read-url]");
  }

  function show(src, alt) {
    var box = frame();
    if (!box) return;
    var image = box.querySelector("img") || document.createElement("img");
    image.src = src;
    image.alt = alt || "The chosen photo";
    image.style.maxWidth = "480px";
    image.style.width = "100%";
    image.style.height = "auto";
    if (!image.parentNode) box.insertBefore(image, box.firstChild);
    var hint = document.getElementById("focal-point-hint");
    if (hint) hint.textContent = "Click the photo where it must stay in frame.";
    box.dispatchEvent(new CustomEvent("focal-point:picture"));
  }

  function creditRows() {
    return Array.from(document.querySelectorAll("[id^=credits-]:not(.empty-form)")).filter(
      function (row) {
        return /^credits-\d+$/.test(row.id);
      }
    );
  }

  function anyCreditTyped() {
    return creditRows().some(function (row) {
      var role = row.querySelector("select[name$=-role]");
      return role && role.value;
    });
  }

  function fillCredits(credits) {
    var add = document.querySelector("#credits-group .add-row a");
    credits.forEach(function (credit, index) {
      while (creditRows().length <= index && add) add.click();
      var row = creditRows()[index];
      if (!row) return;
      var prefix = row.id.replace("credits-", "id_credits-");
      var role = document.getElementById(prefix + "-role");
      var source = document.getElementById(prefix + "-source");
      var order = document.getElementById(prefix + "-order");
      if (role) role.value = credit.role;
      if (source) {
        source.append(new Option(credit.label, credit.source, true, true));
        if (window.django && window.django.jQuery) window.django.jQuery(source).trigger("change");
      }
      if (order) order.value = index;
    });
  }

  function say(text) {
    var note = document.getElementById("photo-file-read");
    if (note) note.textContent = text;
  }

  function read(file) {
    var box = frame();
    var token = document.querySelector("[name=csrfmiddlewaretoken]");
    if (!box || !token) return;
    var data = new FormData();
    data.append("image", file);
    say("Reading the caption and credits from the file…");
    fetch(box.dataset.readUrl, {
      method: "POST",
      body: data,
      headers: { "X-CSRFToken": token.value },
      credentials: "same-origin",
    })
      .then(function (response) {
        return response.json().then(function (json) {
          return { ok: response.ok, json: json };
        });
      })
      .then(function (answer) {
        if (!answer.ok) {
          say(answer.json.error || "The file could not be read.");
          return;
        }
        var found = [];
        var caption = document.getElementById("id_caption");
        if (caption && !caption.value.trim() && answer.json.caption) {
          caption.value = answer.json.caption;
          found.push("the caption");
        }
        // Only names the desk knows as credit sources go in as credits; the
        // others are named, for the photo desk to add as sources first.
        var known = answer.json.credits.filter((c) => c.source);
        var unknown = answer.json.credits.filter((c) => !c.source);
        if (!anyCreditTyped() && known.length) {
          fillCredits(known);
          found.push("credits: " + known.map((c) => c.label).join(", "));
        }
        if (unknown.length) {
          found.push(
            "names that are not credit sources yet: " + unknown.map((c) => c.label).join(", ")
          );
        }
        say(
          found.length
            ? "Read from the file: " + found.join("; ") + ". Check them before saving."
            : "The file names no caption or credits the form is missing."
        );
      })
      .catch(function () {
        say("The file could not be read: type the caption and credits.");
      });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var input = document.getElementById("id_image");
    var box = frame();
    if (!input || !box) return;
    var note = document.createElement("p");
    note.id = "photo-file-read";
    note.className = "help";
    note.setAttribute("aria-live", "polite");
    input.insertAdjacentElement("afterend", note);
    var pending = document.getElementById("id_pending");
    if (pending && pending.value && box.dataset.pendingUrl) {
      show(box.dataset.pendingUrl.replace("TOKEN", encodeURIComponent(pending.value)));
    }
    var shown = null;
    input.addEventListener("change", function () {
      var file = input.files && input.files[0];
      if (!file) return;
      if (shown) URL.revokeObjectURL(shown);
      shown = URL.createObjectURL(file);
      show(shown, file.name);
      read(file);
    });
  });
})();
