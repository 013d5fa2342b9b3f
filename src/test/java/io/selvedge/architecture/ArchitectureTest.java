package io.selvedge.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameEndingWith;
import static com.tngtech.archunit.core.domain.properties.CanBeAnnotated.Predicates.annotatedWith;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.stereotype.Repository;
import org.springframework.web.bind.annotation.RestController;

/** House rules that Spring Modulith does not check (DESIGN.md, "Code layout"; STYLE.md). */
class ArchitectureTest {

    static final JavaClasses SELVEDGE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.selvedge");

    @Test
    void controllersAreThinAndPackagePrivate() {
        ArchRule rule = classes()
                .that()
                .areAnnotatedWith(Controller.class)
                .or()
                .areAnnotatedWith(RestController.class)
                .should()
                .notBePublic()
                .because("controllers are reached through Spring, never called by other code");
        rule.check(SELVEDGE);
    }

    @Test
    void noControllerTouchesARepository() {
        ArchRule rule = noClasses()
                .that()
                .areAnnotatedWith(Controller.class)
                .or()
                .areAnnotatedWith(RestController.class)
                .should()
                .dependOnClassesThat()
                .areAnnotatedWith(Repository.class)
                .orShould()
                .dependOnClassesThat()
                .haveNameMatching(".*\\.jdbc\\.core\\.JdbcTemplate")
                .because("controllers call a module's service; SQL lives next to the module that owns the table");
        rule.check(SELVEDGE);
    }

    @Test
    void onlyRepositoriesSendSqlInTheContentAndCollabModules() {
        onlyRepositoriesSendSql(simpleNameEndingWith("Repository"), "io.selvedge.content..", "io.selvedge.collab..")
                .because("a module's SQL lives in one repository per aggregate (issue 16); services orchestrate")
                .check(SELVEDGE);
    }

    @Test
    void onlyTheStorageModuleOpensDatabases() {
        ArchRule rule = noClasses()
                .that()
                .resideOutsideOfPackages("io.selvedge.storage..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("com.zaxxer.hikari..", "org.flywaydb..")
                .because("stores are opened, checked against the environment and migrated in one place");
        rule.check(SELVEDGE);
    }

    @Test
    void nothingOutsideTheCryptoModuleUsesCiphers() {
        ArchRule rule = noClasses()
                .that()
                .resideOutsideOfPackages("io.selvedge.crypto..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("javax.crypto..", "com.google.crypto.tink..")
                .because("key material lives only in io.selvedge.crypto (DESIGN.md, Encryption); other modules use"
                        + " FieldCiphers and FileCiphers");
        rule.check(SELVEDGE);
    }

    @Test
    void nothingPrintsStackTracesOrWritesToTheConsoleDirectly() {
        ArchRule rule = noClasses()
                .should()
                .callMethod(Throwable.class, "printStackTrace")
                .because("failures are logged through SLF4J, where the request id and the log format apply");
        rule.check(SELVEDGE);
    }

    @Test
    void inTenancyAccessAndAuditOnlyRepositoriesRunSql() {
        ArchRule rule = noClasses()
                .that()
                .resideInAnyPackage("io.selvedge.tenancy..", "io.selvedge.access..", "io.selvedge.audit..")
                .and()
                .haveSimpleNameNotEndingWith("Repository")
                .should()
                .callMethod(JdbcClient.class, "sql", String.class)
                .orShould()
                .callMethodWhere(target(owner(assignableTo(JdbcOperations.class))))
                .because("a module's SQL lives in its repositories (one per aggregate), services orchestrate");
        rule.check(SELVEDGE);
    }

    @Test
    void inIdentityAndNotifyOnlyRepositoriesRunSql() {
        onlyRepositoriesSendSql(
                        simpleNameEndingWith("Repository").or(annotatedWith(Repository.class)),
                        "io.selvedge.identity..",
                        "io.selvedge.notify..")
                .because("a module's SQL lives in its repositories, services orchestrate")
                .check(SELVEDGE);
    }

    @Test
    void sqlGoesThroughJdbcClientOnly() {
        ArchRule rule = noClasses()
                .that()
                .doNotHaveFullyQualifiedName("io.selvedge.identity.internal.PasskeyConfiguration")
                .and()
                .doNotHaveFullyQualifiedName("io.selvedge.storage.internal.OneNodeJobs")
                .should()
                .dependOnClassesThat()
                .areAssignableTo(JdbcOperations.class)
                .orShould()
                .dependOnClassesThat()
                .areAssignableTo(NamedParameterJdbcOperations.class)
                .because("one JDBC API (JdbcClient, issue 16); a JdbcTemplate only where a library demands one"
                        + " (Spring Security's WebAuthn JDBC repositories, in PasskeyConfiguration; ShedLock's JDBC"
                        + " lock provider, in OneNodeJobs)");
        rule.check(SELVEDGE);
    }

    /** No class of the packages but the repositories sends SQL, through either JDBC API. */
    private static ArchRule onlyRepositoriesSendSql(DescribedPredicate<JavaClass> repositories, String... packages) {
        return noClasses()
                .that()
                .resideInAnyPackage(packages)
                .and(not(repositories))
                .should()
                .callMethodWhere(target(name("sql")).and(target(owner(assignableTo(JdbcClient.class)))))
                .orShould()
                .callMethodWhere(target(owner(assignableTo(JdbcOperations.class))))
                .orShould()
                .callMethodWhere(target(owner(assignableTo(NamedParameterJdbcOperations.class))));
    }
}
