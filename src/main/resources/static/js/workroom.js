// The workroom page: forms that clear after success, copying a new link, and uploads by picker or drop
// (each file a row with a <progress> bar, sent by /js/uploads.js; the grid refreshes when one finishes).
(function () {
  'use strict';

  // A form marked data-reset-on-success clears once htmx has its answer, unless the answer is a problem.
  document.addEventListener('htmx:afterRequest', function (event) {
    var form = event.detail.elt;
    if (form.matches && form.matches('form[data-reset-on-success]') && event.detail.successful) {
      var target = event.detail.target;
      if (!target || !target.querySelector('.problem')) {
        form.reset();
      }
    }
  });

  document.addEventListener('click', function (event) {
    var button = event.target.closest && event.target.closest('button[data-copy]');
    if (!button) {
      return;
    }
    var field = document.querySelector(button.dataset.copy);
    field.select();
    if (navigator.clipboard) {
      navigator.clipboard.writeText(field.value).catch(function () { /* selected: the person copies it */ });
    }
  });

  // Cards take their workflow stage's colour from data-stage-colour: set through the CSSOM, since the
  // policy allows no style attribute in the markup. Run on load and on every grid htmx swaps in.
  function colourCards(root) {
    root.querySelectorAll('.style-card[data-stage-colour]').forEach(function (card) {
      var colour = card.dataset.stageColour;
      if (/^#[0-9a-f]{6}$/.test(colour)) {
        card.style.setProperty('--stage-colour', colour);
      }
    });
  }
  // A card's colorway swatches: painted from data-swatch the same way; one pressed shows that colorway's
  // picture, and its turntable on hover (turntable-hover.js reads the thumb's data-turntable).
  function paintSwatches(root) {
    root.querySelectorAll('[data-card-swatch]').forEach(function (swatch) {
      if (/^#[0-9a-f]{6}$/.test(swatch.dataset.swatch)) {
        swatch.style.backgroundColor = swatch.dataset.swatch;
      }
    });
  }
  colourCards(document);
  paintSwatches(document);
  document.addEventListener('htmx:afterSwap', function (event) {
    colourCards(event.detail.target || document);
    paintSwatches(event.detail.target || document);
  });
  document.addEventListener('click', function (event) {
    var swatch = event.target.closest && event.target.closest('[data-card-swatch]');
    if (!swatch) {
      return;
    }
    var card = swatch.closest('.style-card');
    var thumb = card.querySelector('.thumb');
    card.querySelectorAll('[data-card-swatch]').forEach(function (other) {
      other.setAttribute('aria-pressed', String(other === swatch));
    });
    thumb.dataset.turntable = swatch.dataset.turntable;
    thumb.dataset.frames = swatch.dataset.frames;
    thumb.querySelector('img').src = swatch.dataset.thumbnail;
  });

  var section = document.getElementById('uploads');
  if (!section) {
    return;
  }
  var workroom = section.dataset.workroom;
  var list = document.getElementById('upload-list');
  var picker = document.getElementById('upload-files');
  var dropzone = document.getElementById('dropzone');
  var queue = Promise.resolve();

  function message(name, value) {
    var text = section.dataset['msg' + name.charAt(0).toUpperCase() + name.slice(1)] || '';
    return value === undefined ? text : text.replace('{0}', value);
  }

  function showPending() {
    var box = document.getElementById('upload-pending');
    var items = window.selvedgeUploads.pending(workroom);
    var ul = box.querySelector('ul');
    ul.textContent = '';
    items.forEach(function (item) {
      var li = document.createElement('li');
      li.textContent = item.name;
      ul.appendChild(li);
    });
    box.hidden = items.length === 0;
  }

  function row(file) {
    var li = document.createElement('li');
    li.className = 'upload';
    li.dataset.file = file.name;
    li.dataset.offset = '0';
    var name = document.createElement('span');
    name.className = 'upload-name';
    name.textContent = file.name;
    var bar = document.createElement('progress');
    bar.max = 100;
    bar.value = 0;
    bar.setAttribute('aria-label', file.name);
    var percent = document.createElement('span');
    percent.className = 'upload-percent';
    percent.textContent = '0%';
    var status = document.createElement('span');
    status.className = 'upload-status';
    status.textContent = message('waiting');
    var note = document.createElement('span');
    note.className = 'upload-note';
    li.append(name, bar, percent, status, note);
    list.appendChild(li);
    return { li: li, bar: bar, percent: percent, status: status, note: note };
  }

  function percentOf(sent, total) {
    return total === 0 ? 100 : Math.floor((sent * 100) / total);
  }

  // "A new style per file": named after the file, without its extension.
  function newStyle(file) {
    var csrf = window.selvedgeCsrf();
    var headers = { 'Content-Type': 'application/json' };
    headers[csrf.header] = csrf.token;
    var name = file.name.replace(/\.[^.]+$/, '') || file.name;
    return fetch('/api/v1/workrooms/' + workroom + '/styles', {
      method: 'POST',
      credentials: 'same-origin',
      headers: headers,
      body: JSON.stringify({ name: name.slice(0, 200), tags: [] })
    }).then(function (answer) {
      if (!answer.ok) {
        throw new Error('refused');
      }
      return answer.json();
    }).then(function (style) { return style.id; });
  }

  // The material files of an OBJ export (one per colourway), added to its version one after another.
  function addMaterials(versionId, materials) {
    return materials.reduce(function (chain, file) {
      return chain.then(function () {
        var csrf = window.selvedgeCsrf();
        var headers = { 'Content-Type': 'application/octet-stream' };
        headers[csrf.header] = csrf.token;
        return fetch('/api/v1/versions/' + versionId + '/materials?filename=' + encodeURIComponent(file.name), {
          method: 'POST',
          credentials: 'same-origin',
          headers: headers,
          body: file
        }).then(function (answer) {
          if (!answer.ok) {
            throw new Error('refused');
          }
        });
      });
    }, Promise.resolve());
  }

  function start(file, styleId, materials) {
    var view = row(file);
    queue = queue.then(function () {
      view.status.textContent = '';
      return window.selvedgeUploads.upload(file, {
        scope: workroom,
        chunkSize: section.dataset.chunkSize ? parseInt(section.dataset.chunkSize, 10) : undefined,
        style: function () { return styleId ? Promise.resolve(styleId) : newStyle(file); },
        onProgress: function (sent, total) {
          var value = percentOf(sent, total);
          view.bar.value = value;
          view.percent.textContent = value + '%';
        },
        onOffset: function (offset) { view.li.dataset.offset = String(offset); },
        onResumed: function (offset) {
          view.li.dataset.resumedFrom = String(offset);
          view.note.textContent = message('resumed', percentOf(offset, file.size));
        },
        onRetry: function () { view.status.textContent = message('retrying'); }
      }).then(function (done) {
        return materials.length && done.versionId
          ? addMaterials(done.versionId, materials).then(function () { return done; })
          : done;
      }).then(function (done) {
        view.bar.value = 100;
        view.percent.textContent = '100%';
        view.status.textContent = message('done');
        view.li.classList.add('done');
        if (done.versionId) {
          view.li.dataset.version = done.versionId;
        }
        showPending();
        htmx.trigger(document.body, 'styles-changed');
      }, function () {
        view.status.textContent = message('failed');
        view.li.classList.add('failed');
        showPending();
      });
    });
  }

  function take(files) {
    var styleId = document.getElementById('upload-style').value;
    var all = Array.prototype.slice.call(files);
    var objs = all.filter(function (file) { return /\.obj$/i.test(file.name); });
    // An OBJ exported with one material file per colourway is one version: its .mtl files go with it.
    var materials = objs.length === 1 ? all.filter(function (file) { return /\.mtl$/i.test(file.name); }) : [];
    all.filter(function (file) { return materials.indexOf(file) < 0; }).forEach(function (file) {
      start(file, styleId, file === objs[0] ? materials : []);
    });
    // Started uploads show in the pending list until they finish, in case the page is left.
    queue.then(showPending);
  }

  picker.addEventListener('change', function () {
    var files = Array.prototype.slice.call(picker.files);
    picker.value = '';
    take(files);
  });
  ['dragenter', 'dragover'].forEach(function (type) {
    dropzone.addEventListener(type, function (event) {
      event.preventDefault();
      dropzone.classList.add('over');
    });
  });
  ['dragleave', 'drop'].forEach(function (type) {
    dropzone.addEventListener(type, function () { dropzone.classList.remove('over'); });
  });
  dropzone.addEventListener('drop', function (event) {
    event.preventDefault();
    if (event.dataTransfer && event.dataTransfer.files.length) {
      take(event.dataTransfer.files);
    }
  });
  showPending();
})();
