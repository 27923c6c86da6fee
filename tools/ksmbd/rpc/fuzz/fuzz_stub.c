// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * libFuzzer target: one request stub handed straight to an interface's
 * decoder, with live context handles of fixed value so the fuzzer reaches
 * past the handle checks. Input: [iface 0-3][opnum lo][opnum hi]
 * [restricted][stub]. Handles: 20 bytes of 0x01 = lsa policy, 0x02 samr
 * server, 0x03 samr domain, 0x06 samr BUILTIN domain, 0x04 samr user 1000.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../tests/fake_provider.h"
#include "pdu.h"
#include "pipe.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void fixed_handle(struct rpc_handles *t, enum rpc_handle_kind kind,
			 uint8_t fill, bool builtin, uint32_t rid)
{
	struct rpc_handle *h = rpc_handle_new(t, kind);

	if (!h)
		abort();
	memset(h->wire, fill, NDR_HANDLE_SIZE);
	h->builtin = builtin;
	h->rid = rid;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const struct rpc_iface *const ifaces[4] = {
		&rpc_iface_srvsvc, &rpc_iface_wkssvc, &rpc_iface_lsarpc,
		&rpc_iface_samr,
	};
	struct rpc_handles handles;
	struct rpc_env env;
	struct rpc_call c;
	struct ndr_rd in;
	struct ndr_wr out;
	struct fake f;

	if (size < 4)
		return 0;
	fake_init(&f);
	fake_env(&env, &f, data[3] & 1);
	memset(&handles, 0, sizeof(handles));
	fixed_handle(&handles, RPC_H_LSA_POLICY, 0x01, false, 0);
	fixed_handle(&handles, RPC_H_SAMR_SERVER, 0x02, false, 0);
	fixed_handle(&handles, RPC_H_SAMR_DOMAIN, 0x03, false, 0);
	fixed_handle(&handles, RPC_H_SAMR_DOMAIN, 0x06, true, 0);
	fixed_handle(&handles, RPC_H_SAMR_USER, 0x04, false, 1000);
	ndr_rd_init(&in, data + 4, size - 4);
	ndr_wr_init(&out);
	c.env = &env;
	c.handles = &handles;
	c.opnum = data[1] | data[2] << 8;
	c.in = &in;
	c.out = &out;
	ifaces[data[0] & 3]->dispatch(&c);
	ndr_wr_free(&out);
	return 0;
}
