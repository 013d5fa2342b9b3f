package io.selvedge.content;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The material files of OBJ versions: an OBJ exported with one .mtl per colourway is one version, its
 * .mtl files added to it, each giving the style the colorway it shows (matched by name: the file's name
 * without the OBJ's name before it, {@code tee_Ecru.mtl} of {@code tee.obj} is "Ecru"; its swatch is the
 * file's first diffuse colour). Permissions are the caller's to check.
 */
public interface VersionMaterials {

    /** The largest material file: they are text, a few KiB. */
    int MAX_SIZE = 64 * 1024;

    /** The most material files a version has. */
    int MAX_PER_VERSION = 100;

    /**
     * Adds a material file to an OBJ version of a live style.
     *
     * @throws InvalidContentException if the name is not a .mtl file's or the content is not UTF-8 text
     * @throws ContentRefusedException if the version is no OBJ, or has a material of that name, or the most
     * @throws ContentTooLargeException past {@link #MAX_SIZE} or the group's quota
     */
    VersionMaterial add(UUID versionId, @Nullable String filename, InputStream body, long declaredLength, UUID actor)
            throws IOException;

    /** The version's material files, oldest first. */
    List<VersionMaterial> list(UUID versionId);

    /**
     * The material file's text, for the viewer.
     *
     * @throws NoSuchContentException if the version has no such material
     */
    String content(UUID versionId, UUID materialId);
}
