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
RUN ./mvnw -B -q -DskipTests -Dspotless.check.skip=true -Dspotbugs.skip=true -Djacoco.skip=true package \
 && java -Djarmode=tools -jar target/selvedge.jar extract --layers --launcher --destination /layers

FROM eclipse-temurin:17-jre
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
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "--enable-native-access=ALL-UNNAMED", "org.springframework.boot.loader.launch.JarLauncher"]
