/* Upper Back Atlas: small behaviours. Re-run on every page, also under Material's instant navigation. */
(function () {
  function init() {
    document.querySelectorAll("[data-uba-print]").forEach(function (button) {
      button.onclick = function () { window.print(); };
    });
  }
  if (typeof document$ !== "undefined") { document$.subscribe(init); }
  else { document.addEventListener("DOMContentLoaded", init); }
})();
