// The 3D viewer: every element with [data-viewer] shows the model at its data-model URL (.glb, .gltf or
// .obj, by data-format), with orbit and zoom, reset view, wireframe, background, a distance tool, and
// comment pins. Pins come from elements with [data-pin-x] (the comments list); a click on the model that
// does not drag dispatches 'viewer:pick' {x, y, z} on the viewer element (while measuring, it places a
// point instead); a click on a marker dispatches 'viewer:pin' {id}; 'viewer:highlight' {id} sent to the
// element highlights a marker; 'viewer:colorway' {name} sent to it shows that colourway: the glTF's
// KHR_materials_variants variant of that name, or for an OBJ the material file a swatch names in
// data-colorway-mtl (data-variants: how many the model can show, once they are ready; data-colorway: the
// one shown). Each element gets its Viewer as element.viewer; other modules import the class and
// linkCameras() (the compare page) and call viewer.snapshot() (a comment's picture of the view).
import * as THREE from 'three';
import { OrbitControls } from 'three/addons/controls/OrbitControls.js';
import { MTLLoader } from 'three/addons/loaders/MTLLoader.js';
import { gltfOf, loadModel, studioEnvironment } from './model-loading.js';

const BACKGROUNDS = { light: 0xf4f4f2, dark: 0x1e1f22, grey: 0x8a8d91 };
const IDLE_FRAME_MS = 2000; // an unmoving view is drawn again this seldom: a safety net, see the constructor
const CLICK_SLOP = 5; // pixels a pointer may move and still be a click, not a drag
const MEASURE_COLOUR = 0xd9480f;

export class Viewer {
  constructor(element) {
    this.element = element;
    this.canvas = element.querySelector('canvas');
    this.overlay = element.querySelector('.viewer-pins');
    this.status = element.querySelector('.viewer-status');
    this.markers = new Map();
    this.measure = null; // while the distance tool is on: { points: [Vector3], group: Object3D }
    this.renderer = new THREE.WebGLRenderer({ canvas: this.canvas, antialias: true, preserveDrawingBuffer: true });
    this.renderer.setPixelRatio(Math.min(window.devicePixelRatio || 1, 2));
    this.scene = new THREE.Scene();
    this.camera = new THREE.PerspectiveCamera(45, 1, 0.01, 1000);
    this.controls = new OrbitControls(this.camera, this.canvas);
    this.controls.enableDamping = true;
    this.scene.add(new THREE.HemisphereLight(0xffffff, 0x666666, 2.2));
    const sun = new THREE.DirectionalLight(0xffffff, 1.8);
    sun.position.set(3, 5, 4);
    this.scene.add(sun);
    this.scene.environment = studioEnvironment(this.renderer); // soft light that sheen and weave show under
    this.scene.environmentIntensity = 0.5;
    this.setBackground(element.dataset.background || 'light');
    this.wireControls();
    this.wirePicking();
    this.wireMeasuring();
    this.load(element.dataset.model, element.dataset.format);
    this.readPins();
    document.addEventListener('htmx:afterSettle', () => this.readPins());
    element.addEventListener('viewer:highlight', (event) => this.highlight(event.detail.id));
    element.addEventListener('viewer:colorway', (event) => this.showColorway(event.detail.name));
    // Drawn on demand: a frame is drawn when the view moved (orbit, damping, a linked view, a resize) or when
    // something in the scene changed and said so (requestDraw: the model, a colourway, wireframe, background,
    // pins, a measurement), never the same picture sixty times a second: software WebGL and laptops on
    // battery pay for every frame. An unmoving view is drawn again every IDLE_FRAME_MS all the same.
    let drawnAt = -Infinity;
    this.controls.addEventListener('change', () => this.requestDraw());
    const frame = (now) => {
      if (this.resize()) this.stale = true;
      if (this.controls.update()) this.stale = true;
      if (this.stale || now - drawnAt >= IDLE_FRAME_MS) {
        this.renderer.render(this.scene, this.camera);
        this.placeMarkers();
        this.stale = false;
        drawnAt = now;
      }
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  }

  /** Asks for the scene to be drawn at the next animation frame: call it after changing what is shown. */
  requestDraw() {
    this.stale = true;
  }

  /** Loads the model (compressed glTF included, see model-loading.js), showing its download's progress. */
  load(url, format) {
    const progress = this.element.querySelector('.viewer-progress');
    const showProgress = (loaded, total) => {
      if (!progress) return;
      progress.hidden = false;
      if (total) {
        progress.max = total;
        progress.value = loaded;
      } else {
        progress.removeAttribute('value'); // length unknown: an indeterminate bar
      }
      progress.setAttribute('aria-valuetext', `${(loaded / 1e6).toFixed(1)}${total ? ' / ' + (total / 1e6).toFixed(1) : ''} MB`);
    };
    loadModel(url, format, this.renderer, showProgress).then((object) => {
      if (progress) progress.hidden = true;
      this.model = object;
      this.scene.add(object);
      this.frameModel();
      this.requestDraw();
      this.say('');
      const gltf = gltfOf(object);
      // Settles once the model's colourways are known (turntable-capture.js waits for it).
      this.colourways = (gltf ? this.readVariants(gltf) : this.readMaterialFiles())
        .catch((error) => console.warn('The colourways could not be read:', error));
      this.element.dataset.loaded = 'true';
    }, (error) => {
      if (progress) progress.hidden = true;
      console.warn('The model could not be shown:', error);
      this.say(this.element.dataset.failedText || 'The model could not be shown.');
    });
  }

  /** Points the camera at the model from the front, far enough to see all of it; reset view returns here. */
  frameModel() {
    const box = new THREE.Box3().setFromObject(this.model);
    const size = box.getSize(new THREE.Vector3()).length() || 1;
    const centre = box.getCenter(new THREE.Vector3());
    this.home = { target: centre, position: centre.clone().add(new THREE.Vector3(size * 0.35, size * 0.2, size * 1.05)) };
    this.camera.near = size / 100;
    this.camera.far = size * 100;
    this.camera.updateProjectionMatrix();
    this.resetView();
  }

  resetView() {
    if (!this.home) return;
    this.camera.position.copy(this.home.position);
    this.controls.target.copy(this.home.target);
    this.controls.update();
    this.requestDraw();
  }

  setWireframe(on) {
    this.wireframe = on;
    this.scene.traverse((node) => {
      if (node.isMesh) {
        [].concat(node.material).forEach((material) => { material.wireframe = on; });
      }
    });
    this.requestDraw();
  }

  // Colorways. three's GLTFLoader keeps the KHR_materials_variants data as it is in the file: the variants
  // in gltf.userData.gltfExtensions, each mesh's mappings in its own userData.gltfExtensions (as in three's
  // example webgl_loader_gltf_variants). Every mapped material is made once, after loading, so a swatch
  // switches the model at once, without a reload.
  async readVariants(gltf) {
    const extension = gltf.userData.gltfExtensions && gltf.userData.gltfExtensions.KHR_materials_variants;
    if (!extension || !Array.isArray(extension.variants)) return;
    const meshes = [];
    const loads = [];
    gltf.scene.traverse((object) => {
      const own = object.isMesh && object.userData.gltfExtensions
        && object.userData.gltfExtensions.KHR_materials_variants;
      if (!own || !Array.isArray(own.mappings)) return;
      const mesh = { object, original: object.material, byVariant: new Map() };
      own.mappings.forEach((mapping) => {
        loads.push(gltf.parser.getDependency('material', mapping.material).then((material) => {
          (mapping.variants || []).forEach((variant) => mesh.byVariant.set(variant, material));
        }));
      });
      meshes.push(mesh);
    });
    await Promise.all(loads);
    this.variants = { parser: gltf.parser, names: extension.variants.map((variant) => String(variant.name || '')), meshes };
    this.element.dataset.variants = String(this.variants.names.length);
  }

  // An OBJ exported with one material file per colourway: each swatch names its file (data-colorway-mtl).
  // Every file is loaded once, after the model; a swatch then swaps the meshes' materials by name at once.
  async readMaterialFiles() {
    // The page's swatches; on a page of several viewers (compare), those beside this viewer.
    const scope = this.element.closest('[data-colorway-scope]') || document;
    const swatches = [...scope.querySelectorAll('[data-colorway-mtl]')];
    if (swatches.length === 0) return;
    const loader = new MTLLoader();
    const creators = await Promise.all(swatches.map((swatch) => loader.loadAsync(swatch.dataset.colorwayMtl)));
    const byName = new Map();
    swatches.forEach((swatch, i) => {
      creators[i].preload();
      byName.set(colourwayKey(swatch.dataset.colorwayName), creators[i]);
    });
    const meshes = [];
    this.model.traverse((object) => { if (object.isMesh) meshes.push({ object, original: object.material }); });
    this.materialFiles = { byName, meshes };
    this.element.dataset.variants = String(byName.size);
  }

  /** Whether the model can show the colourway of that name (once this.colourways has settled). */
  hasColorway(name) {
    const wanted = colourwayKey(name);
    if (this.variants) return this.variants.names.some((known) => colourwayKey(known) === wanted);
    return Boolean(this.materialFiles && this.materialFiles.byName.has(wanted));
  }

  /** Shows the colourway of that name (as the server matches colorways: trimmed, whatever the case). */
  showColorway(name) {
    const wanted = colourwayKey(name);
    let shown = '';
    if (this.variants) {
      const index = this.variants.names.findIndex((known) => colourwayKey(known) === wanted);
      this.variants.meshes.forEach(({ object, original, byVariant }) => {
        object.material = byVariant.has(index) ? byVariant.get(index) : original;
        this.variants.parser.assignFinalMaterial(object);
      });
      shown = index >= 0 ? this.variants.names[index] : '';
    } else if (this.materialFiles) {
      const creator = this.materialFiles.byName.get(wanted);
      const swap = (material) => (creator && creator.materials[material.name]) || material;
      this.materialFiles.meshes.forEach(({ object, original }) => {
        object.material = Array.isArray(original) ? original.map(swap) : swap(original);
      });
      shown = creator ? String(name).trim() : '';
    } else {
      return;
    }
    if (this.wireframe) this.setWireframe(true);
    this.element.dataset.colorway = shown;
    this.requestDraw();
  }

  setBackground(name) {
    this.scene.background = new THREE.Color(BACKGROUNDS[name] || BACKGROUNDS.light);
    this.element.dataset.background = name;
    this.requestDraw();
    this.element.querySelectorAll('[data-background-choice]').forEach((button) => {
      button.setAttribute('aria-pressed', String(button.dataset.backgroundChoice === name));
    });
  }

  wireControls() {
    const reset = this.element.querySelector('[data-action="reset"]');
    const wireframe = this.element.querySelector('[data-action="wireframe"]');
    reset.addEventListener('click', () => this.resetView());
    wireframe.addEventListener('click', () => {
      const on = wireframe.getAttribute('aria-pressed') !== 'true';
      wireframe.setAttribute('aria-pressed', String(on));
      this.setWireframe(on);
    });
    this.element.querySelectorAll('[data-background-choice]').forEach((button) => {
      button.addEventListener('click', () => this.setBackground(button.dataset.backgroundChoice));
    });
  }

  /** A click (not a drag) on the model picks the 3D point under the pointer. */
  wirePicking() {
    let down = null;
    this.canvas.addEventListener('pointerdown', (event) => { down = { x: event.clientX, y: event.clientY }; });
    this.canvas.addEventListener('pointerup', (event) => {
      if (!down || Math.hypot(event.clientX - down.x, event.clientY - down.y) > CLICK_SLOP || !this.model) return;
      down = null;
      const rect = this.canvas.getBoundingClientRect();
      const pointer = new THREE.Vector2(
        ((event.clientX - rect.left) / rect.width) * 2 - 1,
        -((event.clientY - rect.top) / rect.height) * 2 + 1);
      const ray = new THREE.Raycaster();
      ray.setFromCamera(pointer, this.camera);
      const hit = ray.intersectObject(this.model, true)[0];
      if (hit && this.measure) {
        this.addMeasurePoint(hit.point);
      } else if (hit) {
        const { x, y, z } = hit.point;
        this.element.dispatchEvent(new CustomEvent('viewer:pick', { bubbles: true, detail: { x, y, z } }));
      }
    });
  }

  /** One marker per pinned comment of this version (or of any version, when the viewer names none). */
  readPins() {
    const version = this.element.dataset.version;
    this.markers.forEach((marker) => marker.button.remove());
    this.markers.clear();
    document.querySelectorAll('[data-pin-x]').forEach((source) => {
      if (version && source.dataset.pinVersion && source.dataset.pinVersion !== version) return;
      const id = source.dataset.commentId;
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'pin-marker';
      button.textContent = source.dataset.pinLabel || '•';
      button.setAttribute('aria-label', source.dataset.pinName || 'Comment');
      button.dataset.commentId = id;
      button.addEventListener('click', () => {
        this.highlight(id);
        this.element.dispatchEvent(new CustomEvent('viewer:pin', { bubbles: true, detail: { id } }));
      });
      this.overlay.appendChild(button);
      const point = new THREE.Vector3(+source.dataset.pinX, +source.dataset.pinY, +source.dataset.pinZ);
      this.markers.set(id, { button, point });
      if (source.classList.contains('highlighted')) button.classList.add('highlighted');
    });
    this.requestDraw(); // places the new markers
  }

  highlight(id) {
    this.markers.forEach((marker, key) => marker.button.classList.toggle('highlighted', key === id));
  }

  /** Projects each marker's 3D point onto the canvas, every frame. */
  placeMarkers() {
    const width = this.canvas.clientWidth;
    const height = this.canvas.clientHeight;
    this.markers.forEach(({ button, point }) => {
      const projected = point.clone().project(this.camera);
      const visible = projected.z < 1 && Math.abs(projected.x) <= 1 && Math.abs(projected.y) <= 1;
      button.hidden = !visible;
      button.style.left = ((projected.x + 1) / 2) * width + 'px';
      button.style.top = ((1 - projected.y) / 2) * height + 'px';
    });
  }

  /** Takes another viewer's view: its camera's place, orientation, zoom and depth range, and its target. */
  takeView(other) {
    this.camera.position.copy(other.camera.position);
    this.camera.quaternion.copy(other.camera.quaternion);
    this.camera.zoom = other.camera.zoom;
    this.camera.near = other.camera.near;
    this.camera.far = other.camera.far;
    this.camera.updateProjectionMatrix();
    this.controls.target.copy(other.controls.target);
    this.controls.update();
    this.requestDraw();
  }

  // The distance tool: two clicks on the model, the straight distance between them in the model's units.

  wireMeasuring() {
    const button = this.element.querySelector('[data-action="measure"]');
    this.measureOutput = this.element.querySelector('.viewer-measure');
    if (!button || !this.measureOutput) return;
    this.measureButton = button;
    button.addEventListener('click', () => (this.measure ? this.stopMeasuring() : this.startMeasuring()));
    this.element.querySelector('[data-action="measure-cancel"]')?.addEventListener('click', () => this.stopMeasuring());
    document.addEventListener('keydown', (event) => {
      if (event.key === 'Escape' && this.measure) this.stopMeasuring();
    });
  }

  startMeasuring() {
    this.measure = { points: [], group: new THREE.Group() };
    this.scene.add(this.measure.group);
    this.measureButton.setAttribute('aria-pressed', 'true');
    this.element.dataset.measuring = 'true';
    this.requestDraw();
    this.showMeasure(this.element.dataset.measureFirst || 'Click a first point on the model.');
  }

  /** Ends the tool, its points and line gone (Escape, the Cancel button, or the Measure button again). */
  stopMeasuring() {
    if (!this.measure) return;
    this.scene.remove(this.measure.group);
    this.measure.group.traverse((node) => { node.geometry?.dispose(); node.material?.dispose(); });
    this.measure = null;
    this.measureButton.setAttribute('aria-pressed', 'false');
    delete this.element.dataset.measuring;
    delete this.element.dataset.distance;
    this.measureOutput.hidden = true;
    this.requestDraw();
  }

  addMeasurePoint(point) {
    if (this.measure.points.length === 2) { // a third click starts a new measurement
      this.stopMeasuring();
      this.startMeasuring();
    }
    const { points, group } = this.measure;
    points.push(point.clone());
    const size = new THREE.Box3().setFromObject(this.model).getSize(new THREE.Vector3()).length() || 1;
    const dot = new THREE.Mesh(
      new THREE.SphereGeometry(size / 250, 12, 8),
      new THREE.MeshBasicMaterial({ color: MEASURE_COLOUR, depthTest: false }));
    dot.position.copy(point);
    dot.renderOrder = 10;
    group.add(dot);
    this.requestDraw();
    if (points.length === 1) {
      this.showMeasure(this.element.dataset.measureSecond || 'Click a second point.');
      return;
    }
    const line = new THREE.Line(
      new THREE.BufferGeometry().setFromPoints(points),
      new THREE.LineBasicMaterial({ color: MEASURE_COLOUR, depthTest: false }));
    line.renderOrder = 10;
    group.add(line);
    const distance = points[0].distanceTo(points[1]);
    this.element.dataset.distance = String(distance);
    this.showMeasure(this.formatDistance(distance));
  }

  /**
   * glTF is in metres by its specification: shown in m, cm or mm, whichever reads best. OBJ carries no unit:
   * its number is shown as it is, in the file's units.
   */
  formatDistance(distance) {
    const format = (value, digits) => value.toLocaleString(document.documentElement.lang || undefined,
      { minimumFractionDigits: digits, maximumFractionDigits: digits });
    if (this.element.dataset.format === 'obj') {
      return format(distance, 3) + ' ' + (this.element.dataset.unitsText || 'units');
    }
    if (distance >= 1) return format(distance, 2) + ' m';
    if (distance >= 0.01) return format(distance * 100, 1) + ' cm';
    return format(distance * 1000, 1) + ' mm';
  }

  showMeasure(text) {
    this.measureOutput.querySelector('[data-measure-text]').textContent = text;
    this.measureOutput.hidden = false;
  }

  /**
   * The view as an image for a comment: the canvas as drawn (markers and pins aside), scaled to at most
   * maxSide pixels, as WebP where the browser writes it (PNG elsewhere), smaller again until it fits
   * maxChars characters of data: URL (the server refuses larger ones).
   */
  snapshot(maxSide = 1280, maxChars = 600_000) {
    if (!this.model) return null;
    this.renderer.render(this.scene, this.camera);
    let scale = Math.min(1, maxSide / Math.max(this.canvas.width, this.canvas.height));
    for (let attempt = 0; attempt < 4; attempt++, scale *= 0.7) {
      const copy = document.createElement('canvas');
      copy.width = Math.max(1, Math.round(this.canvas.width * scale));
      copy.height = Math.max(1, Math.round(this.canvas.height * scale));
      copy.getContext('2d').drawImage(this.canvas, 0, 0, copy.width, copy.height);
      const url = copy.toDataURL('image/webp', 0.85);
      if (url.length <= maxChars) return url;
    }
    return null;
  }

  resize() {
    const width = this.canvas.clientWidth;
    const height = this.canvas.clientHeight;
    if (this.canvas.width !== Math.floor(width * this.renderer.getPixelRatio())
        || this.canvas.height !== Math.floor(height * this.renderer.getPixelRatio())) {
      this.renderer.setSize(width, height, false);
      this.camera.aspect = width / Math.max(height, 1);
      this.camera.updateProjectionMatrix();
      return true;
    }
    return false;
  }

  say(text) {
    this.status.textContent = text;
    this.status.hidden = text === '';
  }
}

function colourwayKey(name) {
  return String(name || '').trim().toLowerCase();
}

/**
 * Makes viewers show one view: whichever is turned, zoomed, panned or reset, the others take its camera.
 * Each keeps its own camera (its canvas's aspect); damping is off, or the one let go of would drift on
 * after the other took over.
 */
export function linkCameras(viewers) {
  let syncing = false;
  viewers.forEach((viewer) => {
    viewer.controls.enableDamping = false;
    viewer.controls.addEventListener('change', () => {
      if (syncing) return;
      syncing = true;
      viewers.forEach((other) => { if (other !== viewer) other.takeView(viewer); });
      syncing = false;
    });
  });
}

/** Resolves with a [data-viewer] element's viewer once its model is drawn and its colourways are known. */
export function modelReady(element) {
  return new Promise((resolve) => {
    const ready = () => element.viewer.colourways.then(() => resolve(element.viewer));
    if (element.dataset.loaded === 'true') {
      ready();
      return;
    }
    const watch = new MutationObserver(() => {
      if (element.dataset.loaded !== 'true') return;
      watch.disconnect();
      ready();
    });
    watch.observe(element, { attributes: true, attributeFilter: ['data-loaded'] });
  });
}

document.querySelectorAll('[data-viewer]').forEach((element) => {
  element.viewer = new Viewer(element);
});
