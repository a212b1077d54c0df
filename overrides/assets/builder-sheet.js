/* Upper Back Atlas routine builder: its printed sheet, laid out like the authored sheets (the measures come from
   hooks/atlas/pages/routine_pages.py through the page): as many log grids as fit for more sessions when the routine is
   short, ruled lines for notes in the room left, and a QR code of the builder's own address, made here by the
   vendored qrcode-generator (no network). The same structure and classes as overrides/partials/routine-sheet.html. */
(function () {
  "use strict";
  var SVG = "http://www.w3.org/2000/svg";
  var NOTE_LINE_MM = 7;
  var MAX_NOTE_LINES = 8;

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined) { node.textContent = text; }
    return node;
  }

  function workText(item) {
    var effort = item.hold ? item.hold + " s hold" : (item.reps || "");
    var text = item.sets && effort ? item.sets + " × " + effort : item.sets ? item.sets + " sets" : effort;
    return text && item.side ? text + " per side" : text;
  }

  function doseText(item, exercise, steps) {
    var step = steps.get(exercise.load_step);
    return workText(item) + (item.rest ? " · rest " + item.rest + "s" : "") + (step ? " · " + step : "");
  }

  /* Height of one exercise in the log: its set rows, or its text when that is taller (as _item_mm in Python). */
  function itemMm(item, exercise, steps, layout) {
    var lines = [exercise.name + "  " + doseText(item, exercise, steps), exercise.cue || "", exercise.alternative || ""]
      .reduce(function (sum, text) { return sum + Math.ceil(text.length / layout.line_chars); }, 0);
    return Math.max(Math.max(item.sets || 1, 2) * layout.row_mm, lines * layout.text_line_mm);
  }

  /* How many grids fit one below the other, and the millimetres left below them (as _grids_that_fit in Python). */
  function fit(items, exercises, steps, layout) {
    var grid = layout.head_mm + items.reduce(function (sum, item) { return sum + itemMm(item, exercises.get(item.id), steps, layout); }, 0);
    var count = 1;
    for (var n = 2; n <= layout.max_grids; n++) { if (n * grid + (n - 1) * layout.grid_gap_mm <= layout.log_height_mm) { count = n; } }
    return { grids: count, left: layout.log_height_mm - (count * grid + (count - 1) * layout.grid_gap_mm) };
  }

  /* The code at the strongest error correction that holds the address; null when even the lowest cannot (a QR code
     holds about 2,900 characters: a routine of some 90 exercises or more). */
  function qrFor(text) {
    var levels = ["M", "L"];
    for (var i = 0; i < levels.length; i++) {
      try {
        var code = window.qrcode(0, levels[i]);
        code.addData(text);
        code.make();
        return code;
      } catch (error) { /* too long at this level: try the next */ }
    }
    return null;
  }

  function drawQr(figure, text) {
    var svg = figure.querySelector("svg");
    var code = qrFor(text);
    figure.hidden = !code;
    if (!code) { svg.replaceChildren(); return; }
    var modules = code.getModuleCount(), quiet = 4, size = modules + 2 * quiet, d = [];
    for (var row = 0; row < modules; row++) {
      for (var col = 0; col < modules; col++) {
        if (code.isDark(row, col)) { d.push("M" + (col + quiet) + " " + (row + quiet) + "h1v1h-1z"); }
      }
    }
    svg.setAttribute("viewBox", "0 0 " + size + " " + size);
    var ground = document.createElementNS(SVG, "rect");
    ground.setAttribute("width", String(size));
    ground.setAttribute("height", String(size));
    ground.setAttribute("fill", "#fff");
    var dark = document.createElementNS(SVG, "path");
    dark.setAttribute("d", d.join(""));
    dark.setAttribute("fill", "#000");
    svg.replaceChildren(ground, dark);
  }

  function gridTable(blocks, exercises, steps, first, sessions) {
    var table = element("table", "uba-sheet-grid uba-sheet-grid--" + sessions);
    var headRow = element("tr");
    headRow.appendChild(element("th", "uba-sheet-exercise-head", "Exercise")).setAttribute("scope", "col");
    headRow.appendChild(element("th", "uba-sheet-set-head", "#")).setAttribute("aria-label", "Set");
    for (var s = first; s < first + sessions; s++) {
      var th = headRow.appendChild(element("th", "", "Session " + s));
      th.setAttribute("scope", "col");
      th.appendChild(element("span", "uba-sheet-date", "Date:"));
    }
    table.appendChild(element("thead")).appendChild(headRow);
    blocks.forEach(function (block) {
      block.items.forEach(function (item, itemIndex) {
        var exercise = exercises.get(item.id);
        var body = table.appendChild(element("tbody", "uba-sheet-item"));
        for (var set = 1; set <= (item.sets || 1); set++) {
          var tr = body.appendChild(element("tr"));
          if (set === 1) {
            var cell = tr.appendChild(element("th", "uba-sheet-exercise"));
            cell.setAttribute("scope", "row");
            cell.rowSpan = item.sets || 1;
            if (itemIndex === 0 && block.name) { cell.appendChild(element("span", "uba-sheet-block", block.name)); }
            cell.appendChild(element("span", "uba-sheet-name", exercise.name));
            cell.appendChild(document.createTextNode(" "));
            cell.appendChild(element("span", "uba-sheet-dose", doseText(item, exercise, steps)));
            if (exercise.cue) { cell.appendChild(element("span", "uba-sheet-cue", exercise.cue)); }
            if (exercise.alternative) { cell.appendChild(element("span", "uba-sheet-alt", exercise.alternative)); }
          }
          tr.appendChild(element("td", "uba-sheet-set", String(set)));
          for (var session = 0; session < sessions; session++) {
            var td = tr.appendChild(element("td"));
            (item.side ? ["L", "R"] : [null]).forEach(function (side) {
              var box = td.appendChild(element("span", "uba-box"));
              if (side) { box.setAttribute("data-side", side); }
            });
          }
        }
      });
    });
    return table;
  }

  function fillSheet(sheet, routine, exercises, equipmentNames, layout, steps, address) {
    var items = [];
    routine.blocks.forEach(function (block) { block.items.forEach(function (item) { items.push(item); }); });
    var sessions = items.some(function (item) { return item.side; }) ? layout.sessions_per_side : layout.sessions;
    var equipment = new Map();
    items.forEach(function (item) { exercises.get(item.id).equipment.forEach(function (id) { equipment.set(equipmentNames.get(id) || id, true); }); });
    sheet.querySelector(".uba-sheet-title").textContent = routine.name || "My routine";
    sheet.querySelector(".uba-sheet-facts").textContent = items.length + (items.length === 1 ? " exercise" : " exercises") +
      " · " + (Array.from(equipment.keys()).join(", ") || "No equipment");
    sheet.querySelector(".uba-sheet-url").textContent = address;
    drawQr(sheet.querySelector(".uba-qr"), address);
    var room = fit(items, exercises, steps, layout);
    var grids = [];
    for (var g = 0; g < room.grids; g++) { grids.push(gridTable(routine.blocks, exercises, steps, g * sessions + 1, sessions)); }
    sheet.querySelector(".uba-sheet-grids").replaceChildren.apply(sheet.querySelector(".uba-sheet-grids"), grids);
    var lines = Math.max(0, Math.min(MAX_NOTE_LINES, Math.floor((room.left - NOTE_LINE_MM) / NOTE_LINE_MM)));
    var notes = [];
    for (var l = 0; l < lines; l++) { notes.push(element("p", "uba-sheet-line", l === 0 ? "Notes" : "")); }
    var notesNode = sheet.querySelector(".uba-sheet-lines");
    notesNode.replaceChildren.apply(notesNode, notes);
  }

  window.ubaBuilderSheet = Object.freeze({ fillSheet: fillSheet, workText: workText });
})();
