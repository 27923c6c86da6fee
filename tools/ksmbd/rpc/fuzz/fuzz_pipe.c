// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * libFuzzer target: a byte stream written into a pipe, as a client would.
 * Input: [flags][stream]. flags bit 0: restricted session; bits 1-3 choose
 * how the stream is cut into writes and bits 4-6 the read size.
 */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>

#include "../tests/fake_provider.h"
#include "rpc.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const size_t cuts[8] = { 0, 1, 3, 16, 24, 100, 1000, 4280 };
	static const size_t reads[8] = { 4280, 1, 7, 16, 64, 1024, 65536, 24 };
	static uint8_t out[65536];
	struct rpc_env env;
	struct rpc_pipe *p;
	struct fake f;
	size_t off = 0, cut, rd;

	if (!size)
		return 0;
	fake_init(&f);
	fake_add_shares(&f, data[0] & 0x80 ? 60 : 0);
	fake_env(&env, &f, data[0] & 1);
	cut = cuts[(data[0] >> 1) & 7];
	rd = reads[(data[0] >> 4) & 7];
	data++;
	size--;
	p = rpc_pipe_open(&env);
	if (!p)
		return 0;
	while (off < size) {
		size_t n = cut && size - off > cut ? cut : size - off;
		bool more;

		if (rpc_pipe_write(p, data + off, n) == -ENOMEM)
			abort();
		off += n;
		while (rpc_pipe_read(p, out, rd, &more))
			;
	}
	rpc_pipe_close(p);
	return 0;
}
