// Loading a model for the viewer: the file is fetched with progress, and a glTF that is compressed (Draco or
// meshopt geometry) gets its decoder only when it names one. The decoders are three's own files from the webjar,
// on this server (the import map resolves them); nothing comes from elsewhere. They run WebAssembly
// ('wasm-unsafe-eval' in the CSP), and Draco decodes in blob: workers (worker-src blob:).
// KTX2 (Basis) textures are transcoded by three's Basis transcoder, which builds its bindings with new Function():
// the pages' CSP refuses that, so it runs in a worker this server serves under a policy of its own
// (/js/ktx2-transcoder-worker.js, BasisTranscoderWorker), never in a blob: worker that would inherit the page's.
import * as THREE from 'three';
import { GLTFLoader } from 'three/addons/loaders/GLTFLoader.js';
import { OBJLoader } from 'three/addons/loaders/OBJLoader.js';
import { RoomEnvironment } from 'three/addons/environments/RoomEnvironment.js';

const DRACO = 'KHR_draco_mesh_compression';
const MESHOPT = ['EXT_meshopt_compression', 'KHR_meshopt_compression'];
const KTX2 = 'KHR_texture_basisu';
const KTX2_WORKER = '/js/ktx2-transcoder-worker.js';
// Texture slots that hold colour (sRGB); the others (normal, roughness, occlusion…) hold data.
const COLOUR_MAPS = ['map', 'emissiveMap', 'sheenColorMap', 'specularColorMap'];

/**
 * Fetches url and draws it into an object: resolves with the model (a THREE.Object3D), rejects if it cannot.
 * onProgress(loaded, total) is called as bytes arrive; total is 0 when the server did not say the length.
 */
export async function loadModel(url, format, renderer, onProgress) {
  const bytes = await fetchWithProgress(url, onProgress);
  let model;
  if (format === 'obj') {
    model = new OBJLoader().parse(new TextDecoder().decode(bytes));
  } else {
    const gltf = await parseGltf(bytes, THREE.LoaderUtils.extractUrlBase(url), renderer);
    model = gltf.scene;
    sources.set(model, gltf);
  }
  settleMaterials(model, renderer);
  return model;
}

// The glTF each model was parsed from: its parser and root extensions (KHR_materials_variants) serve the
// viewer's colourways. Kept beside the model, not in its userData, which three copies as JSON on clone().
const sources = new WeakMap();

/** The parsed glTF (GLTFLoader's result) a model came from; undefined for an OBJ. */
export function gltfOf(model) {
  return sources.get(model);
}

async function fetchWithProgress(url, onProgress) {
  const response = await fetch(url, { credentials: 'same-origin' });
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  // Content-Length is the body's length only when it is not encoded on the wire.
  const total = response.headers.get('Content-Encoding') ? 0 : Number(response.headers.get('Content-Length')) || 0;
  const reader = response.body.getReader();
  let bytes = new Uint8Array(total || 1 << 20);
  let loaded = 0;
  onProgress(0, total);
  for (let part = await reader.read(); !part.done; part = await reader.read()) {
    if (loaded + part.value.length > bytes.length) {
      const grown = new Uint8Array(Math.max(bytes.length * 2, loaded + part.value.length));
      grown.set(bytes.subarray(0, loaded));
      bytes = grown;
    }
    bytes.set(part.value, loaded);
    loaded += part.value.length;
    onProgress(loaded, total);
  }
  return loaded === bytes.length ? bytes.buffer : bytes.slice(0, loaded).buffer;
}

/** The extensions a glTF (JSON or binary) says it uses, read from its JSON before anything is decoded. */
function usedExtensions(buffer) {
  const view = new DataView(buffer);
  let json = buffer;
  if (buffer.byteLength >= 20 && view.getUint32(0, true) === 0x46546c67) { // 'glTF': a GLB's first chunk is JSON
    json = buffer.slice(20, 20 + view.getUint32(12, true));
  }
  try {
    const gltf = JSON.parse(new TextDecoder().decode(json));
    return new Set([...(gltf.extensionsUsed || []), ...(gltf.extensionsRequired || [])]);
  } catch {
    return new Set(); // not glTF JSON: GLTFLoader says why
  }
}

async function parseGltf(buffer, path, renderer) {
  const extensions = usedExtensions(buffer);
  const loader = new GLTFLoader();
  let draco = null;
  let ktx2 = null;
  if (extensions.has(DRACO)) {
    const { DRACOLoader } = await import('three/addons/loaders/DRACOLoader.js');
    draco = new DRACOLoader().setDecoderPath(import.meta.resolve('three/addons/libs/draco/gltf/'));
    loader.setDRACOLoader(draco);
  }
  if (MESHOPT.some((name) => extensions.has(name))) {
    const { MeshoptDecoder } = await import('three/addons/libs/meshopt_decoder.module.js');
    await MeshoptDecoder.ready;
    loader.setMeshoptDecoder(MeshoptDecoder);
  }
  if (extensions.has(KTX2)) {
    ktx2 = await ktx2Loader(renderer);
    loader.setKTX2Loader(ktx2);
  }
  try {
    return await loader.parseAsync(buffer, path);
  } finally {
    if (draco) draco.dispose(); // ends its workers
    if (ktx2) ktx2.dispose();
  }
}

/**
 * three's KTX2Loader with its workers made from this server's worker URL instead of a blob: of the transcoder's
 * source. The worker gets what three would have written into that source (its tables of constants) as its first
 * message, then the transcoder's WebAssembly as three sends it.
 */
async function ktx2Loader(renderer) {
  const { KTX2Loader } = await import('three/addons/loaders/KTX2Loader.js');
  const wasmUrl = import.meta.resolve('three/addons/libs/basis/basis_transcoder.wasm');
  class OwnWorkerKTX2Loader extends KTX2Loader {
    init() {
      this.transcoderPending ||= fetch(wasmUrl, { credentials: 'same-origin' })
        .then((response) => {
          if (!response.ok) throw new Error(`${wasmUrl} answered ${response.status}`);
          return response.arrayBuffer();
        })
        .then((binary) => {
          this.transcoderBinary = binary;
          this.workerPool.setWorkerCreator(() => {
            const worker = new Worker(KTX2_WORKER);
            const { EngineFormat, EngineType, TranscoderFormat, BasisFormat } = KTX2Loader;
            worker.postMessage({ type: 'constants', EngineFormat, EngineType, TranscoderFormat, BasisFormat });
            const transcoderBinary = this.transcoderBinary.slice(0);
            worker.postMessage({ type: 'init', config: this.workerConfig, transcoderBinary }, [transcoderBinary]);
            return worker;
          });
        });
      return this.transcoderPending;
    }
  }
  return new OwnWorkerKTX2Loader().setWorkerLimit(1).detectSupport(renderer);
}

/**
 * Materials as the file meant them: the side (double-sided cloth) stays as the file says; colour textures
 * are sRGB, data textures linear; textures are sampled anisotropically so a weave stays sharp at grazing angles.
 */
function settleMaterials(model, renderer) {
  // Anisotropic filtering, capped: 4 taps keep a weave sharp; 16 cost a software renderer dearly.
  const anisotropy = Math.min(4, renderer.capabilities.getMaxAnisotropy());
  model.traverse((node) => {
    if (!node.isMesh) return;
    [].concat(node.material).forEach((material) => {
      for (const [slot, texture] of Object.entries(material)) {
        if (!texture || !texture.isTexture) continue;
        if (COLOUR_MAPS.includes(slot) && texture.colorSpace === THREE.NoColorSpace) {
          texture.colorSpace = THREE.SRGBColorSpace;
          texture.needsUpdate = true;
        }
        texture.anisotropy = anisotropy;
      }
    });
  });
}

/**
 * Image-based light from a neutral studio room, made on the GPU here (no file): sheen and roughness show
 * as they would under soft light, for every model alike so two versions compare fairly.
 */
export function studioEnvironment(renderer) {
  const generator = new THREE.PMREMGenerator(renderer);
  const room = new RoomEnvironment();
  const environment = generator.fromScene(room, 0.04).texture;
  room.dispose();
  generator.dispose();
  return environment;
}
