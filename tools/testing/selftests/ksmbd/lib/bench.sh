# SPDX-License-Identifier: GPL-2.0-or-later
# bench: not written yet. Plan: one guest run per server (ours, the 6.1
# peer kernel with our tools as daemon since Debian's ksmbd-tools 3.4.7
# cannot serve shares with it, Samba's smbd), fio through cifs (seq 1 MiB
# read/write, 4 KiB randread), small-file create/stat/unlink, smbclient
# get/put, raw loopback TCP as the ceiling; a table with ratios, and JSON.
cmd_bench() {
	echo "ksmbd-vm bench: not implemented yet" >&2
	return 2
}
