package io.selvedge.content;

import java.util.Locale;
import java.util.Map;

/** The media type of a version's file, by its extension only: never by what the client claimed. */
public final class MediaTypes {

    public static final String OCTET_STREAM = "application/octet-stream";

    private static final Map<String, String> BY_EXTENSION = Map.ofEntries(
            Map.entry("zprj", "application/vnd.clo.zprj"),
            Map.entry("zpac", "application/vnd.clo.zpac"),
            Map.entry("zfab", "application/vnd.clo.zfab"),
            Map.entry("glb", "model/gltf-binary"),
            Map.entry("gltf", "model/gltf+json"),
            Map.entry("obj", "model/obj"),
            Map.entry("png", "image/png"),
            Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"),
            Map.entry("gif", "image/gif"),
            Map.entry("webp", "image/webp"),
            Map.entry("tif", "image/tiff"),
            Map.entry("tiff", "image/tiff"),
            Map.entry("pdf", "application/pdf"));

    private MediaTypes() {}

    /** The type served for a file name: known extensions, else {@link #OCTET_STREAM}. */
    public static String of(String filename) {
        return BY_EXTENSION.getOrDefault(extension(filename), OCTET_STREAM);
    }

    /** Whether the web viewer shows it in 3D. */
    public static boolean previewable(String filename) {
        String extension = extension(filename);
        return extension.equals("glb") || extension.equals("gltf") || extension.equals("obj");
    }

    static String extension(String filename) {
        int dot = filename.lastIndexOf('.');
        return dot < 0 ? "" : filename.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
