// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * wkssvc ([MS-WKST]): NetrWkstaGetInfo levels 100, 101 and 102.
 */
#include <stdlib.h>

#include "pdu.h"
#include "pipe.h"
#include "status.h"

#define OP_NETR_WKSTA_GET_INFO	0

#define PLATFORM_ID_NT		500
#define WKSTA_VERSION_MAJOR	6
#define WKSTA_VERSION_MINOR	1

static uint32_t netr_wksta_get_info(struct rpc_call *c)
{
	uint32_t level;
	char *server;

	server = ndr_rd_unique_wstr(c->in);
	free(server);
	level = ndr_rd_u32(c->in);
	if (c->in->err)
		return NCA_S_FAULT_NDR;

	ndr_wr_u32(c->out, level);
	if (level != 100 && level != 101 && level != 102) {
		ndr_wr_u32(c->out, WERR_INVALID_LEVEL);
		return 0;
	}
	ndr_wr_ptr(c->out, true);
	ndr_wr_u32(c->out, PLATFORM_ID_NT);
	ndr_wr_ptr(c->out, true);		/* computername */
	ndr_wr_ptr(c->out, true);		/* langroup */
	ndr_wr_u32(c->out, WKSTA_VERSION_MAJOR);
	ndr_wr_u32(c->out, WKSTA_VERSION_MINOR);
	if (level >= 101)
		ndr_wr_ptr(c->out, true);	/* lanroot */
	if (level == 102)
		ndr_wr_u32(c->out, 0);		/* logged_on_users */
	ndr_wr_wstr(c->out, rpc_env_server_name(c->env));
	ndr_wr_wstr(c->out, rpc_env_workgroup(c->env));
	if (level >= 101)
		ndr_wr_wstr(c->out, "C:\\");
	ndr_wr_u32(c->out, WERR_OK);
	return 0;
}

static uint32_t wkssvc_dispatch(struct rpc_call *c)
{
	if (c->opnum == OP_NETR_WKSTA_GET_INFO)
		return netr_wksta_get_info(c);
	return NCA_S_OP_RNG_ERROR;
}

const struct rpc_iface rpc_iface_wkssvc = {
	.name = "wkssvc",
	.sec_addr = "\\PIPE\\wkssvc",
	.uuid = "6bffd098-a112-3610-9833-46c3f87e345a",
	.vers_major = 1,
	.vers_minor = 0,
	.dispatch = wkssvc_dispatch,
};
