#!/usr/bin/env python3
# Makes samples/tee.glb and samples/tee.obj: run from samples/. The files are committed; this says how they were made.
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
js = json.dumps(gltf, separators=(',', ':')).encode()
while len(js) % 4: js += b' '
glb = struct.pack('<III', 0x46546C67, 2, 12 + 8 + len(js) + 8 + len(binary))
glb += struct.pack('<II', len(js), 0x4E4F534A) + js + struct.pack('<II', len(binary), 0x004E4942) + binary
open('tee.glb', 'wb').write(glb)
with open('tee.obj', 'w') as f:
    f.write('# A T-shirt-like solid (Selvedge sample)\no Tee\n')
    for p in pos: f.write('v %.4f %.4f %.4f\n' % tuple(p))
    for n in nor: f.write('vn %.4f %.4f %.4f\n' % tuple(n))
    for t in range(0, len(idx), 3):
        a, b, c = idx[t]+1, idx[t+1]+1, idx[t+2]+1
        f.write('f %d//%d %d//%d %d//%d\n' % (a, a, b, b, c, c))
