// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * libFuzzer target: ksmbd.conf parser and config model, plus the user db
 * parser on the same bytes. Build: make fuzz; run: make fuzz-run
 * (FUZZ_SECONDS=60 by default).
 */
#include <stddef.h>
#include <stdint.h>

#include "config.h"
#include "log.h"
#include "userdb.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int init;
	struct ksmbd_config *c;
	struct userdb db = { 0 };
	char err[256];

	if (!init) {
		log_init("fuzz", true);	/* keep warnings out of the output */
		init = 1;
	}
	c = config_parse((const char *)data, size, "fuzz", err, sizeof(err));
	config_free(c);
	userdb_parse(&db, (const char *)data, size, "fuzz", NULL);
	userdb_free(&db);
	return 0;
}
