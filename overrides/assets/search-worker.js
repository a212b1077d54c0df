/* Upper Back Atlas: the search worker. Material's own worker downloads the whole index and builds a lunr index of it;
   this one takes the same messages from Material's search box (SETUP 0 -> READY 1, QUERY 2 -> RESULT 3; a query is its
   text, or {query: text} with an `id` each answer repeats in MaterialX, Material's continuation) but reads
   the index in shards (hooks/atlas/site/search_shards.py): for each word typed, the shard of the words it starts; for
   the pages a query shows, their entries. It scores as lunr 2.3.9 scores Material's index (b = 0, k1 = 1.2, the
   fields' and pages' boosts, three decimals per word and field, a query vector of the words each typed word starts)
   and then as Material does (a page over its sections, matching every word typed), so the ranking is the one of
   Material's worker. Where this file ports lunr's or Material's code (MIT licences, assets.yml) it says so.
   Differences: a word of one letter, or the start of words that fill more than MAX_SHARDS shards, matches only itself
   (every word it starts would be a large share of the index: it is a word still being typed),
   and lunr's query syntax for fields (title:), boosts (^) and edit distance (~) is read as plain words. */
"use strict";

var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;
var OPTIONAL = 0, REQUIRED = 1, PROHIBITED = 2;
var K1 = 1.2;

var config = null;      // Material's config, with `chunks` (the shards' description)
var chunks = null;
var separator = null;
var fieldNames = [];
var fieldBoosts = [];
var articleOf = [];      // document number -> its page's first document number
var firstOfPage = [];    // page number -> its first document number
var pageOf = [];         // document number -> page number
var stopWords = new Set();
var base = new URL("../", self.location.href);  // the site's root: this file is assets/search-worker.js
var shards = new Map();  // shard key -> Promise of {word: posting}
var pages = new Map();   // page number -> Promise of [[location, title, text, tags?], ...]
var queue = Promise.resolve();
var shortWords = new Set();  // the words of the query being answered that match only themselves (isShort)
var asked = 0;            // queries received
var answered = { items: [] };

function setup(data) {
  config = data.config;
  chunks = config.chunks;
  separator = new RegExp(config.separator, "g");
  fieldNames = Object.keys(config.fields);
  fieldBoosts = fieldNames.map(function (name) { return config.fields[name].boost || 1; });
  stopWords = new Set(chunks.stop_words);
  articleOf = []; firstOfPage = []; pageOf = [];
  var number = 0;
  for (var page = 0; page < chunks.pages.length; page++) {
    var size = chunks.pages.charCodeAt(page) - 47;
    firstOfPage.push(number);
    for (var i = 0; i < size; i++) { articleOf.push(firstOfPage[page]); pageOf.push(page); number++; }
  }
  shards = new Map(); pages = new Map();
}

function fetchJson(path) {
  return fetch(new URL("search/" + chunks.version + "/" + path, base).href).then(function (response) {
    if (!response.ok) { throw new Error(path + ": " + response.status); }
    return response.json();
  });
}

function shard(key) {
  if (!shards.has(key)) {
    var promise = fetchJson("terms/" + chunks.keys.indexOf(key) + ".json");
    promise.catch(function () { shards.delete(key); });
    shards.set(key, promise);
  }
  return shards.get(key);
}

function page(number) {
  if (!pages.has(number)) {
    var promise = fetchJson("pages/" + number + ".json");
    promise.catch(function () { pages.delete(number); });
    pages.set(number, promise);
  }
  return pages.get(number);
}

/* Material's query transform (integrations/search/query/transform) and lunr's query lexer and parser, for plain words:
   each part between spaces, once per word the separator splits it into, gives one clause per word; the last word of
   a part is a prefix (a trailing wildcard) unless the part says + or -. */
function clausesOf(query) {
  var text = query.trim()
    .split(/"([^"]+)"/g)
    .map(function (parts, index) { return index & 1 ? parts.replace(/^\b|^(?![^\x00-\x7F]|$)|\s+/g, " +") : parts; })
    .join("")
    .replace(/"|(?:^|\s+)[*+\-:^~]+(?=\s+|$)/g, "");
  var clauses = [];
  text.split(/\s+/g).forEach(function (part) {
    var presence = part.charAt(0) === "+" ? REQUIRED : part.charAt(0) === "-" ? PROHIBITED : OPTIONAL;
    var rest = (presence === OPTIONAL ? part : part.slice(1)).replace(/[:^~*\\]+/g, "");
    var words = rest.split(new RegExp(config.separator)).filter(Boolean);
    for (var copy = 0; copy < words.length; copy++) {
      words.forEach(function (word, index) {
        var last = index === words.length - 1;
        clauses.push({ term: word.toLowerCase(), presence: presence, wildcard: last && presence === OPTIONAL });
      });
    }
  });
  return clauses;
}

/* The shard keys that hold the words a clause matches: the longest key that starts the term, and (for a prefix) every
   key the term starts. */
function keysFor(clause) {
  var keys = [], longest = null;
  chunks.keys.forEach(function (key) {
    if (clause.term.slice(0, key.length) === key && (longest === null || key.length > longest.length)) { longest = key; }
    if (clause.wildcard && key.length > clause.term.length && key.slice(0, clause.term.length) === clause.term) { keys.push(key); }
  });
  if (isShort(clause, keys)) { keys = []; }
  if (longest !== null) { keys.push(longest); }
  return keys;
}

/* A word of one letter, or a start of words that fill more than MAX_SHARDS shards (such as "tra" in a large index:
   traps, trains, trapezius...), is a word still being typed: it matches only itself, not the whole share of the index
   it starts (a shard holds about 24 KB). */
var MAX_SHARDS = 4;
function isShort(clause, extending) {
  return clause.term.length < 2 || extending.length > MAX_SHARDS;
}

/* lunr's TokenSet lists the words of a prefix depth first, the last edge first; an object lists digit keys first. */
function edgeRank(code) { return code >= 48 && code <= 57 ? code - 48 : 10 + code; }
function lunrOrder(a, b) {
  var length = Math.min(a.length, b.length);
  for (var i = 0; i < length; i++) {
    var x = a.charCodeAt(i), y = b.charCodeAt(i);
    if (x !== y) { return edgeRank(y) - edgeRank(x); }
  }
  return a.length - b.length;
}

function expand(clause, words) {
  if (!clause.wildcard || shortWords.has(clause.term)) {
    return Object.prototype.hasOwnProperty.call(words, clause.term) ? [clause.term] : [];
  }
  return Object.keys(words).filter(function (word) { return word.slice(0, clause.term.length) === clause.term; }).sort(lunrOrder);
}

/* lunr.Index.prototype.query, on the postings of the words the query matches. */
function lunrSearch(clauses, words) {
  var documents = chunks.documents;
  var queryVector = new Map();               // term index -> how many clauses matched the word
  var weights = new Map();                   // "field/doc" -> [[term index, weight], ...]
  var order = [];                            // documents in the order lunr first meets them
  var fieldsOf = new Map();                  // doc -> fields in the order lunr meets them
  var matched = new Map();                   // doc -> {field -> Set of words}
  var seenWordField = new Set();
  var required = null, prohibited = new Set(), impossible = false;
  clauses.forEach(function (clause) {
    var expanded = expand(clause, words);
    if (!expanded.length && clause.presence === REQUIRED) { impossible = true; return; }
    var clauseMatches = new Set();
    expanded.forEach(function (word) {
      var posting = words[word], termIndex = posting[0], frequency = posting[1];
      var idf = Math.log(1 + Math.abs((documents - frequency + 0.5) / (frequency + 0.5)));
      var groups = posting.slice(2);
      for (var field = 0; field < fieldNames.length; field++) {
        var inField = groups.filter(function (group) { return group[0] === field; });
        var docs = [];
        inField.forEach(function (group) {
          var tf = group[1], boost = group[2], doc = 0;
          var score = idf * ((K1 + 1) * tf) / (K1 * (1 - 0 + 0 * 1) + tf);
          score *= fieldBoosts[field];
          score *= boost;
          var weight = Math.round(score * 1000) / 1000;
          for (var g = 3; g < group.length; g++) { doc += group[g]; docs.push([doc, weight]); }
        });
        docs.sort(function (a, b) { return a[0] - b[0]; });
        if (clause.presence === REQUIRED) { docs.forEach(function (entry) { clauseMatches.add(entry[0]); }); }
        if (clause.presence === PROHIBITED) { docs.forEach(function (entry) { prohibited.add(entry[0]); }); continue; }
        if (field === 0) { queryVector.set(termIndex, (queryVector.get(termIndex) || 0) + 1); }  // one vector, alike in every field
        var key = word + "/" + field;
        if (seenWordField.has(key)) { continue; }
        seenWordField.add(key);
        docs.forEach(function (entry) {
          var doc = entry[0], ref = field + "/" + doc;
          if (!fieldsOf.has(doc)) { fieldsOf.set(doc, []); order.push(doc); matched.set(doc, new Map()); }
          if (!weights.has(ref)) { weights.set(ref, []); fieldsOf.get(doc).push(field); }
          weights.get(ref).push([termIndex, entry[1]]);
          var byField = matched.get(doc);
          if (!byField.has(field)) { byField.set(field, new Set()); }
          byField.get(field).add(word);
        });
      }
    });
    if (clause.presence === REQUIRED) {
      required = required === null ? clauseMatches : new Set(Array.from(required).filter(function (doc) { return clauseMatches.has(doc); }));
    }
  });
  if (impossible) { return []; }
  var sortedQuery = Array.from(queryVector.entries()).sort(function (a, b) { return a[0] - b[0]; });
  var sumOfSquares = 0;
  sortedQuery.forEach(function (entry) { sumOfSquares += entry[1] * entry[1]; });
  var magnitude = Math.sqrt(sumOfSquares);
  var results = [];
  order.forEach(function (doc) {
    if ((required !== null && !required.has(doc)) || prohibited.has(doc)) { return; }
    var score = 0, first = true;
    fieldsOf.get(doc).forEach(function (field) {
      var entries = weights.get(field + "/" + doc).slice().sort(function (a, b) { return a[0] - b[0]; });
      var dot = 0;
      entries.forEach(function (entry) { dot += queryVector.get(entry[0]) * entry[1]; });
      var similarity = dot / magnitude || 0;
      if (first) { score = similarity; first = false; } else { score += similarity; }
    });
    results.push({ doc: doc, score: score, matched: matched.get(doc) });
  });
  return results.sort(function (a, b) { return b.score - a.score; });
}

/* Material's getSearchQueryTerms: which words typed the document matched (a word it misses that is no stop word
   counts against it). */
function queryTerms(clauses, matchedWords) {
  var result = {};
  var open = clauses.slice();
  matchedWords.forEach(function (word) {
    open = open.filter(function (clause) {
      if (word.slice(0, clause.term.length) === clause.term) { result[clause.term] = true; return false; }
      return true;
    });
  });
  open.forEach(function (clause) { if (!stopWords.has(clause.term) && clause.term) { result[clause.term] = false; } });
  return result;
}

/* Material's tokenizer and highlighter (integrations/search/internal: extract, tokenize, highlight): the blocks of an
   HTML string (a tag and what it holds), and <mark> around each token the query matched. Text of a field that matched
   nothing is returned whole; otherwise the text is cut to the first two blocks that matched (the title never is). */
function highlight(input, words, full) {
  var table = [], marks = [];
  var block = 0, start = 0, end = 0, stack = 0;
  function entry(from, length) { (table[block] = table[block] || []).push([from, length]); }
  function text(from, to) {
    var section = input.slice(from, to), index = 0, match;
    separator.lastIndex = 0;
    do {
      match = separator.exec(section);
      var until = match ? match.index : section.length;
      if (index < until) {
        entry(from + index, until - index);
        if (words.has(section.slice(index, until).toLowerCase())) { marks.push([block, table[block].length - 1]); }
      }
      if (match) {
        index = match.index + match[0].length;
        if (match[0].length === 0) { separator.lastIndex = match.index + 1; }
      }
    } while (match);
  }
  for (; end < input.length; end++) {
    if (input.charAt(end) === "<" && end > start) {
      text(start, end); start = end;
    } else if (input.charAt(end) === ">") {
      if (input.charAt(start + 1) === "/") {
        if (--stack === 0) { entry(start, end + 1 - start); block++; }
      } else if (input.charAt(end - 1) !== "/") {
        if (stack++ === 0) { entry(start, end + 1 - start); }
      }
      start = end + 1;
    }
  }
  if (end > start) { text(start, end); }
  if (!marks.length) { return input; }
  var blocks = new Map();
  marks.forEach(function (mark) {
    if (!blocks.has(mark[0])) { blocks.set(mark[0], []); }
    blocks.get(mark[0]).push(mark[1]);
  });
  var slices = [], cursor = 0;
  var keys = Array.from(blocks.keys());
  for (var k = 0; k < keys.length; k++) {
    var entries = table[keys[k]], first = entries[0][0], last = entries[entries.length - 1];
    if (full && first > cursor) { slices.push(input.slice(cursor, first)); }
    var slice = input.slice(first, last[0] + last[1]);
    blocks.get(keys[k]).sort(function (a, b) { return b - a; }).forEach(function (index) {
      var p = entries[index][0] - first, q = entries[index][1] + p;
      slice = slice.slice(0, p) + "<mark>" + slice.slice(p, q) + "</mark>" + slice.slice(q);
    });
    cursor = last[0] + last[1];
    if (slices.push(slice) === 2) { break; }
  }
  if (full && cursor < input.length) { slices.push(input.slice(cursor)); }
  return slices.join("");
}

function documentOf(entries, doc, item) {
  var fields = entries[doc - firstOfPage[pageOf[doc]]];
  var result = { location: fields[0], title: fields[1], text: fields[2], score: item.score, terms: item.terms };
  if (fields[3]) { result.tags = fields[3]; }
  if (item.matched) {
    var title = fieldNames.indexOf("title"), text = fieldNames.indexOf("text");
    if (item.matched.has(title)) { result.title = highlight(result.title, item.matched.get(title), true); }
    if (item.matched.has(text)) { result.text = highlight(result.text, item.matched.get(text), false); }
  }
  return result;
}

/* Material's Search.search after lunr: its boost, the sort, the pages with their sections; then the shown pages'
   entries. */
function search(query) {
  var clauses = clausesOf(query).filter(function (clause) { return clause.term; });
  if (!clauses.length) { return Promise.resolve({ items: [] }); }
  var keys = new Set();
  shortWords = new Set();
  clauses.forEach(function (clause) {
    keysFor(clause).forEach(function (key) { keys.add(key); });
    if (clause.wildcard && isShort(clause, chunks.keys.filter(function (key) {
      return key.length > clause.term.length && key.slice(0, clause.term.length) === clause.term;
    }))) { shortWords.add(clause.term); }
  });
  return Promise.all(Array.from(keys).map(shard)).then(function (loaded) {
    var words = Object.assign.apply(null, [{}].concat(loaded));
    var analysed = clauses.filter(function (clause) { return clause.presence !== PROHIBITED; });
    var items = lunrSearch(clauses, words).map(function (result) {
      var matchedWords = new Set();
      result.matched.forEach(function (set) { set.forEach(function (word) { matchedWords.add(word); }); });
      var terms = queryTerms(analysed, Array.from(matchedWords));
      var values = Object.keys(terms).map(function (term) { return terms[term]; });
      var boost = +(articleOf[result.doc] === result.doc) + values.filter(Boolean).length / values.length;
      return { doc: result.doc, score: result.score * (1 + Math.pow(boost, 2)), terms: terms, matched: result.matched };
    }).sort(function (a, b) { return b.score - a.score; });
    var groups = new Map();
    items.forEach(function (item) {
      var article = articleOf[item.doc];
      if (!groups.has(article)) { groups.set(article, []); }
      groups.get(article).push(item);
    });
    var shown = Array.from(groups.entries()).slice(0, chunks.results);
    shown.forEach(function (group) {
      if (!group[1].some(function (item) { return item.doc === group[0]; })) {
        group[1].push({ doc: group[0], score: 0, terms: {}, matched: null });
      }
    });
    return Promise.all(shown.map(function (group) { return page(pageOf[group[0]]); })).then(function (entries) {
      return { items: shown.map(function (group, index) {
        return group[1].map(function (item) { return documentOf(entries[index], item.doc, item); });
      }) };
    });
  });
}

addEventListener("message", function (event) {
  var message = event.data;
  if (message.type === SETUP) {
    setup(message.data);
    postMessage({ id: message.id, type: READY });
  } else if (message.type === QUERY) {
    var text = typeof message.data === "string" ? message.data : message.data.query;
    // one answer per query, in the order asked: a slow shard never lets an older query's results replace a newer one's;
    // a query already followed by another (a key typed while it waited) gets the last answer again, fetching nothing
    var number = ++asked;
    queue = queue.then(function () {
      return number < asked ? answered : search(text);
    }).catch(function (error) {
      console.warn("Search: " + error);
      return { items: [] };
    }).then(function (data) { answered = data; postMessage({ id: message.id, type: RESULT, data: data }); });
  }
});
