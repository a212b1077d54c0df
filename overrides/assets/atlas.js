/* Upper Back Atlas: small behaviours. Re-run on every page, also under Material's instant navigation. */
(function () {
  function init() {
    document.querySelectorAll("[data-uba-print]").forEach(function (button) {
      button.onclick = function () { window.print(); };
    });
    var url = document.querySelector(".uba-sheet-url");
    if (url) { url.textContent = window.location.href.split("#")[0]; }
    var name = document.querySelector(".uba-map-name");
    document.querySelectorAll("a.uba-region").forEach(function (region) {
      var say = function () { if (name) { name.textContent = region.getAttribute("aria-label"); } };
      region.addEventListener("mouseenter", say);
      region.addEventListener("focus", say);
    });
  }
  if (typeof document$ !== "undefined") { document$.subscribe(init); }
  else { document.addEventListener("DOMContentLoaded", init); }
})();
