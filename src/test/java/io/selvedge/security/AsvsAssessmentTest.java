package io.selvedge.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The ASVS self-assessment (docs/security/asvs.md) stays honest: every test a met row cites exists, every row
 * has a status, every open row names one of our open issues, and the summary counts the rows below it.
 */
class AsvsAssessmentTest {

    private static final Path PAGE = Path.of("docs/security/asvs.md");

    /** ASVS 5.0.0 has 253 requirements at level 1 or 2 (70 at level 1, 183 more at level 2). */
    private static final int LEVEL_ONE_AND_TWO_REQUIREMENTS = 253;

    private static final Set<String> OPEN_ISSUES = Set.of("15", "16", "17", "18", "19", "20", "21", "22");

    private static final Pattern ROW = Pattern.compile("^\\| (V\\d+)\\.\\d+\\.\\d+ \\|.*");
    private static final Pattern TEST_CLASS = Pattern.compile("\\b[A-Z][A-Za-z0-9]*(?:IT|Test)\\b");
    private static final Pattern ISSUE = Pattern.compile("#(\\d+)");
    private static final Pattern SUMMARY_ROW =
            Pattern.compile("^\\| \\[(V\\d+) [^]]+]\\([^)]+\\) \\| (\\d+) \\| (\\d+) \\| (\\d+) \\| (\\d+) \\|$");

    @Test
    void thePageCitesOnlyExistingTestsAndEveryRowHasAStatusAndEveryOpenRowAnIssue() throws IOException {
        String page = Files.readString(PAGE, StandardCharsets.UTF_8);
        assertThat(problems(page, testClassesOnDisk())).isEmpty();
    }

    @Test
    void everyLevelOneAndTwoRequirementHasExactlyOneRow() throws IOException {
        List<String> ids = rows(Files.readString(PAGE, StandardCharsets.UTF_8)).stream()
                .map(cells -> cells.get(0))
                .toList();
        assertThat(ids).doesNotHaveDuplicates().hasSize(LEVEL_ONE_AND_TWO_REQUIREMENTS);
    }

    @Test
    void aMissingTestAMissingStatusAndAnOpenRowWithoutIssueAreEachFound() {
        String page = String.join(
                "\n",
                "| V1.1.1 | 2 | Input decoded once. | **met** | `platform`; tests: `NoSuchThingIT`, `RealTest` |",
                "| V1.1.2 | 2 | Output encoded last. |  | Thymeleaf |",
                "| V1.2.1 | 1 | Context encoding. | **open** | nobody has filed it |",
                "| V1.2.2 | 1 | URLs encoded. | **open** | #99: not one of ours |",
                "| V1.2.3 | 1 | JSON encoded. | **met** | Jackson |",
                "| V1.2.4 | 1 | SQL parameterised. | **n.a.** | no SQL |");
        assertThat(problems(page, Set.of("RealTest")))
                .containsExactly(
                        "V1.1.1 cites NoSuchThingIT, which is no file under src/test/java",
                        "V1.1.2 has no status (met, n.a. or open)",
                        "V1.2.1 is open but names no open issue (#15 to #22)",
                        "V1.2.2 is open but names no open issue (#15 to #22)",
                        "V1.2.3 is met but cites no test and does not say it has no dedicated test");
    }

    /** What is wrong with the page: one sentence per broken row or summary line. */
    static List<String> problems(String page, Set<String> testClasses) {
        List<String> problems = new ArrayList<>();
        Map<String, int[]> counted = new LinkedHashMap<>();
        for (List<String> cells : rows(page)) {
            String id = cells.get(0);
            if (cells.size() != 5) {
                problems.add(id + " has " + cells.size() + " cells, not 5");
                continue;
            }
            String status = cells.get(3);
            String evidence = cells.get(4);
            int[] counts = counted.computeIfAbsent(chapter(id), c -> new int[3]);
            switch (status) {
                case "**met**" -> {
                    counts[0]++;
                    Matcher tests = TEST_CLASS.matcher(evidence);
                    boolean citesOne = false;
                    while (tests.find()) {
                        citesOne = true;
                        if (!testClasses.contains(tests.group())) {
                            problems.add(id + " cites " + tests.group() + ", which is no file under src/test/java");
                        }
                    }
                    if (!citesOne && !evidence.contains("no dedicated test")) {
                        problems.add(id + " is met but cites no test and does not say it has no dedicated test");
                    }
                }
                case "**n.a.**" -> {
                    counts[1]++;
                    if (evidence.isBlank()) {
                        problems.add(id + " is not applicable but says not why");
                    }
                }
                case "**open**" -> {
                    counts[2]++;
                    Matcher issue = ISSUE.matcher(evidence);
                    if (!issue.find() || !OPEN_ISSUES.contains(issue.group(1))) {
                        problems.add(id + " is open but names no open issue (#15 to #22)");
                    }
                }
                default -> problems.add(id + " has no status (met, n.a. or open)");
            }
        }
        page.lines().map(SUMMARY_ROW::matcher).filter(Matcher::matches).forEach(summary -> {
            int[] counts = counted.getOrDefault(summary.group(1), new int[3]);
            int[] stated = {
                Integer.parseInt(summary.group(3)),
                Integer.parseInt(summary.group(4)),
                Integer.parseInt(summary.group(5))
            };
            if (counts[0] != stated[0]
                    || counts[1] != stated[1]
                    || counts[2] != stated[2]
                    || counts[0] + counts[1] + counts[2] != Integer.parseInt(summary.group(2))) {
                problems.add("the summary of " + summary.group(1) + " does not count its rows");
            }
        });
        return problems;
    }

    private static List<List<String>> rows(String page) {
        return page.lines()
                .filter(line -> ROW.matcher(line).matches())
                .map(line -> {
                    String inner = line.substring(1, line.lastIndexOf('|'));
                    List<String> cells = new ArrayList<>();
                    for (String cell : inner.split("\\|", -1)) {
                        cells.add(cell.strip());
                    }
                    return cells;
                })
                .toList();
    }

    private static String chapter(String id) {
        return id.substring(0, id.indexOf('.'));
    }

    private static Set<String> testClassesOnDisk() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("src/test/java"))) {
            return files.map(path -> path.getFileName().toString())
                    .filter(name -> name.endsWith(".java"))
                    .map(name -> name.substring(0, name.length() - ".java".length()))
                    .collect(Collectors.toCollection(HashSet::new));
        }
    }
}
