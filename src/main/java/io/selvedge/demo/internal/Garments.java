package io.selvedge.demo.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Makes garments procedurally: a body lathed around the vertical axis from a profile of hem, waist, chest,
 * shoulders and neck (a skirt's folds rippling towards its hem), two sleeves swept from the shoulders,
 * and a collar band. Everything follows from the random source, and the arithmetic is {@link StrictMath},
 * so one seed gives the same bytes on every machine.
 */
final class Garments {

    static final int BODY_ROWS = 40;
    static final int BODY_SEGMENTS = 48;
    static final int SLEEVE_ROWS = 14;
    static final int SLEEVE_SEGMENTS = 20;

    private static final String[] CUTS = {"Boxy", "Fitted", "Relaxed", "Flared", "Wrap", "Cropped", "Longline"};

    private Garments() {}

    /** A garment of the kind, cut and coloured at random from {@code random}. */
    static Garment make(GarmentKind kind, Random random) {
        String cut = CUTS[random.nextInt(CUTS.length)];
        Fabric fabric = Fabric.ALL[random.nextInt(Fabric.ALL.length)];
        Mesh mesh = new Mesh();
        List<float[]> points = new ArrayList<>();
        double[][] profile = profile(kind, random);
        double folds = kind.longBody ? 5 + random.nextInt(6) : 0;
        double foldDepth = kind.longBody ? 0.02 + 0.04 * random.nextDouble() : 0;
        double waistY = profile[profile.length - 4][0];
        double hemY = profile[0][0];
        Mesh.Surface body = new Mesh.Surface() {
            @Override
            public double[] point(int row, int segment) {
                double[] at = along(profile, row / (double) (BODY_ROWS - 1));
                double phi = 2 * StrictMath.PI * segment / BODY_SEGMENTS;
                double ripple = 1;
                if (at[0] < waistY && folds > 0) {
                    double below = StrictMath.pow((waistY - at[0]) / (waistY - hemY), 1.5);
                    ripple += foldDepth * below * StrictMath.sin(folds * phi);
                }
                return new double[] {at[1] * ripple * StrictMath.cos(phi), at[0], at[2] * ripple * StrictMath.sin(phi)};
            }

            @Override
            public double[] centre(int row) {
                return new double[] {0, along(profile, row / (double) (BODY_ROWS - 1))[0], 0};
            }
        };
        int first = mesh.addTube(body, BODY_ROWS, BODY_SEGMENTS);
        int front = BODY_SEGMENTS / 4; // phi = 90°: +z, the side the viewer looks at first
        points.add(mesh.vertex(first + (BODY_ROWS * 3 / 4) * BODY_SEGMENTS + front)); // chest
        points.add(mesh.vertex(first + front + 2)); // hem
        double[] shoulder = profile[profile.length - 2];
        double angle = StrictMath.toRadians(35 + 25 * random.nextDouble());
        double length = kind.sleeveLength * (0.9 + 0.2 * random.nextDouble());
        for (int side = -1; side <= 1; side += 2) {
            int sleeve = mesh.addTube(
                    sleeve(side, shoulder, angle, length, kind.sleeveLength > 0.3), SLEEVE_ROWS, SLEEVE_SEGMENTS);
            if (side == 1) {
                points.add(mesh.vertex(sleeve + (SLEEVE_ROWS - 1) * SLEEVE_SEGMENTS + SLEEVE_SEGMENTS / 4)); // cuff
            }
        }
        if (kind.collar) {
            double[] neck = profile[profile.length - 1];
            mesh.addTube(collar(neck), 4, BODY_SEGMENTS);
        }
        String name = cut + " " + kind.word;
        return new Garment(name, kind, fabric, GltfModel.of(name, mesh, fabric), points);
    }

    /** Rows of (height, half width, half depth) from hem to neck. */
    private static double[][] profile(GarmentKind kind, Random random) {
        double chest = 0.24 + 0.04 * random.nextDouble();
        double waist = chest * (0.78 + 0.15 * random.nextDouble());
        double shoulders = chest * 0.93;
        double neck = 0.08 + 0.02 * random.nextDouble();
        double depth = 0.6 + 0.08 * random.nextDouble();
        List<double[]> rows = new ArrayList<>();
        if (kind.longBody) {
            double hemY = kind == GarmentKind.TUNIC ? -0.55 : -0.8 - 0.2 * random.nextDouble();
            double flare =
                    kind == GarmentKind.COAT ? 0.04 + 0.06 * random.nextDouble() : 0.08 + 0.25 * random.nextDouble();
            rows.add(row(hemY, waist + 0.06 + flare, depth));
            rows.add(row((hemY - 0.2) / 2, waist + 0.05 + flare * 0.55, depth));
            rows.add(row(-0.2, waist + 0.04, depth));
        } else {
            double hemY = -0.3 - 0.1 * random.nextDouble();
            rows.add(row(hemY, chest * (0.95 + 0.1 * random.nextDouble()), depth));
            rows.add(row(hemY + 0.08, chest * 0.95, depth));
            rows.add(row(-0.18, (waist + chest) / 2, depth));
        }
        rows.add(row(-0.04, waist, depth)); // the waist: length - 4
        rows.add(row(0.18, chest, depth));
        rows.add(row(0.32, shoulders, depth * 0.9)); // the shoulders: length - 2
        rows.add(row(0.37, neck, 0.9)); // the neck opening
        return rows.toArray(double[][]::new);
    }

    private static double[] row(double y, double halfWidth, double depthRatio) {
        return new double[] {y, halfWidth, halfWidth * depthRatio};
    }

    /** The profile at {@code t} in [0, 1], a Catmull-Rom spline through its rows. */
    static double[] along(double[][] rows, double t) {
        double u = t * (rows.length - 1);
        int k = Math.min((int) StrictMath.floor(u), rows.length - 2);
        double s = u - k;
        double[] p0 = rows[Math.max(k - 1, 0)];
        double[] p1 = rows[k];
        double[] p2 = rows[k + 1];
        double[] p3 = rows[Math.min(k + 2, rows.length - 1)];
        double[] out = new double[3];
        for (int c = 0; c < 3; c++) {
            out[c] = 0.5
                    * (2 * p1[c]
                            + (-p0[c] + p2[c]) * s
                            + (2 * p0[c] - 5 * p1[c] + 4 * p2[c] - p3[c]) * s * s
                            + (-p0[c] + 3 * p1[c] - 3 * p2[c] + p3[c]) * s * s * s);
        }
        return out;
    }

    /** A sleeve swept along a gentle curve from inside the shoulder, down and out, narrowing to its cuff. */
    private static Mesh.Surface sleeve(int side, double[] shoulder, double angle, double length, boolean longSleeve) {
        double startX = side * (shoulder[1] - 0.07);
        double startY = shoulder[0] - 0.07;
        double endX = startX + side * length * StrictMath.cos(angle);
        double endY = startY - length * StrictMath.sin(angle);
        double bendX = (startX + endX) / 2 + side * 0.03;
        double bendY = (startY + endY) / 2 + 0.03;
        double armhole = 0.09;
        double cuff = longSleeve ? 0.045 : 0.075;
        return new Mesh.Surface() {
            @Override
            public double[] point(int row, int segment) {
                double t = row / (double) (SLEEVE_ROWS - 1);
                double[] c = centre(row);
                double tx = 2 * (1 - t) * (bendX - startX) + 2 * t * (endX - bendX);
                double ty = 2 * (1 - t) * (bendY - startY) + 2 * t * (endY - bendY);
                double norm = StrictMath.sqrt(tx * tx + ty * ty);
                double nx = -ty / norm; // in the plane of the curve, across it
                double ny = tx / norm;
                double r = armhole + (cuff - armhole) * t;
                double phi = 2 * StrictMath.PI * segment / SLEEVE_SEGMENTS;
                double across = r * StrictMath.cos(phi);
                return new double[] {c[0] + nx * across, c[1] + ny * across, 0.9 * r * StrictMath.sin(phi)};
            }

            @Override
            public double[] centre(int row) {
                double t = row / (double) (SLEEVE_ROWS - 1);
                double a = (1 - t) * (1 - t);
                double b = 2 * (1 - t) * t;
                double c = t * t;
                return new double[] {a * startX + b * bendX + c * endX, a * startY + b * bendY + c * endY, 0};
            }
        };
    }

    /** A band standing round the neck opening, a little wider at its top. */
    private static Mesh.Surface collar(double[] neck) {
        return new Mesh.Surface() {
            @Override
            public double[] point(int row, int segment) {
                double phi = 2 * StrictMath.PI * segment / BODY_SEGMENTS;
                double grow = 1.12 + 0.06 * row;
                return new double[] {
                    neck[1] * grow * StrictMath.cos(phi), centre(row)[1], neck[2] * grow * StrictMath.sin(phi)
                };
            }

            @Override
            public double[] centre(int row) {
                return new double[] {0, neck[0] - 0.02 + 0.02 * row, 0};
            }
        };
    }
}
