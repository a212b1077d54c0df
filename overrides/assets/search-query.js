/* Upper Back Atlas: a search query is tidied before Material's search worker sees it. The worker matches every typed
   word as the start of a longer one, so "for" found "forearms" and the "t" of "t bar row" found "triceps":
   - the small words ("for", "my", "what", "do", "exercises") are left out; a query of small words only is sent as typed;
   - a single letter is joined to the next word ("t bar" -> "tbar"), as the index holds names' words run together;
   - "no" and "without" are joined to the next word as "no" ("without equipment" -> "noequipment", "no gym" -> "nogym"),
     which the index holds for what needs nothing (hooks/atlas/site/search_terms.py).
   Material posts each query to its worker as {type: 2, data: text}, MaterialX (its continuation) as {id, type: 2,
   data: {query: text}}; every other message passes unchanged. */
(function () {
  "use strict";
  var QUERY = 2;
  var SMALL_WORDS = new Set(["a", "an", "the", "and", "or", "for", "of", "to", "in", "on", "at", "by", "with",
    "not", "my", "me", "i", "im", "i'm", "what", "which", "how", "do", "does", "did", "should", "can", "could",
    "is", "are", "be", "it", "its", "it's", "that", "this", "some", "any", "you", "your", "when", "why", "get",
    "exercise", "exercises"]);

  function meaningful(text) {
    var words = text.split(/\s+/).filter(Boolean);
    var kept = words.filter(function (word) { return !SMALL_WORDS.has(word.toLowerCase().replace(/[^a-z']/g, "")); });
    if (!kept.length) { return text; }
    var joined = [];
    for (var i = 0; i < kept.length; i++) {
      var word = kept[i].toLowerCase();
      var next = i + 1 < kept.length;
      if (next && (word === "no" || word === "without")) { joined.push("no" + kept[++i]); } else if (next && /^[a-z]$/.test(word)) {
        joined.push(word + kept[++i]);
      } else { joined.push(kept[i]); }
    }
    return joined.join(" ");
  }

  if (typeof Worker === "undefined") { return; }
  var post = Worker.prototype.postMessage;
  Worker.prototype.postMessage = function (message) {
    var args = Array.prototype.slice.call(arguments);
    if (message && message.type === QUERY && typeof message.data === "string") {
      args[0] = { type: QUERY, data: meaningful(message.data) };
    } else if (message && message.type === QUERY && message.data && typeof message.data.query === "string") {
      args[0] = Object.assign({}, message, { data: Object.assign({}, message.data, { query: meaningful(message.data.query) }) });
    }
    return post.apply(this, args);
  };
})();
