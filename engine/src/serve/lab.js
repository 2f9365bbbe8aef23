// The persona lab's table sorts by the column whose heading is chosen, on
// each cell's data-key: as numbers where both keys are numbers, else as
// text; choosing the same heading again reverses the order.
(function () {
  'use strict';
  var table = document.getElementById('lab-table');
  if (!table) return;
  var headings = table.querySelectorAll('thead th');
  function key(row, column) {
    var cell = row.children[column];
    return cell ? cell.getAttribute('data-key') || '' : '';
  }
  function compare(a, b) {
    var x = parseFloat(a), y = parseFloat(b);
    if (a !== '' && b !== '' && !isNaN(x) && !isNaN(y)) return x - y;
    if (a === '' || b === '') return a === b ? 0 : a === '' ? 1 : -1;
    return a.localeCompare(b);
  }
  headings.forEach(function (heading, column) {
    heading.querySelector('button').addEventListener('click', function () {
      var ascending = heading.getAttribute('aria-sort') !== 'ascending';
      headings.forEach(function (other) { other.removeAttribute('aria-sort'); });
      heading.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
      var body = table.tBodies[0];
      var rows = Array.prototype.slice.call(body.rows);
      rows.sort(function (a, b) {
        var order = compare(key(a, column), key(b, column));
        return ascending ? order : -order;
      });
      rows.forEach(function (row) { body.appendChild(row); });
    });
  });
})();
