package io.selvedge.content.internal;

import io.selvedge.content.ContentProperties;
import io.selvedge.content.ContentRefusedException;
import io.selvedge.content.ContentTooLargeException;
import io.selvedge.content.InvalidContentException;
import io.selvedge.content.NoSuchContentException;
import io.selvedge.content.Style;
import io.selvedge.content.Styles;
import io.selvedge.content.VersionMaterial;
import io.selvedge.content.VersionMaterialAdded;
import io.selvedge.content.VersionMaterials;
import io.selvedge.crypto.FieldCipher;
import io.selvedge.crypto.FieldCiphers;
import io.selvedge.platform.AuditActor;
import io.selvedge.platform.RequestOrigin;
import io.selvedge.storage.GroupDataPlanes;
import io.selvedge.storage.GroupWrites;
import io.selvedge.storage.ResourceHomes;
import io.selvedge.storage.ResourceKind;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Material files of OBJ versions: read whole (they are small), checked to be UTF-8 text, counted in the
 * group's quota, and stored encrypted in the version's region in the transaction that also matches or adds
 * the colorway the file shows.
 */
@Service
@RequiredArgsConstructor
class MaterialService implements VersionMaterials {

    private final GroupWrites writes;
    private final MaterialRepository rows;
    private final VersionRepository versionRows;
    private final StyleRepository styleRows;
    private final ColorwayService colorways;
    private final ResourceHomes homes;
    private final GroupDataPlanes planes;
    private final FieldCiphers ciphers;
    private final Styles styles;
    private final QuotaReservations quota;
    private final ContentProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    @Override
    public VersionMaterial add(
            UUID versionId, @Nullable String filename, InputStream body, long declaredLength, UUID actor)
            throws IOException {
        String name = Filenames.safe(filename);
        if (!MtlFiles.isMtl(name)) {
            throw new InvalidContentException("A material file's name ends in .mtl.");
        }
        String tooLarge = "A material file holds at most " + MAX_SIZE / 1024 + " KiB.";
        if (declaredLength > MAX_SIZE) {
            throw new ContentTooLargeException(tooLarge);
        }
        byte[] bytes = new LimitedInputStream(body, MAX_SIZE, tooLarge).readAllBytes();
        String text = text(bytes);
        Version version = version(versionId);
        if (!version.filename().toLowerCase(Locale.ROOT).endsWith(".obj")) {
            throw new ContentRefusedException("Material files belong to an OBJ version.");
        }
        Style style = version.style();
        UUID groupId = style.groupId();
        FieldCipher cipher = ciphers.of(groupId);
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        String colourway = MtlFiles.colourwayName(name, version.filename());
        String swatch = MtlFiles.swatch(text).orElse(GltfVariants.DEFAULT_SWATCH);
        QuotaReservations.Reservation room =
                quota.reserve(groupId, id, bytes.length, now.plus(properties.uploadExpiry()));
        try {
            return writes.write(groupId, plane -> {
                JdbcClient jdbc = plane.jdbc();
                if (!styleRows.lockLive(jdbc, style.id())) {
                    throw new NoSuchContentException();
                }
                List<MaterialRepository.Row> existing = rows.ofVersion(jdbc, groupId, versionId);
                if (existing.size() >= MAX_PER_VERSION) {
                    throw new ContentRefusedException("A version has at most " + MAX_PER_VERSION + " material files.");
                }
                boolean taken = existing.stream()
                        .anyMatch(row -> MaterialRepository.FILENAME
                                .decrypt(cipher, row.filename(), row.id())
                                .equalsIgnoreCase(name));
                if (taken) {
                    throw new ContentRefusedException("The version has a material file of that name.");
                }
                UUID colorwayId = colorways.matchOrAdd(jdbc, style, versionId, colourway, swatch, actor);
                rows.insert(
                        jdbc,
                        id,
                        groupId,
                        versionId,
                        colorwayId,
                        MaterialRepository.FILENAME.encrypt(cipher, name, id),
                        MaterialRepository.CONTENT.encrypt(cipher, text, id),
                        bytes.length,
                        actor,
                        now);
                quota.consume(jdbc, room.id());
                events.publishEvent(new VersionMaterialAdded(
                        groupId,
                        style.id(),
                        versionId,
                        id,
                        colorwayId,
                        AuditActor.account(actor),
                        RequestOrigin.current()));
                return new VersionMaterial(id, versionId, name, colorwayId, bytes.length, actor, now);
            });
        } catch (RuntimeException e) {
            quota.release(groupId, room.id());
            throw e;
        }
    }

    @Override
    public List<VersionMaterial> list(UUID versionId) {
        Version version = version(versionId);
        UUID groupId = version.style().groupId();
        FieldCipher cipher = ciphers.of(groupId);
        return rows.ofVersion(planes.of(groupId).jdbc(), groupId, versionId).stream()
                .map(row -> new VersionMaterial(
                        row.id(),
                        row.versionId(),
                        MaterialRepository.FILENAME.decrypt(cipher, row.filename(), row.id()),
                        row.colorwayId(),
                        row.size(),
                        row.createdBy(),
                        row.createdAt()))
                .toList();
    }

    @Override
    public String content(UUID versionId, UUID materialId) {
        Version version = version(versionId);
        UUID groupId = version.style().groupId();
        String stored = rows.content(planes.of(groupId).jdbc(), groupId, versionId, materialId)
                .orElseThrow(NoSuchContentException::new);
        return MaterialRepository.CONTENT.decrypt(ciphers.of(groupId), stored, materialId);
    }

    /** A version of a live style, with its decrypted file name. */
    private record Version(Style style, String filename) {}

    private Version version(UUID versionId) {
        UUID groupId = homes.groupOf(versionId, ResourceKind.VERSION).orElseThrow(NoSuchContentException::new);
        VersionRow row = versionRows
                .find(planes.of(groupId).jdbc(), groupId, versionId)
                .orElseThrow(NoSuchContentException::new);
        Style style = styles.get(row.styleId()); // a live style only
        return new Version(style, VersionRepository.FILENAME.decrypt(ciphers.of(groupId), row.filename(), row.id()));
    }

    /** The file as text: UTF-8, without NUL or other control characters than tab and line ends. */
    private static String text(byte[] bytes) {
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new InvalidContentException("A material file is UTF-8 text.");
        }
        if (text.chars().anyMatch(c -> c < 0x20 && c != '\t' && c != '\n' && c != '\r')) {
            throw new InvalidContentException("A material file is text, without control characters.");
        }
        return text;
    }
}
