/* Upper Back Atlas: the map that leads to every muscle page (overrides/partials/muscle-map.html).
   The legend's HTML links are the real links (keyboard, touch, no JavaScript). Here a shape or number on the
   drawing follows the link with its number, and a link and its shapes light up together. The drawing has no
   SVG links: Material's instant navigation sets .href on every link and fails on SVG ones. */
(function () {
  function lit(map, number, on) {
    map.querySelectorAll('[data-link="' + number + '"]').forEach(function (element) {
      element.classList.toggle("uba-shape--lit", on);
      if (element.classList.contains("uba-hit")) {
        /* The shape is drawn inside a shared drawing (<use>): its colour is a custom property of the map's <svg>. */
        var shade = on ? "var(--uba-focus)" : "var(--uba-tint-" + element.getAttribute("data-tint") + ")";
        element.ownerSVGElement.style.setProperty("--uba-m-" + element.getAttribute("data-muscle"), shade);
      }
    });
  }
  function init() {
    document.querySelectorAll(".uba-map").forEach(function (map) {
      if (!map.querySelector(".uba-map-legend")) { return; }
      map.querySelectorAll("[data-link]").forEach(function (element) {
        var number = element.getAttribute("data-link");
        element.addEventListener("mouseenter", function () { lit(map, number, true); });
        element.addEventListener("mouseleave", function () { lit(map, number, false); });
        if (element.tagName.toLowerCase() === "a") {
          element.addEventListener("focus", function () { lit(map, number, true); });
          element.addEventListener("blur", function () { lit(map, number, false); });
        } else {
          /* No focus listeners here: Chromium would make every shape a tab stop. */
          element.addEventListener("click", function () {
            var link = map.querySelector('.uba-map-legend a[data-link="' + number + '"]');
            if (link) { link.click(); }
          });
        }
      });
    });
  }
  if (typeof document$ !== "undefined") { document$.subscribe(init); }
  else { document.addEventListener("DOMContentLoaded", init); }
})();
