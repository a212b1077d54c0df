/* Upper Back Atlas routine builder, and the "Add to my routine" buttons on exercise pages and finder results.
   The routine lives in the builder's URL: ?n=<name>&w=<sessions a week>&b=<block>&x=<id>_<sets>_<reps>_<hold s>_<rest s>_<per side 0|1>...
   (each b starts a block, each x is an exercise of the last block). A draft of the same text is kept in this
   browser's localStorage so buttons on other pages can add to it. Nothing is sent anywhere.
   Elements are built with DOM calls and textContent only (no HTML strings). The address and the draft go through
   one parser (parse), which keeps what it understands, within bounds, and lists what it left out; exercises are
   looked up in a Map, so an id such as "constructor" or "__proto__" is only an unknown id. */
(function () {
  "use strict";
  var DRAFT_KEY = "uba-my-routine";
  var WEEK_DEFAULT = 2;   /* sessions a week when the address does not say */
  var ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
  var MAX_BLOCKS = 20;
  var MAX_ITEMS = 100;
  var MAX_SHOWN = 40;  /* characters of a left-out value quoted in the note */
  var configNode = document.getElementById("__config");
  /* Material's base is relative ("../..") on most pages and "/" on the 404 page: end it with exactly one slash. */
  var SITE_ROOT = new URL((configNode ? JSON.parse(configNode.textContent).base : ".").replace(/\/?$/, "/"), window.location.href);
  var BUILDER_URL = new URL("routines/builder/", SITE_ROOT);

  /* ---------- The routine as text ---------- */

  function whole(value, low, high) {
    var number = parseInt(value, 10);
    return isNaN(number) ? null : Math.max(low, Math.min(high, number));
  }

  function parseItem(value) {
    var f = value.split("_");
    if (!ID.test(f[0])) { return null; }
    return { id: f[0], sets: f.length > 1 ? whole(f[1], 1, 10) : null, reps: f.length > 2 ? f[2].slice(0, 20) : null,
             hold: f.length > 3 ? whole(f[3], 0, 600) : null, rest: f.length > 4 ? whole(f[4], 0, 600) : null,
             side: f.length > 5 ? f[5] === "1" : null };
  }

  function shown(value) {
    return "“" + (value.length > MAX_SHOWN ? value.slice(0, MAX_SHOWN) + "…" : value) + "”";
  }

  /* The routine a query string (the address, or the draft) holds; `ignored` says what it left out. */
  function parse(search) {
    var routine = { name: "", week: WEEK_DEFAULT, blocks: [], ignored: [] };
    var items = 0;
    new URLSearchParams(search).forEach(function (value, key) {
      if (key === "n") { routine.name = value.slice(0, 80); }
      else if (key === "w") {
        var week = whole(value, 1, 7);
        if (week === null) { routine.ignored.push("sessions a week " + shown(value)); } else { routine.week = week; }
      }
      else if (key === "b") {
        if (routine.blocks.length < MAX_BLOCKS) { routine.blocks.push({ name: value.slice(0, 60), items: [] }); }
        else { routine.ignored.push("block " + shown(value) + " (at most " + MAX_BLOCKS + " blocks)"); }
      }
      else if (key === "x") {
        var item = parseItem(value);
        if (!item) { routine.ignored.push(shown(value)); return; }
        if (items >= MAX_ITEMS) { routine.ignored.push(shown(item.id) + " (at most " + MAX_ITEMS + " exercises)"); return; }
        if (!routine.blocks.length) { routine.blocks.push({ name: "", items: [] }); }
        routine.blocks[routine.blocks.length - 1].items.push(item);
        items += 1;
      }
    });
    return routine;
  }

  function serialize(routine) {
    var params = new URLSearchParams();
    if (routine.name) { params.append("n", routine.name); }
    if (routine.week !== WEEK_DEFAULT) { params.append("w", String(routine.week)); }
    routine.blocks.forEach(function (block) {
      params.append("b", block.name);
      block.items.forEach(function (item) {
        /* An exercise just added elsewhere has no dose yet: the builder gives it the exercise's own. */
        params.append("x", item.sets === null ? item.id : [item.id, item.sets, item.reps, item.hold, item.rest, item.side ? 1 : 0].join("_"));
      });
    });
    return params.toString();
  }

  function readDraft() {
    try { return window.localStorage.getItem(DRAFT_KEY) || ""; } catch (error) { return ""; }
  }

  function writeDraft(text) {
    try { window.localStorage.setItem(DRAFT_KEY, text); } catch (error) { /* private mode: the URL still holds it */ }
  }

  function itemCount(routine) {
    return routine.blocks.reduce(function (sum, block) { return sum + block.items.length; }, 0);
  }

  /* ---------- "Add to my routine" ---------- */

  function inDraft(id) {
    return parse(readDraft()).blocks.some(function (block) { return block.items.some(function (item) { return item.id === id; }); });
  }

  function addToDraft(id) {
    var routine = parse(readDraft());
    if (!routine.blocks.length) { routine.blocks.push({ name: "Main", items: [] }); }
    routine.blocks[routine.blocks.length - 1].items.push({ id: id, sets: null, reps: null, hold: null, rest: null, side: null });
    writeDraft(serialize(routine));
    return itemCount(routine);
  }

  function wireAddButton(button, id) {
    var status = document.createElement("span");
    status.className = "uba-add-status";
    status.setAttribute("role", "status");
    button.insertAdjacentElement("afterend", status);
    button.hidden = false;
    function routineLink() {
      var link = element("a", "", "my routine");
      link.href = BUILDER_URL.href;
      return link;
    }
    function add() {
      var count = addToDraft(id);
      status.replaceChildren(document.createTextNode(" Added: " + count + (count === 1 ? " exercise" : " exercises") + " in "), routineLink());
    }
    /* The same exercise twice: ask first (a second copy is for, say, a warm-up set and a finisher). */
    button.addEventListener("click", function () {
      if (!inDraft(id)) { add(); return; }
      var again = element("button", "md-button uba-add-again", "Add it again");
      again.type = "button";
      again.addEventListener("click", function () { add(); button.focus(); });
      status.replaceChildren(document.createTextNode(" Already in "), routineLink(), document.createTextNode(". "), again);
      again.focus();
    });
  }

  function decorateFinderResults(list) {
    list.querySelectorAll("li").forEach(function (li) {
      if (li.querySelector(".uba-add-button")) { return; }
      var link = li.querySelector("a[href]");
      var found = link && /\/exercises\/([a-z0-9-]+)\/?$/.exec(new URL(link.href).pathname);
      if (!found) { return; }
      var button = document.createElement("button");
      button.type = "button";
      button.className = "md-button uba-add-button";
      button.textContent = "Add to my routine";
      button.setAttribute("aria-label", "Add " + link.textContent + " to my routine");
      li.appendChild(document.createTextNode(" "));
      li.appendChild(button);
      wireAddButton(button, found[1]);
    });
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined) { node.textContent = text; }
    return node;
  }

  /* ---------- What the builder knows of each exercise ---------- */

  var FORMAT = 2;   /* the shape of api/finder.json this script reads (FORMAT in hooks/atlas/pages/finder_index.py) */
  var DIGITS = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

  /* The number written at `at` in base 62 (DIGITS), `width` digits wide (code in finder_index.py). */
  function numberAt(codes, at, width) {
    var number = 0;
    for (var d = 0; d < width; d++) { number = number * DIGITS.length + DIGITS.indexOf(codes.charAt(at + d)); }
    return number;
  }

  /* The finder's index (written by hooks/atlas/pages/finder_index.py) as the builder reads it: the muscle groups, the
     equipment, the load steps, and each exercise with its name, address, kind of work, level, equipment, groups by role
     (those it works hardest, those that help), force, load step, starting dose, key cue and one alternative. */
  function fromIndex(data) {
    var columns = data.exercises;
    var facts = data.builder;
    var groupIds = data.muscles.map(function (muscle) { return muscle.group === undefined ? muscle.id : null; });
    function groupsOf(numbers) {
      return numbers.map(function (n) { return groupIds[n]; }).filter(function (id) { return id !== null; });
    }
    var stride = facts.widths.reduce(function (sum, width) { return sum + width; }, 0);
    var exercises = columns.id.map(function (id, i) {
      var fact = {};
      var at = i * stride;
      facts.fields.forEach(function (field, f) { fact[field] = numberAt(facts.codes, at, facts.widths[f]); at += facts.widths[f]; });
      var dose = {};
      facts.dose_fields.forEach(function (field, f) { dose[field] = facts.doses[fact.dose][f]; });
      return { id: id, name: columns.name[i], url: data.folder + id + "/", category: data.categories[columns.category[i]],
               level: data.levels[columns.level[i]],
               equipment: columns.equipment[i].map(function (n) { return data.equipment[n].id; }),
               groups: { primary: groupsOf(columns.primary[i]), secondary: groupsOf(columns.helping[i]) },
               force: facts.forces[fact.force], load_step: facts.load_steps.steps[fact.load_step].id, dose: dose,
               cue: facts.texts[fact.cue], alternative: facts.texts[fact.alternative] };
    });
    return { exercises: exercises, load_steps: facts.load_steps, equipment: data.equipment,
             muscles: data.muscles.filter(function (muscle) { return muscle.group === undefined; })
               .map(function (group) { return { id: group.id, name: group.names[0] }; }) };
  }

  /* ---------- The builder ---------- */

  function Builder(root, data) {
    var self = this;
    this.root = root;
    this.exercises = new Map();
    data.exercises.forEach(function (exercise) { self.exercises.set(exercise.id, exercise); });
    this.groups = data.muscles;
    this.equipment = new Map();
    data.equipment.forEach(function (item) { self.equipment.set(item.id, item.name); });
    this.steps = new Map(); /* the load step of each kind, declared once in load_steps.py */
    this.loadSteps = new Map();
    data.load_steps.steps.forEach(function (step) { self.steps.set(step.id, step.short); self.loadSteps.set(step.id, step); });
    this.blocksNode = root.querySelector(".uba-builder-blocks");
    this.nameInput = root.querySelector("#uba-builder-name");
    this.sheet = document.querySelector("[data-uba-builder-sheet]");
    this.layout = JSON.parse(root.getAttribute("data-sheet-layout"));
    this.groupMuscles = JSON.parse(root.getAttribute("data-map-groups"));
    this.weekInput = root.querySelector("[data-uba-builder-week]");
    this.undoNode = root.querySelector(".uba-builder-undo");
    this.nextKey = 1;
  }

  Builder.prototype.start = function () {
    var self = this;
    var search = window.location.search.replace(/^\?/, "");
    this.routine = parse(search || readDraft());
    var ignored = this.routine.ignored;
    this.routine.blocks.forEach(function (block) {
      block.items = block.items.filter(function (item) {
        if (self.exercises.has(item.id)) { return true; }
        ignored.push(shown(item.id));
        return false;
      }).map(function (item) { return self.complete(item); });
    });
    var note = this.root.querySelector(".uba-builder-ignored");
    note.textContent = ignored.length ? "Not exercises of this site, so left out: " + ignored.join(", ") + "." : "";
    note.hidden = !ignored.length;
    if (!this.routine.blocks.length) { this.routine.blocks.push({ name: "Main", items: [] }); }
    this.root.hidden = false;
    document.querySelectorAll(".uba-builder-nojs").forEach(function (node) { node.hidden = true; });
    this.nameInput.value = this.routine.name;
    this.nameInput.addEventListener("input", function () { self.routine.name = self.nameInput.value.slice(0, 80); self.saved(); });
    this.weekInput.value = String(this.routine.week);
    this.weekInput.addEventListener("input", function () { self.routine.week = whole(self.weekInput.value, 1, 7) || WEEK_DEFAULT; self.saved(); });
    var volume = window.ubaBuilderVolume;
    this.root.querySelector(".uba-builder-counting").textContent = volume.counting;
    this.root.querySelector('[data-uba-key="high"]').textContent = volume.keyHigh;
    this.root.querySelector('[data-uba-key="low"]').textContent = volume.keyLow;
    this.root.querySelector("[data-uba-builder-block]").addEventListener("click", function () {
      self.routine.blocks.push({ name: "Block " + (self.routine.blocks.length + 1), items: [] });
      self.render();
      var inputs = self.blocksNode.querySelectorAll(".uba-builder-block-name input");
      inputs[inputs.length - 1].focus();
    });
    this.render();
  };

  Builder.prototype.complete = function (item) {
    var dose = this.exercises.get(item.id).dose;
    return { key: this.nextKey++, id: item.id,
             sets: item.sets === null ? (dose.sets || 2) : item.sets,
             reps: item.reps === null ? dose.reps : item.reps,
             hold: item.hold === null ? dose.hold : item.hold,
             rest: item.rest === null ? dose.rest : item.rest,
             side: item.side === null ? dose.per_side : item.side };
  };

  Builder.prototype.saved = function () {
    var text = serialize(this.routine);
    window.history.replaceState(null, "", window.location.pathname + (text ? "?" + text : "") + window.location.hash);
    writeDraft(text);
    var link = this.root.querySelector(".uba-builder-url");
    link.href = window.location.href;
    link.textContent = window.location.href;
    this.summarize();
    this.fillSheet();
  };

  Builder.prototype.render = function (focus) {
    var self = this;
    var fragment = document.createDocumentFragment();
    this.routine.blocks.forEach(function (block, blockIndex) {
      fragment.appendChild(self.renderBlock(block, blockIndex));
    });
    this.blocksNode.replaceChildren(fragment);
    this.root.querySelector(".uba-builder-empty").hidden = itemCount(this.routine) !== 0;
    this.saved();
    if (focus) {
      var target = this.blocksNode.querySelector('[data-key="' + focus.key + '"] [data-action="' + focus.action + '"]');
      if (target && !target.disabled) { target.focus(); }
      else {
        var fallback = this.blocksNode.querySelector('[data-key="' + focus.key + '"] button:not([disabled])');
        if (fallback) { fallback.focus(); }
      }
    }
  };

  Builder.prototype.renderBlock = function (block, blockIndex) {
    var self = this;
    var section = element("section", "uba-builder-block");
    var head = element("p", "uba-builder-block-name");
    var label = element("label", "", "Block " + (blockIndex + 1) + " ");
    var input = element("input");
    input.type = "text";
    input.maxLength = 60;
    input.value = block.name;
    input.addEventListener("input", function () { block.name = input.value.slice(0, 60); self.saved(); });
    label.appendChild(input);
    head.appendChild(label);
    if (!block.items.length && this.routine.blocks.length > 1) {
      var remove = element("button", "md-button uba-builder-small", "Remove empty block");
      remove.type = "button";
      remove.addEventListener("click", function () { self.routine.blocks.splice(blockIndex, 1); self.render(); });
      head.appendChild(remove);
    }
    section.appendChild(head);
    var list = element("ol", "uba-builder-items");
    block.items.forEach(function (item, itemIndex) { list.appendChild(self.renderItem(item, blockIndex, itemIndex)); });
    section.appendChild(list);
    return section;
  };

  Builder.prototype.field = function (labelText, type, value, onChange, attributes) {
    var label = element("label", "uba-builder-field", labelText + " ");
    var input = element("input");
    input.type = type;
    Object.keys(attributes || {}).forEach(function (name) { input.setAttribute(name, attributes[name]); });
    if (type === "checkbox") { input.checked = Boolean(value); label.insertBefore(input, label.firstChild); }
    else { input.value = value === null || value === undefined ? "" : String(value); label.appendChild(input); }
    input.addEventListener(type === "checkbox" ? "change" : "input", function () { onChange(type === "checkbox" ? input.checked : input.value); });
    return label;
  };

  Builder.prototype.renderItem = function (item, blockIndex, itemIndex) {
    var self = this;
    var exercise = this.exercises.get(item.id);
    var li = element("li", "uba-builder-item");
    li.setAttribute("data-key", String(item.key));
    var handle = element("button", "uba-builder-handle", "⠿");
    handle.type = "button";
    handle.tabIndex = -1;   /* for fingers and mice; the keyboard has Move up and Move down */
    handle.setAttribute("aria-hidden", "true");
    handle.title = "Drag to reorder";
    window.ubaBuilderReorder.attach(handle, li, function (from, to, after) { self.moveTo(from, to, after); });
    li.appendChild(handle);
    var title = element("p", "uba-builder-item-name");
    var link = element("a", "", exercise.name);
    link.href = new URL(exercise.url, SITE_ROOT).href;
    title.appendChild(link);
    title.appendChild(element("span", "uba-builder-meta", " · " + exercise.category + ", " + exercise.level));
    li.appendChild(title);
    var fields = element("div", "uba-builder-fields");
    var changed = function () { self.saved(); };
    fields.appendChild(this.field("Sets", "number", item.sets, function (v) { item.sets = whole(v, 1, 10) || 1; changed(); }, { min: "1", max: "10" }));
    fields.appendChild(this.field("Reps", "text", item.reps, function (v) { item.reps = v.replace(/_/g, "").slice(0, 20); changed(); }, { maxlength: "20", placeholder: "e.g. 8-12" }));
    fields.appendChild(this.field("Hold (s)", "number", item.hold || "", function (v) { item.hold = whole(v, 0, 600) || 0; changed(); }, { min: "0", max: "600", step: "5" }));
    fields.appendChild(this.field("Rest (s)", "number", item.rest || "", function (v) { item.rest = whole(v, 0, 600) || 0; changed(); }, { min: "0", max: "600", step: "15" }));
    fields.appendChild(this.field("Per side", "checkbox", item.side, function (v) { item.side = v; changed(); }));
    li.appendChild(fields);
    var moves = element("p", "uba-builder-move");
    var first = blockIndex === 0 && itemIndex === 0;
    var blocks = this.routine.blocks;
    var last = blockIndex === blocks.length - 1 && itemIndex === blocks[blockIndex].items.length - 1;
    [["up", "Move up", first], ["down", "Move down", last], ["remove", "Remove", false]].forEach(function (spec) {
      var button = element("button", "md-button uba-builder-small", spec[1]);
      button.type = "button";
      button.setAttribute("data-action", spec[0]);
      button.setAttribute("aria-label", spec[1] + ": " + exercise.name);
      button.disabled = spec[2];
      button.addEventListener("click", function () { self.act(spec[0], blockIndex, itemIndex); });
      moves.appendChild(button);
    });
    li.appendChild(moves);
    return li;
  };

  /* Moving past the start or end of a block moves the exercise into the block before or after it. */
  Builder.prototype.act = function (action, blockIndex, itemIndex) {
    var blocks = this.routine.blocks;
    var items = blocks[blockIndex].items;
    var item = items[itemIndex];
    if (action === "remove") {
      items.splice(itemIndex, 1);
      var neighbour = items[itemIndex] || items[itemIndex - 1];
      this.render(neighbour ? { key: neighbour.key, action: "remove" } : null);
      if (!neighbour) { this.nameInput.focus(); }
      this.offerUndo(item, blocks[blockIndex], itemIndex);
      return;
    }
    items.splice(itemIndex, 1);
    if (action === "up") {
      if (itemIndex > 0) { items.splice(itemIndex - 1, 0, item); } else { blocks[blockIndex - 1].items.push(item); }
    } else if (itemIndex < items.length) { items.splice(itemIndex + 1, 0, item); } else { blocks[blockIndex + 1].items.unshift(item); }
    this.render({ key: item.key, action: action });
  };

  /* A removal can be undone until the next one: the exercise goes back where it was. */
  Builder.prototype.offerUndo = function (item, block, index) {
    var self = this;
    var undo = element("button", "md-button uba-builder-small", "Undo");
    undo.type = "button";
    undo.addEventListener("click", function () {
      if (self.routine.blocks.indexOf(block) < 0) { self.routine.blocks.push(block); }
      block.items.splice(Math.min(index, block.items.length), 0, item);
      self.undoNode.replaceChildren();
      self.render({ key: item.key, action: "remove" });
    });
    this.undoNode.replaceChildren(document.createTextNode("Removed " + this.exercises.get(item.id).name + ". "), undo);
  };

  /* Drag and drop: the item with key `from` goes before (or after) the item with key `to`, in that item's block. */
  Builder.prototype.moveTo = function (from, to, after) {
    var moving = null;
    this.routine.blocks.forEach(function (block) {
      var index = block.items.findIndex(function (item) { return item.key === from; });
      if (index >= 0) { moving = block.items.splice(index, 1)[0]; }
    });
    if (!moving) { return; }
    this.routine.blocks.forEach(function (block) {
      var index = block.items.findIndex(function (item) { return item.key === to; });
      if (index >= 0 && moving) { block.items.splice(after ? index + 1 : index, 0, moving); moving = null; }
    });
    this.render();
  };

  /* The routine as a plan for session mode: each exercise in order with its dose (seconds for hold and rest). */
  Builder.prototype.currentPlan = function () {
    return this.items().map(function (item) {
      return { id: item.id, sets: item.sets, reps: item.reps || "", hold: item.hold || 0, rest: item.rest || 0, per_side: Boolean(item.side) };
    });
  };

  /* The routine as session mode's plan (the same fields a routine page carries, see hooks/atlas/pages/session_plans.py),
     its signature a hash of what is logged, so a session begun on another version of this routine is not resumed. */
  Builder.prototype.sessionPlan = function () {
    var self = this;
    var items = [];
    this.routine.blocks.forEach(function (block) {
      block.items.forEach(function (item) {
        var exercise = self.exercises.get(item.id);
        var step = self.loadSteps.get(exercise.load_step) || {};
        var amount = item.reps || (item.hold ? item.hold + " s" : "");
        items.push({ id: item.id, name: exercise.name, url: exercise.url, block: block.name, sets: item.sets || 1, ramp_up: 0,
                     reps: item.reps && /^\d+(-\d+)?$/.test(item.reps) ? item.reps : null, hold: item.hold || null, distance: null,
                     rest: item.rest || 0, per_side: Boolean(item.side),
                     work: (item.sets || 1) + " × " + amount + (item.side ? " per side" : ""), cue: exercise.cue || "",
                     easier: exercise.alternative || "", step: { kg: step.kg || null, short: step.short || "", words: step.step || "" },
                     next_steps: [] });
      });
    });
    var text = items.map(function (item) { return [item.id, item.sets, item.per_side ? 1 : 0].join("_"); }).join(",");
    var a = 5381, b = 52711;
    for (var i = 0; i < text.length; i += 1) { a = (a * 33) ^ text.charCodeAt(i); b = (b * 31) ^ text.charCodeAt(i); }
    var signature = ((a >>> 0).toString(16) + "00000000").slice(0, 6) + ((b >>> 0).toString(16) + "00000000").slice(0, 6);
    return { routine: "builder", name: this.routine.name || "My routine", label: "session", signature: signature, items: items };
  };

  Builder.prototype.items = function () {
    var all = [];
    this.routine.blocks.forEach(function (block) { block.items.forEach(function (item) { all.push(item); }); });
    return all;
  };

  Builder.prototype.summarize = function () {
    var self = this;
    var items = this.items();
    var primary = Object.create(null), helping = Object.create(null), totalSets = 0, pull = 0, push = 0;
    items.forEach(function (item) {
      var exercise = self.exercises.get(item.id);
      var sets = item.sets || 1;
      totalSets += sets;
      exercise.groups.primary.forEach(function (id) { primary[id] = (primary[id] || 0) + sets; });
      exercise.groups.secondary.forEach(function (id) { helping[id] = (helping[id] || 0) + sets; });
      if (exercise.force === "pull") { pull += sets; } else if (exercise.force === "push") { push += sets; }
    });
    var warnings = [];
    var prepares = items.some(function (item) { var c = self.exercises.get(item.id).category; return c === "activation" || c === "mobility"; });
    if (items.length && !prepares) { warnings.push("No activation or mobility drill: start with one to prepare the shoulder blades."); }
    if (items.length && self.exercises.get(items[0].id).force === "carry") { warnings.push("A carry comes first: carries go last, so grip and trunk are fresh for the lifts."); }
    var body = this.root.querySelector(".uba-builder-muscles tbody");
    var rows = document.createDocumentFragment();
    var top = null;
    this.groups.forEach(function (group) { if (primary[group.id] && (!top || primary[group.id] > primary[top.id])) { top = group; } });
    var others = this.groups.filter(function (group) { return top && group !== top && primary[group.id]; });
    if (top && others.length && primary[top.id] > totalSets / 2 && others.every(function (group) { return primary[group.id] * 2 <= primary[top.id]; })) {
      warnings.push("Most of the volume goes to one group: the " + top.name.toLowerCase() + " work hardest in " + primary[top.id] + " of " + totalSets + " sets.");
    } else if (top && !others.length && items.length > 1) {
      warnings.push("All of the volume goes to one group, the " + top.name.toLowerCase() + ": fine for a focus session, narrow for a whole workout.");
    }
    var volume = window.ubaBuilderVolume;
    var weekly = volume.weeklySets(items, this.exercises, this.routine.week);
    volume.paint(this.root, this.groupMuscles, weekly);
    this.groups.forEach(function (group) {
      if (!primary[group.id] && !helping[group.id]) { return; }
      var row = element("tr");
      row.setAttribute("data-group", group.id);
      row.appendChild(element("th", "", group.name)).setAttribute("scope", "row");
      row.appendChild(element("td", "uba-builder-weekly", volume.format(weekly.get(group.id) || 0)));
      row.appendChild(element("td", "", String(primary[group.id] || 0)));
      row.appendChild(element("td", "", String(helping[group.id] || 0)));
      rows.appendChild(row);
    });
    body.replaceChildren(rows);
    var list = this.root.querySelector(".uba-builder-warnings");
    list.replaceChildren.apply(list, warnings.map(function (text) { return element("li", "uba-builder-warning", text); }));
    var balance = pull === push ? "even" : pull > push ? "more pulling than pushing" : "more pushing than pulling";
    this.root.querySelector(".uba-builder-balance").textContent =
      "Push and pull: " + pull + " pulling " + (pull === 1 ? "set" : "sets") + ", " + push + " pushing " + (push === 1 ? "set" : "sets") + " (" + balance + ").";
  };

  Builder.prototype.fillSheet = function () {
    window.ubaBuilderSheet.fillSheet(this.sheet, this.routine, this.exercises, this.equipment, this.layout, this.steps, window.location.href);
  };

  /* ---------- On every page (also under Material's instant navigation) ---------- */

  var finderObserver = null;
  function init() {
    document.querySelectorAll("[data-uba-add]").forEach(function (button) {
      if (!button.hasAttribute("data-uba-wired")) { button.setAttribute("data-uba-wired", ""); wireAddButton(button, button.getAttribute("data-uba-add")); }
    });
    if (finderObserver) { finderObserver.disconnect(); finderObserver = null; }
    var results = document.querySelector(".uba-finder-results");
    if (results) {
      decorateFinderResults(results);
      finderObserver = new MutationObserver(function () { decorateFinderResults(results); });
      finderObserver.observe(results, { childList: true });
    }
    var root = document.querySelector("[data-uba-builder]");
    if (!root) { return; }
    fetch(root.getAttribute("data-api")).then(function (response) { return response.json(); }).then(function (data) {
      if (!document.body.contains(root) || data.format !== FORMAT) { return; }
      var builder = new Builder(root, fromIndex(data));
      builder.start();
      window.ubaBuilder = Object.freeze({ currentPlan: function () { return builder.currentPlan(); },
                                          sessionPlan: function () { return builder.sessionPlan(); } });
      var start = root.querySelector("[data-uba-builder-session]");
      if (start && window.ubaSession) {
        start.hidden = false;
        start.onclick = function () { if (builder.items().length) { window.ubaSession.start(builder.sessionPlan(), start.parentNode); } };
      }
    }, function () { /* the data could not be read: the page stays as it is without JavaScript */ });
  }
  if (typeof document$ !== "undefined") { document$.subscribe(init); } else { document.addEventListener("DOMContentLoaded", init); }
})();
