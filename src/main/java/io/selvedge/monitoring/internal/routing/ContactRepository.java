package io.selvedge.monitoring.internal.routing;

import io.selvedge.crypto.EncryptedColumn;
import io.selvedge.crypto.EncryptedColumns;
import io.selvedge.crypto.EncryptedTable;
import io.selvedge.crypto.FieldCipher;
import io.selvedge.crypto.FieldCiphers;
import io.selvedge.monitoring.AlertSeverity;
import io.selvedge.storage.GroupDataPlane;
import io.selvedge.storage.GroupDataPlanes;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A group's security contacts, in the group's region: the channels its admins chose (target and secret under
 * the group's keys) and the least severe of its alerts they are sent.
 */
@RequiredArgsConstructor
class ContactRepository {

    static final EncryptedTable CHANNELS = EncryptedTable.named("monitoring_contact_channel");
    static final EncryptedColumn TARGET = CHANNELS.column("target");
    static final EncryptedColumn SECRET = CHANNELS.column("secret");

    private final GroupDataPlanes planes;
    private final FieldCiphers ciphers;
    private final Clock clock;

    Optional<AlertSeverity> minSeverity(UUID groupId) {
        return planes.of(groupId)
                .jdbc()
                .sql("select min_severity from monitoring_contact_setting where group_id = ?")
                .params(groupId)
                .query((row, n) -> AlertSeverity.valueOf(row.getString(1)))
                .optional();
    }

    List<Channel> channels(UUID groupId) {
        FieldCipher cipher = ciphers.of(groupId);
        return planes.of(groupId)
                .jdbc()
                .sql("select id, kind, name, target, secret from monitoring_contact_channel where group_id = ?"
                        + " order by created_at, id")
                .params(groupId)
                .query((row, n) -> {
                    UUID id = row.getObject(1, UUID.class);
                    return new Channel(
                            id,
                            null,
                            groupId,
                            ChannelKind.valueOf(row.getString(2)),
                            row.getString(3),
                            TARGET.decrypt(cipher, row.getString(4), id),
                            SECRET.decrypt(cipher, row.getString(5), id));
                })
                .list();
    }

    Optional<Channel> channel(UUID groupId, UUID channelId) {
        return channels(groupId).stream().filter(c -> c.id().equals(channelId)).findFirst();
    }

    /** Replaces the group's setting and channels in one transaction of its region. */
    void replace(UUID groupId, AlertSeverity minSeverity, List<Channel> channels) {
        GroupDataPlane plane = planes.of(groupId);
        FieldCipher cipher = ciphers.of(groupId);
        plane.transactions().executeWithoutResult(status -> {
            plane.jdbc()
                    .sql("delete from monitoring_contact_setting where group_id = ?")
                    .params(groupId)
                    .update();
            plane.jdbc()
                    .sql("insert into monitoring_contact_setting (group_id, min_severity) values (?, ?)")
                    .params(groupId, minSeverity.name())
                    .update();
            plane.jdbc()
                    .sql("delete from monitoring_contact_channel where group_id = ?")
                    .params(groupId)
                    .update();
            for (Channel channel : channels) {
                plane.jdbc()
                        .sql("insert into monitoring_contact_channel (id, group_id, kind, name, target, secret,"
                                + " created_at) values (?, ?, ?, ?, ?, ?, ?)")
                        .params(
                                channel.id(),
                                groupId,
                                channel.kind().name(),
                                channel.name(),
                                TARGET.encrypt(cipher, channel.target(), channel.id()),
                                SECRET.encrypt(cipher, channel.secret(), channel.id()),
                                clock.instant().atOffset(ZoneOffset.UTC))
                        .update();
            }
        });
    }

    @Configuration(proxyBeanMethods = false)
    static class Beans {

        @Bean
        ContactRepository contactRepository(GroupDataPlanes planes, FieldCiphers ciphers, Clock clock) {
            return new ContactRepository(planes, ciphers, clock);
        }

        /** Re-encrypts the contacts' targets and secrets after the group's keys rotate. */
        @Bean
        EncryptedColumns monitoringContactChannels(GroupDataPlanes planes) {
            return new EncryptedColumns("monitoring.contact-channels", CHANNELS, planes);
        }
    }
}
