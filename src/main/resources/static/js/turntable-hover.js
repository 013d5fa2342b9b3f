// The workroom grid: a card whose version has a rendered turntable ([data-turntable], [data-frames]) plays it
// while the pointer is over its picture: the frames, side by side in one image, drawn in turn on a canvas
// over the picture. Nothing plays for those who ask for less motion. Delegated from the document, since
// htmx replaces the grid.
(function () {
  'use strict';

  var FRAME_MS = 80;
  var still = window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  var playing = null;

  function play(thumb) {
    var frames = parseInt(thumb.dataset.frames, 10);
    if (!(frames > 0)) {
      return;
    }
    var image = new Image();
    var canvas = document.createElement('canvas');
    var paint = canvas.getContext('2d');
    var frame = 0;
    var timer = null;
    var state = { thumb: thumb, stop: stop };
    playing = state;
    image.onload = function () {
      if (playing !== state) {
        return;
      }
      canvas.width = image.naturalWidth / frames;
      canvas.height = image.naturalHeight;
      thumb.appendChild(canvas);
      thumb.dataset.playing = 'true';
      var draw = function () {
        paint.drawImage(image, frame * canvas.width, 0, canvas.width, canvas.height, 0, 0, canvas.width, canvas.height);
        thumb.dataset.frame = String(frame);
        frame = (frame + 1) % frames;
      };
      draw();
      timer = setInterval(draw, FRAME_MS);
    };
    image.src = thumb.dataset.turntable;

    function stop() {
      clearInterval(timer);
      canvas.remove();
      delete thumb.dataset.playing;
      delete thumb.dataset.frame;
      image.onload = null;
    }
  }

  document.addEventListener('mouseover', function (event) {
    var thumb = still ? null : event.target.closest && event.target.closest('.thumb[data-turntable]');
    if (!thumb || (playing && playing.thumb === thumb)) {
      return;
    }
    if (playing) {
      playing.stop();
    }
    play(thumb);
  });

  document.addEventListener('mouseout', function (event) {
    if (playing && !playing.thumb.contains(event.relatedTarget)) {
      playing.stop();
      playing = null;
    }
  });
})();
