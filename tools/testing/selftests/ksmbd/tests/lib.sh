# SPDX-License-Identifier: GPL-2.0-or-later
# Helpers for the integration tests (sourced; runs inside the guest).
# Environment: see lib/exec.sh. A test exits 0 pass, 4 skip, other fail.

set -u

fail() { echo "FAIL: $*"; exit 1; }
skip() { echo "SKIP: $*"; exit 4; }

# smbc PROTOCOL COMMANDS: one smbclient session pinned to PROTOCOL
smbc() {
	smbclient "$KSMBD_UNC" -s "$KSMBD_SMBCONF" -U "$KSMBD_USER%$KSMBD_PASSWORD" \
		--option="client min protocol=$1" --option="client max protocol=$1" \
		-c "$2"
}

# random_file PATH BYTES
random_file() { head -c "$2" /dev/urandom >"$1"; }
