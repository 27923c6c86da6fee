// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Server state machine. Temporary stub: the server never starts.
 */
#include <linux/errno.h>

#include "server.h"

struct ksmbd_server_config ksmbd_cfg;

bool ksmbd_server_running(void)
{
	return false;
}

enum ksmbd_server_state ksmbd_server_state(void)
{
	return KSMBD_SERVER_DOWN;
}

int ksmbd_server_start(const struct ksmbd_startup_request *req, size_t len)
{
	return -EOPNOTSUPP;
}

void ksmbd_server_stop(const char *why)
{
}

int ksmbd_config_parse(struct ksmbd_server_config *cfg,
		       const struct ksmbd_startup_request *req, size_t len)
{
	return -EINVAL;
}

void ksmbd_config_free(struct ksmbd_server_config *cfg)
{
}

u16 ksmbd_parse_protocol(const char *s, bool is_max)
{
	return 0;
}
