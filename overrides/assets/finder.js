/* Upper Back Atlas finder: filters its own index (api/finder.json, not the export) by muscle, role, equipment, level, kind of work and
   text; keeps its state in the URL. Builds every element with DOM calls and textContent (no HTML strings).
   The text box matches as the site search does: each word is the start of a word in the exercise's names,
   summary, primary muscles (with their groups' names and aliases) or equipment; plurals and doubled
   letters don't matter. On a phone the filters fold into a panel and the first result stays in view.
   The address goes through one parser (readState) that keeps only the options the form offers and says what it
   left out; lookups by id use tables without prototypes, so "constructor" or "__proto__" is just an unknown id. */
(function () {
  "use strict";
  var SHOWN_AT_FIRST = 60;
  var FORMAT = 1;        /* the shape of api/finder.json this script reads (FORMAT in hooks/atlas/pages/finder_index.py) */
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

  /* Every name a muscle's number stands for: its own and its aliases, and a part's group's too. */
  function muscleNames(data) {
    return data.muscles.map(function (muscle) {
      return muscle.group === undefined ? muscle.names : muscle.names.concat(data.muscles[muscle.group].names);
    });
  }

  /* An exercise's words from their codes: each `width` base-62 digits, a number into the vocabulary. */
  var DIGITS = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
  function decodeWords(codes, vocabulary, width) {
    var words = [];
    for (var at = 0; at < codes.length; at += width) {
      var number = 0;
      for (var d = 0; d < width; d++) { number = number * DIGITS.length + DIGITS.indexOf(codes.charAt(at + d)); }
      words.push(vocabulary[number]);
    }
    return words;
  }

  /* The finder's index (api/finder.json, written by hooks/atlas/pages/finder_index.py) as lists of numbers: for each
     exercise its level, kind of work, muscles by role, and sets of equipment (its own, then each alternative). */
  function prepare(data, equipmentNames) {
    var columns = data.exercises;
    var names = muscleNames(data);
    var items = [];
    for (var i = 0; i < columns.id.length; i++) {
      var primary = columns.primary[i];
      var words = [columns.name[i]].concat(decodeWords(columns.words[i], data.vocabulary, data.width));
      primary.forEach(function (m) { words = words.concat(names[m]); });
      columns.equipment[i].forEach(function (q) { words.push(equipmentNames[q]); });
      items.push({ id: columns.id[i], name: columns.name[i], level: columns.level[i], category: columns.category[i],
                   equipment: columns.equipment[i], sets: [columns.equipment[i]].concat(columns.alternatives[i]),
                   roles: { primary: primary, any: primary.concat(columns.helping[i]), stretched: columns.stretched[i] },
                   text: fold(words.join(" ")), node: null });
    }
    return items;
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
    this.siteRoot = new URL("../", new URL(root.getAttribute("data-index"), window.location.href));
    this.folder = data.folder;
    this.toggle = root.querySelector(".uba-finder-toggle");
    this.panel = root.querySelector(".uba-finder-panel");
    this.bar = root.querySelector(".uba-finder-bar");
    this.active = root.querySelector(".uba-finder-active");
    this.ignoredNote = root.querySelector(".uba-finder-ignored");
    this.levels = data.levels;
    this.equipmentNames = data.equipment.map(function (item) { return item.name.toLowerCase(); });
    this.isFree = new Uint8Array(data.equipment.map(function (item) { return item.free ? 1 : 0; }));
    this.free = table();
    /* Each option's number in its table, by facet: the form's values are ids and names. */
    this.numbers = { muscle: table(), equipment: table(), level: table(), category: table() };
    var self = this;
    data.muscles.forEach(function (muscle, n) { self.numbers.muscle[muscle.id] = n; });
    data.equipment.forEach(function (item, n) { self.numbers.equipment[item.id] = n; if (item.free) { self.free[item.id] = true; } });
    data.levels.forEach(function (level, n) { self.numbers.level[level] = n; });
    data.categories.forEach(function (category, n) { self.numbers.category[category] = n; });
    this.items = prepare(data, this.equipmentNames);
    /* Counts by option number; the slot after the last counts for every option of the facet (for the muscle, "Any"). */
    this.counts = { muscle: new Int32Array(data.muscles.length + 1), equipment: new Int32Array(data.equipment.length + 1),
                    level: new Int32Array(data.levels.length + 1), category: new Int32Array(data.categories.length + 1) };
    this.textQuery = null;
    this.textMatches = null;
    this.labels = table();
    this.form.querySelectorAll("input").forEach(function (input) {
      var label = input.closest("label");
      if (label) { self.labels[input.name + "=" + input.value] = label.firstChild.nextSibling.textContent.trim(); }
    });
    this.badges = Array.from(root.querySelectorAll("[data-count-for]")).map(function (node) {
      var key = node.getAttribute("data-count-for").split("=");
      var counts = self.counts[key[0]];
      var n = self.numbers[key[0]][key[1]];
      return { node: node, counts: counts, slot: n === undefined ? -1 : n, all: counts.length - 1, text: "" };
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

  /* Which exercises the text box matches, kept while the words stay the same (a click on a filter keeps them). */
  Finder.prototype.matchText = function (q) {
    if (q === this.textQuery) { return this.textMatches; }
    var words = queryWords(q);
    var matches = null;
    if (words.length) {
      matches = new Uint8Array(this.items.length);
      for (var i = 0; i < this.items.length; i++) {
        var text = this.items[i].text;
        var ok = true;
        for (var w = 0; w < words.length && ok; w++) {
          ok = false;
          for (var f = 0; f < words[w].length && !ok; f++) { ok = text.indexOf(words[w][f]) !== -1; }
        }
        matches[i] = ok ? 1 : 0;
      }
    }
    this.textQuery = q;
    this.textMatches = matches;
    return matches;
  };

  function numbersOf(values, numbers, size) {
    var chosen = new Uint8Array(size);
    values.forEach(function (value) { if (numbers[value] !== undefined) { chosen[numbers[value]] = 1; } });
    return chosen;
  }

  Finder.prototype.update = function () {
    /* One tight pass over the exercises, in numbers, gives the results and, for every option, how many there would be
       with it: an exercise counts for an option of a facet when it passes every other facet. */
    var state = this.fromForm();
    var counts = this.counts;
    for (var name in counts) { counts[name].fill(0); }
    var muscles = counts.muscle, equipment = counts.equipment, levelCounts = counts.level, categoryCounts = counts.category;
    var anyMuscle = muscles.length - 1, allEquipment = equipment.length - 1, allLevels = levelCounts.length - 1, allCategories = categoryCounts.length - 1;
    var had = numbersOf(state.equipment, this.numbers.equipment, this.isFree.length);
    for (var q = 0; q < had.length; q++) { had[q] = had[q] | this.isFree[q]; }
    var levels = numbersOf(state.level, this.numbers.level, this.levels.length);
    var categories = numbersOf(state.category, this.numbers.category, allCategories);
    var muscle = state.muscle ? this.numbers.muscle[state.muscle] : -1;
    var byLevel = state.level.length > 0, byCategory = state.category.length > 0, byEquipment = state.equipment.length > 0;
    var role = state.role;
    var text = this.matchText(state.q);
    var found = [];
    var singles = [];
    for (var i = 0; i < this.items.length; i++) {
      if (text !== null && text[i] === 0) { continue; }
      var item = this.items[i];
      /* What the exercise still needs, in the set of equipment (its own or an alternative) that needs least;
         items found in any room (free) are never missing. */
      var missing = Infinity;
      singles.length = 0;
      for (var k = 0; k < item.sets.length; k++) {
        var set = item.sets[k];
        var lacking = -1;
        var count = 0;
        for (var j = 0; j < set.length; j++) {
          if (had[set[j]] === 0) { count += 1; lacking = set[j]; }
        }
        if (count < missing) { missing = count; }
        if (count === 1 && singles.indexOf(lacking) === -1) { singles.push(lacking); }
      }
      var roleMuscles = item.roles[role];
      var muscleOk = muscle < 0 || roleMuscles.indexOf(muscle) !== -1;
      var equipmentOk = !byEquipment || missing === 0;
      var levelOk = !byLevel || levels[item.level] === 1;
      var categoryOk = !byCategory || categories[item.category] === 1;
      var failed = (muscleOk ? 0 : 1) + (equipmentOk ? 0 : 1) + (levelOk ? 0 : 1) + (categoryOk ? 0 : 1);
      if (failed > 1) { continue; }
      if (failed === 0) { found.push(item); }
      if (failed === 0 || !muscleOk) {
        muscles[anyMuscle] += 1;
        for (var m = 0; m < roleMuscles.length; m++) { muscles[roleMuscles[m]] += 1; }
      }
      if (failed === 0 || !equipmentOk) {
        if (missing === 0) { equipment[allEquipment] += 1; } else { for (var s = 0; s < singles.length; s++) { equipment[singles[s]] += 1; } }
      }
      if (failed === 0 || !levelOk) {
        if (byLevel && levels[item.level] === 1) { levelCounts[allLevels] += 1; } else { levelCounts[item.level] += 1; }
      }
      if (failed === 0 || !categoryOk) {
        if (byCategory && categories[item.category] === 1) { categoryCounts[allCategories] += 1; } else { categoryCounts[item.category] += 1; }
      }
    }
    for (var b = 0; b < this.badges.length; b++) {
      var badge = this.badges[b];
      var value = badge.counts === muscles ? (badge.slot < 0 ? muscles[anyMuscle] : muscles[badge.slot])
        : (badge.slot < 0 ? 0 : badge.counts[badge.slot]) + badge.counts[badge.all];
      var label = "(" + value + ")";
      if (badge.text !== label) { badge.node.textContent = label; badge.text = label; }
    }
    this.render(found, state);
    var active = (state.muscle ? 1 : 0) + state.equipment.length + state.level.length + state.category.length;
    var activeText = active ? " (" + active + ")" : "";
    if (this.active.textContent !== activeText) { this.active.textContent = activeText; }
  };

  /* The first results (all of them after "Show all"). Each exercise keeps its own list item once made, so a change
     only moves items in and out; the routine builder's "Add to my routine" button on an item stays its own. */
  Finder.prototype.render = function (found, state) {
    var noun = found.length === 1 ? " exercise" : " exercises";
    this.count.textContent = found.length + noun + (found.length === this.items.length ? "" : " match");
    this.empty.hidden = found.length !== 0;
    while (this.clear.firstChild) { this.clear.removeChild(this.clear.firstChild); }
    if (!found.length) { this.offerClears(state); }
    var shown = this.showAll ? found.length : Math.min(found.length, SHOWN_AT_FIRST);
    var rows = this.list.children;
    for (var i = 0; i < shown; i++) {
      var node = found[i].node || this.listItem(found[i]);
      if (rows[i] !== node) { this.list.insertBefore(node, rows[i] || null); }
    }
    while (rows.length > shown) { this.list.removeChild(this.list.lastChild); }
    this.more.hidden = shown === found.length;
    this.more.textContent = "Show all " + found.length;
  };

  /* An exercise's list item: its name as a link to its page, then its level and equipment. */
  Finder.prototype.listItem = function (item) {
    var self = this;
    var li = document.createElement("li");
    var link = document.createElement("a");
    link.href = new URL(this.folder + item.id + "/", this.siteRoot).href;
    link.textContent = item.name;
    var note = document.createElement("span");
    note.className = "uba-finder-note";
    var equipment = item.equipment.filter(function (q) { return q !== self.numbers.equipment.none; })
      .map(function (q) { return self.equipmentNames[q]; }).join(", ") || "no equipment";
    note.textContent = " · " + this.levels[item.level] + ", " + equipment;
    li.appendChild(link);
    li.appendChild(note);
    item.node = li;
    return li;
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
    fetch(root.getAttribute("data-index")).then(function (response) { return response.json(); }).then(function (data) {
      if (!document.body.contains(root) || data.format !== FORMAT) { return; }
      current = new Finder(root, data);
      current.start();
    }, function () { /* the data could not be read: the list that needs no JavaScript stays */ });
  }
  if (typeof document$ !== "undefined") { document$.subscribe(init); } else { document.addEventListener("DOMContentLoaded", init); }
})();
