# Shared by bench/run-transfer.sh and bench/run-containers.sh, which source it: the size of a transfer and the
# number of rounds (SIZE_MIB, REPS), a work folder in memory, and the arithmetic of their reports.
SIZE_MIB="${SIZE_MIB:-1024}"
REPS="${REPS:-3}"
BYTES=$((SIZE_MIB * 1024 * 1024))

work_dir() {  # work_dir NAME: a new folder in memory (/dev/shm) where the machine has one, else in TMPDIR
  local base=/dev/shm
  [ -d "$base" ] && [ -w "$base" ] || base="${TMPDIR:-/tmp}"
  mktemp -d "$base/$1.XXXXXX"
}
free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}
median() { printf '%s\n' "$@" | sort -g | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }
mbs() { awk -v b="$1" 'BEGIN {printf "%.0f", b / 1e6}'; }  # bytes (per second) as MB (per second)
