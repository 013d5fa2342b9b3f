package io.selvedge.demo.internal;

import io.selvedge.access.Role;
import io.selvedge.content.StyleStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.jspecify.annotations.Nullable;

/**
 * What {@code demo-data} makes, worked out from the seed alone (so one seed gives the same names, texts
 * and garment bytes): a group of two companies, each with two brands of two seasons of two workrooms of
 * two styles (32 styles), and a member of every role. The first company, its first brand and that
 * brand's first workroom are where the company, brand and workroom members are.
 */
record DemoPlan(long seed, String groupName, List<Company> companies, List<Member> members) {

    static final int PER_NODE = 2;

    record Member(String username, String displayName, Role role) {}

    record Company(String name, List<Brand> brands) {}

    record Brand(String name, List<Season> seasons) {}

    record Season(String name, List<Workroom> workrooms) {}

    record Workroom(String name, List<Style> styles) {}

    /** A style: its versions oldest first, comments on the newest, an approval if it has one, a share link or not. */
    record Style(
            String name,
            String description,
            List<String> tags,
            List<Garment> versions,
            List<Comment> comments,
            @Nullable Approval approval,
            boolean link) {}

    /** A comment by the member of {@code role}, pinned on the newest version's surface. */
    record Comment(Role author, String body, float[] pin) {}

    record Approval(Role by, StyleStatus status, String note) {}

    private static final String[] GROUPS = {
        "Maison Verlaine", "Atelier Nord", "Casa Ribeira", "Hallström & Co", "Okafor Textiles", "Marlowe House"
    };
    private static final String[] COMPANIES = {
        "Verlaine SA", "Nordlys AB", "Ribeira Lda", "Kestrel Ltd", "Aurora GmbH", "Tessaro SpA"
    };
    private static final String[] BRANDS = {
        "Ourse", "Linden", "Saltmarsh", "Fenwick", "Corvo", "Moth & Loom", "Halcyon", "Juniper"
    };
    private static final String[] SEASONS = {"SS27", "AW27", "SS28", "Resort 27", "Pre-fall 27"};
    private static final String[] WORKROOMS = {
        "Denim", "Jersey", "Knitwear", "Tailoring", "Outerwear", "Eveningwear", "Shirting", "Dresses"
    };
    private static final String[] PEOPLE = {
        "Amélie Durand", "Bruno Costa", "Chiara Rossi", "Dmitri Volkov", "Efua Mensah", "Farah Haddad",
        "Gustav Lind", "Hana Sato", "Inês Moreira", "Jonas Weber", "Kwame Asante", "Léa Martin"
    };
    private static final String[] REMARKS = {
        "The hem puckers here.",
        "Can we drop the shoulder by 2 cm?",
        "The cuff feels tight: widen it by 1 cm.",
        "Love the drape on this one.",
        "Check the seam allowance at the chest.",
        "The colour is off against the lab dip.",
        "Move this dart 5 mm towards the side seam.",
        "Grading looks right up to XL.",
    };
    private static final String[] NOTES = {
        "Fit approved after the second sample.",
        "Ready for the line review.",
        "Fabric not available in time.",
        "Waiting for the wash test.",
        "Approved with the cuff change."
    };
    /** Who comments and approves where: company roles on company 0, brand roles on its brand 0, shares on workroom 0. */
    private static final Role[] COMMENTERS = {
        Role.GROUP_ADMIN,
        Role.COMPANY_ADMIN,
        Role.COMPANY_COLLABORATOR,
        Role.BRAND_ADMIN,
        Role.BRAND_COLLABORATOR,
        Role.EDITOR,
        Role.VIEWER
    };

    static DemoPlan of(long seed) {
        Random random = new Random(seed);
        String tag = "demo" + Long.toUnsignedString(seed, 36);
        List<Member> members = new ArrayList<>();
        List<String> people = pick(random, PEOPLE, Role.values().length);
        for (Role role : Role.values()) {
            String person = people.get(role.ordinal());
            String first = person.substring(0, person.indexOf(' '));
            String username = tag + "-" + role.abbreviation().toLowerCase(Locale.ROOT) + "-" + ascii(first);
            members.add(new Member(username, person, role));
        }
        String groupName = GROUPS[random.nextInt(GROUPS.length)];
        List<String> brandNames = pick(random, BRANDS, PER_NODE * PER_NODE);
        List<Company> companies = new ArrayList<>();
        int styleNumber = 0;
        List<String> companyNames = pick(random, COMPANIES, PER_NODE);
        for (int c = 0; c < PER_NODE; c++) {
            List<Brand> brands = new ArrayList<>();
            for (int b = 0; b < PER_NODE; b++) {
                List<Season> seasons = new ArrayList<>();
                for (String seasonName : pick(random, SEASONS, PER_NODE)) {
                    List<Workroom> workrooms = new ArrayList<>();
                    for (String workroomName : pick(random, WORKROOMS, PER_NODE)) {
                        boolean firstWorkroom = c == 0 && b == 0 && seasons.isEmpty() && workrooms.isEmpty();
                        List<Style> styles = new ArrayList<>();
                        for (int s = 0; s < PER_NODE; s++) {
                            styles.add(style(random, ++styleNumber, seasonName, eligible(c, b, firstWorkroom)));
                        }
                        workrooms.add(new Workroom(workroomName, styles));
                    }
                    seasons.add(new Season(seasonName, workrooms));
                }
                brands.add(new Brand(brandNames.get(c * PER_NODE + b), seasons));
            }
            companies.add(new Company(companyNames.get(c), brands));
        }
        return new DemoPlan(seed, groupName, companies, members);
    }

    List<Style> styles() {
        return companies.stream()
                .flatMap(c -> c.brands().stream())
                .flatMap(b -> b.seasons().stream())
                .flatMap(s -> s.workrooms().stream())
                .flatMap(w -> w.styles().stream())
                .toList();
    }

    private static Style style(Random random, int number, String season, List<Role> people) {
        GarmentKind kind = GarmentKind.values()[random.nextInt(GarmentKind.values().length)];
        List<Garment> versions = new ArrayList<>();
        int count = 1 + random.nextInt(3);
        for (int v = 0; v < count; v++) {
            versions.add(Garments.make(kind, random));
        }
        Garment newest = versions.get(count - 1);
        List<Comment> comments = new ArrayList<>();
        int remarks = random.nextInt(4);
        for (int r = 0; r < remarks; r++) {
            comments.add(new Comment(
                    people.get(random.nextInt(people.size())),
                    REMARKS[random.nextInt(REMARKS.length)],
                    newest.surfacePoints()
                            .get(random.nextInt(newest.surfacePoints().size()))));
        }
        Approval approval = null;
        int decision = random.nextInt(5);
        if (decision < 3) {
            StyleStatus status = StyleStatus.values()[decision];
            List<Role> approvers = people.stream().filter(DemoPlan::approves).toList();
            approval = new Approval(
                    approvers.get(random.nextInt(approvers.size())), status, NOTES[random.nextInt(NOTES.length)]);
        }
        String name = versions.get(0).name() + " " + String.format(Locale.ROOT, "%03d", number);
        String description = newest.fabric().name() + " " + kind.word + ", generated for the demo.";
        List<String> tags = List.of(kind.word, season.toLowerCase(Locale.ROOT).replace(' ', '-'));
        return new Style(name, description, tags, versions, comments, approval, number <= 3);
    }

    /** The members who see a style in company {@code c}, brand {@code b}, and comment on it. */
    private static List<Role> eligible(int c, int b, boolean firstWorkroom) {
        List<Role> roles = new ArrayList<>();
        for (Role role : COMMENTERS) {
            boolean sees = switch (role) {
                case COMPANY_ADMIN, COMPANY_COLLABORATOR -> c == 0;
                case BRAND_ADMIN, BRAND_COLLABORATOR -> c == 0 && b == 0;
                case EDITOR, VIEWER -> firstWorkroom;
                default -> true;
            };
            if (sees) {
                roles.add(role);
            }
        }
        return roles;
    }

    private static boolean approves(Role role) {
        return role != Role.EDITOR && role != Role.VIEWER && role != Role.GROUP_OPERATOR;
    }

    private static List<String> pick(Random random, String[] from, int count) {
        List<String> left = new ArrayList<>(List.of(from));
        List<String> picked = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            picked.add(left.remove(random.nextInt(left.size())));
        }
        return picked;
    }

    private static String ascii(String name) {
        return java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFD)
                .replaceAll("[^A-Za-z]", "")
                .toLowerCase(Locale.ROOT);
    }
}
