/* Upper Back Atlas routine builder: weekly hard sets per muscle group, declared once here.
   A hard set is a working set of a strength or stability exercise (activation and mobility drills are warm-up work);
   it counts as one set for each group that works hardest in the exercise and as SECONDARY_SHARE of a set for each
   group that helps. Per-side sets count once. The week is the routine times the sessions a week. */
(function () {
  "use strict";
  var SECONDARY_SHARE = 0.5;
  var HARD_CATEGORIES = ["strength", "stability"];
  var HIGH_SETS = 10;   /* the darker shade on the map from this many hard sets a week */

  function weeklySets(items, exercises, perWeek) {
    var sets = new Map();
    items.forEach(function (item) {
      var exercise = exercises.get(item.id);
      if (HARD_CATEGORIES.indexOf(exercise.category) < 0) { return; }
      var count = (item.sets || 1) * perWeek;
      exercise.groups.primary.forEach(function (id) { sets.set(id, (sets.get(id) || 0) + count); });
      exercise.groups.secondary.forEach(function (id) { sets.set(id, (sets.get(id) || 0) + count * SECONDARY_SHARE); });
    });
    return sets;
  }

  function format(number) { return String(Math.round(number * 10) / 10); }

  var counting = "How it counts: a hard set is a working set of a strength or stability exercise (activation and mobility drills " +
    "are not counted). It counts as 1 set for each muscle that works hardest and as " + format(SECONDARY_SHARE) +
    " of a set for each muscle that helps; a per-side set counts once. The week is this routine times the sessions a week.";

  /* Shade each group's drawn muscles: the darker shade from HIGH_SETS a week, the lighter below; none when it gets none.
     The views are the shared drawings, which colour a muscle's shapes with --uba-m-<muscle id> set on their svg. */
  function paint(root, groupMuscles, sets) {
    var shade = Object.create(null);
    Object.keys(groupMuscles).forEach(function (id) {
      var value = sets.get(id) || 0;
      if (!value) { return; }
      var role = value >= HIGH_SETS ? "primary" : "secondary";
      groupMuscles[id].forEach(function (muscle) { if (shade[muscle] !== "primary") { shade[muscle] = role; } });
    });
    root.querySelectorAll(".uba-builder-map svg[viewBox]").forEach(function (svg) {
      Object.keys(groupMuscles).forEach(function (id) {
        groupMuscles[id].forEach(function (muscle) {
          if (shade[muscle]) { svg.style.setProperty("--uba-m-" + muscle, "var(--uba-" + shade[muscle] + ")"); }
          else { svg.style.removeProperty("--uba-m-" + muscle); }
        });
      });
    });
  }

  window.ubaBuilderVolume = Object.freeze({
    weeklySets: weeklySets, paint: paint, format: format, counting: counting,
    keyHigh: HIGH_SETS + " or more hard sets a week", keyLow: "Fewer than " + HIGH_SETS
  });
})();
