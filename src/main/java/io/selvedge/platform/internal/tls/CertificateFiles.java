package io.selvedge.platform.internal.tls;

import java.nio.file.Path;

/** A PEM certificate chain and its private key. */
record CertificateFiles(Path certificate, Path privateKey) {}
