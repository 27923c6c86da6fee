# SPDX-License-Identifier: GPL-2.0-or-later
# Guest stage: start the server, then run each line of $RUN/tests
# ("IDX<TAB>TIMEOUT<TAB>NAME<TAB>COMMAND") with its own timeout. The output
# goes to $RUN/out/IDX.log, the exit status to $RUN/results ("IDX STATUS").

make_share_fs || exit 1
write_client_conf
kmemleak_reset
start_server || exit 1
echo "ksmbd-vm-guest: server $KSMBD_DAEMON up"

export KSMBD_SERVER=127.0.0.1 KSMBD_SHARE KSMBD_USER KSMBD_PASSWORD
export KSMBD_UNC=//127.0.0.1/$KSMBD_SHARE KSMBD_DAEMON KSMBD_KERNEL
export KSMBD_SELFTEST_DIR KSMBD_REPO_DIR KSMBD_KTOOLS_DIR
mkdir -p "$RUN/out"
tab=$(printf '\t')
while IFS=$tab read -r idx limit name cmd; do
	[ -n "$idx" ] || continue
	echo "$idx" >"$RUN/current"
	echo "ksmbd-vm-guest: test $idx $name"
	if ! server_alive; then
		echo "server not listening before the test: restarting it" >"$RUN/out/$idx.log"
		stop_server >/dev/null 2>&1
		start_server >>"$RUN/out/$idx.log" 2>&1
	fi
	clean_share
	export KSMBD_SCRATCH=/run/scratch/$idx
	mkdir -p "$KSMBD_SCRATCH"
	start=$(date +%s)
	(cd "$KSMBD_SCRATCH" && timeout -k 5 "$limit" /bin/sh -c "$cmd") \
		>>"$RUN/out/$idx.log" 2>&1 </dev/null
	rc=$?
	[ $rc -ne 124 ] && [ $rc -ne 137 ] || echo "timed out after ${limit}s" >>"$RUN/out/$idx.log"
	echo "$idx $rc $(($(date +%s) - start))" >>"$RUN/results"
	rm -rf "$KSMBD_SCRATCH"
done <"$RUN/tests"

stop_server >/dev/null 2>&1
kmemleak_report
exit 0
