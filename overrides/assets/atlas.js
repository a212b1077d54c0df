/* Upper Back Atlas: small behaviours. Re-run on every page, also under Material's instant navigation. */
(function () {
  function init() {
    document.querySelectorAll("[data-uba-print]").forEach(function (button) {
      button.onclick = function () { window.print(); };
    });
    /* A sheet's page opened by a "Print sheet" button (?print=1) prints once, when its fonts are ready; the address
       then loses the question, so that reloading or going back does not print again. */
    var address = new URL(window.location.href);
    if (address.searchParams.get("print") === "1" && document.querySelector(".uba-sheet-page")) {
      address.searchParams.delete("print");
      window.history.replaceState(window.history.state, "", address.href);
      document.fonts.ready.then(function () { window.print(); });
    }
  }
  if (typeof document$ !== "undefined") { document$.subscribe(init); }
  else { document.addEventListener("DOMContentLoaded", init); }
})();
