# syntax=docker/dockerfile:1
# Selvedge as a container: built from this repository, run as a non-root user on a read-only root file system.
# Only the data directory (/var/lib/selvedge: the development certificate, mail files outside production, the
# local key stores) and /tmp are writable; mount them as volumes (compose.yaml, deploy/k8s). Checked by
# DeploymentManifestsTest: every setting passed here is one the server reads, and the ports match its defaults.

FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
RUN ./mvnw -B -q dependency:go-offline
COPY src/ src/
COPY bench/ bench/
COPY docs/ docs/
# Extracted as a plain jar beside lib/ (not with the launcher): the ahead-of-time cache holds only classes the
# JVM's own class loader reads from jar files. Built on JDK 17 (the release the code targets), run on JDK 25.
RUN ./mvnw -B -q -DskipTests -Dspotless.check.skip=true -Dspotbugs.skip=true -Djacoco.skip=true package \
 && java -Djarmode=tools -jar target/selvedge.jar extract --layers --destination /layers

FROM eclipse-temurin:25-jre
# curl for the health check only; the user owns nothing but the data directory.
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 --user-group --home-dir /var/lib/selvedge --shell /usr/sbin/nologin selvedge \
 && mkdir -p /var/lib/selvedge \
 && chown 10001:10001 /var/lib/selvedge
WORKDIR /app
# Layers from the least to the most often changed, so an image update ships only the application layer.
COPY --from=build /layers/dependencies/ ./
COPY --from=build /layers/spring-boot-loader/ ./
COPY --from=build /layers/snapshot-dependencies/ ./
COPY --from=build /layers/application/ ./
# An ahead-of-time cache (README, "Faster start"; JEP 483, 514, 515): one training run on a throwaway development
# data directory makes every bean, then Spring halts and the JVM writes the classes it loaded and linked, and
# the methods' profiles; each start maps them instead of reading, verifying and linking them from the jars
# (bench/README.md, "Start"). The cache belongs to this JRE and these jars: it is made again with the image,
# and a JVM that finds it stale starts without it.
RUN java -XX:AOTCacheOutput=selvedge.aot -Dspring.context.exit=onRefresh --enable-native-access=ALL-UNNAMED \
      -jar selvedge.jar --selvedge.environment=development --selvedge.data-dir=/tmp/aot-training \
      --selvedge.port=0 --selvedge.management.port=0 \
 && rm -rf /tmp/aot-training
ENV SELVEDGE_ENVIRONMENT=production \
    SELVEDGE_DATA_DIR=/var/lib/selvedge \
    SELVEDGE_PORT=8443 \
    SELVEDGE_MANAGEMENT_PORT=9443 \
    SELVEDGE_MANAGEMENT_ADDRESS=0.0.0.0
USER 10001:10001
VOLUME ["/var/lib/selvedge", "/tmp"]
EXPOSE 8443 9443
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
  CMD curl --fail --silent --insecure https://localhost:8443/healthz || exit 1
ENTRYPOINT ["java", "-XX:AOTCache=selvedge.aot", "-XX:MaxRAMPercentage=75", "--enable-native-access=ALL-UNNAMED", "-jar", "selvedge.jar"]
