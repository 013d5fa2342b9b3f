package io.selvedge.bench;

import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.StreamingAead;
import com.google.crypto.tink.streamingaead.PredefinedStreamingAeadParameters;
import com.google.crypto.tink.streamingaead.StreamingAeadConfig;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The file stream (Tink streaming AEAD AES256_GCM_HKDF_1MB, as {@code FileCipher} uses it) against plain
 * {@code javax.crypto.Cipher} AES-256-GCM over the same bytes, in memory. Each operation moves the whole
 * file; throughput = size / time. See bench/README.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class FileStreamBenchmark {

    private static final int CHUNK = 64 * 1024;
    private static final byte[] FILE_ID = "selvedge/file/benchmark".getBytes(StandardCharsets.UTF_8);

    @Param("67108864")
    int size;

    private byte[] plaintext;
    private byte[] streamCiphertext;
    private byte[] gcmCiphertext;
    private byte[] gcmOutput;
    private byte[] nonce;
    private byte[] decryptNonce;
    private byte[] gcmPerMiB;
    private byte[] streamSink;
    private int streamLength;
    private byte[] perMiBCiphertext;
    private byte[][] perMiBNonces;
    private long counter;
    private StreamingAead stream;
    private SecretKey key;
    private final byte[] buffer = new byte[CHUNK];

    @Setup(Level.Trial)
    public void setUp() throws GeneralSecurityException, IOException {
        StreamingAeadConfig.register();
        stream = KeysetHandle.generateNew(PredefinedStreamingAeadParameters.AES256_GCM_HKDF_1MB)
                .getPrimitive(RegistryConfiguration.get(), StreamingAead.class);
        KeyGenerator generator = KeyGenerator.getInstance("AES");
        generator.init(256);
        key = generator.generateKey();
        plaintext = new byte[size];
        new SecureRandom().nextBytes(plaintext);
        nonce = new byte[12];
        new SecureRandom().nextBytes(nonce);
        gcmOutput = new byte[size + 16];
        // The JIT compiles AES-GCM only after many calls (STACK.md): warm it before measuring anything.
        byte[] small = new byte[1024];
        for (int i = 0; i < 20_000; i++) {
            gcmDecrypt(gcmEncrypt(small, new byte[small.length + 16]), nonce.clone(), new byte[small.length]);
        }
        streamSink = new byte[size + size / 64 + 1024];
        streamCiphertext = java.util.Arrays.copyOf(tinkEncrypt(), streamLength);
        gcmCiphertext = gcmEncrypt(plaintext, new byte[size + 16]).clone();
        decryptNonce = nonce.clone();
        int segments = (size + 1024 * 1024 - 1) / (1024 * 1024);
        gcmPerMiB = new byte[size + 16 * segments];
        perMiBNonces = new byte[segments][];
        perMiBCiphertext = new byte[size + 16 * segments];
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        int written = 0;
        for (int i = 0; i < segments; i++) {
            java.nio.ByteBuffer.wrap(nonce).putLong(++counter);
            perMiBNonces[i] = nonce.clone();
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, perMiBNonces[i]));
            cipher.updateAAD(FILE_ID);
            int offset = i * 1024 * 1024;
            written += cipher.doFinal(plaintext, offset, Math.min(1024 * 1024, size - offset), perMiBCiphertext, written);
        }
    }

    @Benchmark
    public byte[] streamEncrypt() throws GeneralSecurityException, IOException {
        return tinkEncrypt();
    }

    @Benchmark
    public long streamDecrypt() throws GeneralSecurityException, IOException {
        long total = 0;
        try (InputStream in = stream.newDecryptingStream(new ByteArrayInputStream(streamCiphertext), FILE_ID)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                total += n;
            }
        }
        return total;
    }

    @Benchmark
    public byte[] jceGcmEncrypt() throws GeneralSecurityException {
        return gcmEncrypt(plaintext, gcmOutput);
    }

    @Benchmark
    public byte[] jceGcmDecrypt() throws GeneralSecurityException {
        return gcmDecrypt(gcmCiphertext, decryptNonce, gcmOutput);
    }

    /** The same cipher fed 1 MiB at a time, as a stream would feed it (one nonce and tag for the file). */
    @Benchmark
    public byte[] jceGcmEncryptChunked() throws GeneralSecurityException {
        java.nio.ByteBuffer.wrap(nonce).putLong(++counter);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
        cipher.updateAAD(FILE_ID);
        int written = 0;
        int step = 1 << 20;
        for (int offset = 0; offset + step < plaintext.length; offset += step) {
            written += cipher.update(plaintext, offset, step, gcmOutput, written);
        }
        cipher.doFinal(plaintext, written, plaintext.length - written, gcmOutput, written);
        return gcmOutput;
    }

    /** One-shot through the ByteBuffer API, the path Tink's segments take into the same JCE cipher. */
    @Benchmark
    public java.nio.ByteBuffer jceGcmEncryptByteBuffer() throws GeneralSecurityException {
        java.nio.ByteBuffer.wrap(nonce).putLong(++counter);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
        cipher.updateAAD(FILE_ID);
        java.nio.ByteBuffer output = java.nio.ByteBuffer.wrap(gcmOutput);
        cipher.doFinal(java.nio.ByteBuffer.wrap(plaintext), output);
        return output;
    }

    @Benchmark
    public java.nio.ByteBuffer jceGcmDecryptByteBuffer() throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, decryptNonce));
        cipher.updateAAD(FILE_ID);
        java.nio.ByteBuffer output = java.nio.ByteBuffer.wrap(gcmOutput);
        cipher.doFinal(java.nio.ByteBuffer.wrap(gcmCiphertext), output);
        return output;
    }

    private byte[] tinkEncrypt() throws GeneralSecurityException, IOException {
        // Into a preallocated array, like the plain-GCM baselines: no buffer growth or final copy is timed.
        FixedSink sink = new FixedSink(streamSink);
        try (OutputStream out = stream.newEncryptingStream(sink, FILE_ID)) {
            for (int offset = 0; offset < plaintext.length; offset += CHUNK) {
                out.write(plaintext, offset, Math.min(CHUNK, plaintext.length - offset));
            }
        }
        streamLength = sink.length;
        return sink.bytes;
    }

    /** An output stream over an array that is large enough from the start. */
    private static final class FixedSink extends OutputStream {
        final byte[] bytes;
        int length;

        FixedSink(byte[] bytes) {
            this.bytes = bytes;
        }

        @Override
        public void write(int b) {
            bytes[length++] = (byte) b;
        }

        @Override
        public void write(byte[] source, int offset, int count) {
            System.arraycopy(source, offset, bytes, length, count);
            length += count;
        }
    }

    /**
     * Plain AES-256-GCM at its best on this JDK: one operation per 1 MiB, as many as the stream has
     * segments, into one preallocated buffer. This is the fair ceiling for the stream (same segment size,
     * no framing, no key derivation), where one operation over the whole file is a slow path of JDK 17.
     */
    @Benchmark
    public byte[] jceGcmEncryptPerMiB() throws GeneralSecurityException {
        int segment = 1024 * 1024;
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        int written = 0;
        for (int offset = 0; offset < size; offset += segment) {
            java.nio.ByteBuffer.wrap(nonce).putLong(++counter);
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
            cipher.updateAAD(FILE_ID);
            written += cipher.doFinal(plaintext, offset, Math.min(segment, size - offset), gcmPerMiB, written);
        }
        return gcmPerMiB;
    }

    @Benchmark
    public byte[] jceGcmDecryptPerMiB() throws GeneralSecurityException {
        int segment = 1024 * 1024;
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        int read = 0;
        int written = 0;
        for (int i = 0; read < perMiBCiphertext.length; i++) {
            int length = Math.min(segment + 16, perMiBCiphertext.length - read);
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, perMiBNonces[i]));
            cipher.updateAAD(FILE_ID);
            written += cipher.doFinal(perMiBCiphertext, read, length, gcmOutput, written);
            read += length;
        }
        return gcmOutput;
    }

    private byte[] gcmEncrypt(byte[] input, byte[] output) throws GeneralSecurityException {
        // A fresh nonce per encryption, as a real file would get; the benchmark only times the cipher.
        java.nio.ByteBuffer.wrap(nonce).putLong(++counter);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
        cipher.updateAAD(FILE_ID);
        cipher.doFinal(input, 0, input.length, output, 0);
        return output;
    }

    private byte[] gcmDecrypt(byte[] input, byte[] iv, byte[] output) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, iv));
        cipher.updateAAD(FILE_ID);
        cipher.doFinal(input, 0, input.length, output, 0);
        return output;
    }
}
