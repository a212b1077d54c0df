/* Upper Back Atlas training log: every session logged in session mode, kept in this browser's localStorage and
   nowhere else. One parser reads both the stored text and any imported file: it keeps only what it knows (ids,
   finite numbers in range, short text) and refuses anything else; nothing read is ever executed or inserted as
   HTML. A stored log that cannot be read is kept aside under another key, never deleted.
   window.ubaLog = { read, write, lastTime, suggestion, exportJson, exportCsv, importText, start, progress, finish }. */
(function () {
  "use strict";
  var KEY = "uba-training-log";
  var FORMAT = "upper-back-atlas-training-log";
  var VERSION = 1;               /* as LOG_VERSION in hooks/atlas/pages/session_plans.py */
  var ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
  var SESSION_ID = /^[0-9a-z]{6,40}$/;
  var SIGNATURE = /^[0-9a-f]{12}$/;
  var MAX_SESSIONS = 5000;
  var MAX_IMPORT_BYTES = 5000000;

  /* ---------- One parser for everything read ---------- */

  function text(value, max) { return typeof value === "string" ? value.slice(0, max) : ""; }
  function count(value, low, high) {
    return typeof value === "number" && isFinite(value) && value >= low && value <= high ? value : null;
  }
  function date(value) { return typeof value === "string" && value.length <= 40 && !isNaN(Date.parse(value)) ? value : ""; }

  function parseSet(raw) {
    if (!raw || typeof raw !== "object") { return null; }
    return { side: raw.side === "left" || raw.side === "right" ? raw.side : "", load: count(raw.load, 0, 1000),
             reps: count(raw.reps, 0, 1000), seconds: count(raw.seconds, 0, 3600), done: raw.done === true };
  }

  function parseEntry(raw) {
    if (!raw || typeof raw !== "object" || typeof raw.exercise !== "string" || !ID.test(raw.exercise)) { return null; }
    var sets = Array.isArray(raw.sets) ? raw.sets.slice(0, 40).map(parseSet).filter(Boolean) : [];
    return { exercise: raw.exercise, sets: sets, note: text(raw.note, 500) };
  }

  function parseSession(raw) {
    if (!raw || typeof raw !== "object") { return null; }
    if (typeof raw.id !== "string" || !SESSION_ID.test(raw.id) || typeof raw.routine !== "string" || !ID.test(raw.routine)) { return null; }
    var started = date(raw.started);
    if (!started) { return null; }
    var position = raw.position && typeof raw.position === "object" ? raw.position : {};
    return {
      id: raw.id, routine: raw.routine, name: text(raw.name, 200), started: started, finished: date(raw.finished),
      signature: typeof raw.signature === "string" && SIGNATURE.test(raw.signature) ? raw.signature : "",
      item: count(position.item, 0, 200) || 0, restUntil: count(raw.restUntil, 0, 1e15) || 0,
      entries: Array.isArray(raw.entries) ? raw.entries.slice(0, 200).map(parseEntry).filter(Boolean) : []
    };
  }

  /* A log from storage or a file: { log } when it is ours, { error } in words when it is not. */
  function parseLog(value) {
    if (!value || typeof value !== "object" || value.format !== FORMAT) {
      return { error: "This is not an Upper Back Atlas training log." };
    }
    if (value.version !== VERSION) { return { error: "This training log is from another version of the Atlas (" + text(String(value.version), 20) + ")." }; }
    var sessions = Array.isArray(value.sessions) ? value.sessions.slice(-MAX_SESSIONS).map(parseSession).filter(Boolean) : [];
    var current = parseSession(value.current);
    return { log: { sessions: sessions.filter(function (session) { return session.finished; }), current: current && !current.finished ? current : null } };
  }

  function empty() { return { sessions: [], current: null }; }

  function serialise(log) {
    return JSON.stringify({ format: FORMAT, version: VERSION, sessions: log.sessions.map(stored), current: log.current ? stored(log.current) : null });
  }

  function stored(session) {
    return { id: session.id, routine: session.routine, name: session.name, started: session.started, finished: session.finished,
             signature: session.signature, position: { item: session.item }, restUntil: session.restUntil, entries: session.entries };
  }

  /* ---------- Storage ---------- */

  var notice = "";

  function read() {
    var raw = null;
    try { raw = window.localStorage.getItem(KEY); } catch (error) { return { log: empty(), notice: "This browser does not let the Atlas keep a log." }; }
    if (!raw) { return { log: empty(), notice: notice }; }
    var parsed = null;
    try { parsed = parseLog(JSON.parse(raw)); } catch (error) { parsed = { error: "it is not valid JSON" }; }
    if (parsed.log) { return { log: parsed.log, notice: notice }; }
    var aside = KEY + "-unreadable-" + Date.now();
    try { window.localStorage.setItem(aside, raw); window.localStorage.removeItem(KEY); } catch (error) { /* kept where it was */ }
    notice = "Your saved training log could not be read, so it was kept aside (as " + aside + ") and a new log was started.";
    return { log: empty(), notice: notice };
  }

  function write(log) {
    try { window.localStorage.setItem(KEY, serialise(log)); return true; } catch (error) { return false; }
  }

  /* ---------- Sessions ---------- */

  function newId() { return Date.now().toString(36) + Math.random().toString(36).slice(2, 8); }

  function start(plan) {
    var log = read().log;
    log.current = { id: newId(), routine: plan.routine, name: plan.name, started: new Date().toISOString(), finished: "",
                    signature: plan.signature, item: 0, restUntil: 0,
                    entries: plan.items.map(function (item) { return { exercise: item.id, sets: [], note: "" }; }) };
    write(log);
    return log.current;
  }

  function progress(session) {
    var log = read().log;
    log.current = session;
    return write(log);
  }

  function finish(session) {
    var log = read().log;
    session.finished = new Date().toISOString();
    session.restUntil = 0;
    session.entries = session.entries.filter(function (entry) { return entry.sets.some(function (set) { return set.done; }) || entry.note; });
    log.sessions.push(session);
    log.current = null;
    write(log);
    return session;
  }

  /* ---------- What the log says ---------- */

  function lastEntry(log, exerciseId) {
    for (var i = log.sessions.length - 1; i >= 0; i -= 1) {
      var entries = log.sessions[i].entries;
      for (var j = 0; j < entries.length; j += 1) {
        var done = entries[j].sets.filter(function (set) { return set.done; });
        if (entries[j].exercise === exerciseId && done.length) { return { session: log.sessions[i], sets: done }; }
      }
    }
    return null;
  }

  function kg(value) { return (Math.round(value * 100) / 100).toString() + " kg"; }

  /* "3 × 12 at 6 kg", "12, 10, 9 at 6 kg", "3 × 30 s", each side counted once. */
  function summary(sets) {
    var oneSide = sets.filter(function (set) { return set.side !== "right"; });
    var each = sets.length !== oneSide.length ? " each side" : "";
    var amounts = oneSide.map(function (set) { return set.seconds !== null ? set.seconds + " s" : set.reps !== null ? String(set.reps) : "✓"; });
    var same = amounts.every(function (amount) { return amount === amounts[0]; });
    var work = same ? oneSide.length + " × " + amounts[0] : amounts.join(", ");
    var loads = oneSide.map(function (set) { return set.load; }).filter(function (load) { return load !== null && load > 0; });
    var load = loads.length ? " at " + kg(Math.max.apply(null, loads)) : "";
    return work + each + load;
  }

  function lastTime(exerciseId) {
    var found = lastEntry(read().log, exerciseId);
    if (!found) { return ""; }
    var day = new Date(found.session.finished || found.session.started);
    return "Last time (" + day.toLocaleDateString(undefined, { day: "numeric", month: "short" }) + "): " + summary(found.sets);
  }

  function top(reps) {
    var match = /^(\d+)(?:-(\d+))?$/.exec(reps || "");
    return match ? parseInt(match[2] || match[1], 10) : null;
  }

  /* Double progression, as the programmes state it: when every work set reached the top of the range, add the
     exercise's load step; otherwise keep the load and add a rep or two. */
  function suggestion(item) {
    var found = lastEntry(read().log, item.id);
    var highest = top(item.reps);
    if (!found || highest === null) { return null; }
    var loads = found.sets.map(function (set) { return set.load; }).filter(function (load) { return load !== null && load > 0; });
    var load = loads.length ? Math.max.apply(null, loads) : null;
    var allTop = found.sets.length >= item.sets * (item.per_side ? 2 : 1) &&
      found.sets.every(function (set) { return set.reps !== null && set.reps >= highest; });
    if (!allTop) {
      return { load: load, text: (load ? "Stay at " + kg(load) : "Stay at the same load") + " and add a rep or two (up to " + highest + ")." };
    }
    if (item.step && item.step.kg && load) {
      return { load: load + item.step.kg, top: true,
               text: "You reached " + highest + " on every set: try " + kg(load + item.step.kg) + " (" + item.step.short + ")." };
    }
    return { load: load, top: true, text: "You reached " + highest + " on every set: " + (item.step ? item.step.words : "move up a step") + "." };
  }

  /* ---------- Export and import ---------- */

  function exportJson() { return serialise(read().log); }

  function cell(value) {
    var s = value === null || value === undefined ? "" : String(value);
    if (/^[=+\-@\t\r]/.test(s)) { s = "'" + s; }  /* a spreadsheet never runs a cell as a formula */
    return /[",\n]/.test(s) ? "\"" + s.replace(/"/g, "\"\"") + "\"" : s;
  }

  function exportCsv() {
    var rows = [["date", "routine", "exercise", "set", "side", "load_kg", "reps", "seconds", "note"]];
    read().log.sessions.forEach(function (session) {
      session.entries.forEach(function (entry) {
        entry.sets.forEach(function (set, index) {
          if (set.done) { rows.push([session.finished, session.routine, entry.exercise, index + 1, set.side, set.load, set.reps, set.seconds, entry.note]); }
        });
      });
    });
    return rows.map(function (row) { return row.map(cell).join(","); }).join("\n") + "\n";
  }

  /* Adds the sessions of an exported log that this browser does not have yet; returns a sentence either way. */
  function importText(content) {
    if (typeof content !== "string" || content.length > MAX_IMPORT_BYTES) { return { ok: false, message: "That file is too large to be a training log." }; }
    var parsed;
    try { parsed = parseLog(JSON.parse(content)); } catch (error) { parsed = { error: "That file is not a training log (it is not JSON)." }; }
    if (parsed.error) { return { ok: false, message: parsed.error + " Nothing was changed." }; }
    var log = read().log;
    var known = Object.create(null);
    log.sessions.forEach(function (session) { known[session.id] = true; });
    var added = parsed.log.sessions.filter(function (session) { return !known[session.id]; });
    log.sessions = log.sessions.concat(added).sort(function (a, b) { return a.finished < b.finished ? -1 : a.finished > b.finished ? 1 : 0; });
    if (!write(log)) { return { ok: false, message: "This browser would not store the log. Nothing was changed." }; }
    return { ok: true, message: "Imported " + added.length + " session" + (added.length === 1 ? "" : "s") + "; " +
             (parsed.log.sessions.length - added.length) + " were already here." };
  }

  window.ubaLog = { read: read, write: write, start: start, progress: progress, finish: finish, lastTime: lastTime,
                    suggestion: suggestion, exportJson: exportJson, exportCsv: exportCsv, importText: importText, summary: summary };
})();
