package io.selvedge.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.selvedge.testing.ImageJdk;
import io.selvedge.testing.SelvedgeClasses;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.web.bind.annotation.GetMapping;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * What operators deploy (the Dockerfile, compose.yaml, deploy/k8s) is checked here, since this machine has no
 * container runtime: every {@code SELVEDGE_} setting they pass is one the server reads (a placeholder in
 * application.yaml, or a property of a {@code @ConfigurationProperties} record under Spring's relaxed binding),
 * every port and probe is the server's, and the containers run as nobody on a read-only root.
 */
class DeploymentManifestsTest {

    static final Path ROOT = Path.of("").toAbsolutePath();
    static final Pattern SETTING = Pattern.compile("SELVEDGE_[A-Z0-9_]+");

    final KnownSettings known = KnownSettings.read();

    @Test
    void theCheckRefusesASettingTheServerDoesNotRead() {
        assertThat(known.reads("SELVEDGE_PROTECTION_BLOCKS_TARPITATMOST")).isTrue();
        assertThat(known.reads("SELVEDGE_STORAGE_REGION_EU_BLOBS_BUCKET")).isTrue();
        assertThat(known.reads("SELVEDGE_MASTER_KEY_PASSPHRASE")).isTrue();
        assertThat(known.reads("SELVEDGE_MASTER_KEY_PASSPHRASE_FILE")).isFalse();
        assertThat(known.reads("SELVEDGE_STORAGE_REGION_EU_BLOBS_BUCKETS")).isFalse();
    }

    @Test
    void theImageIsBuiltInStagesRunsAsNobodyAndChecksItsHealthOnTheServersPort() throws IOException {
        String dockerfile = Files.readString(ROOT.resolve("Dockerfile"));
        Map<String, String> env = new LinkedHashMap<>();
        Matcher line = Pattern.compile("(?m)^ENV ((?:.*\\\\\\n)*.*)$").matcher(dockerfile);
        while (line.find()) {
            for (String pair : line.group(1).replace("\\\n", " ").trim().split("\\s+")) {
                String[] nameValue = pair.split("=", 2);
                env.put(nameValue[0], nameValue[1]);
            }
        }

        assertThat(env.keySet())
                .allSatisfy(name -> assertThat(known.reads(name)).as(name).isTrue());
        assertThat(Pattern.compile("(?m)^FROM ").matcher(dockerfile).results().count())
                .as("multi-stage")
                .isGreaterThanOrEqualTo(2);
        assertThat(dockerfile).contains("extract --layers");
        Matcher user = Pattern.compile("(?m)^USER (\\S+)").matcher(dockerfile);
        assertThat(user.find()).isTrue();
        assertThat(user.group(1)).doesNotStartWith("0").doesNotStartWith("root");
        assertThat(dockerfile).containsPattern("(?m)^EXPOSE " + env.get("SELVEDGE_PORT") + " ");
        assertThat(env.get("SELVEDGE_PORT")).isEqualTo(known.defaultOf("SELVEDGE_PORT"));
        assertThat(env.get("SELVEDGE_MANAGEMENT_PORT")).isEqualTo(known.defaultOf("SELVEDGE_MANAGEMENT_PORT"));
        assertThat(dockerfile).contains("https://localhost:" + env.get("SELVEDGE_PORT") + healthPath());
        assertThat(dockerfile).containsPattern("(?m)^VOLUME .*\"" + env.get("SELVEDGE_DATA_DIR") + "\"");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theImageStartsFromTheAheadOfTimeCacheItTrainsAndComposeAndKubernetesKeepItsEntryPoint() throws IOException {
        String dockerfile = Files.readString(ROOT.resolve("Dockerfile"));
        assertThat(ImageJdk.featureVersion(ROOT.resolve("Dockerfile")))
                .as("-XX:AOTCacheOutput, one training run, is JDK 25's")
                .isGreaterThanOrEqualTo(25);
        Matcher training = Pattern.compile("-XX:AOTCacheOutput=(\\S+)").matcher(dockerfile);
        assertThat(training.find()).as("a training run").isTrue();
        assertThat(training.start())
                .as("trained in the stage that runs: a cache belongs to its JRE")
                .isGreaterThan(dockerfile.lastIndexOf("\nFROM "));
        assertThat(dockerfile).contains("-Dspring.context.exit=onRefresh");
        Matcher entryPoint = Pattern.compile("(?m)^ENTRYPOINT (.*)$").matcher(dockerfile);
        assertThat(entryPoint.find()).isTrue();
        assertThat(entryPoint.group(1))
                .contains("\"-XX:AOTCache=" + training.group(1) + "\"")
                .contains("\"-jar\", \"selvedge.jar\"");

        Map<String, Object> compose = yaml(ROOT.resolve("compose.yaml")).get(0);
        Map<String, Object> selvedge =
                (Map<String, Object>) ((Map<String, Object>) compose.get("services")).get("selvedge");
        assertThat(selvedge).doesNotContainKeys("entrypoint", "command");
        Map<String, Object> deployment =
                yaml(ROOT.resolve("deploy/k8s/base/deployment.yaml")).get(0);
        Map<String, Object> pod = (Map<String, Object>)
                ((Map<String, Object>) ((Map<String, Object>) deployment.get("spec")).get("template")).get("spec");
        assertThat(((List<Map<String, Object>>) pod.get("containers")).get(0)).doesNotContainKeys("command", "args");
    }

    @Test
    @SuppressWarnings("unchecked")
    void composeRunsTheServerReadOnlyWithSettingsItReadsOnItsPort() throws IOException {
        Map<String, Object> compose = yaml(ROOT.resolve("compose.yaml")).get(0);
        Map<String, Object> selvedge =
                (Map<String, Object>) ((Map<String, Object>) compose.get("services")).get("selvedge");
        Map<String, Object> env = (Map<String, Object>) selvedge.get("environment");

        assertThat(env.keySet())
                .allSatisfy(name -> assertThat(known.reads(name)).as(name).isTrue());
        assertThat(selvedge.get("read_only")).isEqualTo(true);
        assertThat((String) selvedge.get("user")).doesNotStartWith("0");
        assertThat((List<String>) selvedge.get("ports")).containsExactly("443:" + env.get("SELVEDGE_PORT"));
        assertThat(String.valueOf(((Map<String, Object>) selvedge.get("healthcheck")).get("test")))
                .contains("https://localhost:" + env.get("SELVEDGE_PORT") + healthPath());
        // Files the settings name are the secrets compose mounts.
        List<String> secrets = (List<String>) selvedge.get("secrets");
        for (String name :
                List.of("SELVEDGE_TLS_CERTIFICATE", "SELVEDGE_TLS_PRIVATE_KEY", "SELVEDGE_MASTER_KEY_FILE")) {
            String file = String.valueOf(env.get(name));
            assertThat(file).startsWith("/run/secrets/");
            assertThat(secrets).contains(file.substring("/run/secrets/".length()));
        }
        assertThat(Files.exists(ROOT.resolve("deploy/compose/create-databases.sql")))
                .isTrue();
    }

    @Test
    @SuppressWarnings("unchecked")
    void kubernetesNodesAreStatelessNonRootProbedOnTheServersPortsAndPassOnlySettingsItReads() throws IOException {
        Map<String, String> base = literals(ROOT.resolve("deploy/k8s/base/kustomization.yaml"));
        assertThat(base.keySet())
                .allSatisfy(name -> assertThat(known.reads(name)).as(name).isTrue());
        for (String region : List.of("us", "eu", "apac")) {
            Map<String, String> overlay =
                    literals(ROOT.resolve("deploy/k8s/overlays/" + region + "/kustomization.yaml"));
            assertThat(overlay.keySet())
                    .allSatisfy(name -> assertThat(known.reads(name)).as(name).isTrue());
            assertThat(overlay).containsEntry("SELVEDGE_REGIONS", region);
            assertThat(overlay.keySet())
                    .as("the overlay's stores are its region's")
                    .filteredOn(name -> name.startsWith("SELVEDGE_STORAGE_REGION_"))
                    .allMatch(name ->
                            name.startsWith("SELVEDGE_STORAGE_REGION_" + region.toUpperCase(Locale.ROOT) + "_"));
        }

        Map<String, Object> deployment =
                yaml(ROOT.resolve("deploy/k8s/base/deployment.yaml")).get(0);
        Map<String, Object> pod = (Map<String, Object>)
                ((Map<String, Object>) ((Map<String, Object>) deployment.get("spec")).get("template")).get("spec");
        Map<String, Object> container = ((List<Map<String, Object>>) pod.get("containers")).get(0);
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (Map<String, Object> port : (List<Map<String, Object>>) container.get("ports")) {
            ports.put((String) port.get("name"), (Integer) port.get("containerPort"));
        }

        assertThat(ports).containsEntry("https", Integer.valueOf(base.get("SELVEDGE_PORT")));
        assertThat(ports).containsEntry("management", Integer.valueOf(base.get("SELVEDGE_MANAGEMENT_PORT")));
        assertThat(((Map<String, Object>) pod.get("securityContext")).get("runAsNonRoot"))
                .isEqualTo(true);
        Map<String, Object> containerSecurity = (Map<String, Object>) container.get("securityContext");
        assertThat(containerSecurity).containsEntry("readOnlyRootFilesystem", true);
        assertThat(containerSecurity).containsEntry("allowPrivilegeEscalation", false);
        for (String probe : List.of("readinessProbe", "startupProbe")) {
            Map<String, Object> get = (Map<String, Object>) ((Map<String, Object>) container.get(probe)).get("httpGet");
            assertThat(get).containsEntry("path", healthPath()).containsEntry("scheme", "HTTPS");
            assertThat(ports).containsKey((String) get.get("port"));
        }
        Map<String, Object> liveness = (Map<String, Object>) container.get("livenessProbe");
        assertThat(ports).containsKey((String) ((Map<String, Object>) liveness.get("tcpSocket")).get("port"));

        // The files the settings name are mounted from Secrets, read-only.
        List<Map<String, Object>> mounts = (List<Map<String, Object>>) container.get("volumeMounts");
        Map<String, String> secretVolumes = new LinkedHashMap<>();
        for (Map<String, Object> volume : (List<Map<String, Object>>) pod.get("volumes")) {
            if (volume.get("secret") instanceof Map<?, ?> secret) {
                secretVolumes.put((String) volume.get("name"), (String) secret.get("secretName"));
            }
        }
        for (String name :
                List.of("SELVEDGE_TLS_CERTIFICATE", "SELVEDGE_TLS_PRIVATE_KEY", "SELVEDGE_MASTER_KEY_FILE")) {
            String file = base.get(name);
            assertThat(mounts).as(name + " is a file of a mounted Secret").anySatisfy(mount -> {
                assertThat(file).startsWith(mount.get("mountPath") + "/");
                assertThat(secretVolumes).containsKey((String) mount.get("name"));
                assertThat(mount).containsEntry("readOnly", true);
            });
        }
        assertThat(mounts)
                .anySatisfy(mount -> assertThat(mount).containsEntry("mountPath", base.get("SELVEDGE_DATA_DIR")));
        // Several nodes open each other's group keys: the key stores are one volume every node shares.
        Map<String, Object> keys =
                yaml(ROOT.resolve("deploy/k8s/base/keys-volume.yaml")).get(0);
        assertThat(keys).containsEntry("kind", "PersistentVolumeClaim");
        assertThat((List<String>) ((Map<String, Object>) keys.get("spec")).get("accessModes"))
                .containsExactly("ReadWriteMany");
        assertThat(mounts).anySatisfy(mount -> {
            assertThat(mount).containsEntry("mountPath", base.get("SELVEDGE_DATA_DIR") + "/keys");
            assertThat((List<Map<String, Object>>) pod.get("volumes"))
                    .anySatisfy(volume -> assertThat(volume)
                            .containsEntry("name", mount.get("name"))
                            .containsEntry(
                                    "persistentVolumeClaim",
                                    Map.of("claimName", ((Map<String, Object>) keys.get("metadata")).get("name"))));
        });
        assertThat(literals(ROOT.resolve("deploy/k8s/base/kustomization.yaml"))).isNotEmpty();
        assertThat(resources())
                .contains(
                        "deployment.yaml",
                        "service.yaml",
                        "pod-disruption-budget.yaml",
                        "network-policy.yaml",
                        "keys-volume.yaml");
        Map<String, Object> budget =
                yaml(ROOT.resolve("deploy/k8s/base/pod-disruption-budget.yaml")).get(0);
        assertThat(budget).containsEntry("kind", "PodDisruptionBudget");
        Map<String, Object> policy =
                yaml(ROOT.resolve("deploy/k8s/base/network-policy.yaml")).get(0);
        assertThat((List<String>) ((Map<String, Object>) policy.get("spec")).get("policyTypes"))
                .containsExactlyInAnyOrder("Ingress", "Egress");
    }

    @SuppressWarnings("unchecked")
    private static List<String> resources() throws IOException {
        return (List<String>)
                yaml(ROOT.resolve("deploy/k8s/base/kustomization.yaml")).get(0).get("resources");
    }

    /** The path of the server's health check for balancers, as its controller maps it. */
    private static String healthPath() {
        try {
            Class<?> controller = Class.forName("io.selvedge.platform.internal.web.LivenessController");
            return Stream.of(controller.getDeclaredMethods())
                    .map(method -> method.getAnnotation(GetMapping.class))
                    .filter(mapping -> mapping != null)
                    .map(mapping -> mapping.value()[0])
                    .findFirst()
                    .orElseThrow();
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The {@code NAME=value} literals of a kustomization's config map generators. */
    @SuppressWarnings("unchecked")
    private static Map<String, String> literals(Path kustomization) throws IOException {
        Map<String, String> literals = new LinkedHashMap<>();
        for (Map<String, Object> generator :
                (List<Map<String, Object>>) yaml(kustomization).get(0).get("configMapGenerator")) {
            for (String literal : (List<String>) generator.get("literals")) {
                String[] nameValue = literal.split("=", 2);
                literals.put(nameValue[0], nameValue[1]);
            }
        }
        return literals;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> yaml(Path file) throws IOException {
        List<Map<String, Object>> documents = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file)) {
            for (Object document : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(in)) {
                documents.add((Map<String, Object>) document);
            }
        }
        return documents;
    }

    /**
     * The settings the server reads: the environment variables application.yaml names, and every property of the
     * {@code @ConfigurationProperties} records as an environment variable (upper case, dots as underscores, no
     * dashes; a map's key is any one word, such as a region's name).
     */
    record KnownSettings(Set<String> placeholders, Map<String, String> defaults, List<Pattern> properties) {

        static KnownSettings read() {
            try {
                String yaml = Files.readString(ROOT.resolve("src/main/resources/application.yaml"));
                Set<String> placeholders = new TreeSet<>();
                Map<String, String> defaults = new LinkedHashMap<>();
                Matcher placeholder =
                        Pattern.compile("\\$\\{(SELVEDGE_[A-Z0-9_]+):?([^}]*)}").matcher(yaml);
                while (placeholder.find()) {
                    placeholders.add(placeholder.group(1));
                    defaults.put(placeholder.group(1), placeholder.group(2));
                }
                List<Pattern> properties = new ArrayList<>();
                for (Class<?> type : SelvedgeClasses.annotatedWith("io.selvedge", ConfigurationProperties.class)) {
                    ConfigurationProperties annotation = type.getAnnotation(ConfigurationProperties.class);
                    String prefix = annotation.value().isEmpty() ? annotation.prefix() : annotation.value();
                    walk(type, envName(prefix), properties, 0);
                }
                return new KnownSettings(placeholders, defaults, properties);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        boolean reads(String setting) {
            return placeholders.contains(setting)
                    || properties.stream()
                            .anyMatch(property -> property.matcher(setting).matches());
        }

        String defaultOf(String setting) {
            return defaults.get(setting);
        }

        private static void walk(Class<?> type, String prefix, List<Pattern> properties, int depth) {
            if (!type.isRecord() || depth > 6) {
                return;
            }
            for (RecordComponent component : type.getRecordComponents()) {
                String name = prefix + "_" + component.getName().toUpperCase(Locale.ROOT);
                properties.add(Pattern.compile(Pattern.quote(name)));
                Type generic = component.getGenericType();
                if (Map.class.isAssignableFrom(component.getType())
                        && generic instanceof ParameterizedType map
                        && map.getActualTypeArguments()[1] instanceof Class<?> value) {
                    walkMap(value, name, properties, depth);
                } else if (component.getType().getName().startsWith("io.selvedge")) {
                    walk(component.getType(), name, properties, depth + 1);
                }
            }
        }

        private static void walkMap(Class<?> value, String prefix, List<Pattern> properties, int depth) {
            List<Pattern> below = new ArrayList<>();
            walk(value, "KEY", below, depth + 1);
            for (Pattern pattern : below) {
                String suffix = pattern.pattern().replace("\\QKEY_", "\\Q");
                properties.add(Pattern.compile(Pattern.quote(prefix) + "_[A-Z0-9]+_" + suffix));
            }
            properties.add(Pattern.compile(Pattern.quote(prefix) + "_[A-Z0-9]+"));
        }

        private static String envName(String prefix) {
            return prefix.replace("-", "").replace('.', '_').toUpperCase(Locale.ROOT);
        }
    }
}
