package io.selvedge.demo.internal;

import java.util.Arrays;

/**
 * A triangle mesh built from open tubes (a lathed body, swept sleeves, a collar band): rows of rings along
 * a path, each ring closed on itself. Normals are the area-weighted average of the faces around a vertex,
 * and each tube is wound so that they point outwards.
 */
final class Mesh {

    /** A point of a tube: row {@code i} (along its path) and segment {@code j} (around it). */
    interface Surface {
        double[] point(int row, int segment);

        /** The centre of a row's ring: outwards is away from it. */
        double[] centre(int row);
    }

    private float[] positions = new float[3 * 1024];
    private int vertices;
    private int[] indices = new int[6 * 1024];
    private int indexCount;

    /** Adds a tube of {@code rows} rings of {@code segments} points; returns the index of its first vertex. */
    int addTube(Surface surface, int rows, int segments) {
        int first = vertices;
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < segments; j++) {
                double[] p = surface.point(i, j);
                addVertex(p[0], p[1], p[2]);
            }
        }
        int firstIndex = indexCount;
        double outwards = 0;
        for (int i = 0; i + 1 < rows; i++) {
            double[] centre = surface.centre(i);
            for (int j = 0; j < segments; j++) {
                int a = first + i * segments + j;
                int b = first + (i + 1) * segments + j;
                int c = first + i * segments + (j + 1) % segments;
                int d = first + (i + 1) * segments + (j + 1) % segments;
                addTriangle(a, b, c);
                addTriangle(b, d, c);
                double[] n = faceNormal(a, b, c);
                outwards += n[0] * (positions[3 * a] - centre[0])
                        + n[1] * (positions[3 * a + 1] - centre[1])
                        + n[2] * (positions[3 * a + 2] - centre[2]);
            }
        }
        if (outwards < 0) {
            for (int t = firstIndex; t < indexCount; t += 3) {
                int swap = indices[t + 1];
                indices[t + 1] = indices[t + 2];
                indices[t + 2] = swap;
            }
        }
        return first;
    }

    int vertexCount() {
        return vertices;
    }

    float[] positions() {
        return Arrays.copyOf(positions, 3 * vertices);
    }

    int[] indices() {
        return Arrays.copyOf(indices, indexCount);
    }

    float[] vertex(int index) {
        return new float[] {positions[3 * index], positions[3 * index + 1], positions[3 * index + 2]};
    }

    /** Unit normals per vertex: the sum of the (area-weighted) normals of the faces around it. */
    float[] normals() {
        double[] sums = new double[3 * vertices];
        for (int t = 0; t < indexCount; t += 3) {
            double[] n = faceNormal(indices[t], indices[t + 1], indices[t + 2]);
            for (int k = 0; k < 3; k++) {
                int v = indices[t + k];
                sums[3 * v] += n[0];
                sums[3 * v + 1] += n[1];
                sums[3 * v + 2] += n[2];
            }
        }
        float[] normals = new float[3 * vertices];
        for (int v = 0; v < vertices; v++) {
            double x = sums[3 * v];
            double y = sums[3 * v + 1];
            double z = sums[3 * v + 2];
            double length = StrictMath.sqrt(x * x + y * y + z * z);
            if (length < 1e-12) {
                x = 0;
                y = 1;
                z = 0;
                length = 1;
            }
            normals[3 * v] = (float) (x / length);
            normals[3 * v + 1] = (float) (y / length);
            normals[3 * v + 2] = (float) (z / length);
        }
        return normals;
    }

    private double[] faceNormal(int a, int b, int c) {
        double ux = positions[3 * b] - positions[3 * a];
        double uy = positions[3 * b + 1] - positions[3 * a + 1];
        double uz = positions[3 * b + 2] - positions[3 * a + 2];
        double vx = positions[3 * c] - positions[3 * a];
        double vy = positions[3 * c + 1] - positions[3 * a + 1];
        double vz = positions[3 * c + 2] - positions[3 * a + 2];
        return new double[] {uy * vz - uz * vy, uz * vx - ux * vz, ux * vy - uy * vx};
    }

    private void addVertex(double x, double y, double z) {
        if (3 * vertices + 3 > positions.length) {
            positions = Arrays.copyOf(positions, positions.length * 2);
        }
        positions[3 * vertices] = (float) x;
        positions[3 * vertices + 1] = (float) y;
        positions[3 * vertices + 2] = (float) z;
        vertices++;
    }

    private void addTriangle(int a, int b, int c) {
        if (indexCount + 3 > indices.length) {
            indices = Arrays.copyOf(indices, indices.length * 2);
        }
        indices[indexCount++] = a;
        indices[indexCount++] = b;
        indices[indexCount++] = c;
    }
}
