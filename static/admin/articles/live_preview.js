// The live preview beside the story form: the form's text is posted to the desk's
// live-preview page (which saves nothing) as the editor types, and the page is
// shown in a frame at a phone's or a desktop's width.
"use strict";
(function () {
  const FIELDS = ["headline", "standfirst", "dateline", "dateline_source", "body", "seo_title", "social_headline"];
  const WAIT_MS = 800;

  function start() {
    const panel = document.querySelector(".live-preview[data-url]");
    const storyForm = document.getElementById("article_form");
    if (!panel || !storyForm) return;
    panel.hidden = false; // without scripts there is nothing to show
    const frame = panel.querySelector("iframe");
    const box = panel.querySelector(".live-preview__frame");
    let width = 390;
    let timer = null;

    function fit() {
      const room = box.clientWidth || width;
      const scale = Math.min(1, room / width);
      frame.style.width = `${width}px`;
      frame.style.height = `${Math.round(900 / scale)}px`;
      frame.style.transform = `scale(${scale})`;
      box.style.height = `${Math.round(900)}px`;
    }

    function post() {
      // A form of its own, outside the story form: nothing of it is submitted with the story.
      const sender = document.createElement("form");
      sender.method = "post";
      sender.action = panel.dataset.url;
      sender.target = frame.name;
      sender.hidden = true;
      const token = storyForm.querySelector("[name=csrfmiddlewaretoken]");
      const values = [["csrfmiddlewaretoken", token ? token.value : ""]];
      FIELDS.forEach(function (name) {
        const field = storyForm.elements[name];
        if (field) values.push([name, field.value]);
      });
      values.forEach(function ([name, value]) {
        const input = document.createElement("input");
        input.type = "hidden";
        input.name = name;
        input.value = value;
        sender.appendChild(input);
      });
      document.body.appendChild(sender);
      sender.submit();
      sender.remove();
    }

    function soon() {
      clearTimeout(timer);
      timer = setTimeout(post, WAIT_MS);
    }

    storyForm.addEventListener("input", soon);
    // The rich-text editor writes the body field without an input event of its own.
    const body = document.getElementById("id_body");
    if (body && body.parentElement) {
      new MutationObserver(soon).observe(body.parentElement, { childList: true, subtree: true, characterData: true });
    }
    panel.querySelectorAll("[data-width]").forEach(function (button) {
      button.addEventListener("click", function () {
        width = Number(button.dataset.width);
        panel.querySelectorAll("[data-width]").forEach((b) => b.setAttribute("aria-pressed", String(b === button)));
        fit();
      });
    });
    window.addEventListener("resize", fit);
    fit();
    post();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
