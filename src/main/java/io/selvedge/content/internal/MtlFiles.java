package io.selvedge.content.internal;

import java.util.Locale;
import java.util.Optional;

/**
 * What a colorway is called and coloured after an OBJ export's material file: the file's name without the
 * OBJ's name before it ({@code tee_Ecru.mtl} of {@code tee.obj} is "Ecru"), and the first diffuse colour
 * ({@code Kd r g b}, 0 to 1, as display colours) as its swatch.
 */
final class MtlFiles {

    private MtlFiles() {}

    static boolean isMtl(String filename) {
        return filename.toLowerCase(Locale.ROOT).endsWith(".mtl");
    }

    /** The colorway's name for the material file of the OBJ file. */
    static String colourwayName(String mtlFilename, String objFilename) {
        String mtl = baseName(mtlFilename);
        String obj = baseName(objFilename);
        String name = mtl;
        if (mtl.length() > obj.length() && mtl.toLowerCase(Locale.ROOT).startsWith(obj.toLowerCase(Locale.ROOT))) {
            name = mtl.substring(obj.length()).replaceFirst("^[\\s_.-]+", "");
        }
        return ColorwayFields.fromFile(name, 1);
    }

    /** The first {@code Kd} of the file as {@code #rrggbb}, or none. */
    static Optional<String> swatch(String mtl) {
        for (String line : mtl.lines().limit(10_000).toList()) {
            String[] words = line.strip().split("\\s+");
            if (words.length >= 4 && words[0].equals("Kd")) {
                try {
                    StringBuilder hex = new StringBuilder("#");
                    for (int i = 1; i <= 3; i++) {
                        double value = Double.parseDouble(words[i]);
                        double clamped = Double.isNaN(value) ? 0 : Math.max(0, Math.min(1, value));
                        hex.append(String.format(Locale.ROOT, "%02x", Math.round(clamped * 255)));
                    }
                    return Optional.of(hex.toString());
                } catch (NumberFormatException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    private static String baseName(String filename) {
        int dot = filename.lastIndexOf('.');
        return dot > 0 ? filename.substring(0, dot) : filename;
    }
}
