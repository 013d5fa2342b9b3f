// The first viewer of a 3D version renders its thumbnails and turntables. The server asks by placing one
// [data-render-turntable] per render it wants on the style page (data-version, data-url, and for a colorway's
// data-render-colorway, its id, and data-render-colorway-name); once the viewer of that version has its model
// and knows the model's colourways (modelReady), this draws FRAMES pictures around the model for each, one per animation frame,
// with the viewer's own renderer into a corner of its canvas, copies each out, and draws the person's view
// again in the same callback: the browser shows the canvas only after the callback, so the view never changes
// (a colourway's frame is drawn in that colourway and the person's own put back before their view is drawn).
// The frames go side by side into one JPEG, sent to data-url; the first frame (the front) becomes the
// thumbnail. A colourway the model cannot show is skipped. Kept apart from viewer.js: it reads only the
// viewer's renderer, scene, camera and model, and asks it to show a colourway.
import * as THREE from 'three';
import { modelReady } from './viewer.js';

const FRAMES = 24;
const WIDTH = 400; // one frame, in pixels: 4:3 like the workroom's cards
const HEIGHT = 300;
const BACKGROUND = 0xf4f4f2; // the viewer's light background, whatever the person chose
const QUALITY = 0.9;

const markers = [...document.querySelectorAll('[data-render-turntable]')];
const element = markers.length > 0
  && document.querySelector(`[data-viewer][data-version="${markers[0].dataset.version}"]`);
if (element) {
  modelReady(element).then(async (viewer) => {
    for (const marker of markers) {
      const colourway = marker.dataset.renderColorway ? marker.dataset.renderColorwayName : null;
      if (colourway !== null && !viewer.hasColorway(colourway)) {
        marker.dataset.state = 'skipped';
        continue;
      }
      try {
        await send(marker, await capture(viewer, marker, colourway));
      } catch {
        marker.dataset.state = 'failed';
      }
    }
  });
}

/** Resolves with the turntable (in the colourway of that name; null: the model's own look) as a JPEG blob. */
function capture(viewer, marker, colourway) {
  const strip = document.createElement('canvas');
  strip.width = WIDTH * FRAMES;
  strip.height = HEIGHT;
  const paint = strip.getContext('2d');
  const camera = turntableCamera(viewer.model);
  const wireframe = element.querySelector('[data-action="wireframe"]');
  let frame = 0;
  const started = performance.now();
  marker.dataset.state = 'rendering';
  return new Promise((resolve, reject) => {
    const next = () => {
      try {
        // A wireframe the person turned on is theirs to see, not the thumbnail's: wait until it is off.
        if (!wireframe || wireframe.getAttribute('aria-pressed') !== 'true') {
          aim(camera, viewer.model, frame);
          drawFrame(viewer, camera, paint, frame, colourway);
          frame += 1;
        }
        if (frame < FRAMES) {
          requestAnimationFrame(next);
        } else {
          // How long the frames took and what they weigh, for whoever measures (the browser tests do).
          marker.dataset.renderMs = String(Math.round(performance.now() - started));
          strip.toBlob((blob) => {
            if (!blob) {
              reject(new Error('no image'));
              return;
            }
            marker.dataset.bytes = String(blob.size);
            resolve(blob);
          }, 'image/jpeg', QUALITY);
        }
      } catch (error) {
        reject(error);
      }
    };
    requestAnimationFrame(next);
  });
}

function turntableCamera(model) {
  const sphere = new THREE.Box3().setFromObject(model).getBoundingSphere(new THREE.Sphere());
  const camera = new THREE.PerspectiveCamera(35, WIDTH / HEIGHT, sphere.radius / 100, sphere.radius * 100);
  camera.userData.sphere = sphere;
  return camera;
}

/** Frame 0 faces the model's front (+z, as the viewer's home view); the others go round it. */
function aim(camera, model, frame) {
  const { center, radius } = camera.userData.sphere;
  const distance = (radius / Math.sin(THREE.MathUtils.degToRad(camera.fov / 2))) * 1.05;
  const angle = (frame / FRAMES) * Math.PI * 2;
  camera.position.set(
    center.x + Math.sin(angle) * distance,
    center.y + distance * 0.15,
    center.z + Math.cos(angle) * distance);
  camera.lookAt(center);
  camera.updateProjectionMatrix();
}

/** One frame into the bottom-left corner of the viewer's canvas, copied out, then the person's view again. */
function drawFrame(viewer, camera, paint, frame, colourway) {
  const renderer = viewer.renderer;
  const canvas = renderer.domElement;
  const ratio = renderer.getPixelRatio();
  const scale = Math.min(1, canvas.width / WIDTH, canvas.height / HEIGHT);
  const width = Math.floor(WIDTH * scale);
  const height = Math.floor(HEIGHT * scale);
  if (width < 1 || height < 1) throw new Error('the viewer has no room to draw');
  const viewport = renderer.getViewport(new THREE.Vector4());
  const scissor = renderer.getScissor(new THREE.Vector4());
  const scissored = renderer.getScissorTest();
  const background = viewer.scene.background;
  const personsColourway = viewer.element.dataset.colorway || '';
  try {
    viewer.scene.background = new THREE.Color(BACKGROUND);
    viewer.showColorway(colourway || '');
    renderer.setViewport(0, 0, width / ratio, height / ratio);
    renderer.setScissor(0, 0, width / ratio, height / ratio);
    renderer.setScissorTest(true);
    renderer.render(viewer.scene, camera);
    paint.drawImage(canvas, 0, canvas.height - height, width, height, frame * WIDTH, 0, WIDTH, HEIGHT);
  } finally {
    viewer.showColorway(personsColourway);
    viewer.scene.background = background;
    renderer.setViewport(viewport);
    renderer.setScissor(scissor);
    renderer.setScissorTest(scissored);
    renderer.render(viewer.scene, viewer.camera);
  }
}

function send(marker, blob) {
  const csrf = window.selvedgeCsrf && window.selvedgeCsrf();
  const headers = { 'Content-Type': 'image/jpeg' };
  if (csrf) headers[csrf.header] = csrf.token;
  // A colorway's render names it; else it is the version's own look.
  const colorway = marker.dataset.renderColorway
    ? `&colorwayId=${encodeURIComponent(marker.dataset.renderColorway)}` : '';
  return fetch(`${marker.dataset.url}?frames=${FRAMES}${colorway}`, {
    method: 'POST',
    credentials: 'same-origin',
    headers,
    body: blob,
  }).then((answer) => {
    // 409: someone else's render came first, which is as good.
    marker.dataset.state = answer.ok || answer.status === 409 ? 'sent' : 'refused';
  }, () => { marker.dataset.state = 'failed'; });
}
