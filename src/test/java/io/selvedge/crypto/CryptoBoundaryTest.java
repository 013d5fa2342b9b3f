package io.selvedge.crypto;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Tag;

/** Only the crypto module touches key material: no other module uses the JCE's ciphers or Tink. */
@Tag("store-independent")
@AnalyzeClasses(packages = "io.selvedge", importOptions = ImportOption.DoNotIncludeTests.class)
class CryptoBoundaryTest {

    @ArchTest
    static final ArchRule onlyCryptoUsesCiphers = noClasses()
            .that()
            .resideInAPackage("io.selvedge..")
            .and()
            .resideOutsideOfPackage("io.selvedge.crypto..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("javax.crypto..", "com.google.crypto.tink..")
            .because("key material lives only in io.selvedge.crypto (DESIGN.md, Encryption); other modules use"
                    + " FieldCiphers and FileCiphers");
}
