/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Logging: to stderr (default, and ksmbd.mountd -n) or syslog (daemon mode).
 * Thread-safe: each message is one write()/syslog() call.
 */
#ifndef KSMBD_LOG_H
#define KSMBD_LOG_H

#include <stdbool.h>

enum log_level { LOG_LVL_ERR, LOG_LVL_WARN, LOG_LVL_INFO, LOG_LVL_DEBUG };

void log_init(const char *prog, bool use_syslog);
void log_set_verbose(bool verbose);
bool log_verbose(void);
void log_msg(enum log_level lvl, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

#define pr_err(...)	log_msg(LOG_LVL_ERR, __VA_ARGS__)
#define pr_warn(...)	log_msg(LOG_LVL_WARN, __VA_ARGS__)
#define pr_info(...)	log_msg(LOG_LVL_INFO, __VA_ARGS__)
#define pr_debug(...)	log_msg(LOG_LVL_DEBUG, __VA_ARGS__)

#endif
