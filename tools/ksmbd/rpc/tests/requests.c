// SPDX-License-Identifier: GPL-2.0-or-later
#include "requests.h"

static void server_name(struct ndr_wr *w)
{
	ndr_wr_unique_wstr(w, "\\\\127.0.0.1");
}

/* [in,out] enum struct with an empty container */
static void enum_struct(struct ndr_wr *w, uint32_t level)
{
	ndr_wr_u32(w, level);
	ndr_wr_u32(w, level);
	ndr_wr_ptr(w, true);
	ndr_wr_u32(w, 0);
	ndr_wr_ptr(w, false);
}

void req_share_enum(struct ndr_wr *w, uint32_t level, uint32_t prefmax,
		    bool resume_ptr, uint32_t resume)
{
	server_name(w);
	enum_struct(w, level);
	ndr_wr_u32(w, prefmax);
	if (ndr_wr_ptr(w, resume_ptr))
		ndr_wr_u32(w, resume);
}

void req_share_get_info(struct ndr_wr *w, const char *name, uint32_t level)
{
	server_name(w);
	ndr_wr_wstr(w, name);
	ndr_wr_u32(w, level);
}

void req_server_get_info(struct ndr_wr *w, uint32_t level)
{
	server_name(w);
	ndr_wr_u32(w, level);
}

void req_session_enum(struct ndr_wr *w, uint32_t level)
{
	server_name(w);
	ndr_wr_ptr(w, false);
	ndr_wr_ptr(w, false);
	enum_struct(w, level);
	ndr_wr_u32(w, 0xFFFFFFFF);
	ndr_wr_ptr(w, true);
	ndr_wr_u32(w, 0);
}

void req_share_check(struct ndr_wr *w, const char *device)
{
	server_name(w);
	ndr_wr_wstr(w, device);
}

void req_wksta_get_info(struct ndr_wr *w, uint32_t level)
{
	server_name(w);
	ndr_wr_u32(w, level);
}

static void object_attributes(struct ndr_wr *w)
{
	ndr_wr_u32(w, 24);		/* Length */
	ndr_wr_ptr(w, false);		/* RootDirectory */
	ndr_wr_ptr(w, false);		/* ObjectName */
	ndr_wr_u32(w, 0);		/* Attributes */
	ndr_wr_ptr(w, false);		/* SecurityDescriptor */
	ndr_wr_ptr(w, true);		/* SecurityQualityOfService */
	ndr_wr_u32(w, 12);
	ndr_wr_u16(w, 2);
	ndr_wr_u8(w, 1);
	ndr_wr_u8(w, 0);
	ndr_wr_u32(w, 0x02000000);	/* DesiredAccess: MAXIMUM_ALLOWED */
}

void req_open_policy2(struct ndr_wr *w)
{
	server_name(w);
	object_attributes(w);
}

void req_open_policy(struct ndr_wr *w)
{
	ndr_wr_ptr(w, true);
	ndr_wr_u16(w, '\\');
	object_attributes(w);
}

void req_handle(struct ndr_wr *w, const handle_t20 h)
{
	ndr_wr_handle(w, h);
}

void req_query_info_policy(struct ndr_wr *w, const handle_t20 h,
			   uint16_t level)
{
	ndr_wr_handle(w, h);
	ndr_wr_u16(w, level);
}

void req_lookup_sids(struct ndr_wr *w, const handle_t20 h,
		     const struct rpc_sid *sids, uint32_t n, bool ex)
{
	uint32_t i;

	if (h)
		ndr_wr_handle(w, h);
	ndr_wr_u32(w, n);
	if (ndr_wr_ptr(w, n > 0)) {
		ndr_wr_u32(w, n);
		for (i = 0; i < n; i++)
			ndr_wr_ptr(w, true);
		for (i = 0; i < n; i++)
			ndr_wr_sid(w, &sids[i]);
	}
	ndr_wr_u32(w, 0);		/* TranslatedNames */
	ndr_wr_ptr(w, false);
	ndr_wr_u16(w, 1);		/* LsapLookupWksta */
	ndr_wr_u32(w, 0);		/* MappedCount */
	if (ex) {
		ndr_wr_u32(w, 0);
		ndr_wr_u32(w, 2);
	}
}

static void ustr_array(struct ndr_wr *w, const char *const *names, uint32_t n)
{
	uint32_t i;

	for (i = 0; i < n; i++)
		ndr_wr_ustr(w, names[i]);
	for (i = 0; i < n; i++)
		ndr_wr_ustr_body(w, names[i]);
}

void req_lookup_names(struct ndr_wr *w, const handle_t20 h,
		      const char *const *names, uint32_t n, bool ex)
{
	if (h)
		ndr_wr_handle(w, h);
	ndr_wr_u32(w, n);
	ndr_wr_u32(w, n);		/* conformance */
	ustr_array(w, names, n);
	ndr_wr_u32(w, 0);		/* TranslatedSids */
	ndr_wr_ptr(w, false);
	ndr_wr_u16(w, 1);
	ndr_wr_u32(w, 0);
	if (ex) {
		ndr_wr_u32(w, 0);
		ndr_wr_u32(w, 2);
	}
}

void req_samr_connect5(struct ndr_wr *w)
{
	server_name(w);
	ndr_wr_u32(w, 0x02000000);
	ndr_wr_u32(w, 1);
	ndr_wr_u32(w, 1);
	ndr_wr_u32(w, 3);
	ndr_wr_u32(w, 0);
}

void req_samr_connect2(struct ndr_wr *w)
{
	server_name(w);
	ndr_wr_u32(w, 0x02000000);
}

void req_samr_connect(struct ndr_wr *w)
{
	ndr_wr_ptr(w, true);
	ndr_wr_u16(w, '\\');
	ndr_wr_u32(w, 0x02000000);
}

void req_lookup_domain(struct ndr_wr *w, const handle_t20 h, const char *name)
{
	ndr_wr_handle(w, h);
	ndr_wr_ustr(w, name);
	ndr_wr_ustr_body(w, name);
}

void req_enum(struct ndr_wr *w, const handle_t20 h, uint32_t ctx,
	      bool uac, uint32_t prefmax)
{
	ndr_wr_handle(w, h);
	ndr_wr_u32(w, ctx);
	if (uac)
		ndr_wr_u32(w, 0);
	ndr_wr_u32(w, prefmax);
}

void req_open_domain(struct ndr_wr *w, const handle_t20 h,
		     const struct rpc_sid *sid)
{
	ndr_wr_handle(w, h);
	ndr_wr_u32(w, 0x02000000);
	ndr_wr_sid(w, sid);
}

void req_handle_level(struct ndr_wr *w, const handle_t20 h, uint16_t level)
{
	ndr_wr_handle(w, h);
	ndr_wr_u16(w, level);
}

void req_samr_lookup_names(struct ndr_wr *w, const handle_t20 h,
			   const char *const *names, uint32_t n)
{
	ndr_wr_handle(w, h);
	ndr_wr_u32(w, n);
	ndr_wr_u32(w, 1000);
	ndr_wr_u32(w, 0);
	ndr_wr_u32(w, n);
	ustr_array(w, names, n);
}

void req_open_user(struct ndr_wr *w, const handle_t20 h, uint32_t rid)
{
	ndr_wr_handle(w, h);
	ndr_wr_u32(w, 0x02000000);
	ndr_wr_u32(w, rid);
}

void req_alias_membership(struct ndr_wr *w, const handle_t20 h,
			  const struct rpc_sid *sids, uint32_t n)
{
	uint32_t i;

	ndr_wr_handle(w, h);
	ndr_wr_u32(w, n);
	if (ndr_wr_ptr(w, n > 0)) {
		ndr_wr_u32(w, n);
		for (i = 0; i < n; i++)
			ndr_wr_ptr(w, true);
		for (i = 0; i < n; i++)
			ndr_wr_sid(w, &sids[i]);
	}
}
