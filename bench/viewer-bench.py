#!/usr/bin/env python3
"""The 3D viewer in headless Chromium with one model: time to first frame, then frame rate while orbiting.

Serves, on 127.0.0.1, the viewer exactly as Selvedge ships it (static/js, static/css, the three webjar from the
local Maven repository, the import map of templates/viewer.html) under Selvedge's Content-Security-Policy, and
a page with one viewer whose model is MODEL. A small script on the page waits for the model, times the first
frame drawn with it, turns the camera around the model for ORBIT seconds and posts what it saw back here.
Run by bench/run-viewer.sh; see bench/README.md.

    viewer-bench.py MODEL [--orbit SECONDS] [--chromium /usr/bin/chromium]
"""
import argparse, hashlib, base64, http.server, json, os, re, shutil, subprocess, sys, tempfile, threading, zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
THREE_JAR = os.path.expanduser('~/.m2/repository/org/webjars/npm/three/0.181.1/three-0.181.1.jar')
THREE_PREFIX = 'META-INF/resources/webjars/three/0.181.1/'
TYPES = {'.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css', '.html': 'text/html; charset=utf-8',
         '.glb': 'model/gltf-binary', '.json': 'application/json'}

PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Viewer bench</title>
<link rel="stylesheet" href="/css/selvedge.css"><link rel="stylesheet" href="/css/style.css">
%(importmap)s
<script type="module" src="/bench.js"></script>
<script type="module" src="/js/viewer.js"></script>
</head><body><main>
<figure class="viewer" data-viewer data-model="/model.glb" data-format="glb" data-failed-text="The model could not be shown.">
  <div class="viewer-stage"><canvas class="viewer-canvas"></canvas><div class="viewer-pins"></div></div>
  <p class="viewer-status" role="status">Loading the model…</p>
  <progress class="viewer-progress" hidden aria-label="Downloading the model"></progress>
  <div class="viewer-controls"><button type="button" data-action="reset">Reset view</button>
  <button type="button" data-action="wireframe" aria-pressed="false">Wireframe</button>
  <button type="button" data-background-choice="light" aria-pressed="true">Light</button></div>
</figure></main></body></html>
"""

# Loaded before viewer.js: it notes errors and warnings, then measures once the model is in the scene.
BENCH_JS = """
const problems = [];
for (const level of ['error', 'warn']) {
  const original = console[level];
  console[level] = (...args) => { problems.push(level + ': ' + args.join(' ')); original.apply(console, args); };
}
addEventListener('error', (e) => problems.push('error: ' + e.message));
addEventListener('unhandledrejection', (e) => problems.push('rejection: ' + e.reason));
document.addEventListener('securitypolicyviolation', (e) => problems.push('csp: ' + e.violatedDirective + ' ' + e.blockedURI));
const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
const post = (result) => fetch('/result', { method: 'POST', body: JSON.stringify(result) });
const ORBIT = %(orbit)s;

async function measure() {
  const element = document.querySelector('[data-viewer]');
  const progressSeen = [];
  const bar = element.querySelector('.viewer-progress');
  new MutationObserver(() => { if (!bar.hidden && bar.value) progressSeen.push(bar.value / bar.max); })
    .observe(bar, { attributes: true });
  while (element.dataset.loaded !== 'true') {
    if (!element.querySelector('.viewer-status').hidden && element.querySelector('.viewer-status').textContent.includes('could not')) {
      return post({ failed: true, problems });
    }
    await frame();
  }
  await frame(); await frame(); // the frame that drew the model has been presented
  const firstFrame = performance.now();
  const model = performance.getEntriesByType('resource').find((e) => e.name.endsWith('/model.glb'));
  const viewer = element.viewer;
  const target = viewer.controls.target.clone();
  const start = viewer.camera.position.clone().sub(target);
  const times = [];
  const began = performance.now();
  let last = began;
  while (performance.now() - began < ORBIT * 1000) {
    const angle = (performance.now() - began) / 5000 * 2 * Math.PI; // one turn in 5 s
    const c = Math.cos(angle), s = Math.sin(angle);
    viewer.camera.position.set(target.x + start.x * c + start.z * s, target.y + start.y, target.z - start.x * s + start.z * c);
    viewer.camera.lookAt(target);
    await frame();
    const now = performance.now();
    times.push(now - last);
    last = now;
  }
  const elapsed = (last - began) / 1000;
  times.sort((a, b) => a - b);
  let triangles = 0;
  viewer.model.traverse((n) => { if (n.isMesh) triangles += (n.geometry.index ? n.geometry.index.count : n.geometry.attributes.position.count) / 3; });
  const urls = performance.getEntriesByType('resource').map((e) => e.name);
  await post({
    firstFrameMs: Math.round(firstFrame),
    downloadMs: model ? Math.round(model.responseEnd - model.startTime) : null,
    modelBytes: model ? model.encodedBodySize : null,
    triangles,
    progressUpdates: progressSeen.length,
    orbitFrames: times.length,
    fps: +(times.length / elapsed).toFixed(1),
    frameMsMedian: +times[Math.floor(times.length / 2)].toFixed(1),
    frameMsP95: +times[Math.floor(times.length * 0.95)].toFixed(1),
    renderer: viewer.renderer.getContext().getParameter(viewer.renderer.getContext().RENDERER),
    canvas: [viewer.canvas.width, viewer.canvas.height],
    otherOrigins: urls.filter((u) => new URL(u).origin !== location.origin),
    problems,
  });
}
measure();
"""


def policy(importmap_text):
    """Selvedge's policy (platform/SecurityHeaders), with the hash of the import map this page carries."""
    source = open(os.path.join(ROOT, 'src/main/java/io/selvedge/platform/SecurityHeaders.java')).read()
    body = source[source.index('CONTENT_SECURITY_POLICY ='):]
    body = body[:body.index(';\n')]
    text = ''.join(re.findall(r'"([^"]*)"', body))
    digest = base64.b64encode(hashlib.sha256(importmap_text.encode()).digest()).decode()
    return text.replace("script-src 'self' ", "script-src 'self' 'sha256-%s'" % digest, 1) \
        if "'sha256-" not in text else re.sub(r"'sha256-[^']*'", "'sha256-%s'" % digest, text)


def webroot(model, orbit):
    root = tempfile.mkdtemp(prefix='viewer-bench-')
    with zipfile.ZipFile(THREE_JAR) as jar:
        for name in jar.namelist():
            if name.startswith(THREE_PREFIX) and not name.endswith('/'):
                path = os.path.join(root, 'webjars/three', name[len(THREE_PREFIX):])
                os.makedirs(os.path.dirname(path), exist_ok=True)
                with open(path, 'wb') as f:
                    f.write(jar.read(name))
    shutil.copytree(os.path.join(ROOT, 'src/main/resources/static/js'), os.path.join(root, 'js'))
    shutil.copytree(os.path.join(ROOT, 'src/main/resources/static/css'), os.path.join(root, 'css'))
    template = open(os.path.join(ROOT, 'src/main/resources/templates/viewer.html')).read()
    tag = re.search(r'<script type="importmap"[^>]*>(.*?)</script>', template, re.S)
    importmap = '<script type="importmap">%s</script>' % tag.group(1)
    open(os.path.join(root, 'bench.html'), 'w').write(PAGE % {'importmap': importmap})
    open(os.path.join(root, 'bench.js'), 'w').write(BENCH_JS % {'orbit': orbit})
    os.symlink(os.path.abspath(model), os.path.join(root, 'model.glb'))
    return root, policy(tag.group(1))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('model')
    parser.add_argument('--orbit', type=float, default=10)
    parser.add_argument('--chromium', default='/usr/bin/chromium')
    parser.add_argument('--timeout', type=float, default=300, help='seconds to wait for the model')
    parser.add_argument('--console', action='store_true', help="show Chromium's console (workers' too) on stderr")
    args = parser.parse_args()
    root, csp = webroot(args.model, args.orbit)
    result = {}
    done = threading.Event()

    class Handler(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *a, **k):
            super().__init__(*a, directory=root, **k)

        def guess_type(self, path):
            return TYPES.get(os.path.splitext(path)[1], 'application/octet-stream')

        def end_headers(self):
            self.send_header('Content-Security-Policy', csp)
            self.send_header('X-Content-Type-Options', 'nosniff')
            self.send_header('Cache-Control', 'no-store')
            super().end_headers()

        def do_POST(self):
            result.update(json.loads(self.rfile.read(int(self.headers['Content-Length']))))
            self.send_response(204)
            self.end_headers()
            done.set()

        def log_message(self, *a):
            pass

    server = http.server.ThreadingHTTPServer(('127.0.0.1', 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    profile = tempfile.mkdtemp(prefix='viewer-bench-profile-')
    # The same flags as the browser tests (testing/Browser.java): WebGL in software (SwiftShader), no GPU.
    chromium = subprocess.Popen([args.chromium, '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage',
                                 '--no-first-run', '--disable-background-networking', '--disable-component-update',
                                 '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--window-size=1280,900',
                                 '--user-data-dir=' + profile] + (['--enable-logging=stderr', '--v=0'] if args.console else []) + [
                                 'http://127.0.0.1:%d/bench.html' % server.server_address[1]],
                                stdout=subprocess.DEVNULL, stderr=None if args.console else subprocess.DEVNULL)
    try:
        finished = done.wait(args.timeout + args.orbit)
    finally:
        chromium.terminate()
        chromium.wait(10)
        server.shutdown()
        shutil.rmtree(profile, ignore_errors=True)
        shutil.rmtree(root, ignore_errors=True)
    if not finished:
        sys.exit('no result from Chromium within %d s' % (args.timeout + args.orbit))
    result['load'] = os.getloadavg()
    print(json.dumps(result, indent=1))
    sys.exit(1 if result.get('failed') or result.get('problems') or result.get('otherOrigins') else 0)


if __name__ == '__main__':
    main()
