#!/bin/sh
# Stand-in for the docker CLI so `wrangler deploy --dry-run` can run without a Docker engine.
# wrangler calls `docker info` (is the engine up?) and `docker build ... -t <tag> ... -f -
# <context>` (the Dockerfile arrives on stdin) for Dockerfile images; nothing is built or pushed
# in a dry run. Calls succeed, except that `build` checks its tag as Docker does and refuses a
# repository name Docker refuses (upper case, a space, a separator at either end), because
# wrangler tags the build with the container application name and the real deploy fails there.
# stdin is drained so wrangler's write of the Dockerfile never hits EPIPE.

# Docker's reference grammar: [domain/]component(/component)*[:tag], where a component is
# lower-case alphanumerics separated by one '.', one or two '_', or any number of '-'.
valid_reference() {
  r_ref=$1
  r_name=${r_ref%:*}
  r_tag=${r_ref##*:}
  case "$r_ref" in
    *:*) case "$r_tag" in */*) r_name=$r_ref; r_tag= ;; esac ;;
    *) r_name=$r_ref; r_tag= ;;
  esac
  if [ -n "$r_tag" ] && ! printf '%s\n' "$r_tag" | grep -Eq '^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$'; then
    return 1
  fi
  r_first=${r_name%%/*}
  if [ "$r_first" != "$r_name" ]; then
    case "$r_first" in *.*|*:*|localhost) r_name=${r_name#*/} ;; esac
  fi
  printf '%s\n' "$r_name" | grep -Eq '^[a-z0-9]+(([._]|__|-+)[a-z0-9]+)*(/[a-z0-9]+(([._]|__|-+)[a-z0-9]+)*)*$'
}

case "$1" in
  version|--version|-v)
    echo "Docker version 27.5.1, build 9f9e405"
    ;;
  info)
    echo "Server Version: 27.5.1"
    ;;
  build|buildx)
    cat >/dev/null 2>&1 || true
    tag=
    previous=
    for arg in "$@"; do
      if [ "$previous" = "-t" ] || [ "$previous" = "--tag" ]; then
        tag=$arg
      fi
      previous=$arg
    done
    if [ -n "$tag" ] && ! valid_reference "$tag"; then
      echo "ERROR: invalid tag \"$tag\": repository name must be lowercase" >&2
      exit 1
    fi
    echo "docker-stub: build skipped ($*)" >&2
    ;;
  *)
    [ -t 0 ] || cat >/dev/null 2>&1 || true
    ;;
esac
exit 0
