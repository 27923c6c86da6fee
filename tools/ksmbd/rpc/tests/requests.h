/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Request stubs as clients marshal them (from the IDL in [MS-SRVS],
 * [MS-WKST], [MS-LSAD], [MS-LSAT], [MS-SAMR]).
 */
#ifndef KSMBD_RPC_TEST_REQUESTS_H
#define KSMBD_RPC_TEST_REQUESTS_H

#include "ndr.h"
#include "sid.h"

typedef uint8_t handle_t20[NDR_HANDLE_SIZE];

void req_share_enum(struct ndr_wr *w, uint32_t level, uint32_t prefmax,
		    bool resume_ptr, uint32_t resume);
void req_share_get_info(struct ndr_wr *w, const char *name, uint32_t level);
void req_server_get_info(struct ndr_wr *w, uint32_t level);
void req_session_enum(struct ndr_wr *w, uint32_t level);
void req_share_check(struct ndr_wr *w, const char *device);
void req_wksta_get_info(struct ndr_wr *w, uint32_t level);

void req_open_policy2(struct ndr_wr *w);
void req_open_policy(struct ndr_wr *w);
void req_handle(struct ndr_wr *w, const handle_t20 h);
void req_query_info_policy(struct ndr_wr *w, const handle_t20 h,
			   uint16_t level);
/* h NULL for LookupSids3; ex: the Sids2/3 trailer */
void req_lookup_sids(struct ndr_wr *w, const handle_t20 h,
		     const struct rpc_sid *sids, uint32_t n, bool ex);
void req_lookup_names(struct ndr_wr *w, const handle_t20 h,
		      const char *const *names, uint32_t n, bool ex);

void req_samr_connect5(struct ndr_wr *w);
void req_samr_connect2(struct ndr_wr *w);
void req_samr_connect(struct ndr_wr *w);
void req_lookup_domain(struct ndr_wr *w, const handle_t20 h, const char *name);
void req_enum(struct ndr_wr *w, const handle_t20 h, uint32_t ctx,
	      bool uac, uint32_t prefmax);
void req_open_domain(struct ndr_wr *w, const handle_t20 h,
		     const struct rpc_sid *sid);
void req_handle_level(struct ndr_wr *w, const handle_t20 h, uint16_t level);
void req_samr_lookup_names(struct ndr_wr *w, const handle_t20 h,
			   const char *const *names, uint32_t n);
void req_open_user(struct ndr_wr *w, const handle_t20 h, uint32_t rid);
void req_alias_membership(struct ndr_wr *w, const handle_t20 h,
			  const struct rpc_sid *sids, uint32_t n);

#endif
