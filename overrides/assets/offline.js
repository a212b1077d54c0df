/* Upper Back Atlas: register the service worker (sw.js at the site root) so the site works offline. */
(function () {
  if (!("serviceWorker" in navigator)) { return; }
  var script = document.currentScript;
  var worker = new URL("../sw.js", script ? script.src : window.location.href);
  window.addEventListener("load", function () {
    navigator.serviceWorker.register(worker.href, { scope: new URL("./", worker).pathname }).catch(function () { /* offline use is optional */ });
  });
})();
