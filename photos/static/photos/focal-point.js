/* Focal point picker for the photo admin: a click on the preview sets the
   focal point fields (per cent across and down). Without JavaScript the
   staffer types the numbers into the same fields. */
(function () {
  "use strict";

  function place(marker, x, y) {
    marker.style.left = x + "%";
    marker.style.top = y + "%";
    marker.hidden = false;
  }

  function setUp(frame) {
    var image = frame.querySelector("img");
    var marker = frame.querySelector(".focal-point__marker");
    var fieldX = document.getElementById("id_focal_x");
    var fieldY = document.getElementById("id_focal_y");
    if (!image || !marker || !fieldX || !fieldY) {
      return;
    }
    frame.classList.add("focal-point--active");
    place(marker, frame.dataset.x, frame.dataset.y);
    image.addEventListener("click", function (event) {
      var box = image.getBoundingClientRect();
      var x = Math.round(((event.clientX - box.left) / box.width) * 100);
      var y = Math.round(((event.clientY - box.top) / box.height) * 100);
      x = Math.min(100, Math.max(0, x));
      y = Math.min(100, Math.max(0, y));
      fieldX.value = x;
      fieldY.value = y;
      place(marker, x, y);
    });
    [fieldX, fieldY].forEach(function (field) {
      field.addEventListener("input", function () {
        place(marker, fieldX.value || 50, fieldY.value || 50);
      });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll(".focal-point").forEach(setUp);
  });
})();
