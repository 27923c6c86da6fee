#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# The workloads of `ksmbd-vm bench`, run inside a guest by the exec machinery
# (environment: see lib/exec.sh) against whichever server it started. Every
# result is one line
#   BENCH KEY VALUE UNIT           or   BENCH KEY n/a REASON...
# so a workload the server cannot do is reported, not fatal. The host
# (lib/bench.sh) collects the lines of each server into a table and JSON.
# Before each step a line "bench: step WHAT" goes to the output and to the
# kernel log, so when a server's kernel dies the host can say in which step.
#
# Usage: bench.sh [MB [FILES [SECONDS]]]: the large files' size in MiB
# (default 256), how many small files (500), how long the 4 KiB random
# reads run (15 s).

MB=${1:-256}
NFILES=${2:-500}
SECS=${3:-15}
WORK=$KSMBD_SCRATCH
MNT=$WORK/mnt
ERR=$WORK/err

result() { echo "BENCH $*"; }

# step WHAT: announce a step (see above)
step() {
	echo "bench: step $*"
	echo "bench: step $*" >/dev/kmsg 2>/dev/null
}

# na KEY FILE: KEY is n/a; the reason is FILE's first line that names an
# error, or its last line
na() {
	local why
	why=$(grep -m 1 -iE 'error|fail|denied|NT_STATUS_|refused|timed out' "$2" 2>/dev/null)
	[ -n "$why" ] || why=$(grep -v '^[[:space:]]*$' "$2" 2>/dev/null | tail -n 1)
	why=$(echo "$why" | tr -s '\t ' '  ' | cut -c1-160)
	result "$1 n/a ${why:-failed}"
}

drop_caches() {
	sync
	echo 3 >/proc/sys/vm/drop_caches
}

# --- raw loopback TCP: the ceiling for anything over the guest's loopback
tcp_ceiling() {
	python3 - "$MB" >"$WORK/tcp" 2>"$ERR" <<'EOP' || { na tcp_loopback "$ERR"; return; }
import socket, sys, threading, time
total = int(sys.argv[1]) << 20
buf = bytearray(1 << 20)
srv = socket.socket()
srv.bind(("127.0.0.1", 0))
srv.listen(1)
got = [0]

def sink():
    c, _ = srv.accept()
    rbuf = bytearray(1 << 20)
    while True:
        n = c.recv_into(rbuf)
        if not n:
            break
        got[0] += n
    c.close()

t = threading.Thread(target=sink)
t.start()
s = socket.create_connection(srv.getsockname())
t0 = time.monotonic()
sent = 0
while sent < total:
    sent += s.send(buf)
s.shutdown(socket.SHUT_WR)
t.join()
dt = time.monotonic() - t0
if got[0] != sent:
    sys.exit("received %d of %d bytes" % (got[0], sent))
print("%.1f" % (sent / dt / 1048576))
EOP
	result tcp_loopback "$(cat "$WORK/tcp")" MiB/s
}

mount_share() {
	mkdir -p "$MNT"
	mount -t cifs "$KSMBD_UNC" "$MNT" \
		-o "username=$KSMBD_USER,password=$KSMBD_PASSWORD,vers=3.1.1,cache=none" 2>"$ERR"
}

# fio_job KEY FIELD UNIT FIO-ARGS...: one fio job on the cifs mount; FIELD is
# read.bw, write.bw (reported in MiB/s) or read.iops
fio_job() {
	local key=$1 field=$2 unit=$3 v
	shift 3
	drop_caches
	if ! fio --name="$key" --filename="$MNT/fio.dat" --size="${MB}M" --thread \
		--ioengine=psync --fallocate=none --output-format=json \
		--output="$WORK/$key.json" "$@" >"$ERR" 2>&1; then
		na "$key" "$ERR"
		return 1
	fi
	v=$(python3 - "$WORK/$key.json" "$field" 2>>"$ERR" <<'EOP'
import json, sys
job = json.load(open(sys.argv[1]))["jobs"][0]
if job.get("error"):
    sys.exit("fio error %d" % job["error"])
rw, what = sys.argv[2].split(".")
if what == "bw":
    print("%.1f" % (job[rw]["bw_bytes"] / 1048576))
else:
    print("%.0f" % job[rw]["iops"])
EOP
	) || { na "$key" "$ERR"; return 1; }
	result "$key" "$v" "$unit"
}

# small_files: create, stat, unlink $NFILES empty files on the mount
small_files() {
	local out
	drop_caches
	out=$(python3 - "$MNT/small" "$NFILES" 2>"$ERR" <<'EOP'
import os, sys, time
d, n = sys.argv[1], int(sys.argv[2])
os.mkdir(d)
names = [os.path.join(d, "f%05d" % i) for i in range(n)]
rates = []
for phase in ("create", "stat", "unlink"):
    t0 = time.monotonic()
    for p in names:
        if phase == "create":
            os.close(os.open(p, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644))
        elif phase == "stat":
            os.stat(p)
        else:
            os.unlink(p)
    rates.append("%s %.0f" % (phase, n / (time.monotonic() - t0)))
os.rmdir(d)
print("\n".join(rates))
EOP
	) || {
		na file_create "$ERR"
		na file_stat "$ERR"
		na file_unlink "$ERR"
		return
	}
	echo "$out" | while read -r phase rate; do
		result "file_$phase" "$rate" files/s
	done
}

# smbc_rate KEY CMD: run one smbclient command, report its average rate
smbc_rate() {
	local key=$1 v
	drop_caches
	if ! smbclient "$KSMBD_UNC" -s "$KSMBD_SMBCONF" -U "$KSMBD_USER%$KSMBD_PASSWORD" \
		--option='client max protocol=SMB3_11' -c "$2" >"$ERR" 2>&1 ||
		grep -q NT_STATUS_ "$ERR"; then
		na "$key" "$ERR"
		return
	fi
	# "(average 123.4 kb/s)" (put) or "(average 123.4 KiloBytes/sec)" (get)
	v=$(sed -n 's/.*(average \([0-9.]*\) \(kb\/s\|KiloBytes\/sec\)).*/\1/p' "$ERR" | tail -n 1)
	if [ -z "$v" ]; then
		na "$key" "$ERR"
		return
	fi
	result "$key" "$(awk -v k="$v" 'BEGIN { printf "%.1f", k / 1024 }')" MiB/s
}

echo "bench: $KSMBD_DAEMON daemon, $KSMBD_KERNEL kernel, ${MB} MiB files, $NFILES small files"
step raw loopback TCP
tcp_ceiling

# smbclient put and get of one large file; get writes to /dev/null. Before
# the cifs client's workloads: a server that oopses under those still gets
# these numbers.
dd if=/dev/urandom of="$WORK/big" bs=1M count="$MB" status=none
step smbclient put
smbc_rate smbclient_put "lcd $WORK; put big big.bin"
rm -f "$WORK/big"
step smbclient get
smbc_rate smbclient_get "get big.bin /dev/null"

# big.bin goes through the mount, not smbclient's del: that del searches
# the directory, and a server that dies on directory opens (the 6.1.192
# one) should be seen dying at the mount the other workloads need
step cifs mount, which opens the share root
if mount_share; then
	rm -f "$MNT/big.bin"
	step fio sequential write
	fio_job seq_write_1m write.bw MiB/s --rw=write --bs=1M --end_fsync=1
	step fio sequential read
	fio_job seq_read_1m read.bw MiB/s --rw=read --bs=1M
	step fio random read
	fio_job rand_read_4k read.iops IOPS --rw=randread --bs=4k \
		--time_based --runtime="$SECS"
	rm -f "$MNT/fio.dat"
	step small files
	small_files
	umount "$MNT" 2>/dev/null
else
	for k in seq_write_1m seq_read_1m rand_read_4k file_create file_stat file_unlink; do
		na "$k" "$ERR"
	done
fi
exit 0
