// A small tus 1.0 client for /api/v1/uploads: creation, PATCH in chunks, resumption after an error or a reload.
// Each upload's URL is kept in localStorage under the file's name, size and modification time, so choosing
// the same file again continues from the server's offset instead of from 0.
(function () {
  'use strict';

  var ENDPOINT = '/api/v1/uploads';
  var TUS = '1.0.0';
  var CHUNK = 8 * 1024 * 1024;
  var BACKOFF = [1000, 2000, 5000, 10000, 20000];

  function headers(extra) {
    var all = { 'Tus-Resumable': TUS };
    var csrf = window.selvedgeCsrf && window.selvedgeCsrf();
    if (csrf) {
      all[csrf.header] = csrf.token;
    }
    Object.keys(extra || {}).forEach(function (name) { all[name] = extra[name]; });
    return all;
  }

  // One request, by XMLHttpRequest for its upload progress; resolves with the status and a header reader.
  function send(method, url, extra, body, onProgress) {
    return new Promise(function (resolve, reject) {
      var xhr = new XMLHttpRequest();
      xhr.open(method, url);
      var all = headers(extra);
      Object.keys(all).forEach(function (name) { xhr.setRequestHeader(name, all[name]); });
      if (onProgress) {
        xhr.upload.onprogress = function (event) { onProgress(event.loaded); };
      }
      xhr.onload = function () {
        resolve({ status: xhr.status, header: function (name) { return xhr.getResponseHeader(name); } });
      };
      xhr.onerror = function () { reject(new Error('network')); };
      xhr.onabort = function () { reject(new Error('aborted')); };
      xhr.send(body === undefined ? null : body);
    });
  }

  function base64(text) {
    var bytes = new TextEncoder().encode(text);
    var binary = '';
    for (var i = 0; i < bytes.length; i++) {
      binary += String.fromCharCode(bytes[i]);
    }
    return btoa(binary);
  }

  function sleep(ms) {
    return new Promise(function (resolve) { setTimeout(resolve, ms); });
  }

  function storageKey(scope, file) {
    return 'selvedge.tus:' + scope + ':' + file.name + ':' + file.size + ':' + file.lastModified;
  }

  function remembered(key) {
    try {
      return JSON.parse(localStorage.getItem(key) || 'null');
    } catch (e) {
      return null;
    }
  }

  /** The uploads of a scope (a workroom) that a reload interrupted: [{name, key}]. */
  function pending(scope) {
    var prefix = 'selvedge.tus:' + scope + ':';
    var found = [];
    for (var i = 0; i < localStorage.length; i++) {
      var key = localStorage.key(i);
      if (key && key.indexOf(prefix) === 0) {
        var saved = remembered(key);
        if (saved) {
          found.push({ key: key, name: saved.name });
        }
      }
    }
    return found;
  }

  /**
   * Uploads a file. options: scope (string), style() → Promise of the style id (asked only for a new
   * upload), chunkSize, onProgress(sent, total), onOffset(offset), onResumed(offset), onRetry(attempt).
   * Resolves with { versionId }; rejects with an Error whose message is 'refused' or 'failed'.
   */
  function upload(file, options) {
    var key = storageKey(options.scope, file);
    var chunk = options.chunkSize || CHUNK;
    var state = { url: null, offset: 0, versionId: null };

    function head() {
      return send('HEAD', state.url).then(function (answer) {
        if (answer.status !== 200) {
          return answer.status;
        }
        state.offset = parseInt(answer.header('Upload-Offset'), 10);
        state.versionId = answer.header('Selvedge-Version-Id');
        return 200;
      });
    }

    function resume() {
      var saved = remembered(key);
      if (!saved) {
        return Promise.resolve(false);
      }
      state.url = saved.url;
      return head().then(function (status) {
        if (status !== 200) {
          localStorage.removeItem(key);
          state.url = null;
          return false;
        }
        if (state.offset > 0 && options.onResumed) {
          options.onResumed(state.offset);
        }
        return true;
      }, function () {
        return true; // the network, not the upload: the PATCH loop retries
      });
    }

    function create() {
      return options.style().then(function (styleId) {
        var metadata = [
          'styleId ' + base64(styleId),
          'filename ' + base64(file.name),
          'filetype ' + base64(file.type || 'application/octet-stream')
        ].join(',');
        return send('POST', ENDPOINT, { 'Upload-Length': String(file.size), 'Upload-Metadata': metadata });
      }).then(function (answer) {
        if (answer.status !== 201) {
          throw new Error(answer.status >= 500 ? 'failed' : 'refused');
        }
        state.url = answer.header('Location');
        localStorage.setItem(key, JSON.stringify({ url: state.url, name: file.name }));
      });
    }

    function patch() {
      var end = Math.min(state.offset + chunk, file.size);
      var from = state.offset;
      return send('PATCH', state.url,
        { 'Upload-Offset': String(from), 'Content-Type': 'application/offset+octet-stream' },
        file.slice(from, end),
        function (loaded) { if (options.onProgress) { options.onProgress(from + loaded, file.size); } }
      ).then(function (answer) {
        if (answer.status === 204) {
          state.offset = parseInt(answer.header('Upload-Offset'), 10);
          state.versionId = answer.header('Selvedge-Version-Id');
          return 'ok';
        }
        if (answer.status === 409 || answer.status >= 500) {
          return 'retry';
        }
        throw new Error('refused');
      }, function () { return 'retry'; });
    }

    function loop(attempt) {
      if (state.offset >= file.size && (state.versionId || file.size === 0)) {
        return Promise.resolve();
      }
      var step = state.offset >= file.size ? head().then(function () { return 'ok'; }) : patch();
      return step.then(function (outcome) {
        if (outcome === 'ok') {
          if (options.onOffset) { options.onOffset(state.offset); }
          if (options.onProgress) { options.onProgress(state.offset, file.size); }
          return loop(0);
        }
        if (attempt >= BACKOFF.length) {
          throw new Error('failed');
        }
        if (options.onRetry) { options.onRetry(attempt + 1); }
        // After an error, ask the server where it stands: it keeps what it received.
        return sleep(BACKOFF[attempt]).then(head).then(function () { return loop(attempt + 1); },
          function () { return loop(attempt + 1); });
      });
    }

    return resume()
      .then(function (resumed) { return resumed ? null : create(); })
      .then(function () { return loop(0); })
      .then(function () {
        localStorage.removeItem(key);
        return { versionId: state.versionId };
      }, function (error) {
        if (error.message === 'refused') {
          localStorage.removeItem(key);
        }
        throw error.message === 'refused' ? error : new Error('failed');
      });
  }

  window.selvedgeUploads = { upload: upload, pending: pending };
})();
