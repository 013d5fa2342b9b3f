package io.selvedge.scim.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The filters identity providers send (RFC 7644 section 3.4.2.2): comparisons with {@code eq}, {@code ne},
 * {@code co}, {@code sw}, {@code ew} and {@code pr}, joined by {@code and} and {@code or}, negated by {@code not},
 * grouped in parentheses: {@code userName eq "x"}, {@code externalId eq "x"}, {@code emails[type eq
 * "work"].value eq "x"}, {@code displayName sw "De" or displayName co "EU"}, {@code title pr}. The ordering
 * operators ({@code gt}, {@code ge}, {@code lt}, {@code le}) and anything else are refused as {@code
 * invalidFilter}, never guessed at.
 */
final class ScimFilter {

    private static final int MAX_LENGTH = 1000;
    private static final int MAX_DEPTH = 32;

    /** What a resource holds under an attribute: its values (none when absent) and how they compare. */
    record Values(List<String> values, boolean caseExact) {

        static Values of(@Nullable String value, boolean caseExact) {
            return new Values(value == null ? List.of() : List.of(value), caseExact);
        }
    }

    /** A resource as a filter reads it: the values of a lower-cased attribute name. */
    @FunctionalInterface
    interface Resource {
        Values attribute(String name);
    }

    enum Operator {
        EQ,
        NE,
        CO,
        SW,
        EW,
        PR
    }

    /** One comparison: the attribute lower-cased (a value filter on it flattened), the value null for pr. */
    record Comparison(
            String attribute, Operator operator, @Nullable String value) {}

    private interface Node {

        boolean test(Resource resource);

        void collect(List<Comparison> into);
    }

    private record All(List<Node> parts) implements Node {

        @Override
        public boolean test(Resource resource) {
            return parts.stream().allMatch(part -> part.test(resource));
        }

        @Override
        public void collect(List<Comparison> into) {
            parts.forEach(part -> part.collect(into));
        }
    }

    private record Any(List<Node> parts) implements Node {

        @Override
        public boolean test(Resource resource) {
            return parts.stream().anyMatch(part -> part.test(resource));
        }

        @Override
        public void collect(List<Comparison> into) {
            parts.forEach(part -> part.collect(into));
        }
    }

    private record Not(Node inner) implements Node {

        @Override
        public boolean test(Resource resource) {
            return !inner.test(resource);
        }

        @Override
        public void collect(List<Comparison> into) {
            inner.collect(into);
        }
    }

    private record Leaf(Comparison comparison) implements Node {

        @Override
        public boolean test(Resource resource) {
            return compare(comparison, resource.attribute(comparison.attribute()));
        }

        @Override
        public void collect(List<Comparison> into) {
            into.add(comparison);
        }
    }

    private final @Nullable Node root;

    private ScimFilter(@Nullable Node root) {
        this.root = root;
    }

    static ScimFilter parse(@Nullable String filter) {
        if (filter == null || filter.isBlank()) {
            return new ScimFilter(null);
        }
        if (filter.length() > MAX_LENGTH) {
            throw ScimException.invalidFilter("The filter is too long.");
        }
        Parser parser = new Parser(ScimFilterTokens.of(filter));
        Node root = parser.or(0);
        if (!parser.done()) {
            throw ScimException.invalidFilter("The filter has more after a complete expression.");
        }
        return new ScimFilter(root);
    }

    /** Every comparison in the filter, in order. */
    List<Comparison> comparisons() {
        List<Comparison> all = new ArrayList<>();
        if (root != null) {
            root.collect(all);
        }
        return List.copyOf(all);
    }

    /** Refuses the filter unless it names only these (lower-cased) attributes. */
    ScimFilter on(Set<String> attributes, String refusal) {
        for (Comparison comparison : comparisons()) {
            if (!attributes.contains(comparison.attribute())) {
                throw ScimException.invalidFilter(refusal);
            }
        }
        return this;
    }

    boolean matches(Resource resource) {
        return root == null || root.test(resource);
    }

    private static boolean compare(Comparison comparison, Values held) {
        if (comparison.operator() == Operator.PR) {
            return held.values().stream().anyMatch(value -> !value.isEmpty());
        }
        if (comparison.operator() == Operator.NE) {
            return held.values().stream().noneMatch(value -> equal(value, comparison.value(), held.caseExact()));
        }
        return held.values().stream().anyMatch(value -> holds(comparison, value, held.caseExact()));
    }

    private static boolean holds(Comparison comparison, String held, boolean caseExact) {
        String wanted = caseExact ? comparison.value() : comparison.value().toLowerCase(Locale.ROOT);
        String value = caseExact ? held : held.toLowerCase(Locale.ROOT);
        switch (comparison.operator()) {
            case CO:
                return value.contains(wanted);
            case SW:
                return value.startsWith(wanted);
            case EW:
                return value.endsWith(wanted);
            default:
                return value.equals(wanted);
        }
    }

    private static boolean equal(String held, @Nullable String wanted, boolean caseExact) {
        return caseExact ? held.equals(wanted) : held.equalsIgnoreCase(wanted);
    }

    /** Recursive descent: or binds looser than and, and than not and parentheses. */
    private static final class Parser {

        private static final Set<String> ORDERING = Set.of("gt", "ge", "lt", "le");

        private final List<String> tokens;
        private int at;

        Parser(List<String> tokens) {
            this.tokens = tokens;
        }

        boolean done() {
            return at == tokens.size();
        }

        Node or(int depth) {
            List<Node> parts = new ArrayList<>(List.of(and(depth)));
            while (keyword("or")) {
                parts.add(and(depth));
            }
            return parts.size() == 1 ? parts.get(0) : new Any(List.copyOf(parts));
        }

        private Node and(int depth) {
            List<Node> parts = new ArrayList<>(List.of(unary(depth)));
            while (keyword("and")) {
                parts.add(unary(depth));
            }
            return parts.size() == 1 ? parts.get(0) : new All(List.copyOf(parts));
        }

        private Node unary(int depth) {
            if (depth > MAX_DEPTH) {
                throw ScimException.invalidFilter("The filter nests too deeply.");
            }
            if (keyword("not")) {
                expect("(");
                Node inner = or(depth + 1);
                expect(")");
                return new Not(inner);
            }
            if ("(".equals(peek())) {
                at++;
                Node inner = or(depth + 1);
                expect(")");
                return inner;
            }
            return new Leaf(comparison());
        }

        private Comparison comparison() {
            String attribute = attributePath();
            String operator = next("an operator").toLowerCase(Locale.ROOT);
            if (ORDERING.contains(operator)) {
                throw ScimException.invalidFilter("The ordering operators (gt, ge, lt, le) are not supported.");
            }
            Operator op;
            try {
                op = Operator.valueOf(operator.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException unknown) {
                throw ScimException.invalidFilter("Comparisons use eq, ne, co, sw, ew or pr.");
            }
            return new Comparison(attribute, op, op == Operator.PR ? null : value());
        }

        /** An attribute, or {@code emails[type eq "work"].value}: the one address of an account is its work one. */
        private String attributePath() {
            String name = next("an attribute");
            if (!ScimFilterTokens.isName(name) || name.startsWith(".")) {
                throw ScimException.invalidFilter("An attribute name was expected, not " + name + ".");
            }
            if (!"[".equals(peek())) {
                return name.toLowerCase(Locale.ROOT);
            }
            at++;
            if (!"type".equalsIgnoreCase(next("type")) || !"eq".equalsIgnoreCase(next("eq"))) {
                throw ScimException.invalidFilter("A value filter is [type eq \"...\"].");
            }
            value();
            expect("]");
            String sub = ".value";
            if (peek() != null && peek().startsWith(".") && ScimFilterTokens.isName(peek())) {
                sub = next("a sub-attribute");
            }
            return (name + sub).toLowerCase(Locale.ROOT);
        }

        private String value() {
            String token = next("a value");
            if (ScimFilterTokens.isString(token)) {
                return ScimFilterTokens.unquote(token);
            }
            if ("true".equalsIgnoreCase(token) || "false".equalsIgnoreCase(token)) {
                return token.toLowerCase(Locale.ROOT);
            }
            throw ScimException.invalidFilter("A value is a quoted string, true or false.");
        }

        private boolean keyword(String word) {
            if (word.equalsIgnoreCase(peek())) {
                at++;
                return true;
            }
            return false;
        }

        private void expect(String token) {
            if (!token.equals(next(token))) {
                throw ScimException.invalidFilter("Expected " + token + " in the filter.");
            }
        }

        private @Nullable String peek() {
            return at < tokens.size() ? tokens.get(at) : null;
        }

        private String next(String what) {
            if (done()) {
                throw ScimException.invalidFilter("The filter ends where " + what + " was expected.");
            }
            return tokens.get(at++);
        }
    }
}
