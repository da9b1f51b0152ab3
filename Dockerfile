# electionbot: a static binary with the articles built in, on a distroless
# non-root image. Build: docker build -t electionbot .

FROM golang:1.26 AS build
WORKDIR /src
# Modules first, in their own layer: it is rebuilt only when go.mod or
# go.sum change, not on every source edit.
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -trimpath -ldflags "-s -w" -o /out/electionbot ./cmd/electionbot

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/electionbot /usr/local/bin/electionbot
ENV HTTP_ADDR=:8080
EXPOSE 8080
USER nonroot
# The image has no shell or curl: the binary probes its own /healthz.
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["/usr/local/bin/electionbot", "healthcheck"]
ENTRYPOINT ["/usr/local/bin/electionbot"]
