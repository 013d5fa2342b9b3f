// The admin console: every form with data-confirm asks in a <dialog> before it is sent.
(function () {
  'use strict';
  var dialog = document.getElementById('admin-confirm');
  if (!dialog) {
    return;
  }
  var text = document.getElementById('admin-confirm-text');
  var pending = null;

  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (!(form instanceof HTMLFormElement) || !form.hasAttribute('data-confirm')) {
      return;
    }
    event.preventDefault();
    pending = form;
    text.textContent = form.getAttribute('data-confirm');
    dialog.showModal();
    dialog.querySelector('[data-confirm-ok]').focus();
  });

  dialog.querySelector('[data-confirm-ok]').addEventListener('click', function () {
    var form = pending;
    pending = null;
    dialog.close();
    if (form) {
      form.submit(); // submit() fires no submit event: the confirmed form is not asked about again.
    }
  });
  dialog.querySelector('[data-confirm-cancel]').addEventListener('click', function () {
    pending = null;
    dialog.close();
  });
  dialog.addEventListener('close', function () {
    pending = null;
  });
})();
