# SPDX-License-Identifier: GPL-2.0-or-later
# Reads a guest console log; prints the first line of each kernel bug report
# that counts. Known noise of the 6.1 base under UML does not count:
#  - "suspicious RCU usage" in lib/maple_tree.c (UML's mm, at every exec);
#  - kmemleak reports whose backtrace has no function of fs/smb/server
#    (page-cache xarray nodes and the like, reported on UML after any I/O);
#  - "KASAN: stack-out-of-bounds in to_irq_stack": arch/um/kernel/irq.c
#    copies a whole thread_info from one task's stack onto the IRQ stack
#    (*ti = *tti), reading across the stack redzones KASAN poisons; seen
#    under the cifs client (task tar) during a sealed mount, not in a
#    function of ours.
# -v syms=FILE names the functions of fs/smb/server, one per line.
BEGIN {
	while (syms != "" && (getline s < syms) > 0)
		ours[s] = 1
	re = "BUG:|WARNING:|Oops|Kernel panic|general protection|KASAN|UBSAN:|" \
	     "possible circular locking|possible recursive locking|" \
	     "inconsistent lock state|DEBUG_LOCKS_WARN|INFO: task .* blocked|" \
	     "unreferenced object|ODEBUG:|list_add corruption|list_del corruption|refcount_t:"
}
function flush() {
	if (head != "" && !ignore)
		print head
	head = ""
}
{
	sub(/\r$/, "")
	line = $0
	sub(/^\[ *[0-9]+\.[0-9]+\] /, "", line)
}
line ~ re {
	flush()
	head = $0
	kind = (line ~ /unreferenced object/) ? "leak" : "other"
	ignore = (kind == "leak")	# a leak counts once a frame is ours
	if (line ~ /KASAN: stack-out-of-bounds in to_irq_stack\+/)
		ignore = 1
	n = 0
	next
}
head != "" {
	n++
	if (line ~ /lib\/maple_tree\.c.*suspicious rcu_dereference/)
		ignore = 1
	if (kind == "leak" && match(line, /\] [A-Za-z0-9_.]+\+0x/)) {
		fn = substr(line, RSTART + 2, RLENGTH - 5)
		if (fn in ours)
			ignore = 0
	}
	if (n > 40 || (kind == "leak" && line !~ /^kmemleak: /))
		flush()
}
END { flush() }
