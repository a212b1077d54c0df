/* Upper Back Atlas session mode: one exercise at a time, sets as large tap targets, a rest timer that starts when a
   set is ticked, the load and reps of each set logged in this browser (training-log.js) and nowhere else.
   The plan is the page's own data (<script type="application/json" data-uba-session-plan>), written by the build;
   it still goes through one parser. Elements are built with DOM calls and textContent only (no HTML strings). */
(function () {
  "use strict";
  var ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
  var wakeLock = null;
  var ticker = null;
  var audio = null;

  /* ---------- The plan ---------- */

  function count(value, low, high, fallback) {
    return typeof value === "number" && isFinite(value) && value >= low && value <= high ? value : fallback;
  }
  function words(value, max) { return typeof value === "string" ? value.slice(0, max) : ""; }

  function parsePlan(raw) {
    if (!raw || typeof raw !== "object" || !ID.test(raw.routine || "") || !Array.isArray(raw.items)) { return null; }
    var items = raw.items.slice(0, 60).filter(function (item) { return item && ID.test(item.id || ""); }).map(function (item) {
      var step = item.step && typeof item.step === "object" ? item.step : {};
      return { id: item.id, name: words(item.name, 120), url: words(item.url, 200), block: words(item.block, 80),
               sets: count(item.sets, 1, 10, 1), ramp_up: count(item.ramp_up, 0, 4, 0), reps: words(item.reps, 20) || null,
               hold: count(item.hold, 1, 3600, null), distance: count(item.distance, 1, 10000, null), rest: count(item.rest, 0, 900, 0),
               per_side: item.per_side === true, work: words(item.work, 120), cue: words(item.cue, 600), easier: words(item.easier, 700),
               step: { kg: count(step.kg, 0.1, 50, null), short: words(step.short, 40), words: words(step.words, 200) },
               next_steps: (Array.isArray(item.next_steps) ? item.next_steps : []).slice(0, 4).filter(function (next) {
                 return next && typeof next === "object";
               }).map(function (next) {
                 return { ladder: words(next.ladder, 120), name: words(next.name, 120), url: words(next.url, 200), move_on: words(next.move_on, 600) };
               }) };
    });
    return items.length ? { routine: raw.routine, name: words(raw.name, 200), label: words(raw.label, 40) || "session",
                            signature: words(raw.signature, 12), items: items } : null;
  }

  function readPlans() {
    return Array.prototype.map.call(document.querySelectorAll("script[data-uba-session-plan]"), function (node) {
      try { return parsePlan(JSON.parse(node.textContent)); } catch (error) { return null; }
    });
  }

  /* ---------- Small DOM helpers ---------- */

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined && text !== null) { node.textContent = text; }
    return node;
  }
  function button(text, className, onClick) {
    var node = el("button", "md-button " + (className || ""), text);
    node.type = "button";
    node.addEventListener("click", onClick);
    return node;
  }
  function clock(seconds) {
    var s = Math.max(0, Math.ceil(seconds));
    return Math.floor(s / 60) + ":" + String(s % 60).padStart(2, "0");
  }

  /* The exercise's small figure, borrowed from the page's own plan (the same drawing, cloned). */
  function figureOf(item) {
    var link = Array.prototype.find.call(document.querySelectorAll(".md-content a[href]"), function (anchor) {
      return new URL(anchor.getAttribute("href"), window.location.href).pathname.replace(/\/$/, "").endsWith("/exercises/" + item.id) &&
        anchor.closest("tr, .uba-plan-card, li");
    });
    var thumb = link ? link.closest("tr, .uba-plan-card, li").querySelector(".uba-fig-thumb") : null;
    return thumb ? thumb.cloneNode(true) : null;
  }

  /* ---------- Timer, sound, vibration, wake lock ---------- */

  function keepAwake(on) {
    if (on && !wakeLock && navigator.wakeLock && navigator.wakeLock.request) {
      navigator.wakeLock.request("screen").then(function (lock) { wakeLock = lock; }).catch(function () { wakeLock = null; });
    } else if (!on && wakeLock) {
      wakeLock.release().catch(function () {});
      wakeLock = null;
    }
  }

  function alarm() {
    if (navigator.vibrate) { try { navigator.vibrate([200, 100, 200]); } catch (error) { /* not allowed */ } }
    try {
      audio = audio || new (window.AudioContext || window.webkitAudioContext)();
      var tone = audio.createOscillator();
      var gain = audio.createGain();
      tone.frequency.value = 880;
      gain.gain.value = 0.15;
      tone.connect(gain).connect(audio.destination);
      tone.start();
      tone.stop(audio.currentTime + 0.25);
    } catch (error) { /* no sound here: the screen still says it */ }
  }

  /* ---------- The session view ---------- */

  function open(plan, resume) {
    var session = resume || window.ubaLog.start(plan);
    var view = el("section", "uba-session");
    view.setAttribute("role", "dialog");
    view.setAttribute("aria-modal", "true");
    view.setAttribute("aria-label", "Session: " + plan.name);
    document.body.appendChild(view);
    document.documentElement.classList.add("uba-session-open");
    render(view, plan, session);
  }

  function close(view) {
    window.clearInterval(ticker);
    ticker = null;
    keepAwake(false);
    view.remove();
    document.documentElement.classList.remove("uba-session-open");
    initButtons();
  }

  function save(session) { window.ubaLog.progress(session); }

  function render(view, plan, session) {
    window.clearInterval(ticker);
    view.textContent = "";
    var index = Math.min(session.item, plan.items.length - 1);
    var item = plan.items[index];
    var entry = session.entries[index] || (session.entries[index] = { exercise: item.id, sets: [], note: "" });

    var head = el("header", "uba-session__head");
    head.appendChild(el("p", "uba-session__routine", plan.name));
    head.appendChild(el("p", "uba-session__progress", "Exercise " + (index + 1) + " of " + plan.items.length));
    head.appendChild(button("Pause", "uba-session__pause", function () { save(session); close(view); }));
    view.appendChild(head);

    var body = el("div", "uba-session__body");
    var title = el("h2", "uba-session__name");
    var link = el("a", "", item.name);
    link.href = new URL(item.url, siteRoot()).href;
    title.appendChild(link);
    body.appendChild(title);
    var figure = figureOf(item);
    if (figure) { figure.classList.add("uba-session__figure"); body.appendChild(figure); }
    body.appendChild(el("p", "uba-session__dose", item.work + (item.rest ? " · rest " + clock(item.rest) : "")));
    if (item.ramp_up) { body.appendChild(el("p", "uba-session__note", "First " + item.ramp_up + " lighter ramp-up set" + (item.ramp_up > 1 ? "s" : "") + " (not logged).")); }
    if (item.cue) { body.appendChild(el("p", "uba-session__cue", item.cue)); }
    var last = window.ubaLog.lastTime(item.id);
    if (last) { body.appendChild(el("p", "uba-session__last", last)); }
    var next = window.ubaLog.suggestion(item);
    if (next) { body.appendChild(el("p", "uba-session__suggestion", next.text)); }
    if (next && next.top) { item.next_steps.forEach(function (step) { body.appendChild(moveUp(step)); }); }
    if (item.easier) { body.appendChild(el("p", "uba-session__easier", "Easier: " + item.easier)); }

    body.appendChild(setsOf(view, plan, session, item, entry, next));

    var note = el("label", "uba-session__field uba-session__note-field");
    note.appendChild(el("span", "", "Note"));
    var noteInput = el("textarea");
    noteInput.rows = 2;
    noteInput.maxLength = 500;
    noteInput.value = entry.note;
    noteInput.addEventListener("input", function () { entry.note = noteInput.value.slice(0, 500); save(session); });
    note.appendChild(noteInput);
    body.appendChild(note);
    view.appendChild(body);

    var timer = el("div", "uba-session__timer");
    timer.setAttribute("role", "timer");
    timer.setAttribute("aria-live", "polite");
    timer.hidden = true;
    var timerText = el("span", "uba-session__timer-text");
    timer.appendChild(timerText);
    timer.appendChild(button("Skip rest", "uba-session__skip", function () { session.restUntil = 0; save(session); showTimer(); }));
    view.appendChild(timer);

    function showTimer() {
      var left = (session.restUntil - Date.now()) / 1000;
      if (left <= 0) {
        window.clearInterval(ticker);
        ticker = null;
        if (!timer.hidden && session.restUntil) { alarm(); }
        if (session.restUntil) { session.restUntil = 0; save(session); }
        timer.hidden = true;
        keepAwake(false);
        return;
      }
      timer.hidden = false;
      timerText.textContent = "Rest " + clock(left);
    }
    view.startRest = function (seconds) {
      session.restUntil = Date.now() + seconds * 1000;
      save(session);
      keepAwake(true);
      window.clearInterval(ticker);
      ticker = window.setInterval(showTimer, 250);
      showTimer();
    };
    if (session.restUntil > Date.now()) { keepAwake(true); ticker = window.setInterval(showTimer, 250); showTimer(); }

    var foot = el("footer", "uba-session__foot");
    var back = button("Previous", "", function () { session.item = index - 1; save(session); render(view, plan, session); });
    back.disabled = index === 0;
    foot.appendChild(back);
    if (index < plan.items.length - 1) {
      foot.appendChild(button("Next exercise", "md-button--primary", function () { session.item = index + 1; save(session); render(view, plan, session); }));
    } else {
      foot.appendChild(button("Finish session", "md-button--primary", function () { finished(view, plan, window.ubaLog.finish(session)); }));
    }
    view.appendChild(foot);
  }

  /* Every work set reached the top of the range last time: the ladder's next step may be due; its criterion decides. */
  function moveUp(step) {
    var box = el("p", "uba-session__move-up");
    box.appendChild(document.createTextNode("Ready to move up? Next on " + step.ladder + ": "));
    var link = el("a", "", step.name);
    link.href = new URL(step.url, siteRoot()).href;
    box.appendChild(link);
    box.appendChild(document.createTextNode(", once you can do this: " + step.move_on));
    return box;
  }

  function setsOf(view, plan, session, item, entry, next) {
    var list = el("ol", "uba-session__sets");
    var sides = item.per_side ? ["left", "right"] : [""];
    var previous = entry.sets.length ? null : lastSets(item);
    var slot = 0;
    for (var number = 1; number <= item.sets; number += 1) {
      sides.forEach(function (side) {
        var set = entry.sets[slot] || (entry.sets[slot] = { side: side, load: null, reps: null, seconds: null, done: false });
        if (previous && previous[slot]) {
          set.load = next && next.load !== null ? next.load : previous[slot].load;
          if (item.hold) { set.seconds = previous[slot].seconds; } else { set.reps = previous[slot].reps; }
        }
        list.appendChild(setRow(view, session, item, set, number, side));
        slot += 1;
      });
    }
    entry.sets.length = slot;
    return list;
  }

  function lastSets(item) {
    var log = window.ubaLog.read().log;
    for (var i = log.sessions.length - 1; i >= 0; i -= 1) {
      var found = log.sessions[i].entries.filter(function (entry) { return entry.exercise === item.id; })[0];
      if (found && found.sets.length) { return found.sets; }
    }
    return null;
  }

  function numberField(label, value, step, onChange) {
    var field = el("label", "uba-session__field");
    field.appendChild(el("span", "", label));
    var input = el("input");
    input.type = "number";
    input.inputMode = "decimal";
    input.min = "0";
    input.max = "1000";
    input.step = step;
    if (value !== null) { input.value = String(value); }
    input.addEventListener("input", function () {
      var number = parseFloat(input.value);
      onChange(isFinite(number) && number >= 0 && number <= 1000 ? number : null);
    });
    field.appendChild(input);
    return field;
  }

  function setRow(view, session, item, set, number, side) {
    var row = el("li", "uba-session__set");
    row.appendChild(el("span", "uba-session__set-label", "Set " + number + (side ? " " + side : "")));
    if (item.step.kg !== null) {  /* a band or bodyweight has no load in kilograms to log */
      row.appendChild(numberField("kg", set.load, "0.5", function (value) { set.load = value; save(session); }));
    }
    if (item.hold) {
      row.appendChild(numberField("seconds", set.seconds, "1", function (value) { set.seconds = value; save(session); }));
    } else if (item.reps) {
      row.appendChild(numberField("reps", set.reps, "1", function (value) { set.reps = value; save(session); }));
    }
    var tick = button(set.done ? "Done" : "Tick", "uba-session__tick", function () {
      set.done = !set.done;
      tick.textContent = set.done ? "Done" : "Tick";
      tick.setAttribute("aria-pressed", set.done ? "true" : "false");
      save(session);
      var lastOfSide = !item.per_side || side === "right";
      if (set.done && item.rest && lastOfSide) { view.startRest(item.rest); }
    });
    tick.setAttribute("aria-pressed", set.done ? "true" : "false");
    tick.setAttribute("aria-label", "Set " + number + (side ? " " + side : "") + " done");
    row.appendChild(tick);
    return row;
  }

  function finished(view, plan, session) {
    window.clearInterval(ticker);
    keepAwake(false);
    view.textContent = "";
    var body = el("div", "uba-session__body uba-session__done");
    body.appendChild(el("h2", "", "Session saved"));
    var logged = session.entries.reduce(function (sum, entry) { return sum + entry.sets.filter(function (set) { return set.done; }).length; }, 0);
    body.appendChild(el("p", "", logged + " set" + (logged === 1 ? "" : "s") + " logged in this browser. Nothing was sent anywhere."));
    var list = el("ul", "uba-session__summary");
    session.entries.forEach(function (entry) {
      var done = entry.sets.filter(function (set) { return set.done; });
      var item = plan.items.filter(function (candidate) { return candidate.id === entry.exercise; })[0];
      if (done.length && item) { list.appendChild(el("li", "", item.name + ": " + window.ubaLog.summary(done))); }
    });
    body.appendChild(list);
    body.appendChild(button("Close", "md-button--primary", function () { close(view); }));
    view.appendChild(body);
  }

  /* ---------- The log's own controls: export, import ---------- */

  function download(name, type, content) {
    var url = URL.createObjectURL(new Blob([content], { type: type }));
    var anchor = el("a");
    anchor.href = url;
    anchor.download = name;
    document.body.appendChild(anchor);
    anchor.click();
    anchor.remove();
    window.setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
  }

  function initLogControls() {
    document.querySelectorAll("[data-uba-log-controls]").forEach(function (panel) {
      if (panel.dataset.ubaReady) { return; }
      panel.dataset.ubaReady = "1";
      var status = panel.querySelector("[data-uba-log-status]");
      var stamp = new Date().toISOString().slice(0, 10);
      panel.querySelector("[data-uba-log-export=json]").addEventListener("click", function () {
        download("training-log-" + stamp + ".json", "application/json", window.ubaLog.exportJson());
      });
      panel.querySelector("[data-uba-log-export=csv]").addEventListener("click", function () {
        download("training-log-" + stamp + ".csv", "text/csv", window.ubaLog.exportCsv());
      });
      var input = panel.querySelector("[data-uba-log-import]");
      input.addEventListener("change", function () {
        var file = input.files && input.files[0];
        if (!file) { return; }
        file.text().then(function (content) {
          var result = window.ubaLog.importText(content);
          status.textContent = result.message;
          input.value = "";
        });
      });
      var notice = window.ubaLog.read().notice;
      if (notice) { status.textContent = notice; }
      panel.hidden = false;
    });
  }

  /* ---------- Start and resume buttons; "last time" on exercise pages ---------- */

  function siteRoot() {
    var config = document.getElementById("__config");
    return new URL((config ? JSON.parse(config.textContent).base : ".").replace(/\/?$/, "/"), window.location.href);
  }

  /* Resume this plan's session when one is under way, else start one; a session begun on another version of the routine
     is saved as it stood (never resumed into other exercises) and the reader is told. */
  function startOrResume(plan, near) {
    var current = window.ubaLog.read().log.current;
    var resumable = current && current.routine === plan.routine && current.name === plan.name;
    var changed = resumable && current.signature !== plan.signature;
    var message = near ? near.querySelector("[data-uba-session-message]") : null;
    if (changed) {
      window.ubaLog.finish(current);
      if (message) { message.textContent = "This routine has changed since that session began; it was saved as it stood and a new one starts."; }
    }
    open(plan, resumable && !changed ? current : null);
  }

  function initButtons() {
    var plans = readPlans();
    var current = window.ubaLog.read().log.current;
    document.querySelectorAll("[data-uba-session-start]").forEach(function (start) {
      var plan = plans[count(parseInt(start.getAttribute("data-uba-session-start"), 10), 0, 20, 0)];
      if (!plan) { return; }
      var resumable = current && current.routine === plan.routine && current.name === plan.name;
      var changed = resumable && current.signature !== plan.signature;
      start.textContent = (resumable && !changed ? "Resume " : "Start ") + plan.label;
      start.hidden = false;
      start.onclick = function () { startOrResume(plan, start.parentNode); };
    });
    document.querySelectorAll("[data-uba-last-time]").forEach(function (node) {
      var id = node.getAttribute("data-uba-last-time");
      var text = ID.test(id || "") ? window.ubaLog.lastTime(id) : "";
      node.textContent = text;
      node.hidden = !text;
    });
    initLogControls();
  }

  window.ubaSession = Object.freeze({
    /* Session mode for a plan made in the page (the routine builder's): parsed like a routine page's own. */
    start: function (raw, near) { var plan = parsePlan(raw); if (plan) { startOrResume(plan, near || null); } }
  });

  if (typeof document$ !== "undefined") { document$.subscribe(initButtons); }
  else { document.addEventListener("DOMContentLoaded", initButtons); }
})();
