/* Upper Back Atlas: offline use. Registers the service worker (sw.js at the site root, written by the build), says
   in the footer when the site is ready offline and when a new version has arrived, and saves a routine's exercise
   pages for offline use. The worker's messages are described in hooks/atlas/templates/service-worker.js.j2. */
(function () {
  if (!("serviceWorker" in navigator)) { return; }
  var script = document.currentScript;
  var worker = new URL("../sw.js", script ? script.src : window.location.href);
  var hadController = Boolean(navigator.serviceWorker.controller);
  var updated = false;

  /* One question to the active worker; the answer comes back on a channel of its own. */
  function ask(message) {
    return navigator.serviceWorker.ready.then(function (registration) {
      return new Promise(function (resolve) {
        var channel = new MessageChannel();
        channel.port1.onmessage = function (event) { resolve(event.data); };
        registration.active.postMessage(message, [channel.port2]);
      });
    });
  }

  function statusLine() {
    var line = document.querySelector(".uba-offline-status");
    if (!line) {
      var footer = document.querySelector(".md-footer-meta__inner") || document.body;
      line = document.createElement("p");
      line.className = "uba-offline-status";
      line.setAttribute("role", "status");
      footer.appendChild(line);
    }
    return line;
  }

  function showUpdate() {
    var line = statusLine();
    line.textContent = "A new version is available. ";
    var reload = document.createElement("button");
    reload.type = "button";
    reload.className = "uba-offline-reload";
    reload.textContent = "Reload";
    reload.addEventListener("click", function () { window.location.reload(); });
    line.appendChild(reload);
  }

  function showStatus() {
    if (updated) { showUpdate(); return; }
    ask({ type: "status" }).then(function (answer) {
      if (answer && answer.ready && !updated) { statusLine().textContent = "Saved for offline use"; }
    });
  }

  /* "Save this routine for offline" (or programme): the page itself, its printed sheets' pages (data-uba-keep) and
     every exercise page it links to. */
  function initSave() {
    document.querySelectorAll("[data-uba-save]").forEach(function (button) {
      var folder = new URL(button.getAttribute("data-uba-save"), window.location.href).pathname;
      var note = button.parentNode.querySelector(".uba-save-note");
      button.hidden = false;
      button.addEventListener("click", function () {
        var urls = [window.location.pathname];
        document.querySelectorAll("[data-uba-keep]").forEach(function (link) {
          var url = new URL(link.getAttribute("data-uba-keep"), window.location.href);
          if (url.origin === window.location.origin && urls.indexOf(url.pathname) < 0) { urls.push(url.pathname); }
        });
        var own = urls.length;
        document.querySelectorAll("article a[href]").forEach(function (link) {
          var url = new URL(link.href, window.location.href);
          var rest = url.pathname.slice(folder.length);
          if (url.origin === window.location.origin && url.pathname.indexOf(folder) === 0 && /^[a-z0-9-]+\/$/.test(rest)
              && urls.indexOf(url.pathname) < 0) {
            urls.push(url.pathname);
          }
        });
        button.disabled = true;
        note.textContent = "Saving…";
        ask({ type: "save", urls: urls }).then(function (answer) {
          button.disabled = false;
          note.textContent = answer.failed.length ? "Could not save " + answer.failed.length + " pages; try again online."
            : "Saved for offline use: this page, " + (own === 2 ? "its printable sheet" : "its " + (own - 1) + " printable sheets")
              + " and its " + (answer.saved - own) + " exercises.";
        });
      });
    });
  }

  navigator.serviceWorker.addEventListener("controllerchange", function () {
    if (hadController) { updated = true; showUpdate(); }
    hadController = true;
  });
  window.addEventListener("load", function () {
    navigator.serviceWorker.register(worker.href, { scope: new URL("./", worker).pathname }).then(function () {
      if (typeof document$ !== "undefined") { document$.subscribe(function () { showStatus(); initSave(); }); }
      else { showStatus(); initSave(); }
    }).catch(function () { /* offline use is optional */ });
  });
})();
