# syntax=docker/dockerfile:1
# Polyglot Playground: build with the Maven Wrapper on JDK 25, run on a JDK (snippets are compiled
# at run time) with bubblewrap for the sandbox, as an unprivileged user.

FROM eclipse-temurin:25-jdk AS build
WORKDIR /src
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
# Dependencies first, so code changes do not re-download them.
RUN ./mvnw -B -q dependency:go-offline
COPY src/ src/
COPY webroot/ webroot/
COPY snippets/ snippets/
RUN ./mvnw -B -q -DskipTests package \
 && java -jar target/polyglot-playground.jar validate

FROM eclipse-temurin:25-jdk
# Python runs the lessons' Python with the packages they import; Node (from its official image, for
# a current release) runs their JavaScript. Both run in the same sandbox as the Java.
COPY --from=node:22-bookworm-slim /usr/local/bin/node /usr/local/bin/node
RUN apt-get update \
 && apt-get install -y --no-install-recommends bubblewrap curl \
      python3 python3-aiohttp python3-aiofiles python3-aiosqlite \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 --user-group --home-dir /app --shell /usr/sbin/nologin playground
WORKDIR /app
COPY --from=build /src/target/polyglot-playground.jar /app/polyglot-playground.jar
ENV PORT=8080 \
    HOST=0.0.0.0 \
    BASE_PATH= \
    LOG_LEVEL=info \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -Djava.io.tmpdir=/tmp"
# The runtime that runs Java code, a JDK cut down by jlink, linked here once beside the jar: else
# every new container would link it at start-up, a second of its way to ready.
RUN java -jar /app/polyglot-playground.jar prepare
# The server's own AOT cache, recorded here on this image's JDK and jar with the same JVM options:
# a training run serves every page once. Each container then starts with its classes loaded and
# linked and serves its first page sooner.
RUN java -XX:AOTCacheOutput=/app/polyglot-playground.aot -jar /app/polyglot-playground.jar train \
 && chmod a+r /app/polyglot-playground.aot
USER playground
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=3s --start-period=20s --retries=3 \
  CMD curl -fsS "http://127.0.0.1:${PORT}${BASE_PATH}/health" >/dev/null || exit 1
# Exec form: java runs as PID 1 and gets SIGTERM itself, so `docker stop` shuts down gracefully.
ENTRYPOINT ["java", "-XX:AOTCache=/app/polyglot-playground.aot", "-jar", "/app/polyglot-playground.jar"]
