// What `verdict serve` adds to every page it serves: a Server-Sent Events
// stream that says when this page's content changed (the page then reloads)
// and which problems the catalog has (shown over the page until they are
// fixed). The page's own hash, in <meta name="verdict-live">, tells the
// server which version the browser holds.
(function () {
  'use strict';
  var meta = document.querySelector('meta[name="verdict-live"]');
  if (!meta || !window.EventSource) return;
  var page = location.pathname + location.search;
  var events = new EventSource('/_verdict/events?page=' + encodeURIComponent(page) + '&hash=' + encodeURIComponent(meta.content));
  events.addEventListener('reload', function () { location.reload(); });
  events.addEventListener('problems', function (event) { show(JSON.parse(event.data)); });

  function show(problems) {
    var old = document.getElementById('verdict-problems');
    if (old) old.remove();
    if (!problems.length) return;
    var box = document.createElement('aside');
    box.id = 'verdict-problems';
    box.setAttribute('role', 'alert');
    box.style.cssText = 'position:fixed;inset:auto 0 0 0;max-height:60vh;overflow:auto;z-index:2147483647;margin:0;' +
      'padding:1rem 1.25rem;background:#3d1719;color:#fff;font:15px/1.45 system-ui,sans-serif;border-top:4px solid #ff9a94';
    var title = document.createElement('h2');
    title.style.cssText = 'margin:0 0 .5rem;font-size:1.1rem;color:#fff';
    title.textContent = problems.length + (problems.length === 1 ? ' problem' : ' problems') +
      ' in the catalog: this page is the last good one';
    box.appendChild(title);
    var list = document.createElement('ol');
    list.style.cssText = 'margin:0;padding-left:1.4rem';
    problems.forEach(function (problem) {
      var item = document.createElement('li');
      var file = document.createElement('code');
      file.className = 'problem-file';
      file.textContent = problem.file;
      item.appendChild(file);
      if (problem.where) {
        var where = document.createElement('span');
        where.className = 'problem-where';
        where.textContent = ' ' + problem.where;
        item.appendChild(where);
      }
      var message = document.createElement('span');
      message.className = 'problem-message';
      message.textContent = ': ' + problem.message;
      item.appendChild(message);
      list.appendChild(item);
    });
    box.appendChild(list);
    document.body.appendChild(box);
  }
})();
