/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The single-instance lock of ksmbd.mountd: KSMBD_LOCK_FILE holds the pid of
 * the running manager process and stays flock()ed by it for its lifetime.
 */
#ifndef KSMBD_PIDFILE_H
#define KSMBD_PIDFILE_H

#include <sys/types.h>

/* Take the lock and write our pid; fd (keep it open) or -errno (-EBUSY if held). */
int pidfile_acquire(const char *path);
/* Rewrite the pid (after daemonizing). */
int pidfile_write(int fd);
/* pid of a running mountd holding the lock, or 0 if none. */
pid_t pidfile_running(const char *path);
/* Send sig to the running mountd; 0, -ESRCH if none, or -errno. */
int pidfile_signal(const char *path, int sig);

#endif
