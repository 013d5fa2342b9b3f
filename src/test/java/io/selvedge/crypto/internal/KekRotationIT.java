package io.selvedge.crypto.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.selvedge.crypto.FieldCipher;
import io.selvedge.storage.StoreId;
import io.selvedge.testing.SelvedgeIntegrationTest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

@SelvedgeIntegrationTest
@Import(CryptoTestConfiguration.class)
class KekRotationIT extends WithGroupKeys {

    @Autowired
    Keysets keysets;

    @Autowired
    KeyEncryptionKeys keks;

    @Autowired
    WrappedKeysets table;

    @Autowired
    KekRotation rotation;

    @Autowired
    KeysCommand command;

    @Test
    void keysetsStayUsableInOtherThreadsWhileTheKekRotates() throws Exception {
        List<UUID> groups = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            groups.add(CryptoFixtures.aGroupWithKeys(residency, groupKeys, "apac"));
        }
        byte[] written = fields.of(groups.get(0)).encrypt(bytes("before"), "style", "name", "1");
        AtomicBoolean rotating = new AtomicBoolean(true);
        AtomicLong operations = new AtomicLong();
        Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < 3; t++) {
            Thread worker = new Thread(() -> {
                while (rotating.get()) {
                    try {
                        UUID group = groups.get(ThreadLocalRandom.current().nextInt(groups.size()));
                        keysets.evict(group); // every call unwraps the keysets from the store again
                        FieldCipher cipher = fields.of(group);
                        String row = UUID.randomUUID().toString();
                        byte[] stored = cipher.encrypt(bytes("during"), "style", "name", row);
                        assertThat(cipher.decrypt(stored, "style", "name", row)).isEqualTo(bytes("during"));
                        operations.incrementAndGet();
                    } catch (Throwable e) {
                        failures.add(e);
                    }
                }
            });
            worker.start();
            workers.add(worker);
        }
        StoreId apac = StoreId.region("apac");
        String before = keks.currentKek(apac);

        KekRotation.Result first = rotation.rotate(apac, false);
        KekRotation.Result second = rotation.rotate(apac, false);
        Thread.sleep(200);
        rotating.set(false);
        for (Thread worker : workers) {
            worker.join();
        }

        assertThat(failures).isEmpty();
        assertThat(operations.get()).isPositive();
        assertThat(first.newKek()).isNotEqualTo(before);
        assertThat(second.rewrapped())
                .isGreaterThanOrEqualTo(groups.size() * Purpose.ownerKeysets().size());
        assertThat(table.wrappedUnderOtherThan(apac, second.newKek(), 10)).isEmpty();
        keysets.evict(groups.get(0));
        assertThat(fields.of(groups.get(0)).decrypt(written, "style", "name", "1"))
                .isEqualTo(bytes("before"));
    }

    @Test
    void theOperatorCommandRotatesARegionAndCanRetireTheOldVersions() throws Exception {
        UUID group = CryptoFixtures.aGroupWithKeys(residency, groupKeys, "us");
        byte[] written = fields.of(group).encrypt(bytes("kept"), "style", "name", "7");
        ByteArrayOutputStream output = new ByteArrayOutputStream();

        int exit = command.run(
                List.of("rotate-kek", "--region", "us", "--destroy-previous"),
                new PrintStream(output, true, StandardCharsets.UTF_8));

        StoreId us = StoreId.region("us");
        assertThat(exit).isZero();
        assertThat(output.toString(StandardCharsets.UTF_8)).contains("re-wrapped", "destroyed");
        assertThat(keks.of(us).names())
                .filteredOn(name -> name.startsWith(KeyEncryptionKeys.KEK_PREFIX))
                .containsExactly(keks.currentKek(us));
        keysets.evict(group);
        assertThat(fields.of(group).decrypt(written, "style", "name", "7")).isEqualTo(bytes("kept"));
        assertThat(command.run(List.of("rotate-kek", "--region", "mars"), new PrintStream(output)))
                .isEqualTo(1);
        assertThat(command.run(List.of("rotate-kek"), new PrintStream(output))).isEqualTo(2);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
