# syntax=docker/dockerfile:1
# electionbot: a static binary with the articles built in, on a distroless
# non-root image. Image names are fully qualified, so that Podman and
# Buildah (which have no default registry) build it as Docker does.
#
#   docker build \
#     --build-arg VERSION="$(git describe --tags --always --dirty)" \
#     --build-arg REVISION="$(git rev-parse HEAD)" \
#     --build-arg CREATED="$(date -u +%Y-%m-%dT%H:%M:%SZ)" \
#     -t electionbot .

ARG GO_VERSION=1.26

FROM docker.io/library/golang:${GO_VERSION} AS build
WORKDIR /src
# Modules first, in their own layer and cache: rebuilt only when go.mod or
# go.sum change, not on every source edit.
COPY go.mod go.sum ./
RUN --mount=type=cache,target=/go/pkg/mod \
    go mod download
COPY . .
ARG VERSION=devel
ARG REVISION=unknown
# The Go build cache survives between builds too. The version is stamped
# with -X (.git is not in the build context, so the toolchain cannot).
RUN --mount=type=cache,target=/go/pkg/mod \
    --mount=type=cache,target=/root/.cache/go-build \
    CGO_ENABLED=0 go build -trimpath -buildvcs=false \
      -ldflags "-s -w -X main.version=${VERSION} -X main.revision=${REVISION}" \
      -o /out/electionbot ./cmd/electionbot

FROM gcr.io/distroless/static-debian12:nonroot
ARG VERSION=devel
ARG REVISION=unknown
ARG CREATED
LABEL org.opencontainers.image.title="electionbot" \
      org.opencontainers.image.description="Answers questions about elections from Wikipedia-style articles, in Discord, Telegram and a terminal" \
      org.opencontainers.image.source="https://github.com/electionbot/electionbot" \
      org.opencontainers.image.documentation="https://github.com/electionbot/electionbot#readme" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.revision="${REVISION}" \
      org.opencontainers.image.created="${CREATED}" \
      org.opencontainers.image.base.name="gcr.io/distroless/static-debian12:nonroot"
COPY --from=build /out/electionbot /usr/local/bin/electionbot
# The webhooks (and, unless ADMIN_ADDR is set, /healthz, /readyz and
# /metrics) listen here.
ENV HTTP_ADDR=:8080
EXPOSE 8080
USER nonroot
# The image has no shell or curl: the binary probes its own /healthz (on
# ADMIN_ADDR when that is set).
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["/usr/local/bin/electionbot", "healthcheck"]
ENTRYPOINT ["/usr/local/bin/electionbot"]
