// Passkeys: the browser's WebAuthn ceremonies against Spring Security's endpoints. No inline script (CSP).
(function () {
  'use strict';

  function fromBase64Url(text) {
    var base64 = text.replace(/-/g, '+').replace(/_/g, '/');
    while (base64.length % 4) {
      base64 += '=';
    }
    var binary = atob(base64);
    var bytes = new Uint8Array(binary.length);
    for (var i = 0; i < binary.length; i++) {
      bytes[i] = binary.charCodeAt(i);
    }
    return bytes.buffer;
  }

  function toBase64Url(buffer) {
    var bytes = new Uint8Array(buffer);
    var binary = '';
    for (var i = 0; i < bytes.length; i++) {
      binary += String.fromCharCode(bytes[i]);
    }
    return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }

  function csrfToken() {
    var input = document.querySelector('input[name="_csrf"]');
    return input ? input.value : '';
  }

  function post(url, body) {
    return fetch(url, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', 'Accept': 'application/json', 'X-CSRF-TOKEN': csrfToken() },
      body: body === undefined ? undefined : JSON.stringify(body)
    });
  }

  function say(message) {
    var place = document.getElementById('passkey-message');
    if (place) {
      place.textContent = message;
      place.hidden = false;
    }
  }

  function descriptors(list) {
    return (list || []).map(function (descriptor) {
      return Object.assign({}, descriptor, { id: fromBase64Url(descriptor.id) });
    });
  }

  async function register() {
    var labelInput = document.getElementById('passkey-label');
    var label = (labelInput && labelInput.value.trim()) || 'Passkey';
    var answer = await post('/webauthn/register/options');
    if (!answer.ok) {
      say('Could not start: finish signing in first, then try again.');
      return;
    }
    var options = await answer.json();
    var publicKey = Object.assign({}, options, {
      challenge: fromBase64Url(options.challenge),
      user: Object.assign({}, options.user, { id: fromBase64Url(options.user.id) }),
      excludeCredentials: descriptors(options.excludeCredentials)
    });
    var credential = await navigator.credentials.create({ publicKey: publicKey });
    var registered = await post('/webauthn/register', {
      publicKey: {
        credential: {
          id: credential.id,
          rawId: toBase64Url(credential.rawId),
          type: credential.type,
          response: {
            attestationObject: toBase64Url(credential.response.attestationObject),
            clientDataJSON: toBase64Url(credential.response.clientDataJSON),
            transports: credential.response.getTransports ? credential.response.getTransports() : []
          },
          clientExtensionResults: credential.getClientExtensionResults(),
          authenticatorAttachment: credential.authenticatorAttachment
        },
        label: label
      }
    });
    var result = registered.ok ? await registered.json() : {};
    if (result.success) {
      window.location.href = '/account/mfa?passkeyAdded';
    } else {
      say('The passkey was not registered. Try again.');
    }
  }

  async function signIn() {
    var answer = await post('/webauthn/authenticate/options');
    var options = await answer.json();
    var publicKey = Object.assign({}, options, {
      challenge: fromBase64Url(options.challenge),
      allowCredentials: descriptors(options.allowCredentials)
    });
    var credential = await navigator.credentials.get({ publicKey: publicKey });
    var signedIn = await post('/login/webauthn', {
      id: credential.id,
      rawId: toBase64Url(credential.rawId),
      type: credential.type,
      response: {
        authenticatorData: toBase64Url(credential.response.authenticatorData),
        clientDataJSON: toBase64Url(credential.response.clientDataJSON),
        signature: toBase64Url(credential.response.signature),
        userHandle: credential.response.userHandle ? toBase64Url(credential.response.userHandle) : null
      },
      clientExtensionResults: credential.getClientExtensionResults(),
      authenticatorAttachment: credential.authenticatorAttachment
    });
    if (signedIn.ok) {
      var result = await signedIn.json();
      window.location.href = result.redirectUrl || '/';
    } else {
      say('That passkey was not accepted.');
    }
  }

  function bind(selector, action) {
    document.querySelectorAll(selector).forEach(function (button) {
      button.addEventListener('click', function (event) {
        event.preventDefault();
        if (!window.PublicKeyCredential) {
          say('This browser does not support passkeys.');
          return;
        }
        action().catch(function () {
          say('The passkey ceremony was cancelled or failed.');
        });
      });
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    bind('[data-passkey-register]', register);
    bind('[data-passkey-signin]', signIn);
  });
})();
