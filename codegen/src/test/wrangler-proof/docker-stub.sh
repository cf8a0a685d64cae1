#!/bin/sh
# Stand-in for the docker CLI so `wrangler deploy --dry-run` can run without a Docker engine.
# wrangler calls `docker info` (is the engine up?) and `docker build ... -f - <context>` (the
# Dockerfile arrives on stdin) for Dockerfile images; nothing is built or pushed in a dry run.
# Every call succeeds; stdin is drained so wrangler's write of the Dockerfile never hits EPIPE.
case "$1" in
  version|--version|-v)
    echo "Docker version 27.5.1, build 9f9e405"
    ;;
  info)
    echo "Server Version: 27.5.1"
    ;;
  build|buildx)
    cat >/dev/null 2>&1 || true
    echo "docker-stub: build skipped ($*)" >&2
    ;;
  *)
    [ -t 0 ] || cat >/dev/null 2>&1 || true
    ;;
esac
exit 0
