package io.selvedge.access;

import java.util.List;

/** Every endpoint of the application, with the permission its handler states. */
public interface StatedPermissions {

    List<StatedPermission> endpoints();
}
