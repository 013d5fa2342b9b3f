package io.selvedge.demo.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.selvedge.access.Role;
import io.selvedge.content.Style;
import io.selvedge.content.StyleQuery;
import io.selvedge.content.Styles;
import io.selvedge.platform.OperatorCommand;
import io.selvedge.tenancy.NodeKind;
import io.selvedge.tenancy.Tree;
import io.selvedge.tenancy.TreeNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code demo-data} run as the command line runs it, in the test server's context, and what it printed. */
record DemoData(int exitCode, String output) {

    private static final Pattern GROUP = Pattern.compile("group ([0-9a-f-]{36})");
    private static final Pattern MEMBER = Pattern.compile("^ {2}([A-Z_]+) +(\\S+) +(\\S+)$", Pattern.MULTILINE);
    private static final Pattern LINK = Pattern.compile("^ {2}(https://\\S+/s/\\S+)$", Pattern.MULTILINE);

    /** A member as printed: its username and its password. */
    record Member(String username, String password) {}

    static DemoData run(List<OperatorCommand> commands, String... arguments) {
        OperatorCommand command = commands.stream()
                .filter(c -> c.name().equals("demo-data"))
                .findFirst()
                .orElseThrow();
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        int exit = command.run(List.of(arguments), new PrintStream(printed, true, StandardCharsets.UTF_8));
        return new DemoData(exit, printed.toString(StandardCharsets.UTF_8));
    }

    UUID group() {
        Matcher matcher = GROUP.matcher(output);
        assertThat(matcher.find()).as(output).isTrue();
        return UUID.fromString(matcher.group(1));
    }

    Map<Role, Member> members() {
        Map<Role, Member> members = new EnumMap<>(Role.class);
        Matcher matcher = MEMBER.matcher(output);
        while (matcher.find()) {
            members.put(Role.valueOf(matcher.group(1)), new Member(matcher.group(2), matcher.group(3)));
        }
        return members;
    }

    List<String> links() {
        List<String> links = new ArrayList<>();
        Matcher matcher = LINK.matcher(output);
        while (matcher.find()) {
            links.add(matcher.group(1));
        }
        return links;
    }

    /** The group's styles, walking its tree through the services, in tree order. */
    static List<Style> stylesOf(UUID group, Tree tree, Styles styles) {
        List<Style> found = new ArrayList<>();
        for (TreeNode company : children(tree, NodeKind.COMPANY, group)) {
            for (TreeNode brand : children(tree, NodeKind.BRAND, company.id())) {
                for (TreeNode season : children(tree, NodeKind.SEASON, brand.id())) {
                    for (TreeNode workroom : children(tree, NodeKind.WORKROOM, season.id())) {
                        found.addAll(styles.list(
                                        workroom.id(),
                                        new StyleQuery(null, null, StyleQuery.Sort.NAME, 200, null),
                                        id -> true)
                                .items());
                    }
                }
            }
        }
        return found;
    }

    static List<TreeNode> children(Tree tree, NodeKind kind, UUID parent) {
        return tree.children(kind, parent, 200, null).items();
    }
}
