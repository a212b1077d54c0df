/* Upper Back Atlas: small behaviours. Re-run on every page, also under Material's instant navigation. */
(function () {
  function init() {
    document.querySelectorAll("[data-uba-print]").forEach(function (button) {
      button.onclick = function () { window.print(); };
    });
    var name = document.querySelector(".uba-map-name");
    document.querySelectorAll("a.uba-region").forEach(function (region) {
      var say = function () { if (name) { name.textContent = region.getAttribute("aria-label"); } };
      region.addEventListener("mouseenter", say);
      region.addEventListener("focus", say);
      /* SVG links carry their href as an SVGAnimatedString, which instant navigation misreads: follow it here. */
      region.addEventListener("click", function (event) {
        if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) { return; }
        event.preventDefault();
        event.stopPropagation();
        window.location.assign(new URL(region.getAttribute("href"), window.location.href).href);
      });
    });
  }
  if (typeof document$ !== "undefined") { document$.subscribe(init); }
  else { document.addEventListener("DOMContentLoaded", init); }
})();
