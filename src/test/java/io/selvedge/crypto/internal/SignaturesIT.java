package io.selvedge.crypto.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import io.selvedge.crypto.Signatures;
import io.selvedge.platform.OperatorCommand;
import io.selvedge.storage.StoreId;
import io.selvedge.testing.SelvedgeIntegrationTest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Each store's signing key: made on first use, stored only wrapped, kept across a KEK rotation. */
@SelvedgeIntegrationTest
class SignaturesIT {

    @Autowired
    Signatures signatures;

    @Autowired
    WrappedKeysets table;

    @Autowired
    Keysets keysets;

    @Autowired
    List<OperatorCommand> commands;

    @Test
    void aSignatureVerifiesUnderItsStoresKeyOnlyAndSurvivesAKekRotation() {
        byte[] data = "head 42".getBytes(StandardCharsets.UTF_8);
        byte[] signature = signatures.sign(StoreId.region("us"), data);

        assertThat(signatures.verify(StoreId.region("us"), data, signature)).isTrue();
        assertThat(signatures.verify(StoreId.region("us"), "head 43".getBytes(StandardCharsets.UTF_8), signature))
                .isFalse();
        assertThat(signatures.verify(StoreId.GLOBAL, data, signature)).isFalse();
        WrappedKeysets.Row row = table.find(StoreId.region("us"), KeyOwner.SIGNER_ID, Purpose.SIGNING)
                .orElseThrow();
        assertThatThrownBy(() -> TinkProtoKeysetFormat.parseKeyset(row.wrapped(), InsecureSecretKeyAccess.get()))
                .isInstanceOf(GeneralSecurityException.class);

        OperatorCommand keys = commands.stream()
                .filter(command -> command.name().equals("keys"))
                .findFirst()
                .orElseThrow();
        assertThat(keys.run(List.of("rotate-kek", "--region", "us"), new PrintStream(new ByteArrayOutputStream())))
                .isZero();

        WrappedKeysets.Row rewrapped = table.find(StoreId.region("us"), KeyOwner.SIGNER_ID, Purpose.SIGNING)
                .orElseThrow();
        assertThat(rewrapped.kekName()).isNotEqualTo(row.kekName());
        keysets.evict(KeyOwner.SIGNER_ID); // read the re-wrapped row again
        assertThat(signatures.verify(StoreId.region("us"), data, signature)).isTrue();
    }
}
