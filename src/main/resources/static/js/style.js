// The style page: dialogs, pinning a comment where the model was clicked, highlighting a comment and its
// marker together, and sending the picture of the view with a comment written beside the viewer. The
// viewer (/js/viewer.js) speaks through DOM events: viewer:pick, viewer:pin, viewer:highlight; its
// element holds the Viewer (element.viewer) once the module ran.
const viewer = () => document.querySelector('[data-viewer]');

// Dialogs: a button names its dialog; the close buttons close theirs.
document.querySelectorAll('[data-open-dialog]').forEach((button) => {
  button.addEventListener('click', () => document.getElementById(button.dataset.openDialog).showModal());
});
document.querySelectorAll('[data-close-dialog]').forEach((button) => {
  button.addEventListener('click', () => button.closest('dialog').close());
});

function highlightComment(id, scroll) {
  document.querySelectorAll('.comment').forEach((comment) => {
    comment.classList.toggle('highlighted', comment.dataset.commentId === id);
  });
  const comment = document.getElementById('comment-' + id);
  if (comment && scroll) comment.scrollIntoView({ block: 'nearest' });
}

// A click on the model pins the next comment there.
document.addEventListener('viewer:pick', (event) => {
  const form = document.querySelector('.comment-form');
  if (!form) return;
  const { x, y, z } = event.detail;
  form.elements.pinX.value = x;
  form.elements.pinY.value = y;
  form.elements.pinZ.value = z;
  form.elements.versionId.value = event.target.dataset.version || '';
  form.querySelector('.pin-note').hidden = false;
  form.elements.body.focus();
});

// A marker clicked: its comment is highlighted.
document.addEventListener('viewer:pin', (event) => highlightComment(event.detail.id, true));

document.addEventListener('click', (event) => {
  const clear = event.target.closest('[data-clear-pin]');
  if (clear) {
    const form = clear.closest('form');
    ['pinX', 'pinY', 'pinZ', 'versionId'].forEach((name) => { form.elements[name].value = ''; });
    form.querySelector('.pin-note').hidden = true;
    return;
  }
  const show = event.target.closest('[data-show-pin]');
  if (show) {
    const id = show.closest('.comment').dataset.commentId;
    highlightComment(id, false);
    const element = viewer();
    if (element) element.dispatchEvent(new CustomEvent('viewer:highlight', { detail: { id } }));
  }
});

// Beside a viewer, a comment may carry the view it was written on (the choice is offered only there).
function offerTheView() {
  const label = document.querySelector('.comment-form .with-view');
  if (label) label.hidden = !viewer();
}
offerTheView();
document.addEventListener('htmx:afterSettle', offerTheView);

document.addEventListener('htmx:configRequest', (event) => {
  const form = event.detail.elt.closest && event.detail.elt.closest('.comment-form');
  const element = viewer();
  const wanted = form && form.querySelector('#comment-with-view');
  if (!form || !element || !element.viewer || !wanted || !wanted.checked) return;
  const picture = element.viewer.snapshot();
  if (!picture) return;
  const set = (name, value) => {
    if (event.detail.formData) event.detail.formData.set(name, value);
    else event.detail.parameters[name] = value;
  };
  set('screenshot', picture);
  // The picture shows this version: the comment is on it, pinned or not.
  if (!form.elements.versionId.value) set('versionId', element.dataset.version || '');
});

// A refused comment (422) still shows its part, with the reason.
document.addEventListener('htmx:beforeSwap', (event) => {
  if (event.detail.xhr.status === 422) {
    event.detail.shouldSwap = true;
    event.detail.isError = false;
  }
});

// Colorways: each swatch painted from its data-swatch (#rrggbb, checked by the server; the CSP allows no
// inline style, a style set from script it does). A swatch clicked shows its colorway on the model: the
// viewer switches to the file's variant of that name ('viewer:colorway' {name}).
document.querySelectorAll('[data-swatch]').forEach((swatch) => {
  if (/^#[0-9a-f]{6}$/.test(swatch.dataset.swatch)) swatch.style.backgroundColor = swatch.dataset.swatch;
  swatch.addEventListener('click', () => {
    document.querySelectorAll('[data-swatch]').forEach((other) => {
      other.setAttribute('aria-pressed', String(other === swatch));
    });
    const element = viewer();
    if (element) {
      element.dispatchEvent(new CustomEvent('viewer:colorway', { detail: { name: swatch.dataset.colorwayName } }));
    }
  });
});
