package io.selvedge.access.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.ArrayList;
import java.util.List;

/**
 * A group's IP allow-list, as an admin types it: every entry is a CIDR block in its normal form, or the
 * whole list is refused with a reason ({@link IllegalArgumentException}, a 400); a normal form reads back
 * as itself, and no address (whatever the client or a proxy claims) makes a decision throw. Corpus:
 * {@code AddressBlocksFuzzTestInputs/}.
 */
class AddressBlocksFuzzTest {

    @FuzzTest
    void anAllowListIsNormalOrRefusedAndDecidesForAnyAddress(FuzzedDataProvider data) {
        List<String> given = new ArrayList<>();
        int count = data.consumeInt(0, 4);
        for (int i = 0; i < count; i++) {
            given.add(data.consumeString(60));
        }
        String address = data.consumeRemainingAsString();
        AddressBlocks blocks;
        try {
            blocks = AddressBlocks.parse(given);
        } catch (IllegalArgumentException refused) {
            assertThat(refused.getMessage()).isNotBlank();
            return;
        }
        assertThat(blocks.blocks()).allMatch(block -> block.matches("[0-9a-f:.]+/[0-9]{1,3}"));
        assertThat(AddressBlocks.parse(blocks.blocks()).blocks()).isEqualTo(blocks.blocks());
        boolean allowed = blocks.allows(address);
        if (blocks.isEmpty()) {
            assertThat(allowed).isTrue();
        }
        assertThat(blocks.allows(null)).isEqualTo(blocks.isEmpty());
    }
}
