/* Upper Back Atlas finder: filters /api/exercises.json by muscle, role, equipment, level, kind of work and
   text; keeps its state in the URL. Builds every element with DOM calls and textContent (no HTML strings).
   The text box matches as the site search does: each word is the start of a word in the exercise's names,
   summary, primary muscles (with their groups' names and aliases) or equipment; plurals and doubled
   letters don't matter. On a phone the filters fold into a panel and the first result stays in view.
   The address goes through one parser (readState) that keeps only the options the form offers and says what it
   left out; lookups by id use tables without prototypes, so "constructor" or "__proto__" is just an unknown id. */
(function () {
  "use strict";
  var SHOWN_AT_FIRST = 60;
  var MULTI = ["equipment", "level", "category"];
  var MAX_QUERY = 200;   /* characters of the text box kept from an address */
  var MAX_SHOWN = 40;    /* characters of a left-out value quoted in the note */

  function table() { return Object.create(null); }

  /* The state an address asks for, keeping only what the form offers (`known`: option values by field name, each a
     table); `ignored` lists what it asked for that was left out, as the note shows it. */
  function readState(search, known) {
    var params = new URLSearchParams(search);
    var ignored = [];
    function pick(name, value) {
      if (known[name][value] === true) { return true; }
      ignored.push(name + " “" + (value.length > MAX_SHOWN ? value.slice(0, MAX_SHOWN) + "…" : value) + "”");
      return false;
    }
    var q = params.get("q") || "";
    if (q.length > MAX_QUERY) { ignored.push("the words after the first " + MAX_QUERY + " characters"); q = q.slice(0, MAX_QUERY); }
    var muscle = params.get("muscle") || "";
    var role = params.get("role") || "primary";
    var state = { q: q, muscle: muscle && pick("muscle", muscle) ? muscle : "", role: pick("role", role) ? role : "primary" };
    MULTI.forEach(function (name) {
      state[name] = params.getAll(name).filter(function (value, index, all) { return all.indexOf(value) === index && pick(name, value); });
    });
    return { state: state, ignored: ignored };
  }

  function stateQuery(state) {
    var params = new URLSearchParams();
    if (state.muscle) { params.set("muscle", state.muscle); }
    if (state.role !== "primary") { params.set("role", state.role); }
    MULTI.forEach(function (name) { state[name].forEach(function (value) { params.append(name, value); }); });
    if (state.q) { params.set("q", state.q); }
    var query = params.toString();
    return query ? "?" + query : "";
  }

  var PHONE = "(max-width: 59.9375em)";

  function fold(text) {
    return " " + text.toLowerCase().replace(/[^a-z0-9]+/g, " ").replace(/([a-z])\1/g, "$1").trim();
  }

  function queryWords(q) {
    return fold(q).split(" ").filter(Boolean).map(function (word) {
      var forms = [word];
      if (word.length > 3 && /s$/.test(word)) { forms.push(word.slice(0, -1)); }
      if (word.length > 4 && /(ses|xes|ches|shes)$/.test(word)) { forms.push(word.slice(0, -2)); }
      if (word.length > 4 && /ies$/.test(word)) { forms.push(word.slice(0, -3) + "y"); }
      return forms.map(function (form) { return " " + form; });
    });
  }

  function muscleNames(data) {
    var names = table();
    data.muscles.forEach(function (group) {
      names[group.id] = [group.name].concat(group.aliases);
      group.parts.forEach(function (part) { names[part.id] = [part.name].concat(part.aliases, names[group.id]); });
    });
    return names;
  }

  function prepare(exercise, muscles, equipmentNames) {
    var primary = new Set(exercise.muscles.primary.concat(exercise.groups.primary));
    var any = new Set(Array.from(primary).concat(exercise.muscles.secondary, exercise.groups.secondary));
    var stretched = new Set(exercise.muscles.stretched.concat(exercise.groups.stretched));
    var words = [exercise.name].concat(exercise.aliases, [exercise.summary]);
    primary.forEach(function (id) { words = words.concat(muscles[id] || []); });
    exercise.equipment.forEach(function (id) { words.push(equipmentNames[id] || id); });
    var text = fold(words.join(" "));
    var keys = function (set) { return ["muscle="].concat(Array.from(set).map(function (id) { return "muscle=" + id; })); };
    return { exercise: exercise, sets: [exercise.equipment].concat(exercise.equipment_alternatives || []), byRole: { primary: primary, any: any, stretched: stretched },
             roleKeys: { primary: keys(primary), any: keys(any), stretched: keys(stretched) }, text: text,
             levelKey: "level=" + exercise.level, categoryKey: "category=" + exercise.category };
  }

  function add(counts, key) { counts[key] = (counts[key] || 0) + 1; }

  function addAll(counts, keys) {
    for (var k = 0; k < keys.length; k++) { counts[keys[k]] = (counts[keys[k]] || 0) + 1; }
  }

  function toSet(values) {
    var set = table();
    values.forEach(function (value) { set[value] = true; });
    return set;
  }

  function Finder(root, data) {
    this.root = root;
    this.form = root.querySelector("form");
    this.output = root.querySelector(".uba-finder-output");
    this.list = root.querySelector(".uba-finder-results");
    this.count = root.querySelector(".uba-finder-count");
    this.empty = root.querySelector(".uba-finder-empty");
    this.clear = root.querySelector(".uba-finder-clear");
    this.more = root.querySelector(".uba-finder-more");
    this.siteRoot = new URL("../", new URL(root.getAttribute("data-api"), window.location.href));
    this.toggle = root.querySelector(".uba-finder-toggle");
    this.panel = root.querySelector(".uba-finder-panel");
    this.bar = root.querySelector(".uba-finder-bar");
    this.active = root.querySelector(".uba-finder-active");
    this.ignoredNote = root.querySelector(".uba-finder-ignored");
    this.equipmentNames = table();
    this.free = table();
    this.labels = table();
    var self = this;
    data.equipment.forEach(function (item) {
      self.equipmentNames[item.id] = item.name.toLowerCase();
      if (item.no_equipment === true || item.id === "none") { self.free[item.id] = true; }
    });
    var muscles = muscleNames(data);
    this.items = data.exercises.map(function (exercise) { return prepare(exercise, muscles, self.equipmentNames); });
    this.form.querySelectorAll("input").forEach(function (input) {
      var label = input.closest("label");
      if (label) { self.labels[input.name + "=" + input.value] = label.firstChild.nextSibling.textContent.trim(); }
    });
    this.badges = Array.from(root.querySelectorAll("[data-count-for]"));
    this.badgeKeys = this.badges.map(function (badge) { return badge.getAttribute("data-count-for"); });
    this.optionKeys = table();
    MULTI.forEach(function (name) {
      self.optionKeys[name] = Array.from(self.form.querySelectorAll("input[name=" + name + "]")).map(function (input) { return name + "=" + input.value; });
    });
    this.known = table();
    ["muscle", "role"].concat(MULTI).forEach(function (name) {
      self.known[name] = toSet(Array.from(self.form.querySelectorAll("input[name=" + name + "]")).map(function (input) { return input.value; }));
    });
    this.showAll = false;
  }

  Finder.prototype.start = function () {
    var self = this;
    this.form.hidden = false;
    this.output.hidden = false;
    this.form.querySelectorAll("input[name=equipment]").forEach(function (input) {
      if (input.value !== "none" && self.free[input.value]) { input.closest("label").hidden = true; }
    });
    this.toggle.addEventListener("click", function () { self.openPanel(self.toggle.getAttribute("aria-expanded") !== "true"); });
    this.root.querySelector(".uba-finder-done").addEventListener("click", function () {
      self.openPanel(false);
      self.list.scrollIntoView({ block: "start" });
      self.toggle.focus({ preventScroll: true });
    });
    document.querySelectorAll(".uba-finder-static").forEach(function (node) { node.hidden = true; });
    this.fromAddress();
    this.form.addEventListener("change", function (event) { self.changed(event.target.name !== "q"); self.keepInView(); });
    this.form.addEventListener("input", function (event) { if (event.target.name === "q") { self.changed(false); } });
    this.form.addEventListener("submit", function (event) { event.preventDefault(); });
    this.more.addEventListener("click", function () { self.showAll = true; self.update(); });
    this.onPop = function () { self.fromAddress(); self.update(); };
    window.addEventListener("popstate", this.onPop);
    this.update();
  };

  Finder.prototype.stop = function () { window.removeEventListener("popstate", this.onPop); };

  /* The form as the address asks, with a note of what the address asked for that the finder does not offer. */
  Finder.prototype.fromAddress = function () {
    var read = readState(window.location.search, this.known);
    this.toForm(read.state);
    this.ignoredNote.textContent = read.ignored.length ? "Not on this site, so left out of the filters: " + read.ignored.join(", ") + "." : "";
    this.ignoredNote.hidden = !read.ignored.length;
  };

  Finder.prototype.openPanel = function (open) {
    this.toggle.setAttribute("aria-expanded", open ? "true" : "false");
    this.panel.classList.toggle("uba-finder-panel--open", open);
    if (open) { this.keepInView(); }
  };

  /* On a phone, after a tap the first result (or the message that nothing matches) shows between the
     sticky count and the open panel. */
  Finder.prototype.keepInView = function () {
    if (!window.matchMedia(PHONE).matches) { return; }
    var first = this.list.firstElementChild || this.empty;
    var top = this.bar.getBoundingClientRect().bottom;
    var bottom = this.panel.classList.contains("uba-finder-panel--open") ? this.panel.getBoundingClientRect().top : window.innerHeight;
    var box = first.getBoundingClientRect();
    if (box.top < top || box.bottom > bottom) { window.scrollBy(0, box.top - top - 8); }
  };

  Finder.prototype.fromForm = function () {
    var form = this.form;
    var muscle = form.querySelector("input[name=muscle]:checked");
    var role = form.querySelector("input[name=role]:checked");
    var state = { q: form.elements.q.value.trim(), muscle: muscle ? muscle.value : "", role: role ? role.value : "primary" };
    MULTI.forEach(function (name) {
      state[name] = Array.from(form.querySelectorAll("input[name=" + name + "]:checked")).map(function (input) { return input.value; });
    });
    return state;
  };

  Finder.prototype.toForm = function (state) {
    var form = this.form;
    form.elements.q.value = state.q;
    form.querySelectorAll("input[type=radio], input[type=checkbox]").forEach(function (input) {
      var wanted = input.name === "muscle" ? [state.muscle] : input.name === "role" ? [state.role] : state[input.name] || [];
      input.checked = wanted.indexOf(input.value) !== -1;
    });
  };

  Finder.prototype.changed = function (push) {
    var state = this.fromForm();
    this.ignoredNote.hidden = true;
    var url = window.location.pathname + stateQuery(state) + window.location.hash;
    if (push) { window.history.pushState(null, "", url); } else { window.history.replaceState(null, "", url); }
    this.showAll = false;
    this.update();
  };

  Finder.prototype.update = function () {
    /* One tight pass over the exercises gives the results and, for every option, how many there would be
       with it: an exercise counts for an option of a facet when it passes every other facet. */
    var state = this.fromForm();
    var counts = table();
    var equipmentHad = toSet(state.equipment);
    var levels = toSet(state.level);
    var categories = toSet(state.category);
    var words = queryWords(state.q);
    var free = this.free;
    var allEquipment = this.optionKeys.equipment;
    var found = [];
    for (var i = 0; i < this.items.length; i++) {
      var item = this.items[i];
      var e = item.exercise;
      /* What the exercise still needs, in the set of equipment (its own or an alternative) that needs least;
         items found in any room (no_equipment) are never missing. */
      var missing = Infinity;
      var singles = null;
      for (var k = 0; k < item.sets.length; k++) {
        var lacking = null;
        var count = 0;
        for (var j = 0; j < item.sets[k].length; j++) {
          var id = item.sets[k][j];
          if (equipmentHad[id] !== true && free[id] !== true) { count += 1; lacking = id; }
        }
        if (count < missing) { missing = count; }
        if (count === 1) { (singles = singles || table())[lacking] = true; }
      }
      var textOk = true;
      for (var w = 0; w < words.length && textOk; w++) {
        textOk = false;
        for (var f = 0; f < words[w].length && !textOk; f++) { textOk = item.text.indexOf(words[w][f]) !== -1; }
      }
      if (!textOk) { continue; }
      var muscleOk = !state.muscle || item.byRole[state.role].has(state.muscle);
      var equipmentOk = !state.equipment.length || missing === 0;
      var levelOk = !state.level.length || levels[e.level] === true;
      var categoryOk = !state.category.length || categories[e.category] === true;
      var failed = (muscleOk ? 0 : 1) + (equipmentOk ? 0 : 1) + (levelOk ? 0 : 1) + (categoryOk ? 0 : 1);
      if (failed > 1) { continue; }
      if (failed === 0) { found.push(item); }
      if (failed === 0 || !muscleOk) { addAll(counts, item.roleKeys[state.role]); }
      if (failed === 0 || !equipmentOk) {
        if (missing === 0) { addAll(counts, allEquipment); } else if (singles) { for (var only in singles) { add(counts, "equipment=" + only); } }
      }
      if (failed === 0 || !levelOk) {
        if (state.level.length && levels[e.level] === true) { addAll(counts, this.optionKeys.level); } else { add(counts, item.levelKey); }
      }
      if (failed === 0 || !categoryOk) {
        if (state.category.length && categories[e.category] === true) { addAll(counts, this.optionKeys.category); } else { add(counts, item.categoryKey); }
      }
    }
    for (var b = 0; b < this.badges.length; b++) {
      var text = "(" + (counts[this.badgeKeys[b]] || 0) + ")";
      if (this.badges[b].textContent !== text) { this.badges[b].textContent = text; }
    }
    this.render(found, state);
    var active = (state.muscle ? 1 : 0) + state.equipment.length + state.level.length + state.category.length;
    this.active.textContent = active ? " (" + active + ")" : "";
  };

  Finder.prototype.render = function (found, state) {
    var self = this;
    var noun = found.length === 1 ? " exercise" : " exercises";
    this.count.textContent = found.length + noun + (found.length === this.items.length ? "" : " match");
    this.empty.hidden = found.length !== 0;
    while (this.clear.firstChild) { this.clear.removeChild(this.clear.firstChild); }
    if (!found.length) { this.offerClears(state); }
    var shown = this.showAll ? found : found.slice(0, SHOWN_AT_FIRST);
    var fragment = document.createDocumentFragment();
    shown.forEach(function (item) {
      var e = item.exercise;
      var li = document.createElement("li");
      var link = document.createElement("a");
      link.href = new URL(e.url, self.siteRoot).href;
      link.textContent = e.name;
      var note = document.createElement("span");
      note.className = "uba-finder-note";
      var equipment = e.equipment.filter(function (id) { return id !== "none"; }).map(function (id) { return self.equipmentNames[id] || id; }).join(", ") || "no equipment";
      note.textContent = " · " + e.level + ", " + equipment;
      li.appendChild(link);
      li.appendChild(note);
      fragment.appendChild(li);
    });
    this.list.replaceChildren(fragment);
    this.more.hidden = shown.length === found.length;
    this.more.textContent = "Show all " + found.length;
  };

  Finder.prototype.offerClears = function (state) {
    var self = this;
    var active = [];
    if (state.q) { active.push(["q", "the words “" + state.q + "”"]); }
    if (state.muscle) { active.push(["muscle", self.labels["muscle=" + state.muscle] || state.muscle]); }
    MULTI.forEach(function (name) { if (state[name].length) { active.push([name, name === "category" ? "kind of work" : name]); } });
    active.forEach(function (pair) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "md-button";
      button.textContent = "Clear " + pair[1];
      button.addEventListener("click", function () {
        var next = self.fromForm();
        if (pair[0] === "q" || pair[0] === "muscle") { next[pair[0]] = ""; } else { next[pair[0]] = []; }
        self.toForm(next);
        self.changed(true);
      });
      self.clear.appendChild(button);
    });
  };

  var current = null;
  function init() {
    if (current) { current.stop(); current = null; }
    var root = document.querySelector("[data-uba-finder]");
    if (!root) { return; }
    fetch(root.getAttribute("data-api")).then(function (response) { return response.json(); }).then(function (data) {
      if (!document.body.contains(root)) { return; }
      current = new Finder(root, data);
      current.start();
    }, function () { /* the data could not be read: the list that needs no JavaScript stays */ });
  }
  if (typeof document$ !== "undefined") { document$.subscribe(init); } else { document.addEventListener("DOMContentLoaded", init); }
})();
