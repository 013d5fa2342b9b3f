package io.selvedge.testing;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A software passkey authenticator (a platform authenticator with user verification, P-256 / ES256, "none"
 * attestation) that answers a relying party's WebAuthn options as a browser and its authenticator would:
 * it writes the client data, the authenticator data and the CBOR attestation object, and signs assertions.
 * Nothing of the relying party's verification is mocked: the server checks all of it.
 */
public final class SoftwarePasskey {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String origin;
    private final KeyPair keys;
    private final byte[] credentialId = new byte[32];
    private String userHandle;
    private int signCount;

    public SoftwarePasskey(String origin) {
        this.origin = origin;
        RANDOM.nextBytes(credentialId);
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            keys = generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public String credentialId() {
        return base64Url(credentialId);
    }

    /** The body of Spring's {@code POST /webauthn/register} for these creation options. */
    public String register(String creationOptionsJson, String label) {
        JsonNode options = JSON.readTree(creationOptionsJson);
        String rpId = options.get("rp").get("id").asString();
        userHandle = options.get("user").get("id").asString();
        String clientData =
                clientData("webauthn.create", options.get("challenge").asString());
        ByteArrayOutputStream authData = new ByteArrayOutputStream();
        authData.writeBytes(sha256(rpId.getBytes(StandardCharsets.UTF_8)));
        authData.write(0x45); // user present, user verified, attested credential data
        authData.writeBytes(ByteBuffer.allocate(4).putInt(signCount).array());
        authData.writeBytes(new byte[16]); // AAGUID
        authData.writeBytes(
                ByteBuffer.allocate(2).putShort((short) credentialId.length).array());
        authData.writeBytes(credentialId);
        authData.writeBytes(coseKey());
        Map<Object, Object> attestation = new LinkedHashMap<>();
        attestation.put("fmt", "none");
        attestation.put("attStmt", Map.of());
        attestation.put("authData", authData.toByteArray());
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("attestationObject", base64Url(Cbor.encode(attestation)));
        response.put("clientDataJSON", base64Url(clientData.getBytes(StandardCharsets.UTF_8)));
        response.put("transports", new String[] {"internal"});
        Map<String, Object> credential = credential(response);
        return JSON.writeValueAsString(Map.of("publicKey", Map.of("credential", credential, "label", label)));
    }

    /** The body of Spring's {@code POST /login/webauthn} for these request options. */
    public String assertion(String requestOptionsJson) {
        return assertion(requestOptionsJson, origin);
    }

    /** An assertion whose client data names {@code claimedOrigin} (a phishing site's, say). */
    public String assertion(String requestOptionsJson, String claimedOrigin) {
        JsonNode options = JSON.readTree(requestOptionsJson);
        String rpId = options.get("rpId").asString();
        byte[] clientData = clientData("webauthn.get", options.get("challenge").asString(), claimedOrigin)
                .getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream authData = new ByteArrayOutputStream();
        authData.writeBytes(sha256(rpId.getBytes(StandardCharsets.UTF_8)));
        authData.write(0x05); // user present, user verified
        authData.writeBytes(ByteBuffer.allocate(4).putInt(++signCount).array());
        byte[] signature;
        try {
            Signature signer = Signature.getInstance("SHA256withECDSA");
            signer.initSign(keys.getPrivate());
            signer.update(authData.toByteArray());
            signer.update(sha256(clientData));
            signature = signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("authenticatorData", base64Url(authData.toByteArray()));
        response.put("clientDataJSON", base64Url(clientData));
        response.put("signature", base64Url(signature));
        response.put("userHandle", userHandle);
        return JSON.writeValueAsString(credential(response));
    }

    private Map<String, Object> credential(Map<String, Object> response) {
        Map<String, Object> credential = new LinkedHashMap<>();
        credential.put("id", credentialId());
        credential.put("rawId", credentialId());
        credential.put("response", response);
        credential.put("type", "public-key");
        credential.put("clientExtensionResults", Map.of());
        credential.put("authenticatorAttachment", "platform");
        return credential;
    }

    private String clientData(String type, String challenge) {
        return clientData(type, challenge, origin);
    }

    private static String clientData(String type, String challenge, String origin) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("type", type);
        data.put("challenge", challenge);
        data.put("origin", origin);
        data.put("crossOrigin", false);
        return JSON.writeValueAsString(data);
    }

    /** The public key as a COSE_Key: EC2, ES256, P-256, x, y. */
    private byte[] coseKey() {
        ECPublicKey key = (ECPublicKey) keys.getPublic();
        Map<Object, Object> cose = new LinkedHashMap<>();
        cose.put(1, 2);
        cose.put(3, -7);
        cose.put(-1, 1);
        cose.put(-2, unsigned32(key.getW().getAffineX()));
        cose.put(-3, unsigned32(key.getW().getAffineY()));
        return Cbor.encode(cose);
    }

    private static byte[] unsigned32(BigInteger value) {
        byte[] bytes = value.toByteArray();
        byte[] fixed = new byte[32];
        int copy = Math.min(bytes.length, 32);
        System.arraycopy(bytes, bytes.length - copy, fixed, 32 - copy, copy);
        return fixed;
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String base64Url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Just enough CBOR (RFC 8949) for WebAuthn: integers, byte and text strings, maps. */
    static final class Cbor {

        private Cbor() {}

        static byte[] encode(Object value) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            write(out, value);
            return out.toByteArray();
        }

        private static void write(ByteArrayOutputStream out, Object value) {
            if (value instanceof Integer number) {
                if (number >= 0) {
                    head(out, 0, number);
                } else {
                    head(out, 1, -1L - number);
                }
            } else if (value instanceof byte[] bytes) {
                head(out, 2, bytes.length);
                out.writeBytes(bytes);
            } else if (value instanceof String text) {
                byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
                head(out, 3, bytes.length);
                out.writeBytes(bytes);
            } else if (value instanceof Map<?, ?> map) {
                head(out, 5, map.size());
                map.forEach((key, entry) -> {
                    write(out, key);
                    write(out, entry);
                });
            } else {
                throw new IllegalArgumentException("Not supported here: " + value);
            }
        }

        private static void head(ByteArrayOutputStream out, int major, long value) {
            int type = major << 5;
            if (value < 24) {
                out.write(type | (int) value);
            } else if (value < 0x100) {
                out.write(type | 24);
                out.write((int) value);
            } else if (value < 0x10000) {
                out.write(type | 25);
                out.writeBytes(ByteBuffer.allocate(2).putShort((short) value).array());
            } else {
                out.write(type | 26);
                out.writeBytes(ByteBuffer.allocate(4).putInt((int) value).array());
            }
        }
    }
}
