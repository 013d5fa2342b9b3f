// The 3D viewer: every element with [data-viewer] shows the model at its data-model URL (.glb, .gltf or
// .obj, by data-format), with orbit and zoom, reset view, wireframe, background, and comment pins.
// Pins come from elements with [data-pin-x] (the comments list); a click on the model that does not drag
// dispatches 'viewer:pick' {x, y, z} on the viewer element; a click on a marker dispatches 'viewer:pin'
// {id}; 'viewer:highlight' {id} sent to the element highlights a marker; 'viewer:colorway' {name} sent to it
// shows that colourway: the glTF's KHR_materials_variants variant of that name, or for an OBJ the material
// file a swatch names in data-colorway-mtl (data-variants: how many the model can show, once they are
// ready; data-colorway: the one shown).
import * as THREE from 'three';
import { OrbitControls } from 'three/addons/controls/OrbitControls.js';
import { MTLLoader } from 'three/addons/loaders/MTLLoader.js';
import { gltfOf, loadModel, studioEnvironment } from './model-loading.js';

const BACKGROUNDS = { light: 0xf4f4f2, dark: 0x1e1f22, grey: 0x8a8d91 };
const CLICK_SLOP = 5; // pixels a pointer may move and still be a click, not a drag

class Viewer {
  constructor(element) {
    this.element = element;
    this.canvas = element.querySelector('canvas');
    this.overlay = element.querySelector('.viewer-pins');
    this.status = element.querySelector('.viewer-status');
    this.markers = new Map();
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
    this.load(element.dataset.model, element.dataset.format);
    this.readPins();
    document.addEventListener('htmx:afterSettle', () => this.readPins());
    element.addEventListener('viewer:highlight', (event) => this.highlight(event.detail.id));
    element.addEventListener('viewer:colorway', (event) => this.showColorway(event.detail.name));
    const frame = () => {
      this.resize();
      this.controls.update();
      this.renderer.render(this.scene, this.camera);
      this.placeMarkers();
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
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
      this.say('');
      this.element.dataset.loaded = 'true';
      const gltf = gltfOf(object);
      const colourways = gltf ? this.readVariants(gltf) : this.readMaterialFiles();
      colourways.catch((error) => console.warn('The colourways could not be read:', error));
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
  }

  setWireframe(on) {
    this.wireframe = on;
    this.scene.traverse((node) => {
      if (node.isMesh) {
        [].concat(node.material).forEach((material) => { material.wireframe = on; });
      }
    });
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
    const swatches = [...document.querySelectorAll('[data-colorway-mtl]')];
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
  }

  setBackground(name) {
    this.scene.background = new THREE.Color(BACKGROUNDS[name] || BACKGROUNDS.light);
    this.element.dataset.background = name;
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
      if (hit) {
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

  resize() {
    const width = this.canvas.clientWidth;
    const height = this.canvas.clientHeight;
    if (this.canvas.width !== Math.floor(width * this.renderer.getPixelRatio())
        || this.canvas.height !== Math.floor(height * this.renderer.getPixelRatio())) {
      this.renderer.setSize(width, height, false);
      this.camera.aspect = width / Math.max(height, 1);
      this.camera.updateProjectionMatrix();
    }
  }

  say(text) {
    this.status.textContent = text;
    this.status.hidden = text === '';
  }
}

function colourwayKey(name) {
  return String(name || '').trim().toLowerCase();
}

document.querySelectorAll('[data-viewer]').forEach((element) => {
  element.viewer = new Viewer(element);
});
