/* Upper Back Atlas: the small words of a search ("for", "my", "what", "do") are left out before Material's search
   worker sees the query. The worker matches every typed word as the start of a longer one, so "for" found
   "forearms" and "i" found "infraspinatus"; the words that name things stay. A query of small words only is sent
   as typed. Material posts each query to its worker as {type: 2, data: text}; every other message passes unchanged. */
(function () {
  "use strict";
  var QUERY = 2;
  var SMALL_WORDS = new Set(["a", "an", "the", "and", "or", "for", "of", "to", "in", "on", "at", "by", "with", "without",
    "no", "not", "my", "me", "i", "im", "i'm", "what", "which", "how", "do", "does", "did", "should", "can", "could",
    "is", "are", "be", "it", "its", "it's", "that", "this", "some", "any", "you", "your", "when", "why", "get"]);

  function meaningful(text) {
    var words = text.split(/\s+/).filter(Boolean);
    var kept = words.filter(function (word) { return !SMALL_WORDS.has(word.toLowerCase().replace(/[^a-z']/g, "")); });
    return kept.length ? kept.join(" ") : text;
  }

  if (typeof Worker === "undefined") { return; }
  var post = Worker.prototype.postMessage;
  Worker.prototype.postMessage = function (message) {
    var args = Array.prototype.slice.call(arguments);
    if (message && message.type === QUERY && typeof message.data === "string") {
      args[0] = { type: QUERY, data: meaningful(message.data) };
    }
    return post.apply(this, args);
  };
})();
