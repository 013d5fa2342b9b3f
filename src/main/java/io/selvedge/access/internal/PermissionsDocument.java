package io.selvedge.access.internal;

import io.selvedge.access.PermissionTable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes {@code docs/permissions.md} from the permission table; the build runs it after compiling. */
final class PermissionsDocument {

    private PermissionsDocument() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("Give the path of the page to write.");
        }
        Path page = Path.of(args[0]);
        String markdown = PermissionTable.markdown();
        if (Files.exists(page) && Files.readString(page, StandardCharsets.UTF_8).equals(markdown)) {
            return;
        }
        Files.createDirectories(page.toAbsolutePath().getParent());
        Files.writeString(page, markdown, StandardCharsets.UTF_8);
    }
}
