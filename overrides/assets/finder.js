/* Upper Back Atlas finder: filters its own index (api/finder.json, not the export) by muscle, role, equipment, level, kind of work and
   text; keeps its state in the URL. Builds every element with DOM calls and textContent (no HTML strings).
   The text box matches as the site search does: each word is the start of a word in the exercise's names,
   summary, primary muscles (with their groups' names and aliases) or equipment; plurals and doubled
   letters don't matter. On a phone the filters fold into a panel and the first result stays in view.
   The address goes through one parser (readState) that keeps only the options the form offers and says what it
   left out; lookups by id use tables without prototypes, so "constructor" or "__proto__" is just an unknown id. */
(function () {
  "use strict";
  var PAGE = 60;          /* results listed at first, and added by each "Show more" */
  var FORMAT = 2;        /* the shape of api/finder.json this script reads (FORMAT in hooks/atlas/pages/finder_index.py) */
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

  /* The finder's index (api/finder.json, written by hooks/atlas/pages/finder_index.py) as flat columns of numbers, so that
     one pass over thousands of exercises stays a tight loop: for each exercise its level and kind of work; its sets of
     equipment (its own, then each alternative) run together in `sets` from `setStart[i]`, each set its length then its
     items; its muscles by role likewise in `roles[role].list` from `roles[role].start[i]`; and its words to match. */
  function prepare(data, equipmentNames) {
    var columns = data.exercises;
    var names = muscleNames(data);
    var count = columns.id.length;
    var sets = [], setStart = new Int32Array(count + 1);
    var lists = { primary: [], any: [], stretched: [] };
    var starts = { primary: new Int32Array(count + 1), any: new Int32Array(count + 1), stretched: new Int32Array(count + 1) };
    var text = [];
    for (var i = 0; i < count; i++) {
      var primary = columns.primary[i];
      var words = [columns.name[i]].concat(decodeWords(columns.words[i], data.vocabulary, data.width));
      primary.forEach(function (m) { words = words.concat(names[m]); });
      columns.equipment[i].forEach(function (q) { words.push(equipmentNames[q]); });
      text.push(fold(words.join(" ")));
      setStart[i] = sets.length;
      [columns.equipment[i]].concat(columns.alternatives[i]).forEach(function (set) { sets.push(set.length); sets.push.apply(sets, set); });
      var byRole = { primary: primary, any: primary.concat(columns.helping[i]), stretched: columns.stretched[i] };
      for (var role in lists) {
        starts[role][i] = lists[role].length;
        lists[role].push.apply(lists[role], byRole[role]);
      }
    }
    setStart[count] = sets.length;
    var roles = table();
    for (var name in lists) {
      starts[name][count] = lists[name].length;
      roles[name] = { start: starts[name], list: Int16Array.from(lists[name]) };
    }
    return { count: count, id: columns.id, name: columns.name, equipment: columns.equipment, level: Uint8Array.from(columns.level),
             category: Uint8Array.from(columns.category), sets: Int16Array.from(sets), setStart: setStart, roles: roles, text: text,
             nodes: new Array(count).fill(null) };
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
    this.shownNote = root.querySelector(".uba-finder-shown");
    this.siteRoot = new URL("../", new URL(root.getAttribute("data-index"), window.location.href));
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
    this.pageBase = new URL(data.folder, this.siteRoot).href;
    this.found = [];          /* the numbers of the exercises that pass every filter, in order */
    this.listed = [];         /* those the list shows */
    this.pages = 1;
    this.singles = new Int32Array(data.equipment.length);
    this.pending = [];        /* addresses to write once the results are painted (writeAddress) */
    this.stopped = false;
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
    this.more.addEventListener("click", function () { self.showMore(); });
    this.onPop = function () { self.pending = []; self.fromAddress(); self.update(); };
    window.addEventListener("popstate", this.onPop);
    this.update();
    this.warmUp();
  };

  Finder.prototype.stop = function () { this.stopped = true; window.removeEventListener("popstate", this.onPop); };

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
    this.pages = 1;
    this.shownNote.hidden = true;
    this.update();
    this.writeAddress(window.location.pathname + stateQuery(state) + window.location.hash, push);
  };

  /* The address follows the form once the results are painted: writing it is a navigation within the page, which costs
     as much as drawing the results, so it waits for the next frame. Writes still waiting go in order (a new entry in
     the history for a click, the same entry for typing); none is written once the reader has left the page or gone
     back or forward meanwhile. */
  Finder.prototype.writeAddress = function (url, push) {
    var self = this;
    var path = window.location.pathname;
    this.pending.push({ url: url, push: push });
    if (this.pending.length > 1) { return; }
    window.requestAnimationFrame(function () {
      window.setTimeout(function () {
        var pending = self.pending;
        self.pending = [];
        if (self.stopped || window.location.pathname !== path) { return; }
        pending.forEach(function (write) {
          if (write.push) { window.history.pushState(null, "", write.url); } else { window.history.replaceState(null, "", write.url); }
        });
      }, 0);
    });
  };

  /* Which exercises the text box matches, kept while the words stay the same (a click on a filter keeps them). */
  Finder.prototype.matchText = function (q) {
    if (q === this.textQuery) { return this.textMatches; }
    var words = queryWords(q);
    var matches = null;
    if (words.length) {
      var texts = this.items.text;
      matches = new Uint8Array(this.items.count);
      for (var i = 0; i < texts.length; i++) {
        var text = texts[i];
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
    var state = this.fromForm();
    this.tally(state);
    var counts = this.counts;
    var muscles = counts.muscle, anyMuscle = muscles.length - 1;
    for (var b = 0; b < this.badges.length; b++) {
      var badge = this.badges[b];
      var value = badge.counts === muscles ? (badge.slot < 0 ? muscles[anyMuscle] : muscles[badge.slot])
        : (badge.slot < 0 ? 0 : badge.counts[badge.slot]) + badge.counts[badge.all];
      var label = "(" + value + ")";
      if (badge.text !== label) { badge.node.textContent = label; badge.text = label; }
    }
    this.render(state);
    var active = (state.muscle ? 1 : 0) + state.equipment.length + state.level.length + state.category.length;
    setText(this.active, active ? " (" + active + ")" : "");
  };

  /* One tight pass over the exercises, in numbers, gives the results (this.found) and, for every option, how many there
     would be with it (this.counts): an exercise counts for an option of a facet when it passes every other facet. */
  Finder.prototype.tally = function (state) {
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
    var items = this.items;
    var sets = items.sets, setStart = items.setStart, itemLevel = items.level, itemCategory = items.category;
    var roleStart = items.roles[state.role].start, roleList = items.roles[state.role].list;
    var text = this.matchText(state.q);
    var found = this.found;
    found.length = 0;
    var singles = this.singles;
    for (var i = 0; i < items.count; i++) {
      if (text !== null && text[i] === 0) { continue; }
      /* What the exercise still needs, in the set of equipment (its own or an alternative) that needs least;
         items found in any room (free) are never missing. */
      var missing = Infinity;
      var single = 0;
      for (var p = setStart[i], end = setStart[i + 1]; p < end;) {
        var size = sets[p++];
        var lacking = -1;
        var count = 0;
        for (var last = p + size; p < last; p++) {
          if (had[sets[p]] === 0) { count += 1; lacking = sets[p]; }
        }
        if (count < missing) { missing = count; }
        if (count === 1) {
          var seen = false;
          for (var t = 0; t < single; t++) { if (singles[t] === lacking) { seen = true; } }
          if (!seen) { singles[single++] = lacking; }
        }
      }
      var from = roleStart[i], to = roleStart[i + 1];
      var muscleOk = muscle < 0;
      for (var r = from; r < to && !muscleOk; r++) { muscleOk = roleList[r] === muscle; }
      var equipmentOk = !byEquipment || missing === 0;
      var levelOk = !byLevel || levels[itemLevel[i]] === 1;
      var categoryOk = !byCategory || categories[itemCategory[i]] === 1;
      var failed = (muscleOk ? 0 : 1) + (equipmentOk ? 0 : 1) + (levelOk ? 0 : 1) + (categoryOk ? 0 : 1);
      if (failed > 1) { continue; }
      if (failed === 0) { found.push(i); }
      if (failed === 0 || !muscleOk) {
        muscles[anyMuscle] += 1;
        for (var m = from; m < to; m++) { muscles[roleList[m]] += 1; }
      }
      if (failed === 0 || !equipmentOk) {
        if (missing === 0) { equipment[allEquipment] += 1; } else { for (var s = 0; s < single; s++) { equipment[singles[s]] += 1; } }
      }
      if (failed === 0 || !levelOk) {
        if (byLevel && levels[itemLevel[i]] === 1) { levelCounts[allLevels] += 1; } else { levelCounts[itemLevel[i]] += 1; }
      }
      if (failed === 0 || !categoryOk) {
        if (byCategory && categories[itemCategory[i]] === 1) { categoryCounts[allCategories] += 1; } else { categoryCounts[itemCategory[i]] += 1; }
      }
    }
  };

  /* Once the page is drawn and idle, the pass runs once with every kind of filter, so that the browser has compiled every
     branch of it before the first click (the first clicks on 5,000 exercises otherwise took several times as long); it
     changes nothing on the page and ends with the form's own results again. */
  Finder.prototype.warmUp = function () {
    var self = this;
    var idle = window.requestIdleCallback || function (run) { return window.setTimeout(run, 200); };
    idle(function () {
      if (self.stopped) { return; }
      var form = self.fromForm();
      var first = function (table) { return Object.keys(table)[0]; };
      [{ muscle: first(self.numbers.muscle), role: "any", equipment: [], level: [], category: [], q: "" },
       { muscle: "", role: "stretched", equipment: [first(self.numbers.equipment)], level: [first(self.numbers.level)],
         category: [first(self.numbers.category)], q: "" },
       { muscle: first(self.numbers.muscle), role: "primary", equipment: [first(self.numbers.equipment)], level: [first(self.numbers.level)],
         category: [first(self.numbers.category)], q: form.q }].forEach(function (state) { self.tally(state); });
      self.tally(form);
    });
  };

  function setText(node, text) {
    if (node.textContent !== text) { node.textContent = text; }
  }

  /* The first page of results, and a page more at each "Show more" (which says how many are shown now). Each exercise
     keeps its own list item once made, and the list changes only where what it shows changed: a click that keeps the
     first results keeps their items, "Show more" appends. The routine builder's "Add to my routine" button on an item
     stays its own. */
  Finder.prototype.render = function (state) {
    var found = this.found;
    var total = found.length;
    var noun = total === 1 ? " exercise" : " exercises";
    setText(this.count, total + noun + (total === this.items.count ? "" : " match"));
    this.empty.hidden = total !== 0;
    if (this.clear.firstChild) { this.clear.replaceChildren(); }
    if (!total) { this.offerClears(state); }
    var shown = Math.min(total, this.pages * PAGE);
    var before = this.listed;
    var kept = 0;
    while (kept < shown && kept < before.length && found[kept] === before[kept]) { kept += 1; }
    if (kept < before.length) {
      if (kept === 0) { this.list.replaceChildren(); }
      else { while (this.list.children.length > kept) { this.list.lastElementChild.remove(); } }
    }
    if (kept < shown) {
      var nodes = [];
      for (var i = kept; i < shown; i++) { nodes.push(this.items.nodes[found[i]] || this.listItem(found[i])); }
      this.list.append.apply(this.list, nodes);
    }
    this.listed = found.slice(0, shown);
    this.more.hidden = shown === total;
    if (shown < total) { setText(this.more, "Show " + Math.min(PAGE, total - shown) + " more"); }
  };

  /* "Show more": the next page of the same results, a status line that says how many are listed now, and the focus
     on the first result added (the button may be gone: it goes when every result is listed). */
  Finder.prototype.showMore = function () {
    var before = this.listed.length;
    this.pages += 1;
    this.render(this.fromForm());
    this.shownNote.textContent = "Showing " + this.listed.length + " of " + this.found.length + ".";
    this.shownNote.hidden = false;
    var added = this.list.children[before];
    if (added) { added.querySelector("a").focus(); }
  };

  /* An exercise's list item: its name as a link to its page, then its level and equipment. */
  Finder.prototype.listItem = function (n) {
    var self = this;
    var items = this.items;
    var li = document.createElement("li");
    var link = document.createElement("a");
    link.href = this.pageBase + items.id[n] + "/";
    link.textContent = items.name[n];
    var note = document.createElement("span");
    note.className = "uba-finder-note";
    var equipment = items.equipment[n].filter(function (q) { return q !== self.numbers.equipment.none; })
      .map(function (q) { return self.equipmentNames[q]; }).join(", ") || "no equipment";
    note.textContent = " · " + this.levels[items.level[n]] + ", " + equipment;
    li.appendChild(link);
    li.appendChild(note);
    items.nodes[n] = li;
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
