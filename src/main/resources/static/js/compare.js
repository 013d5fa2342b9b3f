// Two versions or colorways compared (templates/style/compare.html): their viewers' cameras linked, side by
// side or overlaid (the right one on top, its opacity on the slider); a side that names a colorway
// (data-colorway-name) shows it once its model is ready. Importing viewer.js makes the viewers: each
// [data-viewer] holds its Viewer once the import ran.
import { linkCameras, modelReady } from './viewer.js';

const stage = document.querySelector('[data-compare]');
if (stage) {
  const viewers = [...stage.querySelectorAll('[data-viewer]')].map((element) => element.viewer).filter(Boolean);
  if (viewers.length === 2) linkCameras(viewers);
  stage.querySelectorAll('[data-side][data-colorway-name]').forEach((side) => {
    const element = side.querySelector('[data-viewer]');
    if (!element) return;
    modelReady(element).then((viewer) => {
      viewer.showColorway(side.dataset.colorwayName);
      side.dataset.colorwayShown = element.dataset.colorway || '';
    });
  });
  const opacity = document.getElementById('compare-opacity');
  const modes = document.querySelectorAll('input[name="compare-mode"]');
  const apply = () => {
    const mode = [...modes].find((radio) => radio.checked)?.value || 'side';
    stage.dataset.mode = mode;
    opacity.disabled = mode !== 'overlay';
    const top = stage.querySelector('.compare-right .viewer-canvas');
    if (top) top.style.opacity = mode === 'overlay' ? String(opacity.value / 100) : '';
  };
  modes.forEach((radio) => radio.addEventListener('change', apply));
  opacity.addEventListener('input', apply);
  apply();
}
