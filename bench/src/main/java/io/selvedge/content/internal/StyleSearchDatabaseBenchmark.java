package io.selvedge.content.internal;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.google.crypto.tink.prf.PredefinedPrfParameters;
import com.google.crypto.tink.prf.PrfConfig;
import com.google.crypto.tink.prf.PrfSet;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.selvedge.crypto.FieldCipher;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One search of a group of 100,000 styles on PostgreSQL, database read included (bench/README.md): the
 * application's own {@link StyleSearch} and {@link StyleRepository} on the regional schema (Flyway, the
 * PostgreSQL migrations and the GIN index included) in a fresh database {@code selvedge_search_bench} on
 * 127.0.0.1:5432, the field cipher's primitives (AES256_GCM, HMAC-SHA256 PRF) on keys made for the run.
 * Styles: 3-word names, 30-word descriptions, 3 one-word tags, from a vocabulary of 4,000 made-up words
 * (a few with diacritics), description words Zipf-distributed. Queries (200, cycled): {@code typical}, two
 * words of some style's name, each cut to 3 to 6 letters. The setup also times 20 broad queries (one
 * frequent description word) and prints the candidates and matches per query and the size the tokens and
 * their index add (the GIN index as the inserts grew it, and as rebuilt).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class StyleSearchDatabaseBenchmark {

    static final String URL = System.getenv().getOrDefault("SELVEDGE_BENCH_POSTGRES", "jdbc:postgresql://127.0.0.1:5432/");
    static final String DATABASE = "selvedge_search_bench";

    @Param({"100000"})
    int styles;


    private final UUID group = UUID.randomUUID();
    private final List<List<String>> terms = new ArrayList<>();
    private HikariDataSource dataSource;
    private JdbcClient jdbc;
    private BenchCipher cipher;
    private StyleSearch search;
    private int next;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        cipher = new BenchCipher();
        try (Connection admin = DriverManager.getConnection(URL + "postgres", "postgres", "")) {
            admin.createStatement().execute("drop database if exists " + DATABASE);
            admin.createStatement().execute("create database " + DATABASE);
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(URL + DATABASE + "?reWriteBatchedInserts=true");
        config.setUsername("postgres");
        config.setMaximumPoolSize(2);
        dataSource = new HikariDataSource(config);
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/regional", "classpath:db/regional-postgresql")
                .load()
                .migrate();
        jdbc = JdbcClient.create(dataSource);
        search = new StyleSearch(new StyleRepository());
        Corpus corpus = new Corpus(new Random(42));
        load(corpus);
        Random random = new Random(7);
        for (int i = 0; i < 200; i++) {
            terms.add(corpus.typicalQuery(random));
        }
        report(corpus);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        dataSource.close();
    }

    @Benchmark
    public int search() {
        List<String> query = terms.get(next++ % terms.size());
        return search.search(jdbc, cipher, group, query, 50, id -> true).size();
    }

    private void load(Corpus corpus) throws SQLException {
        UUID workroom = UUID.randomUUID();
        UUID actor = UUID.randomUUID();
        Instant now = Instant.now();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement resident = connection.prepareStatement(
                    "insert into resident_group (group_id, admitted_at) values (?, ?)")) {
                resident.setObject(1, group);
                resident.setTimestamp(2, java.sql.Timestamp.from(now));
                resident.executeUpdate();
            }
            try (PreparedStatement insert = connection.prepareStatement("insert into content_style (id, group_id,"
                            + " workroom_id, name, description, tags, status, stage, created_by, created_at, updated_by,"
                            + " updated_at, search_tokens)"
                            + " values (?, ?, ?, ?, ?, ?, 'IN_REVIEW', 'in-development', ?, ?, ?, ?, ?)");
                    PreparedStatement tag = connection.prepareStatement(
                            "insert into content_style_tag (style_id, group_id, tag_index) values (?, ?, ?)")) {
                for (int i = 0; i < styles; i++) {
                    UUID id = UUID.randomUUID();
                    String name = corpus.name();
                    String description = corpus.description();
                    List<String> tags = corpus.tags();
                    insert.setObject(1, id);
                    insert.setObject(2, group);
                    insert.setObject(3, workroom);
                    insert.setString(4, StyleRepository.NAME.encrypt(cipher, name, id));
                    insert.setString(5, StyleRepository.DESCRIPTION.encrypt(cipher, description, id));
                    insert.setString(6, StyleRepository.TAGS.encrypt(cipher, StyleFields.joinTags(tags), id));
                    insert.setObject(7, actor);
                    insert.setTimestamp(8, java.sql.Timestamp.from(now));
                    insert.setObject(9, actor);
                    insert.setTimestamp(10, java.sql.Timestamp.from(now));
                    short[] tokens = SearchTokens.of(cipher, name, description, tags);
                    Short[] boxed = new Short[tokens.length];
                    for (int t = 0; t < tokens.length; t++) {
                        boxed[t] = tokens[t];
                    }
                    insert.setArray(11, connection.createArrayOf("smallint", boxed));
                    insert.addBatch();
                    for (String t : tags) {
                        tag.setObject(1, id);
                        tag.setObject(2, group);
                        tag.setBytes(3, cipher.blindIndex(StyleService.TAG_INDEX, StyleFields.indexed(t)));
                        tag.addBatch();
                    }
                    if (i % 1000 == 999) {
                        insert.executeBatch();
                        tag.executeBatch();
                    }
                }
                insert.executeBatch();
                tag.executeBatch();
            }
            connection.commit();
            connection.setAutoCommit(true);
            try (Statement statement = connection.createStatement()) {
                statement.execute("vacuum analyze content_style");
                statement.execute("vacuum analyze content_style_tag");
            }
        }
    }

    /** The size the tokens and their indexes add to a style, and how many candidates and matches queries have. */
    private void report(Corpus corpus) {
        Map<String, Object> sizes = jdbc.sql("select"
                        + " (select sum(pg_column_size(search_tokens)) from content_style) as tokens,"
                        + " pg_relation_size('content_style_search') as gin,"
                        + " pg_relation_size('content_style_unindexed') as unindexed,"
                        + " pg_total_relation_size('content_style') as style_table,"
                        + " pg_total_relation_size('content_style_tag') as tag_table")
                .query()
                .singleRow();
        long added = ((Number) sizes.get("tokens")).longValue()
                + ((Number) sizes.get("gin")).longValue()
                + ((Number) sizes.get("unindexed")).longValue();
        long style = ((Number) sizes.get("style_table")).longValue()
                + ((Number) sizes.get("tag_table")).longValue()
                - added;
        System.out.printf(
                "%nsizes per style: stored without search %d B, search adds %d B (%.1f%%): tokens %d B, GIN %d B%n",
                style / styles,
                added / styles,
                100.0 * added / style,
                ((Number) sizes.get("tokens")).longValue() / styles,
                ((Number) sizes.get("gin")).longValue() / styles);
        jdbc.sql("reindex index content_style_search").update();
        long rebuilt = jdbc.sql("select pg_relation_size('content_style_search')")
                .query(Long.class)
                .single();
        System.out.printf("GIN index rebuilt in one go: %d B per style%n", rebuilt / styles);
        StyleRepository rows = new StyleRepository();
        int[] candidates = terms.stream()
                .mapToInt(query -> rows.liveWithTokens(jdbc, group, SearchTokens.ofQuery(cipher, query)).size())
                .sorted()
                .toArray();
        int[] matches = terms.stream()
                .mapToInt(query -> search.search(jdbc, cipher, group, query, 200, id -> true).size())
                .sorted()
                .toArray();
        System.out.printf(
                "typical queries: candidates median %d, p95 %d, max %d; matches (up to 200) median %d, p95 %d%n",
                candidates[candidates.length / 2],
                candidates[candidates.length * 95 / 100],
                candidates[candidates.length - 1],
                matches[matches.length / 2],
                matches[matches.length * 95 / 100]);
        System.out.println("first queries: " + terms.subList(0, 5));
        // Broad queries (one frequent word): timed here, 20 of them, not by JMH (a second trial reloads).
        Random random = new Random(11);
        long[] nanos = new long[20];
        int[] broadCandidates = new int[nanos.length];
        for (int i = 0; i < nanos.length; i++) {
            List<String> query = corpus.broadQuery(random);
            broadCandidates[i] = rows.liveWithTokens(jdbc, group, SearchTokens.ofQuery(cipher, query))
                    .size();
            long start = System.nanoTime();
            search.search(jdbc, cipher, group, query, 50, id -> true);
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        Arrays.sort(broadCandidates);
        System.out.printf(
                "broad queries (one of the 20 most frequent description words, cut to 3-6 letters): candidates"
                        + " median %d, max %d; time median %.0f ms, max %.0f ms%n",
                broadCandidates[10],
                broadCandidates[19],
                nanos[10] / 1e6,
                nanos[19] / 1e6);
    }

    /** Made-up words: names from a flat vocabulary, descriptions Zipf-distributed over it. */
    static final class Corpus {

        private static final String[] SYLLABLES = {
            "ka", "lo", "mi", "ne", "ru", "sa", "te", "vi", "do", "fa", "gu", "ha", "jo", "pe", "ri", "so", "tu",
            "za", "ber", "con", "den", "lin", "mar", "sel", "tor", "wol", "qui", "ché", "crê", "naï", "ør", "ü"
        };
        private final Random random;
        private final String[] words = new String[4000];
        private final double[] cumulative = new double[words.length];

        Corpus(Random random) {
            this.random = random;
            for (int i = 0; i < words.length; i++) {
                StringBuilder word = new StringBuilder();
                int syllables = 2 + random.nextInt(3);
                for (int s = 0; s < syllables; s++) {
                    word.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
                }
                words[i] = word.toString();
            }
            double sum = 0;
            for (int i = 0; i < words.length; i++) {
                sum += 1.0 / (i + 1);
                cumulative[i] = sum;
            }
            for (int i = 0; i < words.length; i++) {
                cumulative[i] /= sum;
            }
        }

        private final List<String> names = new ArrayList<>();

        String name() {
            String name = capitalised(flat()) + " " + flat() + " " + flat();
            if (names.size() < 5000) {
                names.add(name);
            }
            return name;
        }

        String description() {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < 30; i++) {
                text.append(i == 0 ? "" : i % 8 == 0 ? ". " : " ").append(zipf());
            }
            return text.toString();
        }

        List<String> tags() {
            return StyleFields.tags(List.of(flat(), flat() + "-" + flat(), zipf()));
        }

        List<String> typicalQuery(Random random) {
            List<String> name = StyleLookupService.words(names.get(random.nextInt(names.size())));
            return List.of(cut(name.get(0), random), cut(name.get(1 + random.nextInt(2)), random));
        }

        List<String> broadQuery(Random random) {
            return List.of(cut(words[random.nextInt(20)], random));
        }

        private static String cut(String word, Random random) {
            return word.substring(0, Math.min(word.length(), 3 + random.nextInt(4)));
        }

        private String flat() {
            return words[random.nextInt(words.length)];
        }

        private String zipf() {
            int at = Arrays.binarySearch(cumulative, random.nextDouble());
            return words[at >= 0 ? at : Math.min(words.length - 1, -at - 1)];
        }

        private static String capitalised(String word) {
            return word.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + word.substring(1);
        }
    }

    /** The field cipher's primitives and associated-data layout, on keys made for the run. */
    static final class BenchCipher implements FieldCipher {

        private final Aead fields;
        private final PrfSet index;

        BenchCipher() throws GeneralSecurityException {
            AeadConfig.register();
            PrfConfig.register();
            fields = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM)
                    .getPrimitive(RegistryConfiguration.get(), Aead.class);
            index = KeysetHandle.generateNew(PredefinedPrfParameters.HMAC_SHA256_PRF)
                    .getPrimitive(RegistryConfiguration.get(), PrfSet.class);
        }

        @Override
        public byte[] encrypt(byte[] plaintext, String table, String column, String rowId) {
            try {
                return fields.encrypt(plaintext, lengthPrefixed("selvedge/field", table, column, rowId));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public byte[] decrypt(byte[] ciphertext, String table, String column, String rowId) {
            try {
                return fields.decrypt(ciphertext, lengthPrefixed("selvedge/field", table, column, rowId));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public String encryptText(String plaintext, String table, String column, String rowId) {
            return Base64.getEncoder()
                    .encodeToString(encrypt(plaintext.getBytes(StandardCharsets.UTF_8), table, column, rowId));
        }

        @Override
        public String decryptText(String ciphertext, String table, String column, String rowId) {
            return new String(
                    decrypt(Base64.getDecoder().decode(ciphertext), table, column, rowId), StandardCharsets.UTF_8);
        }

        @Override
        public byte[] blindIndex(String index, String normalisedValue) {
            try {
                return this.index.computePrimary(lengthPrefixed("selvedge/blind-index", index, normalisedValue), 32);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        private static byte[] lengthPrefixed(String... parts) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (String part : parts) {
                byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
                out.writeBytes(ByteBuffer.allocate(4).putInt(bytes.length).array());
                out.writeBytes(bytes);
            }
            return out.toByteArray();
        }
    }
}
