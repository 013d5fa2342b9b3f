package io.selvedge.crypto.internal;

import java.util.UUID;
import org.springframework.context.ApplicationContext;

/** For tests of other modules: destroys a group's keys older than its primary ones, after a rotation. */
public final class OldKeys {

    private OldKeys() {}

    public static void destroy(ApplicationContext context, UUID groupId) {
        Keysets keysets = context.getBean(Keysets.class);
        keysets.destroyOldKeys(keysets.ownerOf(groupId));
    }
}
