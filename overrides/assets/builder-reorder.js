/* Upper Back Atlas routine builder: reorder by dragging a handle with a finger, a pen or a mouse (pointer events;
   the handle has touch-action: none so the page does not scroll under the finger). The Move up / Move down buttons
   stay for the keyboard. Dropping on the upper half of an exercise puts the dragged one before it, on the lower half
   after it, also in another block. Near the top or bottom of the screen the page scrolls, so a long list can be crossed. */
(function () {
  "use strict";
  var EDGE = 64;   /* px from the screen's edge where dragging scrolls the page */

  function target(x, y, dragged) {
    var node = document.elementFromPoint(x, y);
    var item = node && node.closest("[data-key]");
    return item && item !== dragged ? item : null;
  }

  /* onDrop(draggedKey, targetKey, after) moves the item; the list is redrawn afterwards. */
  function attach(handle, item, onDrop) {
    var drag = null;
    handle.addEventListener("pointerdown", function (event) {
      if (event.button !== 0) { return; }
      event.preventDefault();
      try { handle.setPointerCapture(event.pointerId); } catch (error) { /* a pointer the browser no longer tracks */ }
      drag = { id: event.pointerId, over: null, after: false };
      item.classList.add("uba-builder-item--dragging");
    });
    handle.addEventListener("pointermove", function (event) {
      if (!drag || event.pointerId !== drag.id) { return; }
      if (event.clientY < EDGE) { window.scrollBy(0, -EDGE / 2); } else if (event.clientY > window.innerHeight - EDGE) { window.scrollBy(0, EDGE / 2); }
      var over = target(event.clientX, event.clientY, item);
      if (drag.over && drag.over !== over) { drag.over.classList.remove("uba-builder-item--before", "uba-builder-item--after"); }
      drag.over = over;
      if (over) {
        var box = over.getBoundingClientRect();
        drag.after = event.clientY > box.top + box.height / 2;
        over.classList.toggle("uba-builder-item--after", drag.after);
        over.classList.toggle("uba-builder-item--before", !drag.after);
      }
    });
    function end(event, drop) {
      if (!drag || event.pointerId !== drag.id) { return; }
      var done = drag;
      drag = null;
      item.classList.remove("uba-builder-item--dragging");
      if (done.over) { done.over.classList.remove("uba-builder-item--before", "uba-builder-item--after"); }
      if (drop && done.over) { onDrop(Number(item.getAttribute("data-key")), Number(done.over.getAttribute("data-key")), done.after); }
    }
    handle.addEventListener("pointerup", function (event) { end(event, true); });
    handle.addEventListener("pointercancel", function (event) { end(event, false); });
  }

  window.ubaBuilderReorder = Object.freeze({ attach: attach });
})();
