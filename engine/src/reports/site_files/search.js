// The site's search, run in the reader's browser over search-index.js, which
// the batch writes beside it: nothing is fetched, so it works from a folder
// opened as file:// as well as from a server, under a policy that lets only
// the site's own scripts run. Every query word must appear in a page's title
// or its line; pages whose title holds them all come first.
(function () {
  "use strict";
  var pages = window.verdictSearch || [];
  var form = document.getElementById("search-form");
  var input = document.getElementById("search-query");
  var status = document.getElementById("search-status");
  var list = document.getElementById("results");
  var most = 50;
  var kinds = { tool: "Tool", comparison: "Comparison", category: "Category" };

  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  var titles = pages.map(function (p) { return fold(p[1]); });
  var lines = pages.map(function (p) { return fold(p[2]); });

  function matches(words, i, inTitleOnly) {
    return words.every(function (w) {
      return titles[i].indexOf(w) !== -1 || (!inTitleOnly && lines[i].indexOf(w) !== -1);
    });
  }

  function result(page) {
    var item = document.createElement("li");
    item.className = "row";
    var main = document.createElement("div");
    main.className = "row-main";
    var eyebrow = document.createElement("p");
    eyebrow.className = "eyebrow";
    eyebrow.textContent = kinds[page[0]] || page[0];
    var heading = document.createElement("h2");
    var link = document.createElement("a");
    link.href = page[3];
    link.textContent = page[1];
    heading.appendChild(link);
    var line = document.createElement("p");
    line.className = "detail";
    line.textContent = page[2];
    main.appendChild(eyebrow);
    main.appendChild(heading);
    main.appendChild(line);
    item.appendChild(main);
    return item;
  }

  function show(query) {
    var words = fold(query).split(/\s+/).filter(Boolean);
    list.textContent = "";
    if (words.length === 0) {
      status.textContent = "Type a tool's name, a category or a word of a comparison.";
      return;
    }
    var found = [];
    var i;
    for (i = 0; i < pages.length; i++) if (matches(words, i, true)) found.push(i);
    for (i = 0; i < pages.length; i++) if (!matches(words, i, true) && matches(words, i, false)) found.push(i);
    found.slice(0, most).forEach(function (k) { list.appendChild(result(pages[k])); });
    if (found.length === 0) status.textContent = "Nothing matches \u201c" + query.trim() + "\u201d.";
    else if (found.length > most) status.textContent = found.length + " pages match; the first " + most + " are shown. Add a word to narrow them.";
    else status.textContent = found.length === 1 ? "1 page matches." : found.length + " pages match.";
  }

  var query = new URLSearchParams(window.location.search).get("q") || "";
  input.value = query;
  show(query);
  input.addEventListener("input", function () { show(input.value); });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    show(input.value);
  });
})();
