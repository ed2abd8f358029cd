/* Focal point picker for the photo admin: a click on the preview sets the
   focal point fields (per cent across and down). Without JavaScript the
   staffer types the numbers into the same fields. The picture may come
   later (a file just chosen, see photo-form.js): clicks are taken on the frame. */
(function () {
  "use strict";

  function place(marker, x, y) {
    marker.style.left = x + "%";
    marker.style.top = y + "%";
    marker.hidden = false;
  }

  function setUp(frame) {
    var marker = frame.querySelector(".focal-point__marker");
    var fieldX = document.getElementById("id_focal_x");
    var fieldY = document.getElementById("id_focal_y");
    if (!marker || !fieldX || !fieldY || frame.dataset.focalReady) {
      return;
    }
    frame.dataset.focalReady = "1";
    function show() {
      if (frame.querySelector("img")) {
        frame.classList.add("focal-point--active");
        place(marker, fieldX.value || frame.dataset.x || 50, fieldY.value || frame.dataset.y || 50);
      }
    }
    frame.addEventListener("click", function (event) {
      var image = frame.querySelector("img");
      if (!image || event.target !== image) return;
      var box = image.getBoundingClientRect();
      var x = Math.round(((event.clientX - box.left) / box.width) * 100);
      var y = Math.round(((event.clientY - box.top) / box.height) * 100);
      fieldX.value = Math.min(100, Math.max(0, x));
      fieldY.value = Math.min(100, Math.max(0, y));
      place(marker, fieldX.value, fieldY.value);
    });
    [fieldX, fieldY].forEach(function (field) {
      field.addEventListener("input", function () {
        place(marker, fieldX.value || 50, fieldY.value || 50);
      });
    });
    frame.addEventListener("focal-point:picture", show);
    show();
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll(".focal-point").forEach(setUp);
  });
})();
