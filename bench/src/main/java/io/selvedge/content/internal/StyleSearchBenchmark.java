package io.selvedge.content.internal;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import io.selvedge.content.Style;
import io.selvedge.content.StyleStatus;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.io.ByteArrayOutputStream;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What one search costs when a group's style fields are decrypted in memory (StyleLookupService): each
 * style's name, description and tags are Base64 AES256_GCM ciphertexts (Tink, the field cipher's
 * primitive and associated-data layout), decrypted and matched against a two-word query with the
 * service's own matcher. The database read is not included.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class StyleSearchBenchmark {

    @Param({"1000", "10000"})
    int styles;

    private Aead aead;
    private final List<String[]> rows = new ArrayList<>();
    private final List<String> query = StyleLookupService.words("denim jack");

    private static final String[] WORDS = {
        "denim", "jacket", "shirt", "linen", "wool", "coat", "raw", "selvedge", "cotton", "blue", "black",
        "slim", "wide", "pocket", "collar", "cuff", "hem", "lining", "quilted", "summer", "winter"
    };

    @Setup
    public void setUp() throws GeneralSecurityException {
        AeadConfig.register();
        aead = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM)
                .getPrimitive(RegistryConfiguration.get(), Aead.class);
        Random random = new Random(42);
        for (int i = 0; i < styles; i++) {
            String id = UUID.randomUUID().toString();
            String name = words(random, 3);
            String description = words(random, 30);
            String tags = words(random, 1) + "\n" + words(random, 1) + "\n" + words(random, 1);
            rows.add(new String[] {
                id, encrypt(name, "name", id), encrypt(description, "description", id), encrypt(tags, "tags", id)
            });
        }
    }

    @Benchmark
    public int searchAGroup() throws GeneralSecurityException {
        int found = 0;
        for (String[] row : rows) {
            Style style = new Style(
                    UUID.fromString(row[0]),
                    null,
                    null,
                    decrypt(row[1], "name", row[0]),
                    decrypt(row[2], "description", row[0]),
                    List.of(decrypt(row[3], "tags", row[0]).split("\n")),
                    StyleStatus.IN_REVIEW,
                    null,
                    null,
                    null,
                    Instant.EPOCH,
                    null,
                    Instant.EPOCH,
                    "in-development");
            if (StyleLookupService.matches(style, query)) {
                found++;
            }
        }
        return found;
    }

    private String encrypt(String text, String column, String id) throws GeneralSecurityException {
        return Base64.getEncoder()
                .encodeToString(aead.encrypt(text.getBytes(StandardCharsets.UTF_8), ad(column, id)));
    }

    private String decrypt(String text, String column, String id) throws GeneralSecurityException {
        return new String(aead.decrypt(Base64.getDecoder().decode(text), ad(column, id)), StandardCharsets.UTF_8);
    }

    private static byte[] ad(String column, String id) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String part : new String[] {"selvedge/field", "content_style", column, id}) {
            byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
            out.writeBytes(ByteBuffer.allocate(4).putInt(bytes.length).array());
            out.writeBytes(bytes);
        }
        return out.toByteArray();
    }

    private static String words(Random random, int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append(i == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
        }
        return text.toString();
    }
}
