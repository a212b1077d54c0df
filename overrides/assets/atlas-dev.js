// Development server only: show the problems of the last failed rebuild over the last good page.
(function () {
  "use strict";
  var script = document.currentScript;
  var template = document.getElementById("uba-problems-template");
  if (!script || !template) return;
  fetch(script.getAttribute("data-problems"), { cache: "no-store" })
    .then(function (response) { return response.ok ? response.json() : { problems: [] }; })
    .then(function (data) {
      var problems = (data && data.problems) || [];
      document.documentElement.setAttribute("data-uba-problems", String(problems.length));
      if (!problems.length || document.querySelector(".uba-problems")) return;
      var banner = template.content.firstElementChild.cloneNode(true);
      var list = banner.querySelector(".uba-problems__list");
      problems.forEach(function (problem) {
        var item = document.createElement("li");
        item.textContent = String(problem);
        list.appendChild(item);
      });
      document.body.insertBefore(banner, document.body.firstChild);
    })
    .catch(function () {});
})();
