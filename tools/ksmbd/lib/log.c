// SPDX-License-Identifier: GPL-2.0-or-later
#include <stdarg.h>
#include <stdio.h>
#include <syslog.h>
#include <unistd.h>

#include "log.h"

static const char *log_prog = "ksmbd";
static bool log_syslog;
static bool log_verb;

void log_init(const char *prog, bool use_syslog)
{
	log_prog = prog;
	log_syslog = use_syslog;
	if (use_syslog)
		openlog(prog, LOG_PID | LOG_NDELAY, LOG_DAEMON);
}

void log_set_verbose(bool verbose)
{
	log_verb = verbose;
}

bool log_verbose(void)
{
	return log_verb;
}

void log_msg(enum log_level lvl, const char *fmt, ...)
{
	static const char *const names[] = { "ERROR", "WARNING", "INFO", "DEBUG" };
	static const int prio[] = { LOG_ERR, LOG_WARNING, LOG_INFO, LOG_DEBUG };
	char buf[1024];
	va_list ap;
	int n;

	if (lvl == LOG_LVL_DEBUG && !log_verb)
		return;
	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	if (log_syslog) {
		syslog(prio[lvl], "%s", buf);
		return;
	}
	n = snprintf(NULL, 0, "[%s/%d]: %s: %s\n", log_prog, (int)getpid(),
		     names[lvl], buf);
	if (n > 0) {
		char line[n + 1];

		snprintf(line, sizeof(line), "[%s/%d]: %s: %s\n", log_prog,
			 (int)getpid(), names[lvl], buf);
		if (write(STDERR_FILENO, line, n) < 0)
			return;
	}
}
