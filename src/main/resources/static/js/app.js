// Every page: htmx requests carry the CSRF token from the page's <meta> tags, like forms do with _csrf.
(function () {
  'use strict';
  function csrf() {
    var header = document.querySelector('meta[name="csrf-header"]');
    var token = document.querySelector('meta[name="csrf-token"]');
    return header && token ? { header: header.content, token: token.content } : null;
  }
  // For scripts of other pages (uploads, the viewer's comments): fetch() with the same header.
  window.selvedgeCsrf = csrf;
  document.addEventListener('htmx:configRequest', function (event) {
    var token = csrf();
    if (token) {
      event.detail.headers[token.header] = token.token;
    }
  });
})();
